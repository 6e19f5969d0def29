"""Date expressions: full (``2024年5月27日``, ``二〇一八年五月四日``, ``2018.5.4``) and
month-day (``5月30日``) ones; the issue date (成文日期)."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Optional

import regex

from ..numerals import to_int
from ..patterns import STRONG_ORG_SUFFIX
from .base import Context
from .registry import Extractor, Found, read

__all__ = [
    "DATE_PATTERN",
    "NUMERIC_DATE_PATTERN",
    "make_date",
    "month_end",
    "parse_date_match",
    "extract_issue_date",
]

_Y = r"(?P<y>\d{4}|[〇○零一二三四五六七八九O0]{4})"
_M = r"(?P<m>\d{1,2}|十[一二]?|[一二三四五六七八九])"
_D = r"(?P<d>\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"

#: A Chinese date, year optional: "2024年5月27日", "二〇二四年五月二十七日", "5月30日", "6月13号".
DATE_PATTERN = regex.compile(rf"(?:{_Y}年)?{_M}月{_D}[日号]")

#: A numeric date: "2023-05-25", "2018.5.4", "2017/06/29".
NUMERIC_DATE_PATTERN = regex.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<sep>[-./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"
)

#: A line that is only a date (the 成文日期 under the signature), e.g. "2024年5月27日",
#: "二00五年六月二日", "2023年5月29日印发".
DATE_LINE_PATTERN = regex.compile(
    rf"^\(?(?:{_Y}年{_M}月{_D}[日号]|(?P<ny>(?:19|20)\d{{2}})[-./](?P<nm>\d{{1,2}})[-./](?P<nd>\d{{1,2}}))"
    r"(?:印发|发布|签发)?\)?(?:(?:主题词|抄送|抄报|关键词)\s*:.*)?$"
)

#: A signature and its date on one line: "运城市工业和信息化局  2023年5月29日" (the gap is gone in match text).
SIGNED_DATE_LINE_PATTERN = regex.compile(
    rf"^(?P<org>[\p{{Han}}()]{{2,30}}?{STRONG_ORG_SUFFIX})\s*"
    rf"(?P<date>{_Y}年{_M}月{_D}[日号])$"
)

#: A metadata label carrying the document's own date, e.g. "成文日期:2023-05-25", "生成日期:…".
#: A page's 发布日期 / 发布时间 / 公开日期 is its publication date (``published``), not this.
ISSUE_DATE_LABEL_PATTERN = regex.compile(
    r"(?:成文日期|成文时间|生成日期|发文日期|印发日期|签发日期|制发日期)\s*:\s*"
)

#: A publication label that dates the document itself when it sits in the document's metadata
#: table (with 文号 / 索引号 / 发布机构 nearby), e.g. "发 文 号:安组委办〔2017〕8号 … 发布日期:2017-06-29".
TABLE_DATE_LABEL_PATTERN = regex.compile(r"(?:发布日期|发布时间|公开日期|发文时间)\s*:\s*")

#: The labels that make a block the document's metadata table, not a page's bar.
METADATA_TABLE_PATTERN = regex.compile(r"发\s*文\s*号|文\s*号\s*:|发文字号|索\s*引\s*号|发布机构|发布单位|发文机关|发文单位")

#: How close a metadata table label must be to the date label (characters either side).
METADATA_TABLE_REACH = 120

#: A news sentence: "5月19日,交通运输部发出通知", "5月26日,公司下发《…》".
NEWS_ISSUE_PATTERN = regex.compile(
    r"(?P<date>(?:\d{4}年)?\d{1,2}月\d{1,2}日),?[\p{Han}]{0,20}?(?:下发|印发|发出|发布|出台)了?(?:《|通知|关于)"
)


def make_date(year: Optional[int], month: Optional[int], day: Optional[int]) -> Optional[dt.date]:
    """A valid date or None (no year, or 2月30日)."""
    if not year or not month or not day:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_date_match(m: regex.Match, default_year: Optional[int]) -> tuple[Optional[dt.date], bool]:
    """(date, had_year) for a DATE_PATTERN / NUMERIC_DATE_PATTERN match."""
    y = m.group("y")
    year = to_int(y) if y else default_year
    if year is not None and not (1949 <= year <= 2100):
        year = None
    return make_date(year, to_int(m.group("m")), to_int(m.group("d"))), bool(y)


def _date_line(ctx: Context):
    """First line that is only a date (or a signature and a date), with the line index."""
    found = _pure_date_line(ctx)
    if found:
        return found
    for ln in ctx.seg.lines:
        t = ln.text.strip()
        if not t or len(t) > 50:
            continue
        m = SIGNED_DATE_LINE_PATTERN.match(t)
        if m:
            d = make_date(to_int(m.group("y")), to_int(m.group("m")), to_int(m.group("d")))
            if d:
                off = ln.start + (len(ln.text) - len(ln.text.lstrip()))
                return d, off + m.start("date"), off + m.end("date"), ln.index
    return None


def _pure_date_line(ctx: Context):
    for ln in ctx.seg.lines:
        t = ln.text.strip()
        if not t or len(t) > 24:
            continue
        m = DATE_LINE_PATTERN.match(t)
        if not m:
            continue
        if m.group("ny"):
            d = make_date(int(m.group("ny")), int(m.group("nm")), int(m.group("nd")))
        else:
            d = make_date(to_int(m.group("y")), to_int(m.group("m")), to_int(m.group("d")))
        if d:
            off = ln.start + (len(ln.text) - len(ln.text.lstrip()))
            return d, off, off + len(t), ln.index
    return None


def _dated_label(text: str, at: int):
    """(date, match span, None) of a full date right after a label ending at ``at``, else None."""
    window = text[at: at + 20]
    dm = NUMERIC_DATE_PATTERN.match(window) or DATE_PATTERN.match(window)
    if dm:
        d, had_year = parse_date_match(dm, None)
        if d and had_year:
            return d, (at + dm.start(), at + dm.end()), None
    return None


def extract_issue_date(ctx: Context) -> tuple[Optional[dt.date], Optional[tuple[int, int]], Optional[int]]:
    """The 成文日期: a date line under the signature, else a metadata label, else a news
    sentence ("5月19日,交通运输部发出通知"). Returns (date, match span, line index)."""
    found = _date_line(ctx)
    if found:
        d, s, e, line = found
        return d, (s, e), line
    text = ctx.text
    for m in ISSUE_DATE_LABEL_PATTERN.finditer(text):
        found = _dated_label(text, m.end())
        if found:
            return found
    for m in TABLE_DATE_LABEL_PATTERN.finditer(text):
        near = text[max(0, m.start() - METADATA_TABLE_REACH): m.end() + METADATA_TABLE_REACH]
        found = _dated_label(text, m.end()) if METADATA_TABLE_PATTERN.search(near) else None
        if found:
            return found
    year = ctx.facts.year_hint
    for m in NEWS_ISSUE_PATTERN.finditer(text):
        dm = DATE_PATTERN.match(m.group("date"))
        if dm:
            d, _ = parse_date_match(dm, year)
            if d:
                return d, (m.start("date"), m.end("date")), None
    return None, None, None


def _run_issue_date(ctx: Context) -> Optional[Found]:
    date, at, line = extract_issue_date(ctx)
    ctx.facts.issue_date, ctx.facts.date_line = date, line
    return read(ctx, date, at) if at else None


EXTRACTORS = (Extractor("issue_date", _run_issue_date, needs=("year_hint",)),)
