"""Plain-text loader: detects the encoding (GB18030/GBK, UTF-8 with or without BOM, UTF-16)."""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import UnsupportedFormat
from ..models import SourceText

__all__ = ["load_txt", "decode_text"]

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def decode_text(data: bytes, path: str | None = None) -> tuple[str, str]:
    """Decode bytes as text; return (text, encoding). Raise UnsupportedFormat if not text."""
    if not data:
        return "", "utf-8"
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    raise UnsupportedFormat("not a text file in a known encoding", path)


def load_txt(path: Path, data: bytes) -> SourceText:
    text, enc = decode_text(data, str(path))
    return SourceText(text=text, path=str(path), format="txt", encoding=enc)
