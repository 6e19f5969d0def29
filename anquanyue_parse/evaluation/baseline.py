"""Per-set, per-field score floors for a corpus (``corpus/baseline.json``); floors only go up.

A set is a folder under the corpus (seeds, devset, heldout …). A new set gets its own
floors; adding a document to an existing set that lowers its score fails the check
until the parser is fixed (or a floor is lowered by hand, visibly, in the diff).

The floors are pinned to the corpus they were measured on (``corpus_hash``, as trafilatura's
evaluation pins its data): a changed text or gold file fails the check until the scores are
looked at and the floors re-pinned with ``--update-baseline``, so a gold edit cannot slip a
lower score past the floors unseen.
"""

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
        return {"corpus_hash": None, "floors": {}}
    return json.loads(path.read_text("utf-8"))


def check_baseline(corpus: str | Path, reports: dict[str, Report]) -> list[str]:
    """Set/field scores that fell below their floor, and a corpus changed since the floors were
    pinned, in words."""
    baseline = load_baseline(corpus)
    floors = baseline.get("floors", {})
    problems = []
    pinned, now = baseline.get("corpus_hash"), corpus_hash(Path(corpus))
    if pinned and pinned != now:
        problems.append(f"the corpus changed since its floors were pinned (corpus_hash {pinned}, now {now}): "
                        f"check the scores, then re-pin with `anquanyue-parse eval {corpus} --update-baseline`")
    for set_name, set_floors in floors.items():
        if set_name not in reports:
            continue
        scores = reports[set_name].scores()
        problems += [f"{set_name}/{name}: {scores.get(name, 0):.4f} < floor {floor:.4f}"
                     for name, floor in set_floors.items() if scores.get(name, 0) + EPS < floor]
    return problems


def update_baseline(corpus: str | Path, reports: dict[str, Report]) -> str:
    """Raise each floor to the current score; a floor is never lowered."""
    path = Path(corpus) / BASELINE_NAME
    floors = load_baseline(corpus).get("floors", {})
    raised, below = [], []
    for set_name, report in reports.items():
        if set_name == "all":
            continue  # "all" mixes the sets; floors are kept per set
        current = floors.setdefault(set_name, {})
        for name, score in report.scores().items():
            if score > current.get(name, -1.0) + EPS:
                raised.append(f"{set_name}/{name} {current.get(name, 0):.4f}->{score:.4f}")
                current[name] = score
            elif score + EPS < current[name]:
                below.append(f"{set_name}/{name}")
    data = {"corpus_hash": corpus_hash(Path(corpus)), "floors": floors}
    path.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", "utf-8")
    msg = f"baseline: {len(raised)} floor(s) raised"
    if below:
        msg += f"; below floor and NOT lowered: {', '.join(below)}"
    return msg
