"""Which campaign a notice is about: 安全生产月, or a sibling in the same format (the known
ones and their aliases are the campaign profiles, :mod:`..campaigns`)."""

from __future__ import annotations

from collections import Counter
from typing import Optional

import regex

from ..campaigns import canonical
from ..patterns import CAMPAIGN_NAME_SCANNER, ORDINAL
from .base import Context
from .registry import Extractor, Found, read

__all__ = ["extract_campaign", "campaign_core"]

#: The core of an unknown campaign name, quoted or after a year / 全国 / a function word:
#: "“节能宣传周”", "2020年全国节能宣传周", "第35个全民禁毒宣传月" -> 全民禁毒宣传月.
GENERIC_CORE_PATTERN = regex.compile(r"(?:^|[“《年个是的在为和及与])(?:全国|国家|我国)?(?![个是的在为和及与])(?P<core>[\p{Han}]{2,8}?(?:宣传月|宣传周|活动周|活动月|宣传日|安全日|教育日))$")

#: An ordinal before a campaign mention: "第15个全国防灾减灾日"; the campaign a notice counts
#: the edition of is the one it is about ("5月6日至12日为防灾减灾宣传周" around it or not).
EDITION_BEFORE_PATTERN = regex.compile(ORDINAL + r"[^。,;:\n第]{0,10}")

#: How far before a mention (whose lazy prefix may start at the 个 of 第15个) an ordinal may sit.
EDITION_REACH = 12


def campaign_core(name: str) -> Optional[str]:
    """The canonical campaign a mention names ("第15个全国防灾减灾日" -> 防灾减灾日), or None."""
    return _core(name)


def _core(name: str) -> Optional[str]:
    flat = regex.sub(r"[《》“”]", "", name)
    known = canonical(flat)  # a campaign profile's name or alias (data/campaigns.json)
    if known:
        return known
    m = GENERIC_CORE_PATTERN.search(name)
    return m.group("core") if m else None


def extract_campaign(ctx: Context, title_span) -> Optional[tuple[str, tuple[int, int]]]:
    """(canonical campaign name, match span of its first mention in the title or body)."""
    text = ctx.text
    if title_span:
        for m in CAMPAIGN_NAME_SCANNER.finditer(text, *title_span):
            core = _core(m.group(0))
            if core:
                return core, (m.start(), m.end())
    counts: Counter = Counter()
    first: dict[str, tuple[int, int]] = {}
    counted: Optional[str] = None  # the first campaign the text gives an edition of
    for i, m in enumerate(CAMPAIGN_NAME_SCANNER.finditer(text)):
        if i > 2000:
            break
        core = _core(m.group(0))
        if core:
            counts[core] += 1
            first.setdefault(core, (m.start(), m.end()))
            ordinal = EDITION_BEFORE_PATTERN.search(text, max(0, m.start() - EDITION_REACH), m.end())
            if counted is None and ordinal and ordinal.end() >= m.start():
                counted = core
    if not counts:
        return None
    top, n = counts.most_common(1)[0]
    # the campaign whose edition the text gives, unless another one dominates the text
    core = counted if counted and counts[counted] * 2 >= n else top
    return core, first[core]


def _run_campaign(ctx: Context) -> Optional[Found]:
    found = extract_campaign(ctx, ctx.facts.title_at)
    if not found:
        return None
    ctx.facts.campaign = found[0]
    return read(ctx, found[0], found[1])


EXTRACTORS = (Extractor("campaign", _run_campaign, needs=("title",)),)
