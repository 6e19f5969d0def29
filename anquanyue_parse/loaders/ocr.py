"""OCR loaders: image files (.jpg .png .tif .bmp .webp) and the image-only pages of a PDF.

Each page image goes through the engine (:mod:`.ocr_engine`), its boxes become lines in
reading order (:mod:`.ocr_layout`), and the lines of all pages are joined as the PDF
loader joins a text layer (:func:`.pdf_layout.layout_placed`). The SourceText keeps every
OCR line's offsets, page, box and confidence (``SourceText.lines``), so a span knows where
on the page its value was read and how sure the engine was.

Before the engine, a red seal over the signature is taken off a colour page (:mod:`.ocr_seal`):
the characters under it are then read as on a clean page.

The engine's boxes are cached by the file's sha256 (:mod:`.ocr_cache`): a second read of
the same file, e.g. a build run again, does not OCR again.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Optional

from ..errors import AnquanyueError, CorruptDocument, MissingDependency
from ..limits import get_limits, too_large
from ..models import SourceText, TextLine
from . import ocr_cache
from .ocr_engine import OCR_HINT, engine_available, recognize
from .ocr_layout import OcrLine, mean_confidence, page_lines, unify_sizes
from .ocr_seal import remove_seals
from .pdf_layout import Line, layout_placed

__all__ = ["load_image", "ocr_source", "read_image_pages", "IMAGE_FORMATS", "LOW_CONFIDENCE",
           "MAX_SIDE", "PHOTO_DPI"]

#: Image formats read by OCR (sniffed names).
IMAGE_FORMATS = ("png", "jpeg", "tiff", "bmp", "webp")
#: A page whose mean confidence is below this gets a warning in the record.
LOW_CONFIDENCE = 0.85
#: Longest side (pixels) given to the engine: an A4 page at 300 dpi. A larger photo is scaled
#: down first (the engine's models read text of 20-60 px height best).
MAX_SIDE = 3508
#: Resolution assumed for an image that does not state one, e.g. a phone photo of a page.
PHOTO_DPI = 200.0
#: Resolutions outside this range are clamped (a stated 72 dpi of a 2480-px scan is wrong).
DPI_RANGE = (100.0, 400.0)


#: A page ready for the engine: the image and its resolution.
PageImage = tuple[object, float]


def load_image(path: Path, data: bytes) -> SourceText:
    """Read an image file by OCR; a multi-page TIFF gives one page per frame."""
    if not engine_available():
        raise MissingDependency(f"an image: reading it needs OCR: {OCR_HINT}", str(path))
    from .sniff import sniff_format

    fmt = sniff_format(data, path.suffix)
    return ocr_source(data, read_image_pages(data, str(path)), {}, path, fmt)


def read_image_pages(data: bytes, path: Optional[str] = None) -> list[PageImage]:
    """The frames of an image file with their resolution, within the limits."""
    try:
        from PIL import Image, ImageOps, ImageSequence
    except ImportError as exc:  # pragma: no cover - installed with pdfplumber
        raise MissingDependency("reading images needs Pillow: pip install pillow", path) from exc
    limits = get_limits()
    try:
        img = Image.open(io.BytesIO(data))
        w, h = img.size
        if w * h > limits.image_megapixels * 1e6:
            raise too_large("the image size (megapixels)", w * h / 1e6, "image_megapixels",
                            limits.image_megapixels, path)
        n = getattr(img, "n_frames", 1)
        if n > limits.pdf_pages:
            raise too_large("the number of pages", n, "pdf_pages", limits.pdf_pages, path)
        pages = []
        for frame in ImageSequence.Iterator(img):
            dpi = _stated_dpi(frame.info.get("dpi"))
            page = ImageOps.exif_transpose(frame.convert("RGB"))  # a phone photo's orientation flag
            pages.append(_fit(page, dpi))
    except AnquanyueError:
        raise
    except Image.DecompressionBombError as exc:
        raise too_large("the image size (megapixels)", 0, "image_megapixels", limits.image_megapixels, path) from exc
    except (OSError, SyntaxError, EOFError, ValueError) as exc:
        raise CorruptDocument(f"broken image ({type(exc).__name__}: {exc})", path) from exc
    return pages


def _stated_dpi(raw) -> float:
    try:
        dpi = float(raw[0]) if raw else 0.0
    except (TypeError, ValueError, IndexError):
        dpi = 0.0
    if not dpi:
        return PHOTO_DPI
    return min(max(dpi, DPI_RANGE[0]), DPI_RANGE[1])


def _fit(image, dpi: float) -> PageImage:
    """``image`` scaled down to MAX_SIDE (its resolution scaled with it)."""
    side = max(image.size)
    if side <= MAX_SIDE:
        return image, dpi
    scale = MAX_SIDE / side
    from PIL import Image

    size = (max(1, round(image.size[0] * scale)), max(1, round(image.size[1] * scale)))
    return image.resize(size, Image.LANCZOS), dpi * scale


def ocr_pages(data: bytes, images: dict[int, PageImage], path: Optional[str] = None) -> dict[int, list[OcrLine]]:
    """The lines of each page image (page index -> lines), seals taken off first; boxes come
    from the cache when the same file (sha256) was read before with the same stages."""
    key = hashlib.sha256(data).hexdigest()
    cached = ocr_cache.get(key)
    done: dict[int, list[OcrLine]] = {}
    fresh: dict[int, ocr_cache.Entry] = {}
    for index, (image, dpi) in images.items():
        image, stage = remove_seals(image, dpi)
        hit = cached.get(index)
        if hit is None or hit[2] != stage:
            boxes = recognize(image, path)
            hit = fresh[index] = (boxes, (image.size[0], image.size[1], dpi), stage)
        boxes, (w, h, d), _ = hit
        done[index] = page_lines(boxes, w, h, d)
    if fresh:
        ocr_cache.put(key, {**cached, **fresh})
    return done


def ocr_source(data: bytes, images, text_pages: dict[int, list[Line]], path: Path, fmt: str) -> SourceText:
    """The SourceText of a document whose pages are ``images`` (a list, or index -> image) read
    by OCR and ``text_pages`` (index -> lines) read from a text layer."""
    if isinstance(images, list):
        images = dict(enumerate(images))
    read = ocr_pages(data, images, str(path))
    unify_sizes(list(read.values()))
    n = max([*read, *text_pages], default=-1) + 1
    pages: list[list[Line]] = [read.get(i) or text_pages.get(i) or [] for i in range(n)]
    text, starts, placed = layout_placed(pages)
    lines = [TextLine(start=s, end=e, page=p + 1, box=ln.box, conf=round(ln.conf, 4))
             for p, ln, s, e in placed if isinstance(ln, OcrLine)]
    warnings = []
    for index in sorted(read):
        conf = mean_confidence(read[index])
        if conf is None:
            warnings.append(f"OCR found no text on page {index + 1}")
        elif conf < LOW_CONFIDENCE:
            warnings.append(f"OCR confidence on page {index + 1} is low ({conf:.2f}): check the values read there")
    return SourceText(text=text, path=str(path), format=fmt, pages=starts, lines=lines,
                      ocr_pages=[i + 1 for i in sorted(read)], warnings=warnings)


def ocr_hint_for_scans(count: int) -> str:
    """The NoTextLayer message for ``count`` scanned pages when the ocr extra is missing."""
    return (f"no text layer in {count} page(s): a scanned document; install OCR with {OCR_HINT} "
            "(or run ocrmypdf first) and parse it again")
