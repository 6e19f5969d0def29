"""The campaign period: "6月1日至30日", "6月份", "2021年6月起", "为期一个月"; a bare month
means the whole month."""

from __future__ import annotations

import datetime as dt
from typing import Optional

import regex

from ..campaigns import profile
from ..numerals import to_int
from ..models import Period
from ..patterns import CAMPAIGN_NAME, CAMPAIGN_NAME_SCANNER
from .base import Context
from .campaign import campaign_core
from .registry import Extractor, Found
from .dates import make_date, month_end

__all__ = ["extract_period", "PERIOD_PATTERN"]

_Y = r"(?:(?P<y>(?:19|20)\d{2})年)?"
_M = r"(?P<m>\d{1,2}|十[一二]?|[一二三四五六七八九])"

#: A date range or a month: "2024年6月1日至30日", "6月1日-6月30日", "6月1日至6月30日",
#: "2018年6月", "6月份", "2021年6月起"; groups y/m/d and y2/m2/d2.
PERIOD_PATTERN = regex.compile(
    _Y + _M + r"月(?:份)?"
    r"(?:(?:至|到|-|~)(?:(?P<ym>(?:19|20)\d{2})年)?(?P<mm>\d{1,2})月(?:份|底)?(?![\d日号])"
    r"|(?P<d>\d{1,2})[日号]?\s*(?:(?:持续|一直|延续)?(?:至|到)|-{1,2}|~|—{1,2}|－|–)\s*(?:(?P<y2>(?:19|20)\d{2})年)?(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})[日号]"
    r"|(?P<d1>\d{1,2})[日号](?P<one>[^。\n]{0,12}?为期一个月)?)?"
    r"(?P<open>起)?"
)

#: The heading or label of the period: "三、活动时间", "一、主题和时间安排", "活动时间:".
PERIOD_HEADING_PATTERN = regex.compile(r"时间")
PERIOD_LABEL_PATTERN = regex.compile(r"活动时间(?:为|是)?\s*[:.。]?\s*")

#: A heading longer than this is an item's sentence ("二、请有意参加…自行安排时间地点…"), not a 时间 heading.
HEADING_MAX = 24

#: The time of one step, not of the campaign: "五、评选时间:2014年6月", "投稿时间", "报名时间".
STEP_TIME_PATTERN = regex.compile(r"(?:评选|评审|征集|投稿|截稿|报名|报送|提交|申报|上报|考试|培训|会议)时间")

#: A sentence that dates the campaign itself: "…活动于2008年6月1日至30日在全国…开展",
#: "今年6月份,上海市…开展“安全生产月”活动", "2020年6月是全国第19个“安全生产月”".
CAMPAIGN_SENTENCE_PATTERN = CAMPAIGN_NAME_SCANNER  # its search: linear in the sentence's literals
CAMPAIGN_VERB_PATTERN = regex.compile(r"开展|启动|活动时间|时间为|期间|为期|是第|是全国|举行|进行|部署")

#: A date that is the campaign: "11月9日是全国消防日", "今年6月是第23个全国“安全生产月”",
#: "6月份是“安全生产月”", "今年11月份是山东省第6个法定的全省消防安全宣传月", "6月是我国全民禁毒宣传月",
#: a range that is a week: "7月10日至16日是全国节能宣传周".
DATE_IS_CAMPAIGN_PATTERN = regex.compile(
    r"(?<![至到\-~\d])(?P<date>(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}[日号])?"
    r"(?:(?:至|到|-{1,2}|~)(?:\d{1,2}月)?\d{1,2}[日号])?)(?:份)?,?(?:是|为|即将迎来|迎来)[^。\n]{0,14}?"
    r"(?P<name>" + CAMPAIGN_NAME + r")"
)

#: A start and, in the next clause, the end: "9月14日拉开帷幕,一直将持续到9月20日",
#: "将从12月4日启动,持续至12月10日"; groups m/d and m2/d2.
START_UNTIL_PATTERN = regex.compile(
    r"(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号](?:正式)?(?:启动|开幕|开始|拉开帷幕|拉开序幕)[,，]?(?:并)?(?:一直)?(?:将)?"
    r"(?:持续|延续)(?:至|到)(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})[日号]"
)

#: A news dateline, a date that is no period: "中国网5月11日讯", "新华社北京11月29日电".
DATELINE_TAIL_PATTERN = regex.compile(r"[讯电]")

#: A range or "among them" before a campaign day in its sentence: "5月8日至14日,其中5月12日为…".
WITHIN_RANGE_PATTERN = regex.compile(r"(?:至|到|-|~)\d{1,2}[日号]|其中")

#: A yearly rule before a campaign day: "每年5月12日为…", "每年的6月26日".
EVERY_YEAR_PATTERN = regex.compile(r"每年的?$")

#: A sentence: text between 。 ; and line breaks.
SENTENCE_PATTERN = regex.compile(r"[^。;\n]+")

#: A day range, which dates a campaign sentence without a verb: "6月1日至6月30日", "1日-30日",
#: "9月15至21日" (the first 日 left out before 至).
DAY_RANGE_PATTERN = regex.compile(r"\d{1,2}(?:[日号]\s*(?:(?:持续|一直|延续)?(?:至|到)|-{1,2}|~|—{1,2}|－|–)|\s*(?:至|到))\s*(?:\d{1,2}月)?\d{1,2}[日号]")

#: Companion campaigns (…万里行, …沈阳行) and deadlines in the same sentence are not the period.
OTHER_CAMPAIGN_PATTERN = regex.compile(r"行”|万里行|[一-龥]{2}行活动")


def _resolve(m: regex.Match, year: Optional[int], single_day: bool = False) -> Optional[tuple[dt.date, dt.date]]:
    y = int(m.group("y")) if m.group("y") else year
    month = to_int(m.group("m"))
    if not y or not month or not 1 <= month <= 12:
        return None
    if m.group("mm"):  # "2024年4月至12月": whole months
        y2 = int(m.group("ym")) if m.group("ym") else y
        m2 = int(m.group("mm"))
        if not 1 <= m2 <= 12:
            return None
        start, end = make_date(y, month, 1), month_end(y2, m2)
    elif m.group("d2"):
        start = make_date(y, month, int(m.group("d")))
        y2 = int(m.group("y2")) if m.group("y2") else y
        m2 = int(m.group("m2")) if m.group("m2") else month
        end = make_date(y2, m2, int(m.group("d2")))
    elif m.group("d1"):
        start = make_date(y, month, int(m.group("d1")))
        end = None
        if start and m.group("one"):
            end = month_end(y, month) if start.day == 1 else start.replace(month=month % 12 + 1)
        elif start and single_day:
            end = start
        elif start and start.day == 1:
            end = month_end(y, month)
        else:
            return None
    else:
        start, end = make_date(y, month, 1), month_end(y, month)
    if not start or not end or end < start:
        return None
    return start, end


def _skip(text: str, m: regex.Match, year: Optional[int], history: bool = True) -> bool:
    """A match that is no period: a deadline ("6月5日前"), part of a month ("5月下旬"), a date
    whose 日 was lost ("6月19为"), a dateline ("5月11日讯"), or (``history``) a year of the
    campaign's history ("确定2002年6月开展首次…" in a 2024 notice; under its 活动时间 heading a
    year that differs is the notice's typo and stays)."""
    after = text[m.end():m.end() + 2]
    if after.startswith(("前", "底", "以前", "之前")) or m.group("d2") is None and after.startswith("日"):
        return True
    whole_month = not (m.group("d") or m.group("d1") or m.group("mm"))
    if whole_month and (after.startswith(("上旬", "中旬", "下旬", "初", "中")) or after[:1].isdigit()):
        return True
    if m.group("d1") and DATELINE_TAIL_PATTERN.match(after):
        return True
    return bool(history and year and m.group("y") and int(m.group("y")) != year)


def _first_in(ctx: Context, start: int, end: int, year: Optional[int], single_day: bool = False,
              history: bool = True):
    text = ctx.text
    for m in PERIOD_PATTERN.finditer(text, start, end):
        if _skip(text, m, year, history):
            continue
        got = _resolve(m, year, single_day)
        if got:
            return got, (m.start(), m.end())
    return None


def _in_sections(ctx: Context, year: Optional[int], single_day: bool):
    """The period under a 时间 heading ("三、活动时间") or after a 活动时间 label."""
    text = ctx.text
    for node in ctx.seg.nodes():
        heading = text[node.title_start:node.title_end]
        if len(heading) <= HEADING_MAX and PERIOD_HEADING_PATTERN.search(heading) \
                and not STEP_TIME_PATTERN.search(heading):
            body_end = min(node.end, node.title_start + 300)
            sub = node.children[0].start if node.children else body_end
            found = _first_in(ctx, node.title_start, min(body_end, sub), year, single_day, history=False)
            if found:
                return found
    for m in PERIOD_LABEL_PATTERN.finditer(text):
        found = _first_in(ctx, m.end(), min(len(text), m.end() + 40), year, single_day, history=False)
        if found:
            return found
    return None


def _ranges_in(ctx: Context, start: int, end: int, year: Optional[int]):
    """The first day range ("5月6日至12日") in ``[start, end)``."""
    for r in PERIOD_PATTERN.finditer(ctx.text, start, end):
        got = _resolve(r, year) if r.group("d2") and not _skip(ctx.text, r, year) else None
        if got:
            return got, (r.start(), r.end())
    return None


def _week_of_day(ctx: Context, year: Optional[int]):
    """A campaign day's week: "宣传周从5月11日持续到5月17日" is the period."""
    text = ctx.text
    for sentence in SENTENCE_PATTERN.finditer(text):
        s = sentence.group(0)
        if DAY_RANGE_PATTERN.search(s) and CAMPAIGN_SENTENCE_PATTERN.search(s) and not OTHER_CAMPAIGN_PATTERN.search(s):
            found = _ranges_in(ctx, sentence.start(), sentence.end(), year)
            if found:
                return found
    return None


def _date_is_campaign(ctx: Context, year: Optional[int], single_day: bool):
    """"3月27日是…安全教育日", "6月份是“安全生产月”": the date (a month: the whole month) when the
    name is the notice's campaign; a campaign day's week in the same sentence wins."""
    text = ctx.text
    for m in DATE_IS_CAMPAIGN_PATTERN.finditer(text):
        if EVERY_YEAR_PATTERN.search(text, max(0, m.start() - 4), m.start()):
            continue  # "每年5月12日为全国防灾减灾日": the rule, not this year's day
        campaign = ctx.facts.campaign or ""
        if not single_day and not (campaign in m.group("name") or campaign_core(m.group("name")) == campaign):
            continue  # "6月26日是国际禁毒日,6月是全民禁毒宣传月" in a notice of the month
        # "5月12日是第15个全国防灾减灾日,5月6日至12日为防灾减灾宣传周": the week is the period
        s, e = ctx.sentence(m.start())
        if WITHIN_RANGE_PATTERN.search(text, s, m.start()):
            continue  # "…至14日,其中5月12日为…": the day lies in a range read elsewhere (or lost)
        found = _ranges_in(ctx, m.end(), e, year) if single_day else None
        found = found or _first_in(ctx, m.start(), m.end("date"), year, single_day)
        if found:
            return found
    return None


def _start_until(ctx: Context, year: Optional[int]):
    """"9月14日拉开帷幕,一直将持续到9月20日" in a sentence of the campaign."""
    for m in START_UNTIL_PATTERN.finditer(ctx.text):
        s, e = ctx.sentence(m.start())
        if not year or not CAMPAIGN_SENTENCE_PATTERN.search(ctx.text[s:e]):
            continue
        month = int(m.group("m"))
        start = make_date(year, month, int(m.group("d")))
        end = make_date(year, int(m.group("m2") or month), int(m.group("d2")))
        if start and end and start <= end:
            return (start, end), (m.start(), m.end())
    return None


def _campaign_sentences(ctx: Context, year: Optional[int], single_day: bool):
    """The first period in a sentence naming the campaign with a verb or a day range."""
    text = ctx.text
    for sentence in SENTENCE_PATTERN.finditer(text):
        s = sentence.group(0)
        if not CAMPAIGN_SENTENCE_PATTERN.search(s):
            continue
        if not DAY_RANGE_PATTERN.search(s) and not CAMPAIGN_VERB_PATTERN.search(s):
            continue
        if OTHER_CAMPAIGN_PATTERN.search(s) and "和" not in s:
            continue
        found = _first_in(ctx, sentence.start(), sentence.end(), year, single_day)
        if found:
            return found
    return None


def _yearly_day(ctx: Context, year: Optional[int]):
    """A campaign day's yearly rule when nothing else dates it: "每年的12月2日是“全国交通安全日”"
    in a notice of the year (the day that year)."""
    text = ctx.text
    for m in DATE_IS_CAMPAIGN_PATTERN.finditer(text):
        if not EVERY_YEAR_PATTERN.search(text, max(0, m.start() - 4), m.start()):
            continue
        if campaign_core(m.group("name")) != ctx.facts.campaign:
            continue
        found = _first_in(ctx, m.start(), m.end("date"), year, single_day=True)
        if found:
            return found
    return None


def extract_period(ctx: Context, year: Optional[int], single_day: bool = False):
    """((start, end), match span) or None; ``single_day`` for one-day campaigns (交通安全日)."""
    found = _in_sections(ctx, year, single_day)
    if not found and single_day:
        found = _week_of_day(ctx, year)
    found = found or _date_is_campaign(ctx, year, single_day)
    found = found or _start_until(ctx, year)
    found = found or _campaign_sentences(ctx, year, single_day)
    return found or (_yearly_day(ctx, year) if single_day else None)


def _run_period(ctx: Context) -> Optional[Found]:
    campaign = ctx.facts.campaign
    known = profile(campaign)
    single_day = known.single_day if known else bool(campaign and campaign.endswith("日"))
    found = extract_period(ctx, ctx.facts.year, single_day=single_day)
    if not found:
        return None
    (start, end), at = found
    span = ctx.span(*at)
    ctx.facts.period = Period(start=start, end=end, text=ctx.value(*at), span=span)
    return Found(ctx.facts.period, span, "normalized")


EXTRACTORS = (Extractor("period", _run_period, needs=("year", "campaign")),)
