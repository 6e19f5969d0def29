"""Activity types by year and issuer level, by the rule table in ``data/activity_types.json``.

The rules are tried in the table's order against an activity's title, first match wins; when
none matches the title, the rule matching earliest in its text wins; otherwise the type is 其他. Every row
of :func:`activities_frame` says which rule matched where, so each type can be checked.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any, Optional

import regex

from .levels import LEVELS, issuer_level
from .sources import activity_text, as_records, walk_activities

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["ActivityRule", "activity_rules", "activity_types", "classify_activity", "activities_frame",
           "activity_mix", "ACTIVITY_COLUMNS", "MIX_COLUMNS"]

ACTIVITY_COLUMNS = ["year", "issuer", "issuer_level", "source_path", "depth", "number", "title", "type",
                    "matched_in", "matched"]
MIX_COLUMNS = ["year", "issuer_level", "type", "activities"]


@dataclass(frozen=True)
class ActivityRule:
    type: str
    pattern: regex.Pattern
    examples: tuple[str, ...]


@dataclass(frozen=True)
class Classification:
    type: str
    matched_in: Optional[str]  # "title", "text" or None for 其他
    matched: Optional[str]  # the text the rule matched


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    return json.loads(resources.files("anquanyue_parse").joinpath("data/activity_types.json").read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def activity_rules() -> tuple[ActivityRule, ...]:
    """The rules in order; each type's patterns compiled into one alternation."""
    return tuple(ActivityRule(r["type"], regex.compile("|".join(f"(?:{p})" for p in r["patterns"])),
                              tuple(r.get("examples", ()))) for r in _table()["rules"])


def activity_types() -> tuple[str, ...]:
    """Every type in table order, the fallback (其他) last."""
    return tuple(r.type for r in activity_rules()) + (_table()["other"],)


def classify_activity(title: str, text: str = "") -> Classification:
    """The type of one activity: first rule matching the title, else the earliest match in the text, else 其他."""
    from ..textutil import to_simplified

    title = to_simplified(title or "")
    for rule in activity_rules():
        if m := rule.pattern.search(title):
            return Classification(rule.type, "title", m.group(0))
    text = to_simplified(text or "")
    found = [(m.start(), i, rule.type, m.group(0)) for i, rule in enumerate(activity_rules())
             if (m := rule.pattern.search(text))]
    if found:
        _, _, kind, matched = min(found)
        return Classification(kind, "text", matched)
    return Classification(_table()["other"], None, None)


def activities_frame(db: Any) -> "pd.DataFrame":
    """One row per activity (every depth) with its type and the rule match that gave it."""
    import pandas as pd

    rows = []
    for rec in as_records(db):
        level = issuer_level(rec.issuer)
        for depth, act in walk_activities(rec):
            c = classify_activity(act.title, activity_text(act))
            rows.append({"year": rec.year, "issuer": rec.issuer, "issuer_level": level,
                         "source_path": rec.source_path, "depth": depth, "number": act.number,
                         "title": act.title, "type": c.type, "matched_in": c.matched_in, "matched": c.matched})
    df = pd.DataFrame(rows, columns=ACTIVITY_COLUMNS)
    df["year"] = df["year"].astype("Int64")
    df["depth"] = df["depth"].astype(int)
    return df


def activity_mix(db: Any, depth: Optional[int] = 0) -> "pd.DataFrame":
    """Activities counted by year, issuer level and type (long format: :data:`MIX_COLUMNS`).

    ``depth=0`` counts the top-level items of the activity sections (their sub-items are part
    of them); ``depth=None`` counts every item. Activities of notices without a year are left out.
    """
    import pandas as pd

    df = activities_frame(db)
    if depth is not None:
        df = df[df["depth"] == depth]
    df = df[df["year"].notna()]
    out = df.groupby(["year", "issuer_level", "type"]).size().rename("activities").reset_index()
    out["issuer_level"] = pd.Categorical(out["issuer_level"], categories=LEVELS)
    out["type"] = pd.Categorical(out["type"], categories=activity_types())
    out = out.sort_values(["year", "issuer_level", "type"]).reset_index(drop=True)
    out["year"] = out["year"].astype("Int64")
    return out[MIX_COLUMNS]
