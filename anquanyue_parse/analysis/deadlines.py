"""Every reporting deadline as a dated row; recurring duties expanded over the campaign period."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING, Any, Optional

import regex

from ..campaigns import profile
from ..models import Campaign, Deadline
from .sources import as_records

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["deadline_calendar", "campaign_window", "expand_recurrence", "CALENDAR_COLUMNS"]

CALENDAR_COLUMNS = ["year", "issuer", "date", "time", "action", "recurrence", "source_path"]

#: Deadline.recurrence values, as extract/deadlines.py emits them: "weekly:WED" (every Wednesday),
#: "monthly:25" (the 25th of each month), "monthly:END" (月底前: the last day of each month), "daily".
RECURRENCE_PATTERN = regex.compile(
    r"^(?:weekly:(?P<weekday>MON|TUE|WED|THU|FRI|SAT|SUN)|monthly:(?P<day>\d{1,2}|END)|(?P<daily>daily))$"
)
WEEKDAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")


def campaign_window(record: Campaign) -> Optional[tuple[dt.date, dt.date]]:
    """The days a recurring duty runs: the campaign period, else the month the campaign usually
    runs in the campaign year (its profile: June for 安全生产月, November for 消防宣传月; None
    for a campaign whose month is not known).

    A period with only one end is completed to the whole month of the end it has.
    """
    p = record.period
    start, end = (p.start, p.end) if p else (None, None)
    if start and not end:
        end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
    elif end and not start:
        start = end.replace(day=1)
    if start and end:
        return (start, end) if start <= end else (end, start)
    known = profile(record.campaign)
    if record.year and known:
        return known.usual_window(record.year)
    return None


def expand_recurrence(recurrence: str, start: dt.date, end: dt.date) -> list[dt.date]:
    """The dates of a recurring duty within ``[start, end]``; [] for an unknown recurrence.

    >>> expand_recurrence("monthly:25", dt.date(2024, 6, 1), dt.date(2024, 8, 31))
    [datetime.date(2024, 6, 25), datetime.date(2024, 7, 25), datetime.date(2024, 8, 25)]
    >>> expand_recurrence("monthly:END", dt.date(2024, 6, 1), dt.date(2024, 7, 31))
    [datetime.date(2024, 6, 30), datetime.date(2024, 7, 31)]
    """
    m = RECURRENCE_PATTERN.match(recurrence or "")
    if not m:
        return []
    if m.group("daily"):
        return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    if m.group("weekday"):
        wanted = WEEKDAYS.index(m.group("weekday"))
        first = start + dt.timedelta(days=(wanted - start.weekday()) % 7)
        return [first + dt.timedelta(weeks=i) for i in range((end - first).days // 7 + 1)] if first <= end else []
    day, out = (31 if m.group("day") == "END" else int(m.group("day"))), []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        d = dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))  # "每月31日"/END in June: the 30th
        if start <= d <= end:
            out.append(d)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _rows(record: Campaign, d: Deadline) -> list[dict]:
    base = {"year": record.year, "issuer": record.issuer, "time": d.time, "action": d.action or d.text,
            "recurrence": d.recurrence, "source_path": record.source_path}
    if d.date is not None:
        return [{**base, "date": d.date}]
    window = campaign_window(record) if d.recurrence else None
    dates = expand_recurrence(d.recurrence, *window) if window else []
    return [{**base, "date": day} for day in dates] or [{**base, "date": None}]


def deadline_calendar(db: Any) -> "pd.DataFrame":
    """All reporting deadlines as dated rows (:data:`CALENDAR_COLUMNS`), sorted by date.

    A dated deadline is one row; a recurring one (``weekly:WED``, ``monthly:25``) one row per
    date in the campaign period (the campaign's usual month when the notice gives no period);
    a deadline that cannot be dated keeps one row with an empty ``date``.
    """
    import pandas as pd

    rows = [row for rec in as_records(db) for d in rec.deadlines for row in _rows(rec, d)]
    df = pd.DataFrame(rows, columns=CALENDAR_COLUMNS)
    df["date"] = pd.to_datetime(df["date"])
    df["year"] = df["year"].astype("Int64")
    return df.sort_values(["date", "year", "source_path"], na_position="last", kind="stable").reset_index(drop=True)
