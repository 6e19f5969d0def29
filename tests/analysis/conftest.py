"""Fixtures of the analysis tests: corpus records parsed once per session, and small hand-made
records whose every number is known (the corpus and the parser change; these do not)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from anquanyue_parse import parse_file
from anquanyue_parse.models import Activity, Campaign, Deadline, Period

ROOT = Path(__file__).resolve().parents[2]
#: A few real notices of different years and shapes (seeds: full plans with activities and deadlines).
CORPUS_FILES = sorted((ROOT / "corpus" / "seeds").glob("*.txt")) + sorted((ROOT / "corpus" / "devset").glob("*.txt"))


@pytest.fixture(scope="session")
def corpus_records() -> list[Campaign]:
    return [parse_file(p) for p in CORPUS_FILES]


def _act(title: str, text: str = "", children=()) -> Activity:
    return Activity(title=title, text=text, children=list(children))


@pytest.fixture(scope="session")
def hand_records() -> list[Campaign]:
    """Four notices: 2023 city (national theme), 2024 street (extended theme, two recurring
    duties), 2024 county (local theme), one without a year whose theme is 2018's."""
    return [
        Campaign(year=2023, issuer="运城市工业和信息化局", theme="人人讲安全、个个会应急", source_path="a.txt",
                 period=Period(start=dt.date(2023, 6, 1), end=dt.date(2023, 6, 30)),
                 activities=[_act("开展主题宣讲", "开展主题宣讲。组织专题学习。"),
                             _act("开展应急演练活动", "开展应急演练活动。治本攻坚三年行动期间每季度演练。")],
                 deadlines=[Deadline(date=dt.date(2023, 5, 31), action="报送活动方案"),
                            Deadline(recurrence="weekly:WED", time="12:00", action="报送一周活动情况")]),
        Campaign(year=2024, issuer="白塔街道", theme="人人讲安全、个个会应急——畅通生命通道;人人能自救", source_path="b.txt",
                 activities=[_act("开展“安全宣传咨询日”活动", "开展“安全宣传咨询日”活动。设立咨询点。"),
                             _act("开展安全宣传“五进”活动", "开展安全宣传“五进”活动。进企业、进社区。",
                                  [_act("组织消防疏散演练", "组织消防疏散演练。")])],
                 deadlines=[Deadline(recurrence="weekly:THU", action="报送本周资料"),
                            Deadline(recurrence="monthly:25", action="报送万里行进展")]),
        Campaign(year=2024, issuer="桓台县应急管理局", theme="安全生产  从我做起", source_path="c.txt",
                 period=Period(start=dt.date(2024, 6, 1), end=dt.date(2024, 7, 31)),
                 activities=[_act("开展“安全生产万里行”活动", "开展“安全生产万里行”活动。"),
                             _act("开展其他工作", "做好值班值守。")],
                 deadlines=[Deadline(recurrence="monthly:25", action="报送进展")]),
        Campaign(year=None, issuer="加力集團", theme="生命至上，安全發展", source_path="d.txt",
                 activities=[_act("开展知识竞赛", "")],
                 deadlines=[Deadline(recurrence="weekly:MON", action="报送周报")]),
    ]
