"""Stage 1: load. One loader per format, one dispatcher that sniffs the content.

Every loader has the signature ``load_xxx(path: Path, data: bytes) -> SourceText`` and
returns the same structure (text, page starts, paragraph starts), so later stages never
know which format a notice came from. Format modules are imported on first use.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Optional

from ..errors import CorruptDocument, EncryptedDocument, UnsupportedFormat
from ..limits import Limits, use_limits
from ..models import SourceText
from .guards import check_size, check_zip, read_regular
from .sniff import sniff_format

__all__ = ["load", "load_bytes", "sniff_format", "SUPPORTED_SUFFIXES"]

#: Suffixes an archive walk picks up.
SUPPORTED_SUFFIXES = {
    ".txt", ".text", ".md",
    ".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml",
    ".docx", ".pdf",
    ".doc", ".wps", ".rtf", ".odt",
    ".ofd",
    ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp",  # read by OCR (the ocr extra)
}

#: format -> (module, function) of its loader.
LOADERS = {
    "txt": ("text", "load_txt"),
    "html": ("web", "load_html"),
    "mhtml": ("web", "load_mhtml"),
    "docx": ("word", "load_docx"),
    "pdf": ("pdf", "load_pdf"),
    "doc": ("legacy", "load_legacy"),
    "wps": ("legacy", "load_legacy"),
    "rtf": ("legacy", "load_legacy"),
    "odt": ("legacy", "load_legacy"),
    "ofd": ("ofd", "load_ofd"),
    "png": ("ocr", "load_image"),
    "jpeg": ("ocr", "load_image"),
    "tiff": ("ocr", "load_image"),
    "bmp": ("ocr", "load_image"),
    "webp": ("ocr", "load_image"),
}

#: What to tell the user about formats we recognize but do not read.
UNSUPPORTED_HINTS = {
    "gif": "an image: save it as PNG to read it by OCR",
    "xlsx": "a spreadsheet", "xls": "a spreadsheet", "pptx": "a presentation", "ppt": "a presentation",
    "zip": "an archive: unpack it first", "gzip": "an archive: unpack it first", "7z": "an archive: unpack it first",
    "rar": "an archive: unpack it first",
}

#: Zero-byte files of these formats are damaged; an empty text or web page is just empty.
EMPTY_IS_CORRUPT = {"docx", "pdf", "doc", "wps", "rtf", "odt", "ofd", "png", "jpeg", "tiff", "bmp", "webp"}


#: Formats stored as a zip: their directory is checked before a member is inflated.
ZIP_FORMATS = {"docx", "odt", "ofd"}


def load_bytes(data: bytes, path: str | os.PathLike = "", limits: Optional[Limits] = None) -> SourceText:
    """Load file content already in memory; ``path`` names it (its suffix breaks ties).
    ``limits``: the resource limits (default: the ones in force, see :mod:`..limits`)."""
    with use_limits(limits):
        return _load_bytes(data, Path(path), path)


def _load_bytes(data: bytes, p: Path, path) -> SourceText:
    fmt = sniff_format(data, p.suffix.lower())
    if fmt == "encrypted-office":
        raise EncryptedDocument("a password-protected Office file: open it and save it without a password",
                                str(path) or None)
    if fmt not in LOADERS:
        hint = UNSUPPORTED_HINTS.get(fmt)
        raise UnsupportedFormat(f"unsupported format {fmt!r}" + (f" ({hint})" if hint else ""), str(path) or None)
    if not data and fmt in EMPTY_IS_CORRUPT:
        raise CorruptDocument(f"empty file (0 bytes): not a readable .{fmt}", str(path) or None)
    check_size(data, fmt, str(path) or None)
    if fmt in ZIP_FORMATS and data.startswith(b"PK"):
        check_zip(data, fmt, str(path) or None)
    module, func = LOADERS[fmt]
    loader = getattr(importlib.import_module(f".{module}", __name__), func)
    return loader(p, data)


def load(path: str | os.PathLike, limits: Optional[Limits] = None) -> SourceText:
    """Read any supported file into a :class:`SourceText` (the format is sniffed from the content).

    Only a regular file (or a symlink to one) within ``limits.file_mb`` is read."""
    with use_limits(limits):
        return _load_bytes(read_regular(path), Path(path), path)
