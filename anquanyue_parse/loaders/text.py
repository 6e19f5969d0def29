"""Plain-text loader: finds the encoding (BOM, UTF-8, UTF-16 without BOM, GB18030/GBK, a mix
of UTF-8 and GB18030 lines, then charset-normalizer for anything else); bytes that are not
text raise ``UnsupportedFormat``. A mixed file is decoded line by line, each line with its
encoding; the record gets a warning listing the parts (character ranges)."""

from __future__ import annotations

import codecs
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..errors import UnsupportedFormat
from ..models import SourceText

__all__ = ["load_txt", "decode_text", "decode_mixed", "MixedText"]

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

#: Detector names folded to the codec we decode with: GB2312 and GBK files routinely hold
#: GB18030-only characters, and GB18030 is a strict superset of both.
CODEC_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "hz": "gb18030",
                 "ascii": "utf-8", "big5": "big5hkscs", "cp950": "big5hkscs"}

#: The encoding name of a file decoded by parts (see decode_mixed).
MIXED = "mixed:utf-8+gb18030"
#: Parts listed in the warning of a mixed-encoding file.
MAX_RUNS_SHOWN = 6

#: Share of plausible characters a decoding must reach (UTF-16 guess, GB18030 guess).
PLAUSIBLE_SHARE = 0.9
#: Share of "frequent" Han characters (GB2312 level 1 or Big5 frequent) a GB18030 guess must reach.
COMMON_HAN_SHARE = 0.8


def decode_text(data: bytes, path: str | None = None) -> tuple[str, str]:
    """Decode bytes as text; return ``(text, encoding)``. Raise UnsupportedFormat if not text.

    >>> decode_text("安全生产月".encode("gbk"))
    ('安全生产月', 'gb18030')
    """
    text, enc, _ = _decode(data, path)
    return text, enc


def _decode(data: bytes, path: str | None) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings): a file mixing UTF-8 and GB18030 lines is decoded by parts."""
    if not data:
        return "", "utf-8", []
    text, enc = _decode_whole(data, path)
    if enc != MIXED:
        return text, enc, []
    mixed = decode_mixed(data)
    return mixed.text, MIXED, [mixed.warning()]


def _decode_whole(data: bytes, path: str | None) -> tuple[str, str]:
    for bom, enc in BOMS:
        if data.startswith(bom):
            return _checked(data.decode(enc, "replace"), enc, path)
    if b"\x00" not in data:
        try:
            return _checked(data.decode("utf-8"), "utf-8", path)
        except UnicodeDecodeError:
            pass
    enc = _utf16_without_bom(data)
    if enc:
        return _checked(data.decode(enc, "replace"), enc, path)
    try:
        text = data.decode("gb18030")
        if _plausible(text) >= PLAUSIBLE_SHARE and _common_han(text) >= COMMON_HAN_SHARE:
            return _checked(text, "gb18030", path)
    except UnicodeDecodeError:
        pass
    if decode_mixed(data, probe=True) is not None:
        return "", MIXED
    return _detect(data, path)


@dataclass
class MixedText:
    """A text decoded by parts: ``runs`` are (start, end, encoding) in characters of ``text``."""

    text: str
    runs: list[tuple[int, int, str]]

    def warning(self) -> str:
        parts = ", ".join(f"{a:,}-{b:,} {enc}" for a, b, enc in self.runs[:MAX_RUNS_SHOWN])
        more = f" and {len(self.runs) - MAX_RUNS_SHOWN} more parts" if len(self.runs) > MAX_RUNS_SHOWN else ""
        return (f"mixed encodings (a file joined from several sources?): each part decoded with its own; "
                f"characters {parts}{more}")


def decode_mixed(data: bytes, probe: bool = False) -> Optional[MixedText]:
    """The text of a file whose lines are UTF-8 or GB18030 (some of each), else None.

    A line that is valid UTF-8 is UTF-8 unless that reading is implausible and GB18030's is
    not; ASCII lines belong to the part around them. With ``probe`` only the verdict counts
    (the text is not assembled).
    """
    runs: list[list] = []  # [start, end, encoding]
    parts: list[str] = []
    size = 0
    for line in data.splitlines(keepends=True):
        enc = _line_encoding(line)
        if enc is None:
            return None
        text = line.decode("utf-8" if enc == "ascii" else enc)
        if enc != "ascii" and (not runs or runs[-1][2] != enc):
            runs.append([size, size, enc])
        if not probe:
            parts.append(text)
        size += len(text)
        if runs:
            runs[-1][1] = size
    if len({r[2] for r in runs}) < 2:
        return None
    runs[0][0] = 0
    return MixedText("".join(parts), [tuple(r) for r in runs])


def _line_encoding(line: bytes) -> Optional[str]:
    if line.isascii():
        return "ascii"
    try:
        text = line.decode("utf-8")
        if _plausible(text) >= PLAUSIBLE_SHARE:
            return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = line.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return "gb18030" if _plausible(text) >= PLAUSIBLE_SHARE else None


def _detect(data: bytes, path: str | None) -> tuple[str, str]:
    """charset-normalizer's best guess, if the result is text."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnsupportedFormat("not a text file (no known encoding decodes it)", path)
    enc = CODEC_ALIASES.get(best.encoding.lower(), best.encoding)
    return _checked(data.decode(enc, "replace"), enc, path)


def _checked(text: str, enc: str, path: str | None) -> tuple[str, str]:
    """Reject decodings full of control characters (binary data that happened to decode)."""
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\x0c\x1b") or ch == "\ufffd")
    if sample and bad > max(2, len(sample) // 100):
        raise UnsupportedFormat(f"not a text file ({bad} control or undecodable characters as {enc})", path)
    return text, enc


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when one of them decodes to plausible text, else None."""
    if len(data) % 2 or len(data) < 4:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data[:8000].decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible(text) >= PLAUSIBLE_SHARE:
            return enc
    return None


def _plausible(text: str) -> float:
    """Share of characters a Chinese notice is made of: ASCII text, CJK, their punctuation."""
    sample = text[:8000]
    if not sample:
        return 1.0
    good = 0
    for ch in sample:
        o = ord(ch)
        if (32 <= o < 127 or ch in "\t\n\r\u3000" or 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F
                or 0xFF00 <= o <= 0xFFEF or 0x2010 <= o <= 0x2027 or 0x2460 <= o <= 0x24FF or o in (0xA0, 0xB7, 0xD7)):
            good += 1
    return good / len(sample)


def _common_han(text: str) -> float:
    """Share of Han characters that are frequent ones, simplified or traditional (1.0 without Han).
    Big5 bytes read as GBK decode without error but into rare characters, and fail here."""
    han = [ch for ch in text[:8000] if 0x4E00 <= ord(ch) <= 0x9FFF]
    if not han:
        return 1.0
    common = _frequent_han()
    return sum(1 for ch in han if ch in common) / len(han)


@functools.lru_cache(maxsize=1)
def _frequent_han() -> frozenset[str]:
    """GB2312 level 1 (3,755 frequent simplified) plus Big5 A440-C67E (5,401 frequent traditional)."""
    chars = set()
    for lead in range(0xB0, 0xD8):
        chars.update(bytes([lead, t]).decode("gb2312", "ignore") for t in range(0xA1, 0xFF))
    for lead in range(0xA4, 0xC7):
        for t in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            chars.add(bytes([lead, t]).decode("big5", "ignore"))
    chars.discard("")
    return frozenset(chars)


def load_txt(path: Path, data: bytes) -> SourceText:
    text, enc, warnings = _decode(data, str(path))
    return SourceText(text=text, path=str(path), format="txt", encoding=enc, warnings=warnings)
