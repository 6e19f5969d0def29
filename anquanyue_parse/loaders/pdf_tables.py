"""Ruled tables of a PDFium page: pdfplumber's own table finder run on PDFium's paths and
characters, so a page with a table is not parsed a second time by pdfminer (about 80 ms a
page, thirty times PDFium's whole read of it).

Each subpath of a painted path becomes the object pdfminer makes of it
(``PDFLayoutAnalyzer.paint_path``): one segment is a line, a closed four-sided axis-aligned
one a rectangle, anything else a curve; pdfplumber's functions turn those into edges, the
edges into cells and tables, and read each cell's text from the characters. A page that
draws through form XObjects (pdfminer walks into them), or a rotated one, is left to pdfplumber.
"""

from __future__ import annotations

import ctypes
import re
from typing import Optional

from .pdf import MIN_RULINGS, page_lines_with, table_ok
from .pdf_layout import Line

__all__ = ["ruled_page_lines"]

#: Segment types of a PDFium path (pypdfium2.raw.FPDF_SEGMENT_LINETO, _BEZIERTO, _MOVETO).
_LINE_TO, _BEZIER_TO, _MOVE_TO = 0, 1, 2
#: Page object types (pypdfium2.raw.FPDF_PAGEOBJ_PATH, FPDF_PAGEOBJ_FORM).
_PATH_OBJECT, _FORM_OBJECT = 2, 5

#: A subpath in pdfminer's letters: "m" then anything but "m" (``paint_path`` splits so).
_SUBPATH_PATTERN = re.compile(r"m[^m]+")

Point = tuple[float, float]


def ruled_page_lines(page, raw, chars: list[dict], height: float) -> Optional[list[Line]]:
    """The page's lines and table rows as :func:`.pdf._page_lines` reads them from pdfplumber,
    or None when the page draws through a form XObject or is rotated (pdfplumber reads it then,
    turning its coordinates as it always did)."""
    if page.get_rotation():
        return None
    objects = _path_objects(page, raw, height)
    if objects is None:
        return None
    lines, rects, curves = objects
    tables = []
    if len(lines) + len(rects) >= MIN_RULINGS:
        from pdfplumber.table import TableFinder, TableSettings

        shim = _Page(chars, lines, rects, curves, (0, 0, page.get_width(), height))
        tables = [t for t in TableFinder(shim, TableSettings.resolve(None)).tables if table_ok(t)]
        for table in tables:  # Table.extract tests every character of its page for every row
            table.page = _Chars([ch for ch in chars if _in_box(ch, table.bbox)])
    return page_lines_with(chars, tables)


def _in_box(ch: dict, box) -> bool:
    """Table.extract's test (the character's middle, the box's right and bottom open): a
    character in none of the table's boxes is in none of its rows."""
    x0, top, x1, bottom = box
    v_mid, h_mid = (ch["top"] + ch["bottom"]) / 2, (ch["x0"] + ch["x1"]) / 2
    return x0 <= h_mid < x1 and top <= v_mid < bottom


class _Chars:
    """A page as Table.extract reads it: its characters."""

    def __init__(self, chars: list[dict]):
        self.chars = chars


class _Page:
    """What pdfplumber's TableFinder and Table.extract read of a page: its characters, its
    edges (lines, then rectangles, then curves, as ``Page.edges`` lists them) and its box."""

    def __init__(self, chars: list[dict], lines: list[dict], rects: list[dict], curves: list[dict], bbox):
        from pdfplumber import utils

        self.chars = chars
        self.bbox = bbox
        self.edges = ([utils.line_to_edge(ln) for ln in lines]
                      + [e for r in rects for e in utils.rect_to_edges(r)]
                      + [e for c in curves for e in utils.curve_to_edges(c)])


def _path_objects(page, raw, height: float) -> Optional[tuple[list[dict], list[dict], list[dict]]]:
    """The page's painted paths as pdfminer's (line, rect, curve) objects, in pdfplumber's
    dict form (top-down points); None when a form XObject may hold more."""
    handle = page.raw
    lines: list[dict] = []
    rects: list[dict] = []
    curves: list[dict] = []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for i in range(raw.FPDFPage_CountObjects(handle)):
        obj = raw.FPDFPage_GetObject(handle, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == _FORM_OBJECT:
            return None
        if kind != _PATH_OBJECT:
            continue
        if not raw.FPDFPath_GetDrawMode(obj, fill, stroke) or not (fill.value or stroke.value):
            continue  # an unpainted path ("n"): pdfminer makes no object of it
        shape, pts = _segments(obj, raw)
        for m in _SUBPATH_PATTERN.finditer(shape):
            _classify(shape[m.start():m.end()], pts[m.start():m.end()], height, lines, rects, curves)
    return lines, rects, curves


def _segments(obj, raw) -> tuple[str, list[Optional[Point]]]:
    """The path as pdfminer's operator letters and end points in page space ("h" for a
    close, whose point is its subpath's start; a Bézier curve is one "c" per three points)."""
    matrix = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, matrix):
        raise RuntimeError("PDFium could not read a path's matrix")
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    x, y = ctypes.c_float(), ctypes.c_float()
    letters: list[str] = []
    pts: list[Optional[Point]] = []
    bezier = 0
    for j in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, j)
        if not seg or not raw.FPDFPathSegment_GetPoint(seg, x, y):
            raise RuntimeError("PDFium could not read a path segment")
        kind = raw.FPDFPathSegment_GetType(seg)
        pt = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == _BEZIER_TO:
            bezier += 1
            if bezier % 3 == 0:
                letters.append("c")
                pts.append(pt)
        else:
            bezier = 0
            letters.append("m" if kind == _MOVE_TO else "l")
            pts.append(pt)
        if raw.FPDFPathSegment_GetClose(seg):
            letters.append("h")
            pts.append(None)
    return "".join(letters), pts


def _classify(shape: str, pts: list[Optional[Point]], height: float,
              lines: list[dict], rects: list[dict], curves: list[dict]) -> None:
    """One subpath as pdfminer's ``paint_path`` makes it: a line, a rectangle or a curve."""
    pts = [p if p is not None else pts[0] for p in pts]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"  # a redundant "l" on a closed path
        pts.pop()
    if shape in ("mlh", "ml"):
        lines.append(_object("line", pts[:2], height))
        return
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            rects.append(_object("rect", [pts[0], pts[2]], height))
            return
    curves.append(_object("curve", pts, height))


def _object(kind: str, pts: list[Point], height: float) -> dict:
    """pdfplumber's dict of a path object: its box (PDF and top-down), and its points top-down."""
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    top = height - y1
    return {"object_type": kind, "x0": x0, "x1": x1, "y0": y0, "y1": y1, "top": top, "doctop": top,
            "bottom": height - y0, "width": x1 - x0, "height": y1 - y0,
            "pts": [(px, height - py) for px, py in pts]}
