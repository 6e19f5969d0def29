"""Activities that are not numbered headings: rows of an activity table, and inline lists
("一是…。二是…。") inside a paragraph."""

from __future__ import annotations

from typing import Optional

import regex

from ..models import Activity
from ..numerals import to_int
from ..segment import GLUED_LIST_PATTERN, Node
from .base import Context

__all__ = ["table_items", "inline_items", "inline_numbered", "inline_section", "labelled_items"]

#: A row number in the first cell of a table row: "1", "12.".
ROW_NUMBER_PATTERN = regex.compile(r"\d{1,3}\.?")

#: The column of a table that names the activity: "序号	活动内容	时间	地点	责任单位".
TABLE_COLUMN_PATTERN = regex.compile(r"活动内容|活动名称|活动项目|项目名称|内容|项目")

#: Cell separators in a table row of the display text: a tab, or a run of 2+ spaces.
CELL_SPLIT_PATTERN = regex.compile(r"\t+|[ \u3000]{2,}")

#: An inline list "将组织开展六项活动:一是…。二是…。".
INLINE_LIST_PATTERN = regex.compile(r"(?:活动|工作|方面|措施|内容|任务)[^。\n]{0,8}:\s*(?=一是)")
#: A lead that announces requirements, not activities: "通知就开展活动提出以下要求:一是加强领导".
REQUIREMENT_LEAD_PATTERN = regex.compile(r"要求|保障")
INLINE_ITEM_PATTERN = regex.compile(r"(?P<n>[一二三四五六七八九十]{1,2})是(?P<t>[^。;\n]{3,120})")

#: A numbered item inside a paragraph: "…活动安排(一)按照全市统一部署…(二)开展…".
INLINE_NUMBER_PATTERN = regex.compile(r"\((?P<n>[一二三四五六七八九十]{1,3})\)")

#: A digit-numbered item inside a paragraph: "…活动形式及内容1.开办安全生产宣传专栏。…2.积极参与…".
INLINE_DIGIT_PATTERN = regex.compile(r"(?<![\d.])(?P<n>\d{1,2})(?P<sep>[.、])(?!\d)")

#: Where an inline item's title ends: the end of its sentence or line.
INLINE_TITLE_END_PATTERN = regex.compile(r"[。;!?\n]")

#: The number of a section heading flattened into a paragraph: "…实际效果。二、", "…8月31日四、".
INLINE_HEAD_PATTERN = regex.compile(r"(?:^|(?<=[。;!?\p{Han}\d]))[ \t]*(?P<n>[一二三四五六七八九十]{1,2})、", regex.M)

#: The first item of a flattened section: "(一)" or "1." / "1、".
INLINE_FIRST_PATTERN = regex.compile(r"\(一\)|(?<!\d)1[.、](?!\d)")

#: A flattened section's name, when its items follow at once: "活动内容" in "二、活动内容(一)开展…".
INLINE_NAME_PATTERN = regex.compile(r"[^。;:,()\n]{2,16}")

#: How far after its heading a flattened section's first item may come (an intro sentence between).
MAX_INLINE_INTRO = 200

#: An inline item's title longer than this is a paragraph, not a name.
MAX_INLINE_TITLE = 120

#: A line that labels an activity by its ordinal: "系列活动一:课间护眼五分钟,清晰世界伴我行", "活动二:眼科挂号0元".
LABELLED_ITEM_PATTERN = regex.compile(
    r"^[ \t]*(?:系列)?活动(?P<n>[一二三四五六七八九十]{1,2})[ \t]*:[ \t]*(?P<t>[^\n]{2,60}?)[ \t]*$", regex.M
)

#: How far after its start an inline list is read.
INLINE_REACH = 3000


def _cells(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row: split on tabs, or on runs of 2+ spaces."""
    out, pos = [], 0
    for m in CELL_SPLIT_PATTERN.finditer(line):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(line)))
    return out if len(out) > 1 else []


def table_items(ctx: Context, node: Node) -> list[Activity]:
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


def inline_items(ctx: Context, start: int, end: int, anchored: bool = True) -> list[Activity]:
    """An inline list "一是…。二是…。" in ``[start, end)``; ``anchored``: only after "…活动:"."""
    text = ctx.text
    if anchored:
        m = INLINE_LIST_PATTERN.search(text, start, end)
        while m and REQUIREMENT_LEAD_PATTERN.search(m.group(0)):
            m = INLINE_LIST_PATTERN.search(text, m.end(), end)
        if not m:
            return []
        start = m.end()
    out = []
    expected = 1
    for item in INLINE_ITEM_PATTERN.finditer(text, start, min(end, start + INLINE_REACH)):
        if to_int(item.group("n")) != expected:
            break
        expected += 1
        out.append(Activity(number=item.group("n") + "是", title=ctx.value(item.start("t"), item.end("t")),
                            text=ctx.value(item.start("t"), item.end("t")),
                            span=ctx.span(item.start(), item.end())))
    return out


def _inline_title_end(text: str, start: int, end: int, mark: regex.Pattern) -> int:
    """The end of an inline item's title: its sentence, the next item, or a list glued to it."""
    stops = [m.start() for m in (INLINE_TITLE_END_PATTERN.search(text, start, end), mark.search(text, start, end),
                                 GLUED_LIST_PATTERN.search(text, start + 2, end)) if m]
    return min(stops, default=end)


def inline_numbered(ctx: Context, start: int, end: int, least: int = 2) -> list[Activity]:
    """Numbered items "(一)…(二)…" (or "1.…2.…") run into a paragraph in ``[start, end)``, from the
    first on; fewer than ``least`` are none."""
    text = ctx.text
    first = INLINE_NUMBER_PATTERN.search(text, start, end)
    mark = INLINE_NUMBER_PATTERN
    digit = INLINE_DIGIT_PATTERN.search(text, start, end)
    if digit and digit.group("n") == "1" and (not first or digit.start() < first.start()):
        mark = regex.compile(INLINE_DIGIT_PATTERN.pattern.replace("[.、]", regex.escape(digit.group("sep"))))
    out: list[Activity] = []
    expected = 1
    for m in mark.finditer(text, start, min(end, start + INLINE_REACH)):
        if to_int(m.group("n")) != expected:
            continue
        stop = _inline_title_end(text, m.end(), end, mark)
        if not 2 <= stop - m.end() <= MAX_INLINE_TITLE:
            break
        expected += 1
        body = mark.search(text, stop, end)
        out.append(Activity(number=ctx.value(m.start(), m.end()), title=ctx.value(m.end(), stop),
                            text=ctx.value(m.end(), body.start() if body else end),
                            span=ctx.span(m.start(), stop)))
    return out if len(out) >= least else []


def _inline_name(text: str, head: regex.Match, is_section, name_pattern: regex.Pattern) -> Optional[int]:
    """Where the items of a flattened section headed at ``head`` start, when its name is an
    activity section's: "二、活动内容(一)…", or "三、活动内容紧紧围绕主题,重点组织开展…。(一)…"."""
    first = INLINE_FIRST_PATTERN.search(text, head.end(), head.end() + MAX_INLINE_INTRO)
    if not first or "\n" in text[head.end():first.start()]:
        return None
    name = text[head.end():first.start()]
    if INLINE_NAME_PATTERN.fullmatch(name) and is_section(name):
        return first.start()
    lead = name_pattern.match(text, head.end())  # the name, then an intro sentence
    return first.start() if lead and is_section(lead.group(0)) else None


def inline_section(ctx: Context, is_section, name_pattern: regex.Pattern) -> list[Activity]:
    """The items of an activity section flattened into a paragraph: "二、活动内容(一)开展…。1、…(二)…",
    read up to the next section ("三、") of the same paragraph run; ``is_section`` judges its name,
    ``name_pattern`` finds one at the start of a heading run into its intro."""
    text = ctx.text
    for head in INLINE_HEAD_PATTERN.finditer(text):
        start = _inline_name(text, head, is_section, name_pattern)
        if start is None:
            continue
        nxt = regex.compile(rf"(?<=[。;!?\p{{Han}}\d])\s*{_numeral(to_int(head.group('n')) + 1)}、")
        stop = nxt.search(text, start)
        items = inline_numbered(ctx, start, stop.start() if stop else len(text), least=1)
        if items:
            return items
    return []


def _numeral(n: int) -> str:
    """1..99 as a Chinese numeral: 3 -> "三", 12 -> "十二"."""
    digits = "一二三四五六七八九"
    if n < 10:
        return digits[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens - 1]) + "十" + (digits[ones - 1] if ones else "")


def labelled_items(ctx: Context) -> list[Activity]:
    """Lines "系列活动一:…", "系列活动二:…" in order (two at least), each an activity."""
    out: list[Activity] = []
    for m in LABELLED_ITEM_PATTERN.finditer(ctx.text):
        if to_int(m.group("n")) != len(out) + 1:
            break
        out.append(Activity(number=ctx.value(m.start(), m.start("t")).rstrip(":： "),
                            title=ctx.value(m.start("t"), m.end("t")), text=ctx.value(m.start("t"), m.end("t")),
                            span=ctx.span(m.start("t"), m.end("t"))))
    return out if len(out) >= 2 else []
