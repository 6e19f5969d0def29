"""The heading tree (outline) and the activity list under the activity-content section(s)."""

from __future__ import annotations

from typing import Optional

import regex

from ..models import Activity, Section
from ..segment import Node
from .base import Context, split_units
from ..numerals import to_int
from .dates import DATE_PATTERN, parse_date_match
from .registry import Extractor, Found, mark

__all__ = ["extract_outline", "extract_activities"]

#: A section that lists activities: "三、活动内容", "三、主要工作任务", "五、主要活动安排",
#: "六、“安全生产月”活动主要内容", "五、“安全生产万里行”活动主要内容", "五、活动内容及形式".
ACTIVITY_SECTION_PATTERN = regex.compile(
    r"(?:活动|工作|竞赛|宣传)(?:主要)?(?:内容|安排|任务|项目|形式)|主要(?:内容|任务|活动|工作)|重点(?:活动|工作|任务)|"
    r"具体(?:活动|措施|安排)|活动及安排|系列活动"
)

#: Section titles that are about the campaign, not an activity: "总体要求", "活动主题", "组织机构".
GENERIC_SECTION_PATTERN = regex.compile(
    r"(?:活动|工作|竞赛|宣传|基本|总体|主要|有关|相关|具体|实施|参加|参与)?的?"
    r"(?:指导思想|总体要求|总体思路|总体目标|总体安排|目标任务|目标|主题|口号|时间|时间安排|组织机构|组织领导|"
    r"组织保障|组织实施|领导小组|机构|要求|保障措施|保障|措施|原则|范围|对象|联系方式|步骤|阶段|背景|意义|其他|"
    r"事项|注意事项|依据|说明|附则|安排|"
    # a contest's rules and an event's agenda (参赛对象, 投稿方式, 评选, 地点, 参加单位, 议程)
    r"征集|征集时间|征集范围|征集内容|作品|作品要求|作品内容|评选|评审|评选时间|奖项|奖项设置|奖励|表彰|参赛|参赛对象|"
    r"投稿|投稿方式|报名|报名方式|规则|竞赛规则|演讲主题|演讲内容|演讲安排|参加单位|参加人员|参与方式|地点|议程|"
    r"组织单位|主办单位|承办单位|协办单位|考核|统计与考核|出版|专辑|单位|方式|形式|成效|展望|提示|核心内容|基本情况|"
    r"主要做法|经验|体会|存在问题|问题|下一步|条件|评选条件|评选办法|办法|内容要求|组织|出版|专辑出版)"
)

#: A heading that is a label with its value, "征集时间:2010年6月1日至9月30日": read the label.
LABEL_HEADING_PATTERN = regex.compile(r"^(?P<label>[^:]{2,12}):")

#: The words a heading opens with, before any junk a copy-protected page appends.
LEAD_WORDS_PATTERN = regex.compile(r"[\p{Han}“”、()]+")

#: A summary's or report's title or opening: its headings are achievements, not an activity list.
SUMMARY_PATTERN = regex.compile(r"总结|情况报告|工作汇报|开展情况|活动情况")


#: Joins parts of a section title: "活动时间及目标", "主题和时间安排".
TITLE_JOINER_PATTERN = regex.compile(r"和|及|(?<!参)与|、|暨")  # not the 与 of 参与

#: An activity-looking section that is about requirements: "活动要求", "工作保障安排".
NOT_ACTIVITY_SECTION_PATTERN = regex.compile(r"要求|保障")


def _generic(title: str) -> bool:
    """A heading about the campaign itself ("总体要求", "活动时间及目标", "主题和时间安排")."""
    label = LABEL_HEADING_PATTERN.match(title.strip())
    title = label.group("label") if label else title
    lead = LEAD_WORDS_PATTERN.match(title.strip())  # "活动组织 ;(3!#4`q(]": junk after the words
    title = lead.group(0) if lead else title
    parts = [p for p in TITLE_JOINER_PATTERN.split(title.strip(" :。")) if p]
    return bool(parts) and all(GENERIC_SECTION_PATTERN.fullmatch(p) for p in parts)

#: "责任单位:各县(区)人民政府(管委会),市安委会各成员单位及重点企业".
RESPONSIBLE_PATTERN = regex.compile(r"(?:责任单位|牵头单位|责任部门|负责单位)\s*:\s*(?P<v>[^\n。]{2,200})")

#: An inline list "将组织开展六项活动:一是…。二是…。".
INLINE_LIST_PATTERN = regex.compile(r"(?:活动|工作|方面|措施|内容|任务)[^。\n]{0,8}:\s*(?=一是)")
INLINE_ITEM_PATTERN = regex.compile(r"(?P<n>[一二三四五六七八九十]{1,2})是(?P<t>[^。;\n]{3,120})")

def _number(ctx: Context, node: Node) -> str:
    return ctx.value(node.start, node.title_start).strip()


def _title(ctx: Context, node: Node) -> str:
    """The heading's title as it reads, a title broken over lines joined."""
    return LINE_BREAK_PATTERN.sub("", ctx.value(node.title_start, node.title_end))


def _section(ctx: Context, node: Node) -> Section:
    return Section(
        number=_number(ctx, node), level=node.level,
        title=_title(ctx, node),
        span=ctx.span(node.start, node.title_end),
        children=[_section(ctx, c) for c in node.children],
    )


def extract_outline(ctx: Context) -> list[Section]:
    return [_section(ctx, n) for n in ctx.seg.roots]


def _activity(ctx: Context, node: Node) -> Activity:
    text = ctx.text
    body_end = node.children[0].start if node.children else node.end
    resp = RESPONSIBLE_PATTERN.search(text, node.start, node.end)
    dates = []
    for m in DATE_PATTERN.finditer(text, node.start, body_end):
        d, _ = parse_date_match(m, ctx.year)
        if d and d not in dates:
            dates.append(d)
    return Activity(
        number=_number(ctx, node),
        title=_title(ctx, node),
        text=ctx.value(node.title_start, body_end),
        children=[_activity(ctx, c) for c in node.children],
        responsible=split_units(ctx.value(resp.start("v"), resp.end("v"))) if resp else [],
        dates=dates,
        span=ctx.span(node.start, node.end),
    )


def _sections(ctx: Context, with_children: bool = True) -> list[Node]:
    text = ctx.text
    return [n for n in ctx.seg.nodes()
            if bool(n.children) == with_children and ACTIVITY_SECTION_PATTERN.search(text[n.title_start:n.title_end])
            and not NOT_ACTIVITY_SECTION_PATTERN.search(text[n.title_start:n.title_end])]


#: A line break with its surrounding white space, inside a heading title.
LINE_BREAK_PATTERN = regex.compile(r"\s*\n\s*")

#: A row number in the first cell of a table row: "1", "12.".
ROW_NUMBER_PATTERN = regex.compile(r"\d{1,3}\.?")

#: The column of a table that names the activity: "序号	活动内容	时间	地点	责任单位".
TABLE_COLUMN_PATTERN = regex.compile(r"活动内容|活动名称|活动项目|项目名称|内容|项目")

#: Cell separators in a table row of the display text: a tab, or a run of 2+ spaces.
CELL_SPLIT_PATTERN = regex.compile(r"\t+|[ \u3000]{2,}")


def _cells(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row: split on tabs, or on runs of 2+ spaces."""
    out, pos = [], 0
    for m in CELL_SPLIT_PATTERN.finditer(line):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(line)))
    return out if len(out) > 1 else []


def _table_items(ctx: Context, node: Node) -> list[Activity]:
    """Rows of an activity table under ``node`` (a section without numbered items), read from
    the display text where the cell separators survive."""
    ds, de = ctx.norm.display_span(node.title_end, node.end)
    display = ctx.norm.display.text
    column = None
    out: list[Activity] = []
    pos = ds
    for line in display[ds:de].split("\n"):
        start, pos = pos, pos + len(line) + 1
        cells = _cells(line)
        values = [line[a:b].strip() for a, b in cells]
        if len(values) < 2:
            continue
        if column is None:
            column = next((i for i, v in enumerate(values) if TABLE_COLUMN_PATTERN.fullmatch(v)), None)
            continue
        if column < len(values) and ROW_NUMBER_PATTERN.fullmatch(values[0]) and values[column]:
            a, b = cells[column]
            cs = start + a + (len(line[a:b]) - len(line[a:b].lstrip()))
            out.append(Activity(number=values[0], title=values[column], text=line.strip(),
                                span=ctx.display_source_span(cs, cs + len(values[column]))))
    return out


def _inline(ctx: Context, start: int, end: int, anchored: bool = True) -> list[Activity]:
    """An inline list "一是…。二是…。" in ``[start, end)``; ``anchored``: only after "…活动:"."""
    text = ctx.text
    if anchored:
        m = INLINE_LIST_PATTERN.search(text, start, end)
        if not m:
            return []
        start = m.end()
    out = []
    expected = 1
    for item in INLINE_ITEM_PATTERN.finditer(text, start, min(end, start + 3000)):
        if to_int(item.group("n")) != expected:
            break
        expected += 1
        out.append(Activity(number=item.group("n") + "是", title=ctx.value(item.start("t"), item.end("t")),
                            text=ctx.value(item.start("t"), item.end("t")),
                            span=ctx.span(item.start(), item.end())))
    return out


def extract_activities(ctx: Context) -> list[Activity]:
    sections = _sections(ctx)
    # a section nested in another activity section is part of it
    top = []
    for s in sections:
        if any(o is not s and _inside(s, o) for o in sections):
            continue
        # "第二部分 活动内容 > 重点活动 > 1. 2. …": the unnumbered inner heading holds the items
        inner = [o for o in sections if o.plain and _inside(o, s)]
        top.extend(inner or [s])
    if top:
        text = ctx.text
        # a contest's rules or an agenda under "活动内容" (参与对象, 评选条件, 竞赛时间:…) are no activities
        kids = [c for s in top for c in s.children if not _generic(text[c.title_start:c.title_end])]
        return ctx.limit([_activity(ctx, c) for c in kids], "activities")
    bare = _sections(ctx, with_children=False)
    for section in bare:
        rows = _table_items(ctx, section) or _inline(ctx, section.title_end, section.end, anchored=False)
        if rows:
            return ctx.limit(rows, "activities")
    if bare:
        return []  # an activity section we could not read: no guessing from other sections
    text = ctx.text
    title = ctx.text[ctx.seg.title[0]:ctx.seg.title[1]] if ctx.seg.title else ctx.text[:120]
    if SUMMARY_PATTERN.search(title):
        # a summary's headings ("加强领导,精心组织") are what was done, not activities; an
        # announced list ("重点开展好“十大系列宣传活动”:一是…") still is
        return _inline(ctx, 0, len(text))
    # an excerpt that starts inside the activity list: the orphan items before its first section
    first_section = next((i for i, n in enumerate(ctx.seg.roots) if n.level <= 1), len(ctx.seg.roots))
    orphans = [n for n in ctx.seg.roots[:first_section] if n.level > 1 and not n.plain]
    if orphans and first_section < len(ctx.seg.roots) and not any(_generic(text[n.title_start:n.title_end])
                                                                    for n in orphans):
        return ctx.limit([_activity(ctx, n) for n in orphans], "activities")
    roots = [n for n in ctx.seg.roots if n.level == 1]
    items = [n for n in roots if not _generic(text[n.title_start:n.title_end])]
    if items and (len(items) == len(roots) or len(items) >= 2):
        return ctx.limit([_activity(ctx, n) for n in items], "activities")
    return _inline(ctx, 0, len(text))


def _inside(node: Node, other: Node) -> bool:
    p: Optional[Node] = node.parent
    while p is not None:
        if p is other:
            return True
        p = p.parent
    return False


def _run_outline(ctx: Context) -> list[Found]:
    return [mark(s, "normalized") for s in extract_outline(ctx)]


def _run_activities(ctx: Context) -> list[Found]:
    return [mark(a, "normalized") for a in extract_activities(ctx)]


EXTRACTORS = (
    Extractor("outline", _run_outline),
    Extractor("activities", _run_activities, needs=("year",)),  # dates without a year take it
)
