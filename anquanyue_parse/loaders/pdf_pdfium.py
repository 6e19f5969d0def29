"""PDF text layer through pypdfium2 (PDFium, C++): characters with their boxes in about a
fifteenth of pdfplumber's time, grouped into lines by the same code as :mod:`.pdf`.

One pass over the document (:func:`read_document`) loads each page once and tells the scanned
pages (for OCR) and the lines of the others. A page with ruling paths gets pdfplumber's
table finder over PDFium's paths and characters (:mod:`.pdf_tables`). A page goes to
pdfplumber when a cheap per-page test says so: no characters, characters without a Unicode
mapping, fewer characters than text objects, or rulings drawn through a form XObject. A
document PDFium cannot open, with too many pages, or with a page pdfplumber finds no usable
text on either, goes the whole pdfplumber way (:func:`.pdf.read_pages`), so its errors,
limits and OCR stay the ones users know.
"""

from __future__ import annotations

import functools
from typing import NamedTuple, Optional

from ..limits import get_limits
from .pdf import _BASELINE_KEY, _X0_KEY, MAX_CID_SHARE, MIN_RULINGS, _group_lines
from .pdf import _page_lines as pdf_page_lines
from .pdf_layout import Line

__all__ = ["read_pages_pdfium", "read_document", "fill_pages", "PdfiumRead", "MAX_UNMAPPED_SHARE"]

#: Share of a page's characters without a usable Unicode value (0, U+FFFD, private use) above
#: which PDFium's text is not used for the document.
MAX_UNMAPPED_SHARE = 0.05

#: A gap between two characters of a line held a space glyph when it is at least this wide
#: (in ems of the character before it): space glyphs measured 0.31-0.32 em, the letter-spacing
#: gaps of justified lines, which have no space glyph, 0.20 em.
SPACE_GLYPH_EM = 0.28


#: Code points PDFium reports for glyphs it could not map: NUL, U+FFFD, U+FFFE, and the
#: private use area (fonts without ToUnicode).
_UNMAPPED_CHARS = frozenset("\x00\ufffd\ufffe")

#: Characters :func:`_chars` looks at twice: line ends, soft hyphens, spaces, unmapped glyphs
#: (with the private use area, tested apart).
_SPECIAL_CHARS = frozenset("\r\n\x02 ") | _UNMAPPED_CHARS

#: Page object types (pypdfium2.raw.FPDF_PAGEOBJ_TEXT, FPDF_PAGEOBJ_PATH): a text run, a line or rectangle.
_TEXT_OBJECT, _PATH_OBJECT = 1, 2


def read_pages_pdfium(data: bytes) -> Optional[list[list[Line]]]:
    """The lines of each page as :func:`.pdf.read_pages` gives them, or None when the document
    needs the pdfplumber path (PDFium cannot open it, too many pages, a page without any text)."""
    return fill_pages(data, read_document(data).pages)


class PdfiumRead(NamedTuple):
    """One PDFium pass over a document: its scanned pages as :func:`.pdf_scan.scanned_pages`
    gives them (index -> dpi), the page count (0 when PDFium cannot open it or it has too many
    pages), and each page's lines, None for a page pdfplumber must read (``pages`` is None when
    the whole document must go the pdfplumber way)."""

    scans: dict[int, float]
    n_pages: int
    pages: Optional[list[Optional[list[Line]]]]


def read_document(data: bytes) -> PdfiumRead:
    """Scans and lines in one pass: each page is loaded and its text read once."""
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError:  # pragma: no cover - installed with pdfplumber
        return PdfiumRead({}, 0, None)
    try:
        doc = pdfium.PdfDocument(data)
    except Exception:  # broken, encrypted: pdfplumber classifies it
        return PdfiumRead({}, 0, None)
    scans: Optional[dict[int, float]] = {}
    pages: Optional[list[Optional[list[Line]]]] = []
    try:
        n = len(doc)
        if n > get_limits().pdf_pages:
            return PdfiumRead({}, 0, None)
        for index in range(n):
            page = doc[index]
            try:
                scans, pages = _read_page(page, raw, index, scans, pages)
            finally:
                page.close()
            if scans is None and pages is None:
                break
    except Exception:  # anything unexpected in PDFium: no OCR, the pdfplumber path decides
        return PdfiumRead({}, 0, None)
    finally:
        doc.close()
    return PdfiumRead(scans or {}, n if scans is not None else 0, pages)


def _read_page(page, raw, index: int, scans, pages):
    """Add the page's scan resolution to ``scans`` and its lines to ``pages``; either becomes
    None at an error in its part (the other goes on, as two separate passes would)."""
    from .pdf_scan import scan_dpi_textless

    textpage = page.get_textpage()
    try:
        n_chars = raw.FPDFText_CountChars(textpage.raw)
        if n_chars < 0:
            scans = None  # as scanned_pages, which fails on it
        if scans is not None and n_chars == 0:
            try:
                dpi = scan_dpi_textless(page)
                if dpi is not None:
                    scans[index] = dpi
            except Exception:  # as scanned_pages: no OCR, the text path decides
                scans = None
        if pages is not None:
            try:
                pages.append(_page_lines(page, textpage, raw))
            except Exception:
                pages = None
    finally:
        textpage.close()
    return scans, pages


def fill_pages(data: bytes, pages: Optional[list[Optional[list[Line]]]]) -> Optional[list[list[Line]]]:
    """``pages`` with the pages PDFium left read by pdfplumber; None when the whole document
    needs the pdfplumber path."""
    if pages is None:
        return None
    todo = [i for i, lines in enumerate(pages) if lines is None]
    if todo:
        done = _pdfplumber_pages(data, todo)
        if done is None:
            return None
        for i, lines in zip(todo, done):
            pages[i] = lines
    return pages  # type: ignore[return-value]


def _pdfplumber_pages(data: bytes, indexes: list[int]) -> Optional[list[list[Line]]]:
    """The pages PDFium left (tables, unmapped text) read by pdfplumber; None when one of them
    has no text or unmapped text (the whole pdfplumber path then reports or OCRs it)."""
    import io

    import pdfplumber

    out = []
    try:
        with pdfplumber.open(io.BytesIO(data), pages=[i + 1 for i in indexes]) as pdf:
            for page in pdf.pages:
                chars = page.chars
                n_cid = sum(1 for ch in chars if ch["text"].startswith("(cid:"))
                if not chars or n_cid > MAX_CID_SHARE * len(chars):
                    return None
                out.append(pdf_page_lines(page, chars))
                page.close()
    except Exception:
        return None
    return out


def _count_objects(page, raw) -> tuple[int, int]:
    """The page's text objects and path objects (the top-level ones, as
    ``page.get_objects(max_depth=1)`` walks them, through the raw API: no Python object per
    page object)."""
    handle = page.raw
    n = raw.FPDFPage_CountObjects(handle)
    if n < 0:
        raise RuntimeError("PDFium could not count the page objects")
    get_object, get_type = raw.FPDFPage_GetObject, raw.FPDFPageObj_GetType
    paths = texts = 0
    for i in range(n):
        obj = get_object(handle, i)
        if not obj:
            raise RuntimeError("PDFium could not read a page object")
        kind = get_type(obj)
        if kind == _PATH_OBJECT:
            paths += 1
        elif kind == _TEXT_OBJECT:
            texts += 1
    return texts, paths


def _page_lines(page, textpage, raw) -> Optional[list[Line]]:
    """The page's lines, or None when the page needs pdfplumber: unmapped characters, fewer
    characters than text objects (PDFium drops the glyphs of a font it cannot load, e.g. a
    non-embedded STSong-Light with the predefined UniGB-UCS2-H CMap, which pdfminer decodes),
    or ruling paths (a possible table) drawn through a form XObject. Other ruled pages get
    pdfplumber's table finder on PDFium's paths (:mod:`.pdf_tables`)."""
    text_objects, paths = _count_objects(page, raw)
    ruled = paths >= MIN_RULINGS
    height = page.get_height()
    chars = _chars(textpage, raw, height, upright=ruled, min_glyphs=text_objects)
    if chars is None:
        return None
    if ruled:
        from .pdf_tables import ruled_page_lines

        return ruled_page_lines(page, raw, chars, height)
    return _group_lines(chars)


def _chars(textpage, raw, height: float, upright: bool = False, min_glyphs: int = 0) -> Optional[list[dict]]:
    """Characters as pdfplumber's dicts (text, x0, x1, top, bottom, size; top-down points):
    x from the origin and the loose box, the baseline from the origin, one em above it; with
    ``upright`` also pdfminer's ``upright`` and ``doctop``, which table cells are read with.
    None when too many are unmapped or fewer than ``min_glyphs`` are not spaces."""
    import ctypes

    handle = textpage.raw  # the bare handle: no attribute look-up per call
    ox, oy = ctypes.c_double(), ctypes.c_double()
    rect, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
    get_box, get_origin, get_size = _char_functions(raw)
    at_box, at_x, at_y = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy)
    text = _page_text(textpage, raw, raw.FPDFText_CountChars(handle))
    out: list[dict] = []
    append = out.append
    unmapped = spaces = 0
    for i, ch in enumerate(text):
        if ch in _SPECIAL_CHARS or "\ue000" <= ch < "\uf900":
            if ch in "\r\n\x02" or ch == " " and raw.FPDFText_IsGenerated(handle, i) == 1:
                continue  # line ends and spaces PDFium inferred (gaps are read below), soft hyphens
            if ch != " ":
                unmapped += 1
                continue
            spaces += 1
        get_box(handle, i, at_box)
        get_origin(handle, i, at_x, at_y)
        size = get_size(handle, i)
        x0 = ox.value
        right = rect.right
        bottom = height - oy.value
        append({"text": ch, "x0": x0, "x1": x0 if x0 > right else right, "top": bottom - size,
                "bottom": bottom, "size": size})
        if upright:
            raw.FPDFText_GetMatrix(handle, i, matrix)
            out[-1].update(upright=matrix.a * matrix.d > 0 and matrix.b * matrix.c <= 0, doctop=bottom - size)
    if not out or unmapped > MAX_UNMAPPED_SHARE * (len(out) + unmapped) or len(out) - spaces < min_glyphs:
        return None
    return _with_gap_spaces(out)


@functools.lru_cache(maxsize=1)
def _char_functions(raw) -> tuple:
    """FPDFText_GetLooseCharBox, _GetCharOrigin and _GetFontSize without pypdfium2's argument
    types: the character loop passes a handle, an int and pointers, which ctypes converts
    by itself at half the cost of a converter per argument (same calling convention: a new
    function object of the same class at the same address)."""
    import ctypes

    out = []
    for fn, restype in ((raw.FPDFText_GetLooseCharBox, ctypes.c_int), (raw.FPDFText_GetCharOrigin, ctypes.c_int),
                        (raw.FPDFText_GetFontSize, ctypes.c_double)):
        try:
            bare = type(fn)(ctypes.cast(fn, ctypes.c_void_p).value)
            bare.restype = restype
        except (TypeError, ValueError, AttributeError):  # an unexpected binding: the typed function
            bare = fn
        out.append(bare)
    return tuple(out)


def _page_text(textpage, raw, n: int) -> str:
    """One character per index: the text range in one call when it has one code unit per
    character, else character by character."""
    text = textpage.get_text_range(0, n)
    if len(text) == n:
        return text
    return "".join(chr(raw.FPDFText_GetUnicode(textpage, i)) for i in range(n))


def _with_gap_spaces(chars: list[dict]) -> list[dict]:
    """``chars`` plus a space in every gap of a line as wide as a space glyph.

    PDFium leaves out most space glyphs of the content stream (pdfplumber keeps them), so a
    gap of at least :data:`SPACE_GLYPH_EM` is read as one; lines are clustered as
    :func:`.pdf._group_lines` clusters them."""
    chars.sort(key=_BASELINE_KEY)
    groups: list[list[dict]] = []
    group: list[dict] = []
    ref = chars[0]["bottom"]
    for ch in chars:
        bottom = ch["bottom"]
        tol = 0.3 * ch["size"]
        if bottom - ref <= (tol if tol > 1.5 else 1.5):  # as _group_lines clusters
            group.append(ch)
        else:
            groups.append(group)
            group = [ch]
            ref = bottom
    groups.append(group)
    out: list[dict] = []
    append = out.append
    for group in groups:
        group.sort(key=_X0_KEY)
        prev = group[0]
        append(prev)
        for c in group[1:]:
            if c["x0"] - prev["x1"] >= SPACE_GLYPH_EM * prev["size"] and c["text"] != " " and prev["text"] != " ":
                append({**prev, "text": " ", "x0": prev["x1"], "x1": c["x0"]})
            append(c)
            prev = c
    return out
