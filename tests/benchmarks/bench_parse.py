"""Parse throughput over corpus/ (notices per second on one core, after import) and import time."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _import_time() -> float:
    code = "import time; t=time.perf_counter(); import anquanyue_parse; print(time.perf_counter()-t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout) for _ in range(3)]
    return min(runs)


def run():
    from anquanyue_parse import parse_text

    texts = [p.read_text("utf-8") for p in sorted(CORPUS.rglob("*.txt"))]
    for t in texts:  # warm up: lazy imports, pattern compilation, conversion tables
        parse_text(t)
    rounds = []
    for _ in range(5):
        t0 = time.perf_counter()
        for t in texts:
            parse_text(t)
        rounds.append(time.perf_counter() - t0)
    best = min(rounds)
    yield f"corpus: {len(texts)} notices, {sum(map(len, texts)) / 1000:.0f}k characters"
    yield f"throughput: {len(texts) / best:,.0f} notices/s (best of 5), median {len(texts) / statistics.median(rounds):,.0f}"
    big = [t for t in texts if 10_000 <= len(t.encode('utf-8')) <= 20_000]
    if big:
        per = []
        for t in big:
            t0 = time.perf_counter()
            for _ in range(5):
                parse_text(t)
            per.append((time.perf_counter() - t0) / 5 * 1000)
        yield f"10-20 KB notices: {len(big)}, mean {statistics.mean(per):.2f} ms, max {max(per):.2f} ms (target < 5 ms)"
    # reference in the same run: a plain regex scan over the same text
    import regex

    pat = regex.compile(r"\d+年\d+月\d+日")
    t0 = time.perf_counter()
    for _ in range(5):
        for t in texts:
            pat.findall(t)
    ref = (time.perf_counter() - t0) / 5
    yield f"ratio to one date-regex scan over the same texts: {best / ref:.0f}x"
    yield f"import time: {_import_time() * 1000:.0f} ms (target < 500 ms)"
