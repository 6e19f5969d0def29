"""Word lists kept as data files in ``anquanyue_parse/data/`` (as dateparser keeps its language
data): one entry per line, ``#`` starts a comment line; order is kept (it matters in a regex
alternation: a longer suffix before the one it ends with)."""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["read_lexicon"]


@functools.lru_cache(maxsize=None)
def _read(name: str) -> tuple[str, ...]:
    text = resources.files("anquanyue_parse").joinpath("data", name).read_text("utf-8")
    entries = [line.strip() for line in text.splitlines()]
    return tuple(e for e in entries if e and not e.startswith("#"))


def read_lexicon(name: str) -> list[str]:
    """The entries of ``data/NAME``, e.g. ``read_lexicon("org_suffixes.txt")[:2]`` ->
    ``["人民政府办公室", "人民政府办公厅"]``."""
    return list(_read(name))
