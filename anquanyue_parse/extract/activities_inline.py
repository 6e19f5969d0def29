"""Activities that are not numbered headings: rows of an activity table, and inline lists
("一是…。二是…。") inside a paragraph."""

from __future__ import annotations

import regex

from ..models import Activity
from ..numerals import to_int
from ..segment import GLUED_LIST_PATTERN, Node
from .base import Context

__all__ = ["table_items", "inline_items", "inline_numbered", "inline_section"]

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

#: Where an inline item's title ends: the end of its sentence or line.
INLINE_TITLE_END_PATTERN = regex.compile(r"[。;!?\n]")

#: An activity section flattened into a paragraph with its first item: "…实际效果。二、活动内容(一)开展…".
INLINE_SECTION_PATTERN = regex.compile(
    r"(?:^|(?<=[。;!?]))\s*(?P<n>[一二三四五六七八九十]{1,2})、(?P<t>[^。;:,()\n]{2,16}?)(?=\(一\))", regex.M
)

#: An inline item's title longer than this is a paragraph, not a name.
MAX_INLINE_TITLE = 120

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


def _inline_title_end(text: str, start: int, end: int) -> int:
    """The end of an inline item's title: its sentence, the next item, or a list glued to it."""
    stops = [m.start() for m in (INLINE_TITLE_END_PATTERN.search(text, start, end),
                                 INLINE_NUMBER_PATTERN.search(text, start, end),
                                 GLUED_LIST_PATTERN.search(text, start + 2, end)) if m]
    return min(stops, default=end)


def inline_numbered(ctx: Context, start: int, end: int) -> list[Activity]:
    """Numbered items "(一)…(二)…" run into a paragraph in ``[start, end)``, from "(一)" on."""
    text = ctx.text
    out: list[Activity] = []
    expected = 1
    for m in INLINE_NUMBER_PATTERN.finditer(text, start, min(end, start + INLINE_REACH)):
        if to_int(m.group("n")) != expected:
            continue
        stop = _inline_title_end(text, m.end(), end)
        if not 2 <= stop - m.end() <= MAX_INLINE_TITLE:
            break
        expected += 1
        body = INLINE_NUMBER_PATTERN.search(text, stop, end)
        out.append(Activity(number=ctx.value(m.start(), m.end()), title=ctx.value(m.end(), stop),
                            text=ctx.value(m.end(), body.start() if body else end),
                            span=ctx.span(m.start(), stop)))
    return out if len(out) >= 2 else []


def inline_section(ctx: Context, is_section) -> list[Activity]:
    """The items of an activity section flattened into a paragraph: "二、活动内容(一)开展…。1、…(二)…",
    read up to the next section ("三、") of the same paragraph run; ``is_section`` judges its name."""
    text = ctx.text
    for m in INLINE_SECTION_PATTERN.finditer(text):
        if not is_section(m.group("t")):
            continue
        nxt = to_int(m.group("n")) + 1
        stop = regex.compile(rf"(?<=[。;!?])\s*{_numeral(nxt)}、").search(text, m.end())
        items = inline_numbered(ctx, m.end(), stop.start() if stop else len(text))
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
