"""The floors are pinned to the corpus they were measured on: a changed gold file fails the
check until the floors are re-pinned (trafilatura's evaluation pins its data the same way)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from anquanyue_parse.evaluation.baseline import check_baseline, update_baseline
from anquanyue_parse.evaluation.evaluate import evaluate_sets

SEEDS = Path(__file__).resolve().parents[2] / "corpus" / "seeds"


def test_a_changed_gold_file_fails_until_the_floors_are_re_pinned(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus / "seeds")
    update_baseline(corpus, evaluate_sets(corpus))
    assert check_baseline(corpus, evaluate_sets(corpus)) == []
    gold = sorted((corpus / "seeds").glob("*.json"))[0]
    data = json.loads(gold.read_text("utf-8"))
    data["note"] += " (checked again)"  # a harmless edit: the scores stay, the pin does not
    gold.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    problems = check_baseline(corpus, evaluate_sets(corpus))
    assert len(problems) == 1 and "corpus changed since its floors were pinned" in problems[0]
    update_baseline(corpus, evaluate_sets(corpus))
    assert check_baseline(corpus, evaluate_sets(corpus)) == []
