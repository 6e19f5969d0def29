"""Issuer levels from names: every example of data/issuer_levels.json plus edge cases."""

from __future__ import annotations

import pytest

from anquanyue_parse.analysis import LEVELS, issuer_level
from anquanyue_parse.analysis.levels import level_rules

DATA_EXAMPLES = [
    (name, level)
    for group in (level_rules().whole_name, level_rules().markers, level_rules().fallback)
    for rule in group
    for name, level in rule.examples.items()
]

EXTRA = [
    ("开化县桐村镇人民政府", "street"),      # the last marker names the smallest unit
    ("嵊州市竹溪乡人民政府", "street"),
    ("梅州市住房和城鄉建設局", "city"),       # 城乡 is not a 乡; traditional script
    ("桓台县市场监督管理局", "county"),       # 市场 is not a 市
    ("运城市城市管理局", "city"),
    ("新疆维吾尔自治区应急管理厅", "province"),  # 自治区 is not a 区
    ("北京市应急管理局", "province"),          # a municipality's 市
    ("上海市浦东新区应急管理局", "county"),
    ("交通運輸部", "national"),
    ("加力集團", "enterprise"),
    ("中牟河务局", "unknown"),
    ("", "unknown"),
    (None, "unknown"),
]


@pytest.mark.parametrize("name,level", DATA_EXAMPLES + EXTRA, ids=lambda v: str(v))
def test_issuer_level(name, level):
    assert issuer_level(name) == level


def test_every_rule_has_an_example_and_a_known_level():
    rules = level_rules()
    for rule in (*rules.whole_name, *rules.markers, *rules.fallback):
        assert rule.level in LEVELS
        assert rule.examples, f"rule {rule.pattern.pattern!r} has no example"
