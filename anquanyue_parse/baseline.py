"""Per-field score floors for a corpus (``corpus/baseline.json``); floors only go up."""

from __future__ import annotations

import json
from pathlib import Path

from .evaluate import Report, corpus_hash

__all__ = ["BASELINE_NAME", "check_baseline", "update_baseline", "load_baseline"]

BASELINE_NAME = "baseline.json"
#: Slack for floating point noise only.
EPS = 1e-9


def load_baseline(corpus: str | Path) -> dict:
    path = Path(corpus) / BASELINE_NAME
    if not path.exists():
        return {"corpus_hash": None, "documents": 0, "floors": {}}
    return json.loads(path.read_text("utf-8"))


def check_baseline(corpus: str | Path, report: Report) -> list[str]:
    """Fields whose score fell below their floor, in words."""
    floors = load_baseline(corpus).get("floors", {})
    scores = report.scores()
    return [f"{name}: {scores.get(name, 0):.4f} < floor {floor:.4f}"
            for name, floor in floors.items() if scores.get(name, 0) + EPS < floor]


def update_baseline(corpus: str | Path, report: Report) -> str:
    """Raise each floor to the current score; a floor is never lowered."""
    path = Path(corpus) / BASELINE_NAME
    old = load_baseline(corpus)
    floors = dict(old.get("floors", {}))
    raised = []
    for name, score in report.scores().items():
        if score > floors.get(name, -1.0) + EPS:
            raised.append(f"{name} {floors.get(name, 0):.4f}->{score:.4f}")
            floors[name] = score
    data = {"corpus_hash": corpus_hash(Path(corpus)), "documents": report.documents, "floors": floors}
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", "utf-8")
    lowered = [n for n, s in report.scores().items() if s + EPS < floors.get(n, 0)]
    msg = f"baseline: {len(raised)} floor(s) raised" + (": " + ", ".join(raised) if raised else "")
    if lowered:
        msg += f"; still below floor (not lowered): {', '.join(lowered)}"
    return msg
