"""jieba keywords: lazy import, domain terms kept whole, stop words dropped, nothing downloaded."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from anquanyue_parse import analysis as A
from anquanyue_parse.analysis import keywords as K

CONTEXTS = ("开展{}活动", "{}工作", "深入推进{}，")


def test_importing_the_package_and_analysis_does_not_load_jieba_or_matplotlib():
    code = ("import sys, anquanyue_parse, anquanyue_parse.analysis; "
            "print(sorted(m for m in ('jieba', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("term", [t.word for t in K.domain_terms()])
def test_domain_terms_stay_whole(term):
    for ctx in CONTEXTS:
        assert term in A.tokenize(ctx.format(term)), ctx.format(term)


def test_stop_phrases_are_one_token_so_they_can_be_dropped():
    assert "习近平新时代中国特色社会主义思想" in A.tokenize("深入学习习近平新时代中国特色社会主义思想")


def test_keywords_by_year(hand_records):
    df = A.keywords_by_year(hand_records, top_k=5)
    assert list(df.columns) == K.KEYWORD_COLUMNS
    assert set(df["year"]) == {2023, 2024}  # the notice without a year is left out
    assert df.groupby("year")["rank"].max().max() <= 5
    assert not set(df["keyword"]) & K.stop_words()
    assert all(K.HAN.search(w) for w in df["keyword"])
    y2024 = df[df["year"] == 2024].set_index("keyword")
    assert "安全宣传咨询日" in y2024.index  # a domain term, whole
    assert y2024.loc["安全宣传咨询日", "count"] == 1 and y2024.loc["安全宣传咨询日", "notices"] == 1
    assert (df.groupby("year")["weight"].apply(lambda w: w.is_monotonic_decreasing)).all()


def test_textrank_and_whole_text(hand_records):
    tr = A.keywords_by_year(hand_records, top_k=3, method="textrank")
    assert set(tr["method"]) == {"textrank"} and len(tr) > 0
    full = A.keywords_by_year(hand_records, top_k=3, source="text")
    assert full.empty  # the hand-made records have no source text
    with pytest.raises(ValueError):
        A.keywords_by_year(hand_records, method="lda")


def test_jieba_reads_its_own_files_and_never_touches_the_network(monkeypatch, hand_records, tmp_path):
    import jieba

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    K._tokenizer.cache_clear()
    K._extractor.cache_clear()
    try:
        A.keywords_by_year(hand_records, top_k=3)
        A.keywords_by_year(hand_records, top_k=3, method="textrank")
    finally:
        K._extractor.cache_clear()
    assert K._tokenizer().dictionary == jieba.DEFAULT_DICT
    assert jieba.DEFAULT_DICT_NAME == "dict.txt"


def test_the_global_jieba_tokenizer_is_left_alone():
    import jieba

    A.tokenize("治本攻坚三年行动")
    assert K._tokenizer() is not jieba.dt
    assert "治本攻坚三年行动" in K._tokenizer().FREQ and "治本攻坚三年行动" not in jieba.dt.FREQ


def test_corpus_keywords_cover_every_year_with_activities(corpus_records):
    years = {r.year for r in corpus_records if r.year and r.activities}
    df = A.keywords_by_year(corpus_records, top_k=10)
    assert set(df["year"]) == years


def test_distinctive_keywords_weigh_words_of_every_year_nothing(corpus_records):
    plain = A.keywords_by_year(corpus_records, top_k=10)
    distinct = A.keywords_by_year(corpus_records, top_k=10, method="distinctive")
    years = plain["year"].nunique()
    every_year = lambda df: set(df.groupby("keyword")["year"].nunique().loc[lambda s: s >= 0.8 * years].index)  # noqa: E731
    assert "安全生产" in every_year(plain)  # jieba's general IDF: one word fills a row of the heatmap
    assert every_year(distinct) == set() and set(distinct["year"]) == set(plain["year"])
    assert not set(distinct["keyword"]) & {"主管部门", "搞好"}  # noise list (data/stopwords.txt)
