"""Stage 1: load. One loader per format, one dispatcher that sniffs the content.

Every loader has the signature ``load_xxx(path: Path, data: bytes) -> SourceText``.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import FileAccessError, UnsupportedFormat
from ..models import SourceText
from .text import load_txt

__all__ = ["load", "sniff_format", "SUPPORTED_SUFFIXES"]

#: Suffixes an archive walk picks up.
SUPPORTED_SUFFIXES = {".txt", ".text", ".md"}


def _read(path: Path) -> bytes:
    if not path.exists():
        raise FileAccessError("no such file", str(path))
    if path.is_dir():
        raise FileAccessError("is a directory, not a file", str(path))
    if not os.access(path, os.R_OK):
        raise FileAccessError("permission denied: the file cannot be read", str(path))
    try:
        return path.read_bytes()
    except OSError as exc:
        raise FileAccessError(f"cannot read the file ({exc.strerror or exc})", str(path)) from exc


def sniff_format(data: bytes, suffix: str = "") -> str:
    """The format name from the content (magic bytes), falling back to the suffix."""
    return "txt"


def load(path: str | os.PathLike) -> SourceText:
    """Read any supported file into a :class:`SourceText`."""
    p = Path(path)
    data = _read(p)
    fmt = sniff_format(data, p.suffix.lower())
    if fmt == "txt":
        return load_txt(p, data)
    raise UnsupportedFormat(f"unsupported format {fmt!r}", str(p))
