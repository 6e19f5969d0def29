"""The command line: parse, eval, --version; errors are one line, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from anquanyue_parse import __version__
from anquanyue_parse.cli import main

SEED = Path(__file__).resolve().parents[2] / "corpus" / "seeds" / "001_b6a546741b411cec.txt"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "anquanyue_parse.cli", *args], capture_output=True, text=True)


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_parse_prints_the_record(capsys):
    assert main(["parse", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["doc_number"] == "运工信发〔2023〕42号"
    assert data["deadlines"][1]["recurrence"] == "weekly:WED"


def test_parse_jsonl(capsys):
    assert main(["parse", str(SEED), str(SEED), "--jsonl", "--no-source"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "source_text" not in json.loads(lines[0])


def test_missing_file_is_one_line_on_stderr():
    p = run("parse", "/nonexistent/notice.txt")
    assert p.returncode != 0
    assert len(p.stderr.strip().splitlines()) == 1 and "Traceback" not in p.stderr
    assert "no such file" in p.stderr


def test_directory_is_one_line_on_stderr(tmp_path):
    p = run("parse", str(tmp_path))
    assert p.returncode != 0 and len(p.stderr.strip().splitlines()) == 1


def test_eval_prints_scores(tmp_path):
    corpus = tmp_path / "c" / "set"
    corpus.mkdir(parents=True)
    (corpus / "a.txt").write_text(SEED.read_text("utf-8"), "utf-8")
    gold = json.loads(SEED.with_suffix(".json").read_text("utf-8"))
    (corpus / "a.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    p = run("eval", str(tmp_path / "c"))
    assert p.returncode == 0, p.stderr
    assert "macro average" in p.stdout and "doc_number" in p.stdout
    assert run("eval", str(tmp_path / "c"), "--update-baseline").returncode == 0
    floors = json.loads((tmp_path / "c" / "baseline.json").read_text("utf-8"))["floors"]
    assert floors["set"]["doc_number"] == 1.0
    # a worse parser now falls below the floor
    gold["gold"]["doc_number"] = "另一个〔2023〕1号"
    (corpus / "a.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    p = run("eval", str(tmp_path / "c"))
    assert p.returncode == 1 and "below floor: set/doc_number" in p.stderr
