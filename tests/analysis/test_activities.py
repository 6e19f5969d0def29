"""Activity types: every example of data/activity_types.json, rule order, counts by year and level."""

from __future__ import annotations

import pytest

from anquanyue_parse import analysis as A

EXAMPLES = [(ex, rule.type) for rule in A.activity_rules() for ex in rule.examples]

TEXT_FALLBACK = [
    # (title, text, type, matched_in): the title decides first; else the earliest match in the text
    ("开展“小手拉大手”活动", "组织学生开展应急疏散演练，评选优秀家庭", "应急演练", "text"),
    ("开展一项工作", "设立咨询点，开展知识竞赛", "咨询日", "text"),
    ("值班值守", "做好值班值守", "其他", None),
    ("开展应急演练和安全宣传“五进”", "", "应急演练", "title"),  # rule order, not position, on titles
]


@pytest.mark.parametrize("title,expected", EXAMPLES)
def test_rule_examples(title, expected):
    assert A.classify_activity(title).type == expected


@pytest.mark.parametrize("title,text,expected,where", TEXT_FALLBACK)
def test_text_fallback(title, text, expected, where):
    c = A.classify_activity(title, text)
    assert (c.type, c.matched_in) == (expected, where)


def test_every_rule_has_examples_and_other_is_last():
    assert all(r.examples for r in A.activity_rules())
    assert A.activity_types()[-1] == "其他"
    assert len(set(A.activity_types())) == len(A.activity_types())


def test_activities_frame_walks_children(hand_records):
    df = A.activities_frame(hand_records)
    assert len(df) == 8
    child = df[df["depth"] == 1].iloc[0]
    assert (child["title"], child["type"], child["issuer_level"]) == ("组织消防疏散演练", "应急演练", "street")
    assert df.set_index("title").loc["开展其他工作", "type"] == "其他"


def test_activity_mix_counts_top_level_items_by_year_and_level(hand_records):
    mix = A.activity_mix(hand_records)
    assert list(mix.columns) == ["year", "issuer_level", "type", "activities"]
    got = {(int(y), str(l), str(t)): int(n) for y, l, t, n in mix.itertuples(index=False)}
    assert got == {
        (2023, "city", "宣讲/学习"): 1, (2023, "city", "应急演练"): 1,
        (2024, "county", "万里行类"): 1, (2024, "county", "其他"): 1,
        (2024, "street", "咨询日"): 1, (2024, "street", "宣传“五进”"): 1,
    }
    every = A.activity_mix(hand_records, depth=None)
    assert every["activities"].sum() == 7  # + the child; the notice without a year is left out


def test_corpus_activity_mix(corpus_records):
    mix = A.activity_mix(corpus_records)
    n_top = sum(len(r.activities) for r in corpus_records if r.year)
    assert mix["activities"].sum() == n_top
    other = mix[mix["type"] == "其他"]["activities"].sum()
    assert other <= n_top * 0.25  # the rule table covers most real activities
