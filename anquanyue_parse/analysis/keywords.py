"""Keywords per year over the activity texts, with jieba (TF-IDF or TextRank).

jieba is imported on first use, never when the package is imported. A private
``jieba.Tokenizer`` gets the domain dictionary (``data/domain_terms.txt``) so that terms like
安全宣传咨询日 or 治本攻坚 stay whole; the global ``jieba.dt`` is left untouched. jieba's own
dictionary and IDF table ship inside the jieba package: nothing is downloaded.
"""

from __future__ import annotations

import copy
import functools
import logging
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any, Optional

import regex

from .sources import activity_text, as_records, walk_activities

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["keywords_by_year", "domain_terms", "stop_words", "tokenize", "KEYWORD_COLUMNS"]

KEYWORD_COLUMNS = ["year", "rank", "keyword", "weight", "count", "notices", "method"]

#: A keyword must contain a Han character: drops numbers, dates and Latin fragments ("2024", "12:00").
HAN = regex.compile(r"\p{Han}")


@dataclass(frozen=True)
class DomainTerm:
    word: str
    freq: Optional[int] = None
    tag: str = "n"


def _data_lines(name: str) -> list[str]:
    text = resources.files("anquanyue_parse").joinpath(f"data/{name}").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@functools.lru_cache(maxsize=1)
def domain_terms() -> tuple[DomainTerm, ...]:
    """The domain dictionary: ``TERM [FREQ] [POS]`` lines of ``data/domain_terms.txt``."""
    out = []
    for line in _data_lines("domain_terms.txt"):
        parts = line.split()
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else "n"
        out.append(DomainTerm(parts[0], freq, tag))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Boilerplate words never reported as keywords (``data/stopwords.txt``)."""
    return frozenset(_data_lines("stopwords.txt"))


@functools.lru_cache(maxsize=1)
def _tokenizer():
    import jieba

    if jieba.default_logger.level < logging.WARNING:  # "Building prefix dict …" on every first use
        jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()  # jieba.DEFAULT_DICT: the dict.txt inside the installed package
    for term in domain_terms():
        tok.add_word(term.word, term.freq, term.tag)
    for word in stop_words():  # a stop phrase must be one token to be dropped (习近平新时代…)
        if len(word) > 2 and not tok.FREQ.get(word):
            tok.add_word(word, None, "x")
    return tok


@functools.lru_cache(maxsize=2)
def _extractor(method: str):
    import jieba.analyse
    import jieba.posseg

    tok = _tokenizer()
    if method == "tfidf":
        # a copy of jieba's default extractor shares its IDF table (jieba/analyse/idf.txt, shipped
        # with jieba, read once at import) but gets our tokenizer and stop words
        ext = copy.copy(jieba.analyse.default_tfidf)
        ext.tokenizer = tok
        ext.postokenizer = jieba.posseg.POSTokenizer(tok)
    elif method == "textrank":
        ext = jieba.analyse.TextRank()
        ext.tokenizer = ext.postokenizer = jieba.posseg.POSTokenizer(tok)
    else:
        raise ValueError(f"method must be 'tfidf' or 'textrank', not {method!r}")
    ext.stop_words = set(ext.stop_words) | set(stop_words())
    return ext


def tokenize(text: str) -> list[str]:
    """jieba tokens of ``text`` (converted to simplified) with the domain dictionary loaded."""
    from ..textutil import to_simplified

    return _tokenizer().lcut(to_simplified(text))


def _year_texts(db: Any, source: str) -> dict[int, list[str]]:
    """Year -> one simplified text per notice of that year (notices without a year are left out)."""
    from ..textutil import to_simplified

    by_year: dict[int, list[str]] = {}
    for rec in as_records(db):
        if rec.year is None:
            continue
        if source == "activities":
            text = "\n".join(activity_text(a) for _, a in walk_activities(rec))
        elif source == "text":
            text = rec.source_text
        else:
            raise ValueError(f"source must be 'activities' or 'text', not {source!r}")
        if text.strip():
            by_year.setdefault(rec.year, []).append(to_simplified(text))
    return by_year


#: Methods of :func:`keywords_by_year`.
METHODS = ("tfidf", "textrank", "distinctive")


def keywords_by_year(db: Any, top_k: int = 10, method: str = "tfidf", source: str = "activities") -> "pd.DataFrame":
    """The ``top_k`` keywords of each year's activity texts (all notices of the year together).

    Columns: :data:`KEYWORD_COLUMNS` — ``weight`` from jieba.analyse (TF-IDF or TextRank),
    ``count`` the keyword's occurrences in that year's tokens, ``notices`` how many notices of
    the year use it. ``source="text"`` reads each notice's whole text instead of its activities.
    ``method="distinctive"``: the TF-IDF weight times ``log((1 + Y) / (1 + years using the
    word))`` over the Y years given, so a word every year uses (安全生产, 宣传) weighs nothing
    and a year's own terms come first (what the heatmap shows).
    """
    import math

    import pandas as pd

    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    ext = _extractor("tfidf" if method == "distinctive" else method)
    tok, stops = _tokenizer(), stop_words()
    by_year = sorted(_year_texts(db, source).items())
    year_counts = {year: [Counter(tok.lcut(t)) for t in texts] for year, texts in by_year}
    years_using: Counter = Counter()
    for counts in year_counts.values():
        years_using.update(set().union(*counts) if counts else set())
    rows = []
    for year, texts in by_year:
        counts = year_counts[year]
        total = sum(counts, Counter())
        tags = ext.extract_tags("\n".join(texts), topK=None, withWeight=True)
        if method == "distinctive":
            n = len(by_year)
            tags = sorted(((w, wt * math.log((1 + n) / (1 + years_using[w]))) for w, wt in tags),
                          key=lambda x: -x[1])
            tags = [(w, wt) for w, wt in tags if wt > 0]
        kept = [(w, wt) for w, wt in tags if HAN.search(w) and w not in stops][:top_k]
        for rank, (word, weight) in enumerate(kept, 1):
            rows.append({"year": year, "rank": rank, "keyword": word, "weight": round(float(weight), 4),
                         "count": total[word], "notices": sum(1 for c in counts if c[word]), "method": method})
    df = pd.DataFrame(rows, columns=KEYWORD_COLUMNS)
    df["year"] = df["year"].astype("Int64")
    return df
