"""PDF loader (pdfplumber): characters to lines per page, ruled tables to rows, then
:mod:`.pdf_layout` drops page furniture and re-joins the lines the layout wrapped.

Pages are read one at a time (each page's objects are released before the next), and a PDF
of more than ``Limits.pdf_pages`` pages is refused before any page is laid out.

Lines are grouped by the characters' baseline (bottom), not their top, so a heading
number drawn in a smaller font ("一、" by Word numbering) stays on its heading's line.
"""

from __future__ import annotations

import io
from operator import itemgetter
from pathlib import Path

from ..errors import AnquanyueError, CorruptDocument, EncryptedDocument, MissingDependency, NoTextLayer
from ..limits import get_limits, too_large
from ..models import SourceText
from .pdf_layout import Line, layout_text

__all__ = ["load_pdf", "read_pages"]

#: A page is searched for tables only when it draws at least this many ruling lines/boxes.
MIN_RULINGS = 4
#: Share of characters without a Unicode maping ("(cid:123)") above which the text layer is useless.
MAX_CID_SHARE = 0.3


def load_pdf(path: Path, data: bytes) -> SourceText:
    """Read a PDF's text layer, and its scanned pages by OCR (the ``ocr`` extra);
    ``pages`` holds the offset where each page starts."""
    from .pdf_pdfium import read_document  # the fast path; pdfplumber decides the rest

    first = read_document(data) if _has_pdf_header(data) else None  # scans and lines, one pass
    pdfium_pages = first.pages if first is not None else None
    if first is not None and first.scans:
        return _load_scanned(path, data, first.scans, first.n_pages, pdfium_pages)
    text, starts = layout_text(_text_pages(data, str(path), pdfium_pages))
    return SourceText(text=text, path=str(path), format="pdf", pages=starts)


def _text_pages(data: bytes, path: str, pdfium_pages) -> list[list[Line]]:
    """The text pages from PDFium's one pass (the pages it left read by pdfplumber), else the
    whole pdfplumber way."""
    from .pdf_pdfium import fill_pages

    return fill_pages(data, pdfium_pages) or read_pages(data, path)


def _load_scanned(path: Path, data: bytes, scans: dict[int, float], n_pages: int, pdfium_pages) -> SourceText:
    """A PDF with scanned pages: those read by OCR, the others from their text layer."""
    from .ocr import ocr_hint_for_scans, ocr_source
    from .ocr_engine import engine_available
    from .pdf_scan import render_pages

    text_pages: dict[int, list[Line]] = {}
    if len(scans) < n_pages:
        try:
            text_pages = dict(enumerate(_text_pages(data, str(path), pdfium_pages)))
        except NoTextLayer:
            pass
    if not engine_available():
        if not any(text_pages.values()):
            raise NoTextLayer(ocr_hint_for_scans(len(scans)), str(path))
        text, starts = layout_text(list(text_pages.values()))
        pages = ", ".join(str(i + 1) for i in sorted(scans))
        return SourceText(text=text, path=str(path), format="pdf", pages=starts,
                          warnings=[f"page(s) {pages} are scans and were not read: {ocr_hint_for_scans(len(scans))}"])
    text_pages = {i: lines for i, lines in text_pages.items() if i not in scans}
    source = ocr_source(data, render_pages(data, scans, str(path)), text_pages, path, "pdf")
    if not source.text.strip():
        raise NoTextLayer(f"OCR found no text in {len(scans)} scanned page(s)", str(path))
    return source


def read_pages(data: bytes, path: str | None = None) -> list[list[Line]]:
    """The lines (and table rows) of each page, top to bottom."""
    try:
        import pdfplumber
        from pdfplumber.utils.exceptions import PdfminerException
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise MissingDependency("reading PDF needs pdfplumber: pip install pdfplumber", path) from exc
    if not _has_pdf_header(data):
        raise CorruptDocument("not a PDF (no %PDF header): the file is damaged or misnamed", path)
    max_pages = get_limits().pdf_pages
    try:
        # Page objects only for the first max_pages + 1 pages: one more tells "too many"
        pdf = pdfplumber.open(io.BytesIO(data), pages=list(range(1, max_pages + 2)))
    except PdfminerException as exc:
        raise _classify(exc, path) from exc
    except Exception as exc:
        raise CorruptDocument(f"broken PDF ({type(exc).__name__}: {exc})", path) from exc
    n_chars = n_cid = 0
    try:
        pages = []
        try:
            count = max(_declared_pages(pdf), len(pdf.pages))
            if count > max_pages:
                raise too_large("the number of pages", count, "pdf_pages", max_pages, path)
            for page in pdf.pages:  # one page's objects in memory at a time
                chars = page.chars
                n_chars += len(chars)
                n_cid += sum(1 for ch in chars if ch["text"].startswith("(cid:"))
                pages.append(_page_lines(page, chars))
                page.close()
        except PdfminerException as exc:
            raise _classify(exc, path) from exc
        except AnquanyueError:
            raise
        except Exception as exc:
            raise CorruptDocument(f"broken PDF ({type(exc).__name__}: {exc})", path) from exc
    finally:
        _close(pdf)
    if not n_chars:
        raise NoTextLayer(f"no text layer in {len(pages)} page(s): a scanned document; run OCR first "
                          "(e.g. ocrmypdf) and parse the result", path)
    if n_cid > MAX_CID_SHARE * n_chars:
        raise NoTextLayer("the text layer has no Unicode mapping (fonts without ToUnicode); run OCR first", path)
    return pages


def _close(pdf) -> None:
    """Close ``pdf``; a damaged one can raise again from close (it re-reads its page list)."""
    try:
        pdf.close()
    except Exception:  # noqa: BLE001 - the first error is the one reported
        pass


def _has_pdf_header(data: bytes) -> bool:
    return bool(data.lstrip()[:1024].count(b"%PDF-"))


def _declared_pages(pdf) -> int:
    """The page count the page tree declares (/Count), 0 when it is missing or not a number."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"]).get("Count"))
    except Exception:  # a damaged catalog: the pages themselves are counted
        return 0
    return count if isinstance(count, int) else 0


def _classify(exc: Exception, path: str | None) -> Exception:
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc.__cause__
    name = type(cause).__name__ if cause is not None else ""
    if "Password" in name or "Encryption" in name:
        return EncryptedDocument("the PDF is password-protected; remove the password (e.g. qpdf --decrypt) "
                                 "and parse the result", path)
    return CorruptDocument(f"broken PDF ({name or type(exc).__name__}: {cause or exc})", path)


def _page_lines(page, chars: list[dict]) -> list[Line]:
    return page_lines_with(chars, _tables(page))


def page_lines_with(chars: list[dict], tables: list) -> list[Line]:
    """The page's lines from ``chars`` outside ``tables`` (pdfplumber tables), and the tables'
    rows, top to bottom."""
    rows: list[Line] = []
    if tables:
        boxes = [t.bbox for t in tables]
        chars = [ch for ch in chars if not any(_inside(ch, b) for b in boxes)]
        for table in tables:
            rows.extend(_table_rows(table))
    lines = _group_lines(chars)
    return sorted(lines + rows, key=lambda ln: (ln.top, ln.x0))


def _tables(page) -> list:
    objects = page.objects
    if len(objects.get("line", ())) + len(objects.get("rect", ())) < MIN_RULINGS:
        return []
    return [t for t in page.find_tables() if table_ok(t)]


def table_ok(table) -> bool:
    """A table of two rows at least, one of them with two cells."""
    return len(table.rows) >= 2 and max(len(r.cells) for r in table.rows) >= 2


def _inside(ch: dict, box) -> bool:
    x0, top, x1, bottom = box
    cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _table_rows(table) -> list[Line]:
    out = []
    for row, values in zip(table.rows, table.extract()):
        cells = [_join_wrapped((v or "").split("\n")) for v in values]
        x0, top, x1, bottom = row.bbox
        out.append(Line(x0=x0, x1=x1, top=top, bottom=bottom, size=0.0, text="\t".join(cells), row=True))
    return out


def _join_wrapped(parts: list[str]) -> str:
    """Cell lines wrapped by the layout, joined: no space between CJK, one between Latin words."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalnum():
            out += " "
        out += part
    return out


#: Sort keys of character dicts: by baseline then left edge; by left edge.
_BASELINE_KEY = itemgetter("bottom", "x0")
_X0_KEY = itemgetter("x0")
_TOP_KEY, _BOTTOM_KEY = itemgetter("top"), itemgetter("bottom")


def _group_lines(chars: list[dict]) -> list[Line]:
    """Cluster characters into lines by baseline, left to right, with spaces at wide gaps."""
    if not chars:
        return []
    chars = sorted(chars, key=_BASELINE_KEY)
    groups: list[list[dict]] = [[chars[0]]]
    group = groups[0]
    ref = chars[0]["bottom"]
    for ch in chars[1:]:
        bottom = ch["bottom"]
        tol = 0.3 * ch["size"]
        if bottom - ref > (tol if tol > 1.5 else 1.5):  # max(1.5, 0.3 em), without the call
            group = [ch]
            groups.append(group)
            ref = bottom
        else:
            group.append(ch)
    return [line for line in (_make_line(g) for g in groups) if line is not None]


def _make_line(group: list[dict]) -> Line | None:
    group.sort(key=_X0_KEY)
    text: list[str] = []
    p = None  # the previous character's text, x0 and x1
    px0 = px1 = 0.0
    sizes: dict[float, int] = {}  # raw font size -> characters (rounded below, in first-seen order)
    first = last = None
    for ch in group:
        t, x0 = ch["text"], ch["x0"]
        if p is not None:
            if t == p and abs(x0 - px0) < min(1.5, 0.25 * (px1 - px0)):
                continue  # the same glyph drawn twice (fake bold)
            both_latin = t.isascii() and t.isalnum() and p.isascii() and p.isalnum()
            if x0 - px1 > (0.15 if both_latin else 0.45) * ch["size"] and text and text[-1] != " " and t != " ":
                text.append(" ")
        if t.isspace():
            if text and text[-1] != " ":
                text.append(" ")
        else:
            text.append(t)
            size = ch["size"]
            sizes[size] = sizes.get(size, 0) + 1
            if first is None:
                first = ch
            last = ch
        p, px0, px1 = t, x0, ch["x1"]
    if first is None:
        return None
    rounded: dict[float, int] = {}
    for size, n in sizes.items():
        key = round(size, 1)
        rounded[key] = rounded.get(key, 0) + n
    return Line(x0=first["x0"], x1=last["x1"], top=min(map(_TOP_KEY, group)), bottom=max(map(_BOTTOM_KEY, group)),
                size=max(rounded, key=rounded.get), text="".join(text).strip())
