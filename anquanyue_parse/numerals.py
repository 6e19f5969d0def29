"""Chinese numerals to integers (cn2an, loaded on first use and cached)."""

from __future__ import annotations

import functools
from typing import Optional

__all__ = ["to_int"]

#: Digit-by-digit forms used in years: "二〇二四", "二00五", "二ＯＯ八".
_YEAR_DIGITS = str.maketrans("〇○ＯO零一二三四五六七八九", "00000123456789")

#: Values of the Chinese digits read without cn2an.
_CN_DIGIT_VALUES = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _small_numeral(text: str) -> Optional[int]:
    """1-99 in the forms headings, months and editions use: "七", "十", "十五", "二十", "二十三";
    None for anything else (cn2an reads those)."""
    head, ten, tail = text.partition("十")
    if not ten:
        return _CN_DIGIT_VALUES.get(text) if len(text) == 1 else None
    tens = 1 if not head else _CN_DIGIT_VALUES.get(head) if len(head) == 1 else None
    units = 0 if not tail else _CN_DIGIT_VALUES.get(tail) if len(tail) == 1 else None
    if tens is None or units is None or "两" in tail or head == "两":
        return None
    return tens * 10 + units


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
    small = _small_numeral(text)
    if small is not None:
        return small
    import cn2an  # ~0.1 s to import: only when a Chinese numeral is met

    try:
        return int(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, TypeError):
        return None
