"""Campaign year and edition (第N个全国“安全生产月”, N = year - 2001; a sibling's first year is in
its campaign profile, :mod:`..campaigns`)."""

from __future__ import annotations

from typing import Optional

import regex

from ..campaigns import profile
from ..numerals import to_int
from ..patterns import CAMPAIGN_NAME, ORDINAL
from ..themes import year_of_theme
from .base import Context
from .campaign import campaign_core
from .dates import NUMERIC_DATE_PATTERN
from .registry import Extractor, Found, read

__all__ = ["extract_edition", "extract_year", "first_year_of"]

#: "第23个全国“安全生产月”", "全国第20个“安全生产月”", "第十七个安全安全生产月", "第八个全国".
EDITION_PATTERN = regex.compile(
    r"第(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})[个届][^。\n]{0,8}?(?:安全生产月|安全月)"
)

#: A year tied to the campaign: "2023年“安全生产月”", "2024年度安全生产月", "2019年消防宣传月".
CAMPAIGN_YEAR_PATTERN = regex.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年[^。\n]{0,12}?(?:" + CAMPAIGN_NAME + r"|安全生产万里行)"
)

#: A year the campaign began in, not the notice's: "自2009年起", "从2009年开始", "2009年以来".
SINCE_YEAR_PATTERN = regex.compile(r"(?:[自从]\d{4}\s*年|.?\d{4}\s*年(?:起|开始|以来))")

#: Any year written with 年, e.g. "2010年6月".
ANY_YEAR_PATTERN = regex.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年(?=\s*\d{1,2}\s*月|度)")

#: A year scrubbed to a placeholder ("xx年", "20XX年", "××年"): the year is unknown on purpose.
YEAR_PLACEHOLDER_PATTERN = regex.compile(r"(?:20)?(?:xx|XX|××|ХХ|\*\*)\s*年")


#: An ordinal of any campaign, the name following within a few characters: "第15个全国防灾减灾日",
#: "第二十五个全国科技活动周", "第九届国家网络安全宣传周", "第十三个122“全国交通安全日”".
ANY_EDITION_PATTERN = regex.compile(
    ORDINAL + r"(?P<gap>[^。,;:\n]{0,10}?)(?P<name>" + CAMPAIGN_NAME + ")"
)


#: A contest named after the campaign, right after its name: "…教育日”海报设计大赛", "…周”征文比赛".
CONTEST_AFTER_PATTERN = regex.compile(r"[”》]?[\p{Han}]{0,4}?(?:大赛|比赛|竞赛|征文|评选|知识赛)")


def first_year_of(campaign: Optional[str]) -> Optional[int]:
    """The year of edition 1 of a campaign, from its profile (None for an unknown one, or one
    whose first year is not checked); None means 安全生产月 (first held 2002)."""
    known = profile(campaign)
    return known.first_year if known else None


def extract_edition(ctx: Context, campaign: Optional[str] = None, core=None) -> Optional[tuple[int, tuple[int, int]]]:
    """(N, span of "第N个") for the notice's own campaign. ``core`` maps a campaign mention to its
    canonical name; a sibling's edition counts only when it names that campaign."""
    if campaign in (None, "安全生产月"):
        m = EDITION_PATTERN.search(ctx.text)
        if not m:
            return None
        n = to_int(m.group("n"))
        if not n or n > 60:
            return None
        return n, (m.start(), m.end("n") + 1)
    for m in ANY_EDITION_PATTERN.finditer(ctx.text):
        if core is not None and core(m.group("name")) != campaign:
            continue
        if CONTEST_AFTER_PATTERN.match(ctx.text, m.end()):
            continue  # "第三届“4·15全民国家安全教育日”海报设计大赛": the contest's edition
        n = to_int(m.group("n"))
        if n and n <= 80:
            return n, (m.start(), m.end("n") + 1)
    return None


def extract_year(ctx: Context, title_span, edition: Optional[int],
                 campaign: Optional[str] = None) -> tuple[Optional[int], Optional[tuple[int, int]], str]:
    """(year, match span, how). ``how`` is "" when read directly, else how it was inferred.

    A sibling campaign's edition outranks the first "YYYY年M月" of the text, which in news is
    often history ("2008年5月12日汶川地震…"); for 安全生产月 the stated year comes first."""
    text = ctx.text
    first = first_year_of(campaign)
    # with "第N个" stated (N >= 3), the first year and any before it are history:
    # "1980年…在全国开展安全生产月", "2002年,中共中央宣传部…" in a notice of the 23rd
    oldest = first + 1 if edition and first and edition >= 3 else 0
    if title_span:
        m = regex.search(r"(?<!\d)((?:19|20)\d{2})\s*年", text[title_span[0]:title_span[1]])
        if m:
            return int(m.group(1)), (title_span[0] + m.start(1), title_span[0] + m.end(1)), ""
    for m in CAMPAIGN_YEAR_PATTERN.finditer(text):
        if SINCE_YEAR_PATTERN.match(text, max(0, m.start() - 1), m.end()) or int(m.group("y")) < oldest:
            continue  # "自2009年起,每年5月12日为全国防灾减灾日": when the campaign began
        return int(m.group("y")), (m.start("y"), m.end("y")), ""
    sibling = campaign not in (None, "安全生产月")
    if edition and first and sibling:
        return first - 1 + edition, None, f"from the edition (第N个{campaign}, first held {first})"
    for m in ANY_YEAR_PATTERN.finditer(text):
        if int(m.group("y")) >= oldest:
            return int(m.group("y")), (m.start("y"), m.end("y")), ""
    if edition and first:
        return first - 1 + edition, None, f"from the edition (第N个{campaign or '安全生产月'})"
    return None, None, ""


def _run_edition(ctx: Context) -> Optional[Found]:
    found = extract_edition(ctx, ctx.facts.campaign, campaign_core)
    if not found:
        return None
    ctx.facts.edition = found[0]
    return read(ctx, found[0], found[1])


def _run_year_hint(ctx: Context) -> None:
    """The year as the text states it (a fact the issue date and published date read)."""
    f = ctx.facts
    f.year_hint, f.year_at, f.year_how = extract_year(ctx, f.title_at, f.edition, f.campaign)


def _run_year(ctx: Context) -> Optional[Found]:
    """The stated year, else the issue date's, a page's date stamp's, or the national theme's."""
    f = ctx.facts
    year, how = f.year_hint, f.year_how
    if year is None and f.issue_date is not None:
        year, how = f.issue_date.year, "from the issue date"
    if year is None:
        stamp = NUMERIC_DATE_PATTERN.search(ctx.text)
        if stamp:
            year, how = int(stamp.group("y")), "from the page's date stamp"
    themed = profile(f.campaign)  # a campaign with national themes (安全生产月)
    if year is None and f.theme and themed and themed.themes_file \
            and not YEAR_PLACEHOLDER_PATTERN.search(ctx.text):
        year = year_of_theme(f.theme)
        if year:
            how = "from the theme (the national theme of that year)"
    f.year = year
    _check_edition(ctx, f.edition, year, f.campaign)
    if year is None:
        return None
    if f.year_at and year == f.year_hint:
        return read(ctx, year, f.year_at)
    return Found(year, None, "inferred", how)


def _check_edition(ctx: Context, edition: Optional[int], year: Optional[int], campaign: Optional[str]) -> None:
    first = first_year_of(campaign)
    if edition and year and first and edition != year - (first - 1):
        ctx.warn(f"the text says this is the {edition}th campaign, but {year} would be the "
                 f"{year - (first - 1)}th (first was {first})")


EXTRACTORS = (
    Extractor("edition", _run_edition, needs=("campaign",)),
    Extractor("year_hint", _run_year_hint, needs=("title", "edition", "campaign"), field=None),
    Extractor("year", _run_year, needs=("year_hint", "issue_date", "theme", "campaign", "edition")),
)
