"""Themes by year, the national theme table and each notice's alignment with it."""

from __future__ import annotations

import pandas as pd
import pytest

from anquanyue_parse import analysis as A
from anquanyue_parse.themes import national_theme, national_themes

COMPARE = [
    # (notice theme, national theme of its year, expected)
    ("人人讲安全、个个会应急", "人人讲安全、个个会应急", "equal"),
    ("人人讲安全  个个会应急", "人人讲安全、个个会应急", "equal"),            # separators differ
    ("“生命至上，安全發展”", "生命至上，安全发展", "equal"),                 # quotes, traditional script
    ("人人讲安全、个个会应急——畅通生命通道", "人人讲安全、个个会应急", "extends"),
    ("人人讲安全、个个会应急——畅通生命通道;人人能自救、个个会逃生",
     "人人讲安全、个个会应急——畅通生命通道", "extends"),
    ("人人讲安全、个个会应急", "人人讲安全、个个会应急——畅通生命通道", "shortens"),
    ("人人讲安全、个个会应急——畅通生命通道", "人人讲安全、个个会应急——查找身边安全隐患", "variant"),
    ("治理防患、防范事故", "治理隐患，防范事故", "differs"),
    ("安全生产 从我做起", "人人讲安全、个个会应急", "differs"),
    (None, "人人讲安全、个个会应急", "no theme"),
    ("“”", "人人讲安全、个个会应急", "no theme"),
    ("安全第一", None, "no national theme"),
]


@pytest.mark.parametrize("theme,national,expected", COMPARE)
def test_compare_theme(theme, national, expected):
    assert A.compare_theme(theme, national) == expected


def test_national_theme_table_covers_2002_to_latest():
    themes = national_themes()
    assert A.national_theme is national_theme
    assert list(themes) == list(range(2002, max(themes) + 1))
    assert national_theme(2024) == "人人讲安全、个个会应急——畅通生命通道"
    assert national_theme(1990) is None
    assert len({A.normalize_theme(t) for t in themes.values()}) == len(themes)  # one year per theme


def test_themes_by_year(hand_records):
    df = A.themes_by_year(hand_records)
    assert list(df.columns) == ["year", "campaign", "theme", "notices", "issuers"]
    assert df["notices"].sum() == len(hand_records)
    y2024 = df[df["year"] == 2024]
    assert set(y2024["theme"]) == {"人人讲安全、个个会应急——畅通生命通道;人人能自救", "安全生产  从我做起"}
    assert set(y2024["issuers"]) == {"白塔街道", "桓台县应急管理局"}
    assert pd.isna(df["year"].iloc[-1])  # the notice without a year comes last


def test_theme_alignment_infers_the_year_from_an_equal_theme(hand_records):
    df = A.theme_alignment(hand_records).set_index("source_path")
    assert df.loc["a.txt", "alignment"] == "equal"
    assert df.loc["b.txt", "alignment"] == "extends" and df.loc["b.txt", "theme_year"] == 2024
    assert df.loc["c.txt", "alignment"] == "differs" and pd.isna(df.loc["c.txt", "theme_year"])
    d = df.loc["d.txt"]
    assert (d["year"], d["year_inferred"], d["alignment"]) == (2018, True, "equal")
    assert "2018" in d["year_source"]
    assert not df.loc["a.txt", "year_inferred"]


def test_theme_alignment_keeps_the_parsers_inference_and_never_infers_from_an_extension():
    from anquanyue_parse.models import Campaign

    recs = [Campaign(year=2010, theme="安全發展、預防為主", inferred={"year": "from the theme"}),
            Campaign(theme="人人讲安全、个个会应急——畅通生命通道;人人能自救")]
    df = A.theme_alignment(recs)
    assert df["year_inferred"].tolist() == [True, False]
    assert df["year_source"].iloc[0] == "from the theme"
    assert pd.isna(df["year"].iloc[1]) and df["theme_year"].iloc[1] == 2024
    assert df["alignment"].iloc[1] == "no national theme"


def test_theme_alignment_takes_a_database_style_frame(hand_records):
    frame = A.campaigns_frame(hand_records).drop(columns=["year_inferred", "year_source"])
    df = A.theme_alignment(frame)
    assert df["alignment"].tolist()[:3] == ["equal", "extends", "differs"]


def test_themes_table_aligns_cjk_columns(hand_records):
    lines = A.themes_table(hand_records).splitlines()
    assert lines[0].split() == ["year", "campaign", "theme", "notices", "issuers"]
    assert len(lines) == 1 + 4
    # the notices column starts at the same terminal column on every line
    from anquanyue_parse.analysis.alignment import _width

    cols = {_width(line[: line.index(n)]) for line, n in zip(lines[1:], ["1"] * 4)}
    assert len(cols) == 1
    assert lines[-1].startswith("?")


def test_corpus_alignment_runs_on_real_records(corpus_records):
    df = A.theme_alignment(corpus_records)
    assert len(df) == len(corpus_records)
    assert set(df["alignment"]) <= set(A.ALIGNMENTS)
    assert (df["alignment"] == "equal").sum() >= len(df) // 2  # most notices use the national wording


def test_sibling_campaigns_are_not_compared_with_the_national_theme():
    from anquanyue_parse import parse_text

    recs = [parse_text("关于开展2019年“119”消防宣传月活动的通知\n活动主题：全民消防、生命至上"),
            parse_text("关于开展2019年“安全生产月”活动的通知\n活动主题：防风险、除隐患、遏事故")]
    df = A.theme_alignment(recs)
    assert list(df["alignment"]) == ["other campaign", "equal"]
    assert pd.isna(df["national_theme"].iloc[0])


def test_themes_fold_script_and_punctuation_variants_into_one_row():
    from anquanyue_parse import Campaign

    recs = [Campaign(year=2012, issuer=issuer, theme=theme, source_path=f"{i}.txt", campaign="安全生产月")
            for i, (issuer, theme) in enumerate([
                ("甲市安委会", "科学发展、安全发展"), ("乙县安委会", "“科学发展，安全发展”"),
                ("丙縣安委會", "科學發展、安全發展"), ("丁区安委会", "科学发展、安全发展"),
                ("戊区安委会", "安全责任，重在落实")])]
    df = A.themes_by_year(recs)
    assert df["theme"].tolist() == ["科学发展、安全发展", "安全责任，重在落实"]
    assert df["notices"].tolist() == [4, 1]
    assert df["issuers"].iloc[0] == "丁区安委会、丙縣安委會、乙县安委会、甲市安委会"
    table = A.themes_table(recs).splitlines()
    assert len(table) == 3 and sum("科学发展" in line for line in table) == 1
