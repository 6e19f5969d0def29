"""Scanned pages of a PDF: which pages are images only, and their page images (pypdfium2).

A page is a scan when PDFium finds no character on it and it draws an image fine enough to
hold legible text (at least :data:`MIN_SCAN_DPI`). Such a page is rendered at the
resolution of its largest image, kept within :data:`RENDER_DPI`, for the OCR engine.
"""

from __future__ import annotations

from typing import Optional

from ..limits import get_limits, too_large

__all__ = ["scanned_pages", "scan_dpi_textless", "render_pages", "MIN_SCAN_DPI", "RENDER_DPI"]

#: An image coarser than this cannot hold text anyone could read (a logo, a grey tint).
MIN_SCAN_DPI = 50.0
#: Scanned pages are rendered at their image's resolution, within this range (dots per inch).
RENDER_DPI = (150.0, 300.0)

#: Page object type of an image: pypdfium2.raw.FPDF_PAGEOBJ_IMAGE.
_IMAGE_OBJECT = 3


def scanned_pages(data: bytes) -> tuple[dict[int, float], int]:
    """Index -> resolution (dpi) of the pages that are scans, and the number of pages; ({}, 0)
    when PDFium cannot open the file or it has more pages than allowed (the text path then
    reports it)."""
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - installed with pdfplumber
        return {}, 0
    try:
        doc = pdfium.PdfDocument(data)
    except Exception:  # broken, encrypted: the text path classifies it
        return {}, 0
    out: dict[int, float] = {}
    try:
        n = len(doc)
        if n > get_limits().pdf_pages:
            return {}, 0
        for index in range(len(doc)):
            page = doc[index]
            try:
                dpi = _scan_dpi(page)
            finally:
                page.close()
            if dpi is not None:
                out[index] = dpi
    except Exception:  # anything unexpected in PDFium: no OCR, the text path decides
        return {}, 0
    finally:
        doc.close()
    return out, n


def _scan_dpi(page) -> Optional[float]:
    """The resolution of the page's finest large image when the page has no text, else None."""
    textpage = page.get_textpage()
    try:
        if textpage.count_chars() > 0:
            return None
    finally:
        textpage.close()
    return scan_dpi_textless(page)


def scan_dpi_textless(page) -> Optional[float]:
    """The resolution of the finest large image of a page without characters, else None."""
    best = None
    page_w, page_h = page.get_size()
    for obj in page.get_objects(filter=(_IMAGE_OBJECT,), max_depth=2):
        x0, y0, x1, y1 = obj.get_bounds()
        if (x1 - x0) * (y1 - y0) < 0.25 * page_w * page_h:
            continue  # a logo or a photo in a corner, not the page
        w, h = obj.get_px_size()
        dpi = min(w / max(x1 - x0, 1e-6), h / max(y1 - y0, 1e-6)) * 72
        best = dpi if best is None else max(best, dpi)
    return best if best is not None and best >= MIN_SCAN_DPI else None


def render_pages(data: bytes, pages: dict[int, float], path: Optional[str] = None) -> dict[int, tuple]:
    """Index -> (PIL image, dpi) of ``pages`` rendered at their resolution (within RENDER_DPI)."""
    import pypdfium2 as pdfium

    limit = get_limits().image_megapixels
    out = {}
    doc = pdfium.PdfDocument(data)
    try:
        for index, dpi in sorted(pages.items()):
            dpi = min(max(dpi, RENDER_DPI[0]), RENDER_DPI[1])
            page = doc[index]
            try:
                w, h = page.get_size()
                pixels = w * h * (dpi / 72) ** 2
                if pixels > limit * 1e6:
                    raise too_large(f"page {index + 1} as an image (megapixels)", pixels / 1e6,
                                    "image_megapixels", limit, path)
                image = page.render(scale=dpi / 72, grayscale=False).to_pil()
            finally:
                page.close()
            out[index] = (image.convert("RGB"), dpi)
    finally:
        doc.close()
    return out
