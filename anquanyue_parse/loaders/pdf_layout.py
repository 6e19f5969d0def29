"""From positioned PDF lines to text: page furniture out, layout wraps re-joined.

* Page numbers (``— 1 —``, ``-1-``, ``第1页``, a bare ``3``) among the first or last two
  lines of a page, and running headers/footers (the same text at the top or bottom of at
  least half the pages, two at least), are dropped.
* A line continues on the next one when it reaches the right margin of the text block
  and the next line starts at the left margin (a new paragraph starts indented), has the
  same font size, and does not start a heading or list item. A centered title wrapped in
  a large font continues on a centered line. Table rows always stand alone.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

import regex

from ..patterns.layout import BLOCK_START_PATTERN, PAGE_NUMBER_LINE_PATTERN

__all__ = ["Line", "layout_text", "layout_placed", "drop_furniture"]

#: A page number standing alone in the page margin besides the forms normalize knows:
#: "3", "- 3 -" without spaces in odd dashes, "·3·", "3/12", "Page 3", "第 3 页".
BARE_PAGE_NUMBER_PATTERN = regex.compile(r"[\s·•\-—–]*(?:(?:page|p\.)\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?[\s·•\-—–]*", regex.I)

#: Characters that end a sentence or clause: a line ending with one that stops short of
#: the margin ends its paragraph, e.g. "…务求取得实效。".
CLAUSE_END = "。！？；：!?;:"

#: Lines scanned for page numbers and running headers at each end of a page.
EDGE_LINES = 2


@dataclass
class Line:
    """A line of a page (or a table row, ``row=True``) in page coordinates (points, top-down)."""

    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    text: str
    row: bool = False


def _is_page_number(text: str) -> bool:
    return bool(PAGE_NUMBER_LINE_PATTERN.fullmatch(text) or BARE_PAGE_NUMBER_PATTERN.fullmatch(text))


def _numbered(text: str) -> bool:
    """A numbered heading or list item ("一、", "（二）", "3.", "①"), not "附件"/"联系人" lines."""
    return bool(BLOCK_START_PATTERN.match(text)) and text.lstrip()[:1] not in "附联邮电"


def _edge_key(text: str) -> str:
    # exact text: page numbers are handled above, and "附件1"/"附件2" heading pages must survive
    return regex.sub(r"\s+", "", text)


def drop_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """The pages without page numbers and running headers/footers."""
    pages = [[ln for i, ln in enumerate(p) if not (_at_edge(i, len(p)) and _is_page_number(ln.text))]
             for p in pages]
    if len(pages) < 2:
        return pages
    counts: Counter[tuple[str, str]] = Counter()
    for p in pages:
        keys = {("top", _edge_key(ln.text)) for ln in p[:EDGE_LINES] if not ln.row}
        keys |= {("bottom", _edge_key(ln.text)) for ln in p[-EDGE_LINES:] if not ln.row}
        counts.update(keys)
    running = {k for k, n in counts.items() if n >= 2 and n >= 0.5 * len(pages) and k[1]}
    if not running:
        return pages
    out = []
    for p in pages:
        keep = []
        for i, ln in enumerate(p):
            side = "top" if i < EDGE_LINES else "bottom" if i >= len(p) - EDGE_LINES else ""
            if side and (side, _edge_key(ln.text)) in running:
                continue
            keep.append(ln)
        out.append(keep)
    return out


def _at_edge(i: int, n: int) -> bool:
    return i < EDGE_LINES or i >= n - EDGE_LINES


@dataclass
class _Geometry:
    """The text block: left margin per page, right margin and body font size of the document."""

    left: list[float]
    right: float
    body_size: float
    leading: float
    headings_indented: bool = False  # numbered headings start indented, so a flush one is a wrap

    @classmethod
    def measure(cls, pages: list[list[Line]]) -> "_Geometry":
        text_lines = [ln for p in pages for ln in p if not ln.row]
        weight: Counter[float] = Counter()
        for ln in text_lines:
            weight[ln.size] += len(ln.text)
        body_size = weight.most_common(1)[0][0] if weight else 12.0
        body = [ln for ln in text_lines if abs(ln.size - body_size) <= 1] or text_lines
        right = _right_margin([ln.x1 for ln in body])
        doc_left = _left_margin(body)
        left = []
        for p in pages:
            page_body = [ln for ln in p if not ln.row and abs(ln.size - body_size) <= 1]
            left.append(_left_margin(page_body) if len(page_body) >= 4 else doc_left)
        steps = [b.bottom - a.bottom for p in pages for a, b in zip(p, p[1:])
                 if not a.row and not b.row and 0 < b.bottom - a.bottom < 4 * body_size]
        leading = statistics.median(steps) if steps else 1.5 * body_size
        indented = flush = 0
        for p, page_left in zip(pages, left):
            for ln in p:
                if not ln.row and _numbered(ln.text):
                    if ln.x0 > page_left + 0.5 * ln.size:
                        indented += 1
                    else:
                        flush += 1
        return cls(left, right, body_size, leading, indented >= 2 and indented >= 2 * flush)


def _right_margin(x1s: list[float]) -> float:
    """Where full lines end: the most common line end (1-pt bins) among the longest 30% of
    lines, so a few lines with hanging punctuation do not move the margin."""
    if not x1s:
        return 0.0
    longest = sorted(x1s)[int(0.7 * (len(x1s) - 1)):]
    bins = Counter(round(x) for x in longest)
    best, n = bins.most_common(1)[0]
    return float(best) if n >= 3 else longest[-1]


def _left_margin(lines: list[Line]) -> float:
    """Where unindented lines start: the smallest x0 of the body lines."""
    return min((ln.x0 for ln in lines), default=0.0)


def _continues(prev: Line, nxt: Line, geo: _Geometry, left: float, same_page: bool) -> bool:
    """Does ``nxt`` carry on the paragraph that ``prev`` ends (a layout wrap)?"""
    if prev.row or nxt.row or abs(prev.size - nxt.size) > 1 or not prev.text or not nxt.text:
        return False
    if same_page and nxt.bottom - prev.bottom > 1.5 * geo.leading:
        return False  # a vertical gap: a new block
    size = prev.size
    flush = nxt.x0 <= left + 0.5 * size
    if BLOCK_START_PATTERN.match(nxt.text) and not (flush and geo.headings_indented and _numbered(nxt.text)):
        return False
    short_by = geo.right - prev.x1
    if short_by > 2.5 * size or (short_by > 0.6 * size and prev.text[-1] in CLAUSE_END):
        return False
    if flush:
        return True
    center = (left + geo.right) / 2
    return (prev.x0 <= left + 0.5 * size and size > geo.body_size + 1
            and abs((nxt.x0 + nxt.x1) / 2 - center) < size)


def layout_text(pages: list[list[Line]]) -> tuple[str, list[int]]:
    """The document text and the offset at which each page starts."""
    text, starts, _ = layout_placed(pages)
    return text, starts


def layout_placed(pages: list[list[Line]]) -> tuple[str, list[int], list[tuple[int, Line, int, int]]]:
    """As :func:`layout_text`, plus where each kept line landed: (page index, line, start, end)."""
    pages = drop_furniture(pages)
    geo = _Geometry.measure(pages)
    parts: list[str] = []
    size = 0
    starts: list[int] = []
    placed: list[tuple[int, Line, int, int]] = []
    prev: Line | None = None
    for page_no, page in enumerate(pages):
        starts.append(-1)
        for i, ln in enumerate(page):
            if prev is not None and _continues(prev, ln, geo, geo.left[page_no], same_page=i > 0):
                sep = " " if _latin_pair(prev.text[-1], ln.text[0]) else ""
            else:
                sep = "\n" if parts else ""
            parts.append(sep)
            size += len(sep)
            if starts[-1] < 0:
                starts[-1] = size
            parts.append(ln.text)
            placed.append((page_no, ln, size, size + len(ln.text)))
            size += len(ln.text)
            prev = ln
        if starts[-1] < 0:
            starts[-1] = size
    return "".join(parts), starts, placed


def _latin_pair(a: str, b: str) -> bool:
    """A wrap between two Latin words takes a space; one inside a number does not (a phone
    number wrapped at the margin: "0731-87" + "822345")."""
    return a.isascii() and a.isalnum() and b.isascii() and b.isalnum() and not (a.isdigit() and b.isdigit())
