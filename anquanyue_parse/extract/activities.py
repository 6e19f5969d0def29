"""The heading tree (outline) and the activity list under the activity-content section(s).

The activity list is read by the first of READERS that answers: a reader returns None when
its shape is absent, a list (maybe empty: "better empty than wrong") when it decides."""

from __future__ import annotations

from typing import Callable, Optional

import regex

from ..models import Activity, Section
from ..segment import Node
from .activities_inline import inline_items, inline_numbered, inline_section, labelled_items, table_items
from .activities_rules import ANNOUNCE_PATTERN, NOT_ACTIVITY_SECTION_PATTERN, ACTIVITY_NAME_PATTERN, ACTIVITY_SECTION_PATTERN, ACTIVITY_WORD_PATTERN, SUMMARY_PATTERN, activity_like, generic, section_heading
from .base import Context, split_units
from .dates import DATE_PATTERN, parse_date_match
from .registry import Extractor, Found, mark

__all__ = ["extract_outline", "extract_activities"]

#: "责任单位:各县(区)人民政府(管委会),市安委会各成员单位及重点企业".
RESPONSIBLE_PATTERN = regex.compile(r"(?:责任单位|牵头单位|责任部门|负责单位)\s*:\s*(?P<v>[^\n。]{2,200})")

#: A line break with its surrounding white space, inside a heading title.
LINE_BREAK_PATTERN = regex.compile(r"\s*\n\s*")


def _number(ctx: Context, node: Node) -> str:
    return ctx.value(node.start, node.title_start).strip()


def _title(ctx: Context, node: Node) -> str:
    """The heading's title as it reads (pinyin residue after its last character included, see
    ``Normalized.display_span``), a title broken over lines joined."""
    ds, de = ctx.norm.display_span(node.title_start, node.title_end)
    return LINE_BREAK_PATTERN.sub("", ctx.norm.display.text[ds:de].strip(" \t\u3000\n"))


def _heading(ctx: Context, node: Node) -> str:
    """The heading's title in the match text."""
    return ctx.text[node.title_start:node.title_end]


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


#: How much of a section's intro, before its first item, is read for an announcement.
INTRO_REACH = 300


def _announces(ctx: Context, node: Node) -> bool:
    """The section's intro announces its items as the work to do: "二、抓好落实,切实推进。各单位积极开展
    活动,…主要做好以下几个方面工作:" then "(一)积极参与应急和安全知识竞赛。"."""
    if not node.children or NOT_ACTIVITY_SECTION_PATTERN.search(_heading(ctx, node)):
        return False
    start = max(node.title_end, node.children[0].start - INTRO_REACH)
    return bool(ANNOUNCE_PATTERN.search(ctx.text, start, node.children[0].start))


def _sections(ctx: Context, with_children: bool = True) -> list[Node]:
    return [n for n in ctx.seg.nodes() if bool(n.children) == with_children
            and (section_heading(_heading(ctx, n)) or with_children and _announces(ctx, n))]


def _inside(node: Node, other: Node) -> bool:
    p: Optional[Node] = node.parent
    while p is not None:
        if p is other:
            return True
        p = p.parent
    return False


def _from_sections(ctx: Context) -> Optional[list[Activity]]:
    """The items of the activity sections (nested ones are part of the outer)."""
    sections = _sections(ctx)
    top = []
    for s in sections:
        if any(o is not s and _inside(s, o) for o in sections):
            continue
        # "第二部分 活动内容 > 重点活动 > 1. 2. …": the unnumbered inner heading holds the items
        inner = [o for o in sections if o.plain and _inside(o, s)]
        top.extend(inner or [s])
    if not top:
        return None
    # a contest's rules or an agenda under "活动内容" (参与对象, 评选条件, 竞赛时间:…) are no activities
    return [_activity(ctx, c) for s in top for c in s.children if not generic(_heading(ctx, c))]


def _from_bare_sections(ctx: Context) -> Optional[list[Activity]]:
    """An activity section without numbered items: a table, an inline list, else nothing."""
    bare = _sections(ctx, with_children=False)
    for section in bare:
        rows = (table_items(ctx, section) or inline_items(ctx, section.title_end, section.end, anchored=False)
                or inline_numbered(ctx, section.title_end, section.end))
        if rows:
            return rows
    return [] if bare else None  # a section we could not read: no guessing from other sections


def _from_flattened(ctx: Context) -> Optional[list[Activity]]:
    """A page flattened into paragraphs: "…效果。二、活动内容(一)开展校园安全知识宣教活动。…(二)…"."""
    return inline_section(ctx, section_heading, ACTIVITY_SECTION_PATTERN) or None


def _from_labelled(ctx: Context) -> Optional[list[Activity]]:
    """Activities labelled by their ordinal: "系列活动一:课间护眼五分钟", "系列活动二:眼科挂号0元"."""
    return labelled_items(ctx) or None


def _from_summary(ctx: Context) -> Optional[list[Activity]]:
    """A summary's headings ("加强领导,精心组织") are what was done, not activities; an
    announced list ("重点开展好“十大系列宣传活动”:一是…") still is, and so are top headings
    that each name an activity ("一、广场宣传活动。", "二、灾害风险隐患排查。")."""
    title = ctx.text[ctx.seg.title[0]:ctx.seg.title[1]] if ctx.seg.title else ctx.text[:120]
    if not SUMMARY_PATTERN.search(title):
        return None
    roots = [n for n in ctx.seg.roots if n.level == 1]
    if len(roots) >= 2 and all(ACTIVITY_NAME_PATTERN.fullmatch(_heading(ctx, n)) for n in roots):
        return [_activity(ctx, n) for n in roots]
    return inline_items(ctx, 0, len(ctx.text))


#: Orphan items with no section after them are an activity list from this many on.
MIN_LONE_ORPHANS = 3


def _from_orphans(ctx: Context) -> Optional[list[Activity]]:
    """An excerpt that starts inside the activity list: the orphan items before its first section,
    or, with no section at all, at least MIN_LONE_ORPHANS items that each look like an activity,
    most of them naming one (not a call's rules: "(三)每条口号不超过20个字")."""
    roots = ctx.seg.roots
    first_section = next((i for i, n in enumerate(roots) if n.level <= 1), len(roots))
    orphans = [n for n in roots[:first_section] if n.level > 1 and not n.plain]
    titles = [_heading(ctx, n) for n in orphans]
    if not orphans or any(generic(t) for t in titles) or not all(activity_like(t) for t in titles):
        return None  # (not the notes of a document site: "3、如文档侵犯您的权益,请联系客服")
    named = sum(bool(ACTIVITY_WORD_PATTERN.search(t)) for t in titles)
    if first_section < len(roots) or len(orphans) >= MIN_LONE_ORPHANS and 2 * named > len(titles):
        return [_activity(ctx, n) for n in orphans]
    return None


def _from_roots(ctx: Context) -> Optional[list[Activity]]:
    """A plan whose top headings are its activities."""
    roots = [n for n in ctx.seg.roots if n.level == 1]
    items = [n for n in roots if not generic(_heading(ctx, n)) and activity_like(_heading(ctx, n))]
    if items and (len(items) == len(roots) or len(items) >= 2):
        return [_activity(ctx, n) for n in items]
    return None


def _from_inline(ctx: Context) -> Optional[list[Activity]]:
    """An announced inline list anywhere: "将组织开展六项活动:一是…。二是…。"."""
    return inline_items(ctx, 0, len(ctx.text))


#: The readers of the activity list, most specific first; the first that answers decides.
READERS: tuple[Callable[[Context], Optional[list[Activity]]], ...] = (
    _from_sections, _from_bare_sections, _from_flattened, _from_labelled, _from_summary, _from_orphans, _from_roots, _from_inline,
)


#: A heading this short at the very end of an excerpt was cut: "(三)开".
MIN_LAST_TITLE = 3


def _cut(item: Activity, content_end: int) -> bool:
    """The last heading of an excerpt cut inside it (it ends at ``content_end``, where the text's
    trailing white space starts), with no body: a stub ("(三)开") or a number cut ("二、制定2020");
    a long title cut mid-sentence is kept (its words are the source's)."""
    if item.children or item.text != item.title or not item.span or item.span.end < content_end:
        return False
    title = item.title
    return len(title) < MIN_LAST_TITLE or title[-1].isdigit() or "," in title


def _clean(ctx: Context, items: list[Activity]) -> list[Activity]:
    """Drop a heading the excerpt cut, and an item that repeats an earlier one with its details
    ("安全环保隐患申报—“我参与,我光荣”" after "安全环保隐患申报": a second, detailed section)."""
    out: list[Activity] = []
    content_end = len(ctx.source.text.rstrip())  # once, not a copy of the rest per item
    for item in items:
        if _cut(item, content_end) or any(item.title.startswith(o.title) and item.title != o.title for o in out):
            continue
        out.append(item)
    return out


def extract_activities(ctx: Context) -> list[Activity]:
    for reader in READERS:
        found = reader(ctx)
        if found is not None:
            return ctx.limit(_clean(ctx, found), "activities")
    return []


def _run_outline(ctx: Context) -> list[Found]:
    return [mark(s, "normalized") for s in extract_outline(ctx)]


def _run_activities(ctx: Context) -> list[Found]:
    return [mark(a, "normalized") for a in extract_activities(ctx)]


EXTRACTORS = (
    Extractor("outline", _run_outline),
    Extractor("activities", _run_activities, needs=("year",)),  # dates without a year take it
)
