"""From OCR text boxes to page lines in reading order, ready for :func:`.pdf_layout.layout_text`.

A GB/T 9704 notice is one column: red header, 文号, title, recipients, body, signature and
date, top to bottom; a line may hold several boxes (``联系人：张三    电话：…``, two issuers
side by side). So:

* the page's skew is measured from the long boxes' top edges and undone (a scan is rarely
  straight: 0.5-2° moves the end of a line by up to a line height);
* boxes far off that direction (the ring of a seal) are left out;
* boxes whose vertical extents overlap by half the smaller height form one line, left to
  right, with a space where the gap is wider than half a character;
* positions become points (72 per inch) and the line's font size is estimated from the box
  height, with sizes near the page's body size snapped to it, so the PDF line joiner
  (margins, indents, font-size changes) reads an OCR page as it reads a text page.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from typing import Optional

import regex

from .ocr_engine import OcrBox
from .pdf_layout import Line

__all__ = ["OcrLine", "page_lines", "unify_sizes", "BOX_PER_EM", "MAX_SKEW_DEVIATION", "DIGIT_DASH_PATTERN"]

#: Height of a detected box per em of its font: the detector pads each line (measured
#: 1.03-1.07 on 16 and 22 pt lines at 150-300 dpi).
BOX_PER_EM = 1.05
#: Line sizes within this ratio of a font's size are that font (box heights jitter with the
#: glyphs a line holds: quotes and brackets reach higher than 一 or 、).
SIZE_CLUSTER_RATIO = 1.1
#: A box of at most two characters and less than this share of the body text's height is the
#: residue of a seal or a stamp (its ring of small characters), not a word of the page.
STAMP_RESIDUE_HEIGHT = 0.8
#: A box whose direction differs from the page's by more than this (degrees) is not a text
#: line of the page: the ring of a seal, a stamp at an angle.
MAX_SKEW_DEVIATION = 12.0
#: Boxes at least this many times as wide as high measure the skew.
SKEW_BOX_RATIO = 4.0
#: A line of at most this many characters, or mostly not Han, has a weak size (its box
#: height depends on its glyphs): measured within WEAK_SIZE_RATIO of the body's size it takes
#: that size, e.g. "科。" measured 19.0 pt and "72-8021119" 14.9 pt on a page of 16 pt body text.
WEAK_SIZE_CHARS = 4
WEAK_SIZE_RATIO = 1.25
#: A line's boxes overlap vertically by at least this share of the smaller one.
SAME_LINE_OVERLAP = 0.5
#: A gap wider than this share of the font size between two boxes of a line is a space.
SPACE_GAP_EM = 0.45


@dataclass
class OcrLine(Line):
    """A page line read by OCR: ``conf`` is the engine's confidence (the lowest of its boxes),
    ``box`` the line's rectangle as shares of the page (x0, top, x1, bottom, 0-1)."""

    conf: float = 1.0
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)


@dataclass
class _Box:
    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    conf: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


def _angle(box: OcrBox) -> float:
    (x0, y0), (x1, y1) = box.quad[0], box.quad[1]
    return math.degrees(math.atan2(y1 - y0, x1 - x0))


def page_skew(boxes: list[OcrBox]) -> float:
    """The page's text direction in degrees (0 for a straight page): the median direction of
    the long boxes' top edges."""
    angles = []
    for b in boxes:
        xs = [p[0] for p in b.quad]
        ys = [p[1] for p in b.quad]
        if max(xs) - min(xs) >= SKEW_BOX_RATIO * max(1.0, max(ys) - min(ys)):
            angles.append(_angle(b))
    return statistics.median(angles) if angles else 0.0


def _straighten(boxes: list[OcrBox], width: int, height: int) -> list[_Box]:
    skew = page_skew(boxes)
    cx, cy = width / 2, height / 2
    cos, sin = math.cos(math.radians(-skew)), math.sin(math.radians(-skew))
    out = []
    for b in boxes:
        if not b.text.strip():
            continue
        if len(b.text) > 1 and abs(_angle(b) - skew) > MAX_SKEW_DEVIATION:
            continue
        pts = [(cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos) for x, y in b.quad]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        out.append(_Box(min(xs), max(xs), min(ys), max(ys), b.text.strip(), b.conf))
    return out


def _group(boxes: list[_Box]) -> list[list[_Box]]:
    """Boxes into lines: each box joins the line it overlaps most, top to bottom."""
    lines: list[list[_Box]] = []
    bands: list[tuple[float, float]] = []
    for b in sorted(boxes, key=lambda b: (b.top + b.bottom) / 2):
        best, best_overlap = None, 0.0
        for i in range(max(0, len(lines) - 3), len(lines)):  # only the last few lines can overlap
            top, bottom = bands[i]
            overlap = min(bottom, b.bottom) - max(top, b.top)
            if overlap >= SAME_LINE_OVERLAP * min(bottom - top, b.height) and overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is None:
            lines.append([b])
            bands.append((b.top, b.bottom))
        else:
            lines[best].append(b)
            top, bottom = bands[best]
            bands[best] = (min(top, b.top), max(bottom, b.bottom))
    return lines


def _body_height(boxes: list[_Box]) -> float:
    """The most common box height, weighted by characters (the body text's)."""
    weighted = sorted((b.height, len(b.text)) for b in boxes)
    total = sum(n for _, n in weighted)
    acc = 0
    for h, n in weighted:
        acc += n
        if acc >= total / 2:
            return h
    return weighted[-1][0] if weighted else 1.0


def page_lines(boxes: list[OcrBox], width: int, height: int, dpi: float) -> list[OcrLine]:
    """The lines of one page image of ``width`` x ``height`` pixels at ``dpi``, top to bottom."""
    straight = _straighten(boxes, width, height)
    if not straight:
        return []
    pt = 72.0 / dpi
    body = _body_height(straight)
    straight = [b for b in straight if len(b.text) > 2 or b.height >= STAMP_RESIDUE_HEIGHT * body]
    out = []
    for group in _group(straight):
        group.sort(key=lambda b: b.x0)
        size = round(statistics.median(b.height for b in group) * pt / BOX_PER_EM, 1)
        text = group[0].text
        for prev, b in zip(group, group[1:]):
            text += (" " if b.x0 - prev.x1 > SPACE_GAP_EM * size / pt else "") + b.text
        x0, x1 = group[0].x0, max(b.x1 for b in group)
        top, bottom = min(b.top for b in group), max(b.bottom for b in group)
        text = _page_number(DIGIT_DASH_PATTERN.sub("-", text))
        out.append(OcrLine(x0=x0 * pt, x1=x1 * pt, top=top * pt, bottom=bottom * pt, size=size,
                           text=text, conf=min(b.conf for b in group),
                           box=(_share(x0, width), _share(top, height), _share(x1, width), _share(bottom, height))))
    return out


_HAN = regex.compile(r"\p{Han}")

#: A dash between two digits that the engine read as 一 (the Han one), e.g. "0731一87822345"
#: for "0731－87822345": Han 一 never stands between Arabic digits.
DIGIT_DASH_PATTERN = regex.compile(r"(?<=[0-9０-９])一(?=[0-9０-９])")

#: A page number line as OCR reads its dashes ("— 3 —" as "-3—", "一 3 一"), e.g. "一2一".
OCR_PAGE_NUMBER_PATTERN = regex.compile(r"[\-—–一_~－]{1,2}\s*(\d{1,3})\s*[\-—–一_~－]{1,2}")


def _page_number(text: str) -> str:
    """A page number line written as on a text page ("— 3 —"), so page furniture is dropped."""
    m = OCR_PAGE_NUMBER_PATTERN.fullmatch(text)
    return f"— {m.group(1)} —" if m else text


def _weak_size(line: OcrLine) -> bool:
    """A line whose box height says little about its font: a few characters (科。), or mostly
    digits and Latin letters, which stand lower than Han characters (72-8021119)."""
    han = len(_HAN.findall(line.text))
    return len(line.text) <= WEAK_SIZE_CHARS or han * 2 < len(line.text)


def unify_sizes(pages: list[list[OcrLine]]) -> None:
    """Give the lines of a document one size per font. The size holding the most characters
    within SIZE_CLUSTER_RATIO either side takes those lines (they get its character-weighted
    median), then the next heaviest among the rest, until every line has its font's size.
    A line of weak size evidence (:func:`_weak_size`: a short last line of a paragraph, a
    wrapped phone number) measured within WEAK_SIZE_RATIO of the body's size then takes it."""
    lines = [ln for page in pages for ln in page]
    measured = [ln.size for ln in lines]
    _cluster_sizes(lines)
    weight: dict[float, int] = {}
    for ln in lines:
        if not _weak_size(ln):
            weight[ln.size] = weight.get(ln.size, 0) + len(ln.text)
    if not weight:
        return
    body = max(weight, key=weight.__getitem__)
    for ln, size in zip(lines, measured):
        if _weak_size(ln) and max(size, body) <= WEAK_SIZE_RATIO * min(size, body):
            ln.size = body


def _cluster_sizes(left: list[OcrLine]) -> None:
    """The clustering of :func:`unify_sizes`."""
    while left:
        def weight(center: float) -> int:
            return sum(len(o.text) for o in left if center / SIZE_CLUSTER_RATIO <= o.size <= center * SIZE_CLUSTER_RATIO)

        center = max({ln.size for ln in left}, key=weight)
        cluster = sorted((o for o in left if center / SIZE_CLUSTER_RATIO <= o.size <= center * SIZE_CLUSTER_RATIO),
                         key=lambda o: o.size)
        total, acc, value = sum(len(c.text) for c in cluster), 0, center
        for c in cluster:
            acc += len(c.text)
            if acc * 2 >= total:
                value = c.size
                break
        for c in cluster:
            c.size = value
        ids = {id(c) for c in cluster}
        left = [o for o in left if id(o) not in ids]


def _share(v: float, whole: float) -> float:
    return round(min(1.0, max(0.0, v / whole)), 4)


def mean_confidence(lines: list[OcrLine]) -> Optional[float]:
    """The confidence of a page: the mean over its lines weighted by their characters."""
    n = sum(len(ln.text) for ln in lines)
    return sum(ln.conf * len(ln.text) for ln in lines) / n if n else None
