"""Analysis and review page over corpus/: time of each step, as a ratio to parsing the same notices."""

from __future__ import annotations

import time
import timeit
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _best(fn, rounds: int = 3) -> float:
    return min(timeit.repeat(fn, number=1, repeat=rounds))


def run():
    from anquanyue_parse import analysis as A
    from anquanyue_parse import parse_file
    from anquanyue_parse.review import render_review

    paths = sorted(CORPUS.rglob("*.txt"))
    records = [parse_file(p) for p in paths]
    parse = _best(lambda: [parse_file(p) for p in paths])
    yield f"corpus: {len(records)} notices; parsing them (reference): {parse * 1000:.0f} ms"
    t0 = time.perf_counter()
    A.keywords_by_year(records[:1], top_k=1)
    yield f"jieba first use (dictionary + domain terms + IDF): {(time.perf_counter() - t0) * 1000:.0f} ms, once per process"
    steps = {
        "themes_by_year": lambda: A.themes_by_year(records),
        "theme_alignment": lambda: A.theme_alignment(records),
        "keywords_by_year (tfidf)": lambda: A.keywords_by_year(records, top_k=10),
        "keywords_by_year (textrank)": lambda: A.keywords_by_year(records, top_k=10, method="textrank"),
        "activity_mix": lambda: A.activity_mix(records),
        "deadline_calendar": lambda: A.deadline_calendar(records),
        "review pages (all notices)": lambda: [render_review(r) for r in records],
    }
    for name, fn in steps.items():
        t = _best(fn)
        yield f"{name}: {t * 1000:.0f} ms ({t / parse:.2f}x parsing)"
    import io

    from anquanyue_parse.analysis.plots import save_figure

    t = _best(lambda: save_figure(A.plot_theme_timeline(records), io.BytesIO()), rounds=2)
    yield f"theme timeline figure to PNG: {t * 1000:.0f} ms"
