"""The official national themes of the 全国“安全生产月” (its campaign profile's themes file,
data/national_themes.json)."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Optional

import regex

from .campaigns import DEFAULT_CAMPAIGN, profile

__all__ = ["national_themes", "national_theme", "theme_key", "year_of_theme"]

#: Everything that is not a letter or digit: separators differ between notices
#: ("生命至上，安全发展" / "生命至上、安全发展" / "生命至上 安全发展").
_SEPARATORS = regex.compile(r"[^\p{L}\p{N}]+")


@functools.lru_cache(maxsize=1)
def national_themes() -> dict[int, str]:
    """Year -> official national theme, as announced."""
    source = profile(DEFAULT_CAMPAIGN).themes_file
    raw = json.loads(resources.files("anquanyue_parse").joinpath(f"data/{source}").read_text("utf-8"))
    return {row["year"]: row["theme"] for row in raw["themes"]}


def national_theme(year: int) -> Optional[str]:
    """The national theme of ``year`` or None (before 2002, or not in the table yet)."""
    return national_themes().get(year)


def theme_key(theme: str) -> str:
    """A comparison key: simplified characters, no separators or quotes."""
    from .textutil import to_simplified

    return _SEPARATORS.sub("", to_simplified(theme))


@functools.lru_cache(maxsize=1)
def _by_key() -> dict[str, int]:
    return {theme_key(t): y for y, t in national_themes().items()}


def year_of_theme(theme: str) -> Optional[int]:
    """The year whose national theme equals ``theme`` (separators and script aside), else None."""
    return _by_key().get(theme_key(theme))
