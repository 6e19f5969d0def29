"""The deadline calendar: dated rows, recurring duties expanded over the campaign period."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from anquanyue_parse import analysis as A
from anquanyue_parse.analysis.deadlines import campaign_window
from anquanyue_parse.models import Campaign, Period

D = dt.date

EXPAND = [
    ("weekly:WED", D(2023, 6, 1), D(2023, 6, 30), [D(2023, 6, 7), D(2023, 6, 14), D(2023, 6, 21), D(2023, 6, 28)]),
    ("weekly:THU", D(2024, 6, 1), D(2024, 6, 30), [D(2024, 6, 6), D(2024, 6, 13), D(2024, 6, 20), D(2024, 6, 27)]),
    ("weekly:MON", D(2024, 6, 3), D(2024, 6, 3), [D(2024, 6, 3)]),
    ("weekly:SUN", D(2024, 6, 3), D(2024, 6, 8), []),
    ("monthly:25", D(2024, 6, 1), D(2024, 6, 30), [D(2024, 6, 25)]),
    ("monthly:25", D(2024, 6, 26), D(2024, 8, 24), [D(2024, 7, 25)]),
    ("monthly:31", D(2024, 6, 1), D(2024, 7, 31), [D(2024, 6, 30), D(2024, 7, 31)]),
    ("monthly:END", D(2024, 6, 1), D(2024, 7, 31), [D(2024, 6, 30), D(2024, 7, 31)]),  # 每月月底前
    ("monthly:END", D(2024, 6, 1), D(2024, 6, 29), []),
    ("daily", D(2024, 6, 28), D(2024, 7, 1), [D(2024, 6, 28), D(2024, 6, 29), D(2024, 6, 30), D(2024, 7, 1)]),
    ("yearly:1", D(2024, 6, 1), D(2024, 6, 30), []),
]


@pytest.mark.parametrize("rec,start,end,expected", EXPAND)
def test_expand_recurrence(rec, start, end, expected):
    assert A.expand_recurrence(rec, start, end) == expected


WINDOWS = [
    (Campaign(year=2024, period=Period(start=D(2024, 6, 1), end=D(2024, 7, 31))), (D(2024, 6, 1), D(2024, 7, 31))),
    (Campaign(year=2024), (D(2024, 6, 1), D(2024, 6, 30))),  # no period: June of the year
    (Campaign(year=2024, period=Period(start=D(2024, 6, 10))), (D(2024, 6, 10), D(2024, 6, 30))),
    (Campaign(period=Period(end=D(2019, 6, 20))), (D(2019, 6, 1), D(2019, 6, 20))),
    (Campaign(), None),
]


@pytest.mark.parametrize("record,window", WINDOWS)
def test_campaign_window(record, window):
    assert campaign_window(record) == window


def test_deadline_calendar(hand_records):
    cal = A.deadline_calendar(hand_records)
    assert list(cal.columns) == ["year", "issuer", "date", "time", "action", "recurrence", "source_path"]
    per = cal.groupby("source_path").size().to_dict()
    # a: 1 dated + 4 Wednesdays; b: 4 Thursdays + 25 June; c: 25 June and 25 July (period to 31 July);
    # d: no year, no period -> the weekly duty keeps one undated row
    assert per == {"a.txt": 5, "b.txt": 5, "c.txt": 2, "d.txt": 1}
    assert cal["date"].dropna().is_monotonic_increasing and pd.isna(cal["date"].iloc[-1])
    weds = cal[cal["recurrence"] == "weekly:WED"]
    assert weds["date"].dt.day.tolist() == [7, 14, 21, 28] and set(weds["time"]) == {"12:00"}
    assert cal[cal["source_path"] == "c.txt"]["date"].dt.month.tolist() == [6, 7]


def test_corpus_calendar_has_a_row_for_every_dated_deadline(corpus_records):
    cal = A.deadline_calendar(corpus_records)
    dated = sum(1 for r in corpus_records for d in r.deadlines if d.date)
    assert (cal["recurrence"].isna() & cal["date"].notna()).sum() == dated
