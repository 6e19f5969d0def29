"""The administrative level of an issuer, inferred from its name by the rules in
``data/issuer_levels.json`` (national / province / city / county / street / enterprise / unknown).

>>> issuer_level("开化县桐村镇人民政府")
'street'
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Optional

import regex

__all__ = ["LEVELS", "issuer_level", "level_rules"]

#: Levels from the widest to the narrowest; the order of rows and colours in tables and plots.
LEVELS = ("national", "province", "city", "county", "street", "enterprise", "unknown")


@dataclass(frozen=True)
class LevelRule:
    level: str
    pattern: regex.Pattern
    examples: dict


@dataclass(frozen=True)
class LevelRules:
    whole_name: tuple[LevelRule, ...]
    ignore: regex.Pattern
    markers: tuple[LevelRule, ...]
    municipalities: regex.Pattern
    fallback: tuple[LevelRule, ...]


def _rules(rows: list[dict]) -> tuple[LevelRule, ...]:
    return tuple(LevelRule(r["level"], regex.compile(r["pattern"]), r.get("examples", {})) for r in rows)


@functools.lru_cache(maxsize=1)
def level_rules() -> LevelRules:
    """The rule table from ``data/issuer_levels.json``, compiled."""
    raw = json.loads(resources.files("anquanyue_parse").joinpath("data/issuer_levels.json").read_text("utf-8"))
    unknown = {r["level"] for key in ("whole_name", "markers", "fallback") for r in raw[key]} - set(LEVELS)
    if unknown:
        raise ValueError(f"issuer_levels.json: unknown levels {sorted(unknown)}")
    return LevelRules(
        whole_name=_rules(raw["whole_name"]),
        ignore=regex.compile("|".join(map(regex.escape, sorted(raw["ignore"], key=len, reverse=True)))),
        markers=_rules(raw["markers"]),
        # "上海市" at the start of the name: the 市 of a municipality is a province-level marker
        municipalities=regex.compile(rf"^(?:{raw['municipalities']})市"),
        fallback=_rules(raw["fallback"]),
    )


@functools.lru_cache(maxsize=4096)
def issuer_level(name: Optional[str]) -> str:
    """``national`` … ``enterprise`` for an issuer's name, ``unknown`` when no rule applies."""
    if not name or not name.strip():
        return "unknown"
    from ..textutil import to_simplified

    s = to_simplified(name.strip())
    rules = level_rules()
    for rule in rules.whole_name:
        if rule.pattern.search(s):
            return rule.level
    # blank out words that contain a marker character without naming a unit (城乡, 市场 …)
    blanked = rules.ignore.sub(lambda m: "□" * len(m.group(0)), s)
    last: Optional[tuple[int, str, int]] = None
    for rule in rules.markers:
        for m in rule.pattern.finditer(blanked):
            if last is None or m.start() > last[0]:
                last = (m.start(), rule.level, m.end())
    if last is not None:
        start, level, end = last
        if level == "city" and (m := rules.municipalities.match(blanked)) and m.end() == end:
            return "province"
        return level
    for rule in rules.fallback:
        if rule.pattern.search(s):
            return rule.level
    return "unknown"
