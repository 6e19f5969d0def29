"""Reporting deadlines: dated ("5月30日前报送…", "6月4日18时前") and recurring
("每周三12:00前报送…" -> weekly:WED, "每月25日前" -> monthly:25)."""

from __future__ import annotations

from typing import Optional

import regex

from ..models import Deadline
from .base import MAX_ITEMS, Context
from .dates import make_date, month_end
from .registry import Extractor, Found

__all__ = ["extract_deadlines"]

#: A reporting verb: "报送", "上报", "提交", "报市政府安委会办公室" (bare 报 + recipient), "发送至".
REPORT_VERB_PATTERN = regex.compile(
    r"报送|上报|上交|提交|报告|反馈|汇总|发送|寄送|寄至|发至|送至|报至|报到|交至|递交|填报|上传|报备|备案|"
    r"[报交](?=[\p{Han}]{1,12}(?:办公室|办|局|厅|委|处|科|部|中心|站|所|组|队|室|股|院))"
)

#: A dated deadline: "5月30日前", "6月4日18时前", "2024年6月13日前", "7月6日前", "6月底前",
#: "7月3日(星期一)前", "6月10日下午5点前", "2026-06-05前", and lists "分别于5月8日和7月3日前".
DATED_PATTERN = regex.compile(
    r"(?|(?:(?P<y>(?:19|20)\d{2})年)?(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号]|(?P<end>底|末))"
    r"|(?P<y>(?:19|20)\d{2})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})(?P<end>(?!x)x)?"
    # a date whose 月 a conversion lost, only where unambiguous: "于76日前" (7月6日), "于816日前" (8月16日)
    # (no valid day: "于16日前" is the 16th; "116日" could be 1月16日 or 11月6日 and is left alone)
    r"|(?<=[于在至到])(?P<y>(?!x)x)?(?:(?P<m>[4-9])(?P<d>[1-9])|(?P<m>3)(?P<d>[2-9])|(?P<m>[2-9])(?P<d>[12]\d|3[01]))"
    r"日(?=前|之前|以前)(?P<end>(?!x)x)?)"
    r"(?:\((?:星期|周|礼拜)[一二三四五六日天]\))?(?:\((?:含|含当日|含当天)\))?"
    r"(?P<ampm>上午|下午|晚上|中午|下班|上班)?"
    r"(?:(?P<h>\d{1,2})(?::(?P<mi>\d{2})|[时点](?:(?P<mi2>\d{1,2})分?|半)?))?"
    r"(?P<before>(?:之|以)?前)?"
)

_WEEKDAYS = {"一": "MON", "二": "TUE", "三": "WED", "四": "THU", "五": "FRI", "六": "SAT", "日": "SUN", "天": "SUN", "七": "SUN"}

#: A recurring duty: "每周三12:00前", "每周四", "每月25日前", "每天17时前".
RECURRING_PATTERN = regex.compile(
    r"每(?:周|星期)(?P<wd>[一二三四五六日天七])"
    r"|每月(?:(?P<md>\d{1,2})[日号]|(?P<mend>底|末))"
    r"|(?P<daily>每天|每日)"
)

#: The next date of a list of deadlines: "分别于5月8日和7月3日前" (after "5月8日").
LIST_NEXT_DATE_PATTERN = regex.compile(r"(?:[和、及,]\d{1,2}月\d{1,2}日)+(?:\d{1,2}[时点])?前")

#: What a recurring duty applies to, just before it: "6月份每周三", "活动期间每周四".
RECURRENCE_SCOPE_PATTERN = regex.compile(r"(?:\d{1,2}月份?|活动期间|“安全生产月”活动期间)[^,。]{0,4}$")

_TIME_AFTER = regex.compile(r"\s*(?P<ampm>上午|下午|晚上|中午)?(?P<h>\d{1,2})(?::(?P<mi>\d{2})|[时点](?:(?P<mi2>\d{1,2})分?)?)")

#: Clause boundaries for the action text.
_CLAUSE_END = regex.compile(r"[。;\n(,]")


def _time(h: Optional[str], mi: Optional[str], ampm: Optional[str] = None) -> Optional[str]:
    if h is None:
        return None
    hour = int(h)
    if ampm in ("下午", "晚上") and hour < 12:
        hour += 12
    if hour > 24:
        return None
    return f"{hour:02d}:{int(mi or 0):02d}"


def _action(ctx: Context, start: int, sent_end: int) -> tuple[int, int]:
    """From the reporting verb after ``start`` to the end of its clause."""
    text = ctx.text
    v = REPORT_VERB_PATTERN.search(text, start, sent_end)
    a = v.start() if v else start
    m = _CLAUSE_END.search(text, v.end() if v else start, sent_end)
    e = m.start() if m else sent_end
    return a, max(a, e)


#: The header of a table of reporting duties: "报送内容	报送时间", "| 报送内容 | 报送时间 |".
DUTY_TABLE_HEADER_PATTERN = regex.compile(r"(?:报送|上报|提交|报告)(?:时间|时限|日期|截止时间)")
#: How far above a row its table header may be (characters).
TABLE_REACH = 400


def _duty_kind(ctx: Context, pos: int, verb_from: int, s0: int, s1: int) -> Optional[bool]:
    """Is the date at ``pos`` a reporting duty? False: a verb in its sentence (from ``verb_from``);
    True: a short row of a duty table under "报送内容 | 报送时间" (the verb is in the header);
    None: neither."""
    text = ctx.text
    if REPORT_VERB_PATTERN.search(text, verb_from, s1):
        return False
    if s1 - s0 <= 80 and DUTY_TABLE_HEADER_PATTERN.search(text, max(0, pos - TABLE_REACH), pos):
        return True
    return None


def _row_action(ctx: Context, pos: int) -> tuple[int, int]:
    """The duty of a table row: the cell text before the date (its own line or the line above)."""
    text = ctx.text
    line_start = text.rfind("\n", 0, pos) + 1
    cells = text[line_start:pos].strip(" |\t")
    if cells:
        return line_start, pos
    prev_end = max(0, line_start - 1)
    prev_start = text.rfind("\n", 0, prev_end) + 1
    return prev_start, prev_end


def _dated(ctx: Context, year: Optional[int]) -> list[tuple[int, Deadline]]:
    text = ctx.text
    out: list[tuple[int, Deadline]] = []
    for m in DATED_PATTERN.finditer(text):
        if len(out) > MAX_ITEMS:
            break
        before = m.group("before")
        nxt = text[m.end():m.end() + 1]
        if not before and not (nxt in "和、及," and LIST_NEXT_DATE_PATTERN.match(text, m.end(), m.end() + 60)):
            continue
        s0, s1 = ctx.sentence(m.start())
        in_table = _duty_kind(ctx, m.start(), s0, s0, s1)
        if in_table is None:
            continue
        y = int(m.group("y")) if m.group("y") else year
        month = int(m.group("m"))
        if m.group("end"):
            when = month_end(y, month) if y and 1 <= month <= 12 else None
        else:
            when = make_date(y, month, int(m.group("d")))
        if when is None and y is not None:
            continue
        a, e = _action(ctx, m.end(), s1)
        if in_table:
            a, e = _row_action(ctx, m.start())
        elif a >= e:  # the verb may come before the date: "请…于5月18日前报送" has it after; "上报…7月1日前" before
            a, e = _action(ctx, s0, s1)
        out.append((m.start(), Deadline(
            date=when, time=_time(m.group("h"), m.group("mi") or m.group("mi2"), m.group("ampm")),
            action=ctx.value(a, e), text=ctx.value(m.start(), e if e > m.end() else m.end()),
            span=ctx.span(m.start(), max(e, m.end())),
        )))
    return out


#: "于月底前报送" with no month: the end of the campaign's month. "截止时间为6月25日": a deadline.
MONTH_END_PATTERN = regex.compile(r"(?<![\d月每上本下])月底(?:之|以)?前")
CUTOFF_PATTERN = regex.compile(
    r"(?P<what>[\p{Han}]{0,4}?)(?:截止|截稿)(?:时间|日期|日)?(?:为|是|到|至)?\s*:?\s*(?:(?P<y>(?:19|20)\d{2})年)?"
    r"(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]"
)

#: What a cut-off label is about when it names a submission itself ("投稿截止日期:2015年4月30日",
#: "作品截稿时间 2023年9月6日17时", "活动项目征集截止日期为2015年3月25日"): a deadline with no verb.
SUBMISSION_WORD_PATTERN = regex.compile(r"投稿|征稿|征集|报名|作品|稿件|申报|参赛|截稿")


def _implicit(ctx: Context, year: Optional[int], month: Optional[int]) -> list[tuple[int, Deadline]]:
    """Deadlines without the usual "M月D日前": "于月底前报送…", "截止时间为6月25日"."""
    text = ctx.text
    out = []
    found = [(m, None) for m in MONTH_END_PATTERN.finditer(text)] + [(m, "cut") for m in CUTOFF_PATTERN.finditer(text)]
    for m, kind in found[:MAX_ITEMS]:
        s0, s1 = ctx.sentence(m.start())
        label = kind == "cut" and SUBMISSION_WORD_PATTERN.search(text, max(0, m.start() - 8), m.start("m"))
        if not label and not REPORT_VERB_PATTERN.search(text, s0, s1):
            continue
        t = None
        if kind == "cut":
            y = int(m.group("y")) if m.group("y") else year
            when = make_date(y, int(m.group("m")), int(m.group("d")))
            t = _TIME_AFTER.match(text, m.end())
        else:
            when = month_end(year, month) if year and month else None
        if when is None:
            continue
        if label:  # the label is the duty: "投稿截止日期"
            a = max(s0, m.start() - 8)
            a += len(text[a:m.start()]) - len(text[a:m.start()].lstrip(" ,:0123456789、."))
            e = m.start("m") if not m.group("y") else m.start("y")
        else:
            a, e = _action(ctx, m.end(), s1)
            if a >= e:
                a, e = _action(ctx, s0, s1)
        hhmm = _time(t.group("h"), t.group("mi") or t.group("mi2"), t.group("ampm")) if t else None
        end = max(e, t.end() if t else m.end(), m.end())
        out.append((m.start(), Deadline(date=when, time=hhmm, action=ctx.value(a, e).rstrip(" :为是"),
                                        text=ctx.value(m.start(), end), span=ctx.span(m.start(), end))))
    return out


def _recurring(ctx: Context) -> list[tuple[int, Deadline]]:
    text = ctx.text
    out: list[tuple[int, Deadline]] = []
    for m in RECURRING_PATTERN.finditer(text):
        if len(out) > MAX_ITEMS:
            break
        s0, s1 = ctx.sentence(m.start())
        in_table = _duty_kind(ctx, m.start(), m.end(), s0, s1)
        if in_table is None:
            continue
        if m.group("wd"):
            rec = "weekly:" + _WEEKDAYS[m.group("wd")]
        elif m.group("md"):
            rec = f"monthly:{int(m.group('md'))}"
        elif m.group("mend"):
            rec = "monthly:END"
        else:
            rec = "daily"
        t = _TIME_AFTER.match(text, m.end())
        hhmm = _time(t.group("h"), t.group("mi") or t.group("mi2"), t.group("ampm")) if t else None
        a, e = _row_action(ctx, m.start()) if in_table else _action(ctx, m.end(), s1)
        lead = max(s0, m.start() - 12)
        head = RECURRENCE_SCOPE_PATTERN.search(text[lead:m.start()])
        first = lead + head.start() if head else m.start()
        out.append((m.start(), Deadline(
            recurrence=rec, time=hhmm, action=ctx.value(a, e),
            text=ctx.value(first, max(e, m.end())), span=ctx.span(first, max(e, m.end())),
        )))
    return out


def extract_deadlines(ctx: Context, year: Optional[int], month: Optional[int] = None) -> list[Deadline]:
    """Every reporting duty; ``month`` (the campaign's) dates a bare "月底前"."""
    found = _dated(ctx, year) + _recurring(ctx) + _implicit(ctx, year, month)
    found.sort(key=lambda x: x[0])
    bodies = ctx.seg.attachment_bodies
    body_end = ctx.seg.lines[bodies[0]].start if bodies else len(ctx.text)
    seen = set()
    in_body = set()
    out = []
    for pos, d in found:
        key = (d.date, d.recurrence, d.time, d.span.start if d.span else None)
        if key in seen:
            continue
        seen.add(key)
        if pos >= body_end and (d.date, d.recurrence) in in_body:
            continue  # an attachment table restating a duty of the notice
        if pos < body_end:
            in_body.add((d.date, d.recurrence))
        out.append(d)
    return ctx.limit(out, "deadlines")


def _run_deadlines(ctx: Context) -> list[Found]:
    period = ctx.facts.period
    month = period.start.month if period and period.start else None
    return [Found(d, d.span, "normalized") for d in extract_deadlines(ctx, ctx.facts.year, month)]


EXTRACTORS = (Extractor("deadlines", _run_deadlines, needs=("year", "period")),)
