"""Campaign year and edition (第N个全国“安全生产月”, N = year - 2001)."""

from __future__ import annotations

from typing import Optional

import regex

from ..numerals import to_int
from ..patterns import CAMPAIGN_NAME
from .base import Context

__all__ = ["extract_edition", "extract_year", "FIRST_YEAR"]

#: The first 全国“安全生产月” was held in 2002, so edition N is year 2001 + N.
FIRST_YEAR = 2002

#: "第23个全国“安全生产月”", "全国第20个“安全生产月”", "第十七个安全安全生产月", "第八个全国".
EDITION_PATTERN = regex.compile(
    r"第(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})[个届][^。\n]{0,8}?(?:安全生产月|安全月)"
)

#: A year tied to the campaign: "2023年“安全生产月”", "2024年度安全生产月", "2019年消防宣传月".
CAMPAIGN_YEAR_PATTERN = regex.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年[^。\n]{0,12}?(?:" + CAMPAIGN_NAME + r"|安全生产万里行)"
)

#: Any year written with 年, e.g. "2010年6月".
ANY_YEAR_PATTERN = regex.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年(?=\s*\d{1,2}\s*月|度)")

#: A year scrubbed to a placeholder ("xx年", "20XX年", "××年"): the year is unknown on purpose.
YEAR_PLACEHOLDER_PATTERN = regex.compile(r"(?:20)?(?:xx|XX|××|ХХ|\*\*)\s*年")


def extract_edition(ctx: Context) -> Optional[tuple[int, tuple[int, int]]]:
    m = EDITION_PATTERN.search(ctx.text)
    if not m:
        return None
    n = to_int(m.group("n"))
    if not n or n > 60:
        return None
    return n, (m.start(), m.end("n") + 1)


def extract_year(ctx: Context, title_span, edition: Optional[int]) -> tuple[Optional[int], Optional[tuple[int, int]], str]:
    """(year, match span, how). ``how`` is "" when read directly, else how it was inferred."""
    text = ctx.text
    if title_span:
        m = regex.search(r"(?<!\d)((?:19|20)\d{2})\s*年", text[title_span[0]:title_span[1]])
        if m:
            return int(m.group(1)), (title_span[0] + m.start(1), title_span[0] + m.end(1)), ""
    m = CAMPAIGN_YEAR_PATTERN.search(text)
    if m:
        return int(m.group("y")), (m.start("y"), m.end("y")), ""
    m = ANY_YEAR_PATTERN.search(text)
    if m:
        return int(m.group("y")), (m.start("y"), m.end("y")), ""
    if edition:
        return FIRST_YEAR - 1 + edition, None, "from the edition (第N个安全生产月)"
    return None, None, ""
