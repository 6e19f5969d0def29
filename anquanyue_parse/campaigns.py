"""Campaign profiles (data/campaigns.json): one entry per campaign, read by campaign
recognition, edition and year inference, the default period kind, theme alignment and the
deadline calendar. Adding a campaign is one entry there (or :func:`register` at run time).

>>> canonical("第15个全国防灾减灾日")
'防灾减灾日'
>>> profile("防灾减灾日").first_year
2009

Pure data: this module imports nothing from the package's stages, so any stage may use it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from importlib import resources
from typing import Literal, Optional

__all__ = ["Timing", "Profile", "DEFAULT_CAMPAIGN", "profiles", "profile", "canonical", "register",
           "unregister"]

#: The campaign a notice without a named campaign is taken to be (and the one with national themes).
DEFAULT_CAMPAIGN = "安全生产月"


@dataclass(frozen=True)
class Timing:
    """When a campaign usually runs: a ``month`` (6 = June), a ``week`` (in ``month``, around
    ``day`` when known), a ``day`` (5月12日: month 5, day 12) or only once a ``year``."""

    kind: Literal["month", "week", "day", "year"] = "year"
    month: Optional[int] = None
    day: Optional[int] = None


@dataclass(frozen=True)
class Profile:
    """One campaign. ``names``: the canonical name first, then aliases (traditional forms
    included); a mention containing any of them is this campaign. ``first_year``: the year of
    edition 1 (edition N is held in first_year + N - 1). ``themes_file``: the data file of its
    official themes by year, with their sources."""

    name: str
    names: tuple[str, ...]
    organizer: Optional[str] = None
    timing: Timing = Timing()
    first_year: Optional[int] = None
    companions: tuple[str, ...] = ()
    themes_file: Optional[str] = None

    @property
    def single_day(self) -> bool:
        """True for a campaign day (防灾减灾日): its period is often one day or its week."""
        return self.timing.kind == "day"

    def usual_window(self, year: int) -> Optional[tuple[dt.date, dt.date]]:
        """The month the campaign usually runs in ``year`` (1st to last day), None if unknown."""
        month = self.timing.month
        if month is None:
            return None
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        return dt.date(year, month, 1), dt.date(year, month, last)


_PROFILES: dict[str, Profile] = {}
#: Every name of every profile, longest first: the order :func:`canonical` tries them in
#: ("全民禁毒宣传月" before "禁毒宣传月", "国家安全教育日" before "安全教育日").
_MATCH: tuple[tuple[str, str], ...] = ()


def register(p: Profile) -> None:
    """Add a profile; a name already used by another profile is refused (one entry per campaign)."""
    global _MATCH
    taken = {n for q in _PROFILES.values() for n in q.names}
    if p.name in _PROFILES or p.name != p.names[0] or taken.intersection(p.names):
        raise ValueError(f"campaign {p.name!r}: already registered, or a name is another campaign's")
    _PROFILES[p.name] = p
    _MATCH = _match_order()


def unregister(name: str) -> None:
    """Remove the profile called ``name`` (a caller's own campaign, e.g. in a test)."""
    global _MATCH
    del _PROFILES[name]
    _MATCH = _match_order()


def _match_order() -> tuple[tuple[str, str], ...]:
    pairs = [(n, p.name) for p in _PROFILES.values() for n in p.names]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def _from_json(row: dict) -> Profile:
    return Profile(name=row["name"], names=tuple(row["names"]), organizer=row.get("organizer"),
                   timing=Timing(**row.get("timing", {})), first_year=row.get("first_year"),
                   companions=tuple(row.get("companions", ())), themes_file=row.get("themes_file"))


def _load() -> None:
    raw = json.loads(resources.files("anquanyue_parse").joinpath("data/campaigns.json").read_text("utf-8"))
    for row in raw["campaigns"]:
        register(_from_json(row))


_load()


def profiles() -> tuple[Profile, ...]:
    """Every profile, in file order (then the registered ones)."""
    return tuple(_PROFILES.values())


def profile(name: Optional[str]) -> Optional[Profile]:
    """The profile of canonical campaign ``name`` (None means :data:`DEFAULT_CAMPAIGN`), or None."""
    return _PROFILES.get(name or DEFAULT_CAMPAIGN)


def canonical(mention: str) -> Optional[str]:
    """The campaign whose name or alias ``mention`` contains ("2024年全国安全月" -> 安全生产月), or None."""
    for name, campaign in _MATCH:
        if name in mention:
            return campaign
    return None
