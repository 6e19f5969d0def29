"""PDF text layer through pypdfium2 (PDFium, C++): characters with their boxes in about a
fifteenth of pdfplumber's time, grouped into lines by the same code as :mod:`.pdf`.

PDFium reads a page when its text is usable as is. A page goes to pdfplumber instead when
a cheap per-page test says so: ruling paths that may draw a table (pdfplumber finds the
cells), no characters, or characters without a Unicode mapping. A document PDFium cannot
open, with too many pages, or with a page pdfplumber finds no usable text on either, goes
the whole pdfplumber way (:func:`.pdf.read_pages`), so its errors, limits and OCR stay
the ones users know.
"""

from __future__ import annotations

from typing import Optional

from ..limits import get_limits
from .pdf import MAX_CID_SHARE, MIN_RULINGS, _group_lines
from .pdf import _page_lines as pdf_page_lines
from .pdf_layout import Line

__all__ = ["read_pages_pdfium", "MAX_UNMAPPED_SHARE"]

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

#: Page object types (pypdfium2.raw.FPDF_PAGEOBJ_TEXT, FPDF_PAGEOBJ_PATH): a text run, a line or rectangle.
_TEXT_OBJECT, _PATH_OBJECT = 1, 2


def read_pages_pdfium(data: bytes) -> Optional[list[list[Line]]]:
    """The lines of each page as :func:`.pdf.read_pages` gives them, or None when the document
    needs the pdfplumber path (PDFium cannot open it, too many pages, a page without any text)."""
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError:  # pragma: no cover - installed with pdfplumber
        return None
    try:
        doc = pdfium.PdfDocument(data)
    except Exception:  # broken, encrypted: pdfplumber classifies it
        return None
    try:
        if len(doc) > get_limits().pdf_pages:
            return None
        pages: list[Optional[list[Line]]] = []
        for index in range(len(doc)):
            page = doc[index]
            try:
                pages.append(_page_lines(page, raw))
            finally:
                page.close()
    except Exception:  # anything unexpected in PDFium: the pdfplumber path decides
        return None
    finally:
        doc.close()
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


def _count_objects(page) -> Optional[int]:
    """The page's text objects, or None when it has ruling paths enough for a ruled table."""
    paths = texts = 0
    for obj in page.get_objects(filter=(_TEXT_OBJECT, _PATH_OBJECT), max_depth=1):
        if obj.type == _PATH_OBJECT:
            paths += 1
            if paths >= MIN_RULINGS:
                return None
        else:
            texts += 1
    return texts


def _page_lines(page, raw) -> Optional[list[Line]]:
    """The page's lines, or None when the page needs pdfplumber: a ruled table, unmapped
    characters, or fewer characters than text objects (PDFium drops the glyphs of a font it
    cannot load, e.g. a non-embedded STSong-Light with the predefined UniGB-UCS2-H CMap, which
    pdfminer decodes)."""
    text_objects = _count_objects(page)
    if text_objects is None:
        return None
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        chars = _chars(textpage, raw, height)
    finally:
        textpage.close()
    if chars is None or sum(1 for ch in chars if ch["text"] != " ") < text_objects:
        return None
    return _group_lines(chars)


def _chars(textpage, raw, height: float) -> Optional[list[dict]]:
    """Characters as pdfplumber's dicts (text, x0, x1, top, bottom, size; top-down points):
    x from the origin and the loose box, the baseline from the origin, one em above it."""
    import ctypes

    ox, oy = ctypes.c_double(), ctypes.c_double()
    is_generated = raw.FPDFText_IsGenerated
    get_box, get_origin, get_size = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharOrigin, raw.FPDFText_GetFontSize
    rect = raw.FS_RECTF()
    n = raw.FPDFText_CountChars(textpage)
    text = _page_text(textpage, raw, n)
    out: list[dict] = []
    unmapped = 0
    for i, ch in enumerate(text):
        if ch in "\r\n\x02" or ch == " " and is_generated(textpage, i) == 1:
            continue  # line ends and spaces PDFium inferred (gaps are read below), soft hyphens
        if ch in _UNMAPPED_CHARS or "\ue000" <= ch < "\uf900":
            unmapped += 1
            continue
        get_box(textpage, i, rect)
        get_origin(textpage, i, ox, oy)
        size = get_size(textpage, i)
        bottom = height - oy.value
        out.append({"text": ch, "x0": ox.value, "x1": max(rect.right, ox.value), "top": bottom - size,
                    "bottom": bottom, "size": size})
    if not out or unmapped > MAX_UNMAPPED_SHARE * (len(out) + unmapped):
        return None
    return _with_gap_spaces(out)


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
    chars.sort(key=lambda ch: (ch["bottom"], ch["x0"]))
    out: list[dict] = []
    group: list[dict] = []
    ref = chars[0]["bottom"]
    for ch in chars + [None]:
        if ch is not None and ch["bottom"] - ref <= max(1.5, 0.3 * ch["size"]):
            group.append(ch)
            continue
        group.sort(key=lambda c: c["x0"])
        prev = None
        for c in group:
            if prev is not None and c["text"] != " " and prev["text"] != " " \
                    and c["x0"] - prev["x1"] >= SPACE_GLYPH_EM * prev["size"]:
                out.append({**prev, "text": " ", "x0": prev["x1"], "x1": c["x0"]})
            out.append(c)
            prev = c
        if ch is not None:
            group = [ch]
            ref = ch["bottom"]
    return out
