"""Stage 1: load. One loader per format, one dispatcher that sniffs the content.

Every loader has the signature ``load_xxx(path: Path, data: bytes) -> SourceText`` and
returns the same structure (text, page starts, paragraph starts), so later stages never
know which format a notice came from. Format modules are imported on first use; which
module reads which format is a row of :mod:`..formats`.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Optional

from .. import formats
from ..errors import CorruptDocument, EncryptedDocument, UnsupportedFormat
from ..limits import Limits, use_limits
from ..models import SourceText
from .guards import check_size, check_zip, read_regular
from .sniff import sniff_format

__all__ = ["load", "load_bytes", "sniff_format"]


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
    row = formats.get(fmt)
    if row is None or row.loader is None:
        hint = row.hint if row else ""
        raise UnsupportedFormat(f"unsupported format {fmt!r}" + (f" ({hint})" if hint else ""), str(path) or None)
    if not data and row.empty_is_corrupt:
        raise CorruptDocument(f"empty file (0 bytes): not a readable .{fmt}", str(path) or None)
    check_size(data, fmt, str(path) or None)
    if row.zip_container and data.startswith(b"PK"):
        check_zip(data, fmt, str(path) or None)
    module, func = row.loader.split(":")
    package = None if "." in module else __name__  # a caller's own loader: a full module name
    loader = getattr(importlib.import_module(module if package is None else f".{module}", package), func)
    return loader(p, data)


def load(path: str | os.PathLike, limits: Optional[Limits] = None) -> SourceText:
    """Read any supported file into a :class:`SourceText` (the format is sniffed from the content).

    Only a regular file (or a symlink to one) within ``limits.file_mb`` is read."""
    with use_limits(limits):
        return _load_bytes(read_regular(path), Path(path), path)
