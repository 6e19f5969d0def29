"""Chinese numerals to integers (cn2an, loaded on first use and cached)."""

from __future__ import annotations

import functools
from typing import Optional

__all__ = ["to_int"]

#: Digit-by-digit forms used in years: "二〇二四", "二00五", "二ＯＯ八".
_YEAR_DIGITS = str.maketrans("〇○ＯO零一二三四五六七八九", "00000123456789")


@functools.lru_cache(maxsize=4096)
def to_int(text: str) -> Optional[int]:
    """``"23"`` / ``"二十三"`` / ``"二〇二四"`` / ``"二00五"`` -> int, or None if not a numeral."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(c in "〇○ＯO零一二三四五六七八九0123456789" for c in text):
        digits = text.translate(_YEAR_DIGITS)
        if digits.isdigit():
            return int(digits)
    import cn2an  # ~0.1 s to import: only when a Chinese numeral is met

    try:
        return int(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, TypeError):
        return None
