"""Publication date of a web page or newspaper (发布时间, 来源 bars, 本报讯 mastheads).

It is never the 成文日期: a notice signed on 5月27日 may be posted on 6月3日. ``issue_date``
keeps the document's own date; this field keeps when the copy was published.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

import regex

from .base import Context
from .registry import Extractor, Found, read
from .dates import DATE_PATTERN, NUMERIC_DATE_PATTERN, make_date, parse_date_match

__all__ = ["extract_published", "PUBLISHED_LABEL_PATTERN"]

#: A page's publication label, e.g. "发布时间:2020-06-03 15:20", "发布日期:2019年5月30日",
#: "【发布时间:2021-06-01】", "时间:2022-06-02 来源:…", a metadata table's label alone on its
#: line ("发布日期\n2025-04-23"). A bare 时间/日期 only as a label of its own, at a line's
#: start or after a space, bar or colon ("浏览量:时间:2021-05-11"): "活动时间:" and "一、时间:2013年7月1日~9月31日" are no
#: publication dates.
PUBLISHED_LABEL_PATTERN = regex.compile(
    r"(?:发布时间|发布日期|发表时间|发表日期|公开日期|发文时间|更新时间|上传时间|录入时间|编辑时间|刊发时间|"
    r"(?:(?<=^)|(?<=[\s|【\[:]))(?:时间|日期))(?:\s*:\s*|[ \t]*\n[ \t]*(?=\d))",
    regex.M,
)

#: A newspaper masthead date, e.g. "《中国应急管理报》(2020年06月03日 01版)", "2019年6月4日 第03版".
NEWSPAPER_DATE_PATTERN = regex.compile(
    r"(?P<date>\d{4}年\d{1,2}月\d{1,2}日)\s*(?:星期[一二三四五六日天]\s*)?(?:第?\s*\d{1,2}\s*版|\d{2}\s*版)"
)

#: A date stamp on a 来源 bar without a label, e.g. "2023-05-25 09:30  来源:应急管理局",
#: "2025年5月13日   来源:中国产业播报", "来源:市应急局  2021-06-01 10:12:05".
SOURCE_BAR_PATTERN = regex.compile(
    r"(?:(?P<d1>(?:19|20)\d{2}(?:[-./]\d{1,2}[-./]\d{1,2}|年\d{1,2}月\d{1,2}日))(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"[^\n]{0,30}?(?:来源|作者|浏览|点击)"
    r"|(?:来源|作者)\s*:[^\n]{0,40}?(?P<d2>(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}))"
)

#: A date-time stamp on a line of its own near the top of a page, e.g. "2022-06-06 09:08:00",
#: "2018-09-13 21:49", "2025-06-25", "02.11.2018  09:21" (day.month.year); also a byline: a short
#: outlet or author before it and a column name after it, in a list item or a table row
#: ("中铝西南铝 2021-06-01 15:23", "转载 重庆科协 2020-08-27", "- 2018-05-14 16:31:00",
#: "| 2025/7/2 10:22:27 文教卫生 | |").
STAMP_LINE_PATTERN = regex.compile(
    r"(?m)^[ \t|\-•·]*(?:[\p{Han}A-Za-z]{1,10}(?:[ \t]+[\p{Han}A-Za-z]{1,10})?[ \t]*)?"
    r"(?:(?P<y>(?:19|20)\d{2})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})"
    r"|(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>(?:19|20)\d{2}))(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:[ \t]*[\p{Han}]{1,8})?[ \t|]*$"
)

#: A metadata label alone on the line above a stamp names another date: "成文日期\n2025-04-22"
#: is the document's own date (issue_date), "生成日期", "有效期".
OTHER_DATE_LABEL_PATTERN = regex.compile(r"(?:成文|生成|印发|施行|有效|失效|截止)(?:日期|时间)?[ \t]*:?[ \t]*$")

#: A news agency's or paper's dateline, e.g. "新华社北京6月10日电", "中国网5月11日讯",
#: "红网时刻新闻6月24日讯"; the year is the notice's.
DATELINE_PATTERN = regex.compile(
    r"(?:^|\n)[^\n。]{0,16}?(?:社|网|报|台|新闻|客户端)[\p{Han}]{0,6}?(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:电|讯)"
)

#: How far into the text a page's metadata bar may sit (the bar is near the title).
HEAD_REACH = 3000
#: How many lines from the top a bare date stamp may sit.
STAMP_LINES = 12


def _full_date(window: str) -> Optional[tuple[dt.date, int, int]]:
    dm = NUMERIC_DATE_PATTERN.match(window) or DATE_PATTERN.match(window)
    if not dm:
        return None
    d, had_year = parse_date_match(dm, None)
    if d is None or not had_year:
        return None
    return d, dm.start(), dm.end()


def extract_published(ctx: Context) -> Optional[tuple[dt.date, tuple[int, int]]]:
    """(date, match span) of the page's or newspaper's publication date, or None."""
    text = ctx.text
    head = text[:HEAD_REACH]
    for m in PUBLISHED_LABEL_PATTERN.finditer(text):
        found = _full_date(text[m.end(): m.end() + 24])
        if found:
            d, s, e = found
            return d, (m.end() + s, m.end() + e)
    for m in SOURCE_BAR_PATTERN.finditer(head):
        g = "d1" if m.group("d1") else "d2"
        found = _full_date(m.group(g))
        if found:
            return found[0], (m.start(g), m.end(g))
    m = NEWSPAPER_DATE_PATTERN.search(head)
    if m:
        found = _full_date(m.group("date"))
        if found:
            return found[0], (m.start("date"), m.end("date"))
    top = head[: _nth_line_end(head, STAMP_LINES)]
    for m in STAMP_LINE_PATTERN.finditer(top):
        if _line_above_names_another_date(top, m.start()):
            continue
        y, mo, d = (m.group("y"), m.group("m"), m.group("d")) if m.group("y") else (m.group("y2"), m.group("m2"), m.group("d2"))
        got = make_date(int(y), int(mo), int(d))
        if got:
            return got, (m.start(), m.end())
    m = DATELINE_PATTERN.search(head)
    year = ctx.facts.year_hint
    if m and year:
        got = make_date(year, int(m.group("m")), int(m.group("d")))
        if got:
            return got, (m.start("m"), m.end("d") + 1)
    return None


def _line_above_names_another_date(text: str, line_start: int) -> bool:
    """The line above the one starting at ``line_start`` is a label of another date (成文日期)."""
    end = max(line_start - 1, 0)
    above = text[text.rfind("\n", 0, end) + 1:end]
    return bool(OTHER_DATE_LABEL_PATTERN.search(above))


def _nth_line_end(text: str, n: int) -> int:
    pos = -1
    for _ in range(n):
        pos = text.find("\n", pos + 1)
        if pos < 0:
            return len(text)
    return pos


def _run_published(ctx: Context) -> Optional[Found]:
    found = extract_published(ctx)
    return read(ctx, found[0], found[1]) if found else None


EXTRACTORS = (Extractor("published", _run_published, needs=("year_hint",)),)
