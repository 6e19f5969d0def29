"""Bad input never crashes: property tests and the pathological inputs of the issue.

Time is not asserted here (benchmarks measure speed); a catastrophic regex would
show up as a hung test.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anquanyue_parse import Campaign, parse_text
from anquanyue_parse.normalize import normalize

#: Characters notices are made of, so random text hits the patterns' alphabets.
ALPHABET = list("一二三四五六七八九十〇年月日号前报送联系人电话传真邮箱附件主题活动时间安全生产月（）()、，。：:；\n 　"
                "〔〕[]“”《》0123456789-—.@abc發(fā)每周三起至底") + ["\r\n", "\u3000", "\ufeff", "— 1 —"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ALPHABET), max_size=400).map("".join))
def test_random_text_gives_a_record(text):
    c = parse_text(text)
    assert isinstance(c, Campaign)
    assert c.source_text == text
    for span in c.spans.values():
        assert 0 <= span.start <= span.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_gives_a_record(text):
    assert isinstance(parse_text(text), Campaign)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=300).map("".join))
def test_offset_map_stays_inside_the_source(text):
    n = normalize(text)
    for i in range(0, len(n.text), 7):
        s, e = n.source_span(i, min(len(n.text), i + 5))
        assert 0 <= s <= e <= len(text)


PATHOLOGICAL = {
    "empty": "",
    "blank": " \n\u3000\n",
    "not a notice": "今天天气很好，我们去公园散步。" * 20,
    "10 MB": ("各县（市、区）工科局于5月31日前报送活动联络员表。联系人：张三，0359-6380232\n一、活动主题\n人人讲安全\n"
              * 200000)[:10_000_000],
    "one line of 1 MB": "安全生产月活动" * 150000,
    "100,000 （一）": "（一）" * 100000,
    "100,000 （一） lines": "（一）\n" * 100000,
    "100,000 联系人": "联系人：" * 100000,
    "100,000 联系人 lines": "联系人：张三\n" * 100000,
    "100,000 deadlines": "5月30日前报送" * 100000,
    "nested quotes": "以“" * 100000,
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_input(name):
    text = PATHOLOGICAL[name]
    c = parse_text(text)
    assert isinstance(c, Campaign)
    assert c.source_text == text
    if name in ("empty", "blank", "not a notice"):
        assert c.warnings and c.theme is None and not c.activities
    for items in (c.deadlines, c.contacts, c.activities, c.attachments):
        assert len(items) <= 501


def test_wrong_type_is_a_type_error():
    with pytest.raises(TypeError):
        parse_text(b"bytes")  # type: ignore[arg-type]
