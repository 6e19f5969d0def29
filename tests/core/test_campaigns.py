"""Campaign profiles (data/campaigns.json): recognition, edition base, period kind and the
deadline calendar read them; adding a campaign is one profile."""

from __future__ import annotations

import datetime as dt

import pytest

from anquanyue_parse import campaigns, parse_text
from anquanyue_parse.analysis.deadlines import campaign_window
from anquanyue_parse.models import Campaign
from anquanyue_parse.themes import national_theme

#: A notice of a campaign no profile knows yet; the year is only in its edition.
WATER_NOTICE = (
    "关于开展第三十三届全国城市节水宣传周活动的通知\n"
    "各区水务局：\n"
    "为做好第三十三届全国城市节水宣传周工作，现将有关事项通知如下。\n"
    "一、活动时间\n"
    "5月12日至18日。\n"
    "二、工作要求\n"
    "请各单位高度重视，认真组织。\n"
)

WATER = campaigns.Profile("城市节水宣传周", ("城市节水宣传周", "城市節水宣傳周"), organizer="住房和城乡建设部",
                          timing=campaigns.Timing("week", 5), first_year=1992)


@pytest.fixture
def water():
    campaigns.register(WATER)
    yield WATER
    campaigns.unregister(WATER.name)


def test_a_new_campaign_is_one_profile(water):
    rec = parse_text(WATER_NOTICE)
    assert rec.campaign == "城市节水宣传周" and rec.edition == 33
    assert rec.year == 2024 and "edition" in rec.inferred["year"]
    assert (rec.period.start, rec.period.end) == (dt.date(2024, 5, 12), dt.date(2024, 5, 18))
    assert campaign_window(Campaign(campaign=rec.campaign, year=2024)) == (dt.date(2024, 5, 1), dt.date(2024, 5, 31))


def test_without_its_profile_the_edition_dates_nothing():
    rec = parse_text(WATER_NOTICE)
    assert rec.year is None and rec.period is None


CANONICAL = [
    ("“安全生产月”", "安全生产月"),
    ("2024年全国安全月", "安全生产月"),
    ("安全生產月", "安全生产月"),
    ("第35个全民禁毒宣传月", "全民禁毒宣传月"),  # the longer name before 禁毒宣传月
    ("禁毒宣传月", "禁毒宣传月"),
    ("第九个全民国家安全教育日", "国家安全教育日"),
    ("中小学生安全教育日", "安全教育日"),
    ("第15个全国防灾减灾日", "防灾减灾日"),
    ("城市节水宣传周", None),
]


@pytest.mark.parametrize("mention,expected", CANONICAL, ids=[m for m, _ in CANONICAL])
def test_canonical(mention, expected):
    assert campaigns.canonical(mention) == expected


USUAL_MONTH = [(None, 6), ("安全生产月", 6), ("消防宣传月", 11), ("防灾减灾日", 5), ("网络安全宣传周", 9)]


@pytest.mark.parametrize("name,month", USUAL_MONTH, ids=[str(n) for n, _ in USUAL_MONTH])
def test_deadline_window_is_the_usual_month(name, month):
    start, end = campaign_window(Campaign(campaign=name, year=2023))
    assert start == dt.date(2023, month, 1) and end.month == month and (end + dt.timedelta(days=1)).day == 1


def test_unknown_month_leaves_recurring_duties_undated():
    assert campaign_window(Campaign(campaign="安全用药月", year=2023)) is None
    assert campaign_window(Campaign(campaign="某某宣传周", year=2023)) is None


def test_profiles_are_consistent():
    names = [n for p in campaigns.profiles() for n in p.names]
    assert len(names) == len(set(names))
    for p in campaigns.profiles():
        assert p.names[0] == p.name
        assert p.timing.month is None or 1 <= p.timing.month <= 12
        assert p.timing.day is None or p.timing.month is not None
        assert p.single_day == p.name.endswith("日")  # every known campaign day is named …日
    assert national_theme(2024) and campaigns.profile(campaigns.DEFAULT_CAMPAIGN).themes_file


def test_one_profile_per_name():
    with pytest.raises(ValueError):
        campaigns.register(campaigns.Profile("安全月活动", ("安全月活动", "安全月")))
