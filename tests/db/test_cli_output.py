"""query output formats, export csv to stdout, build --max-failures / --strict."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pandas as pd

from anquanyue_parse.store.archive import iter_archive
from anquanyue_parse.cli import main
from anquanyue_parse.store.db import load_campaigns, load_table

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SQL = "SELECT year, count(*) AS n FROM campaigns GROUP BY year ORDER BY year"


def test_query_formats(db_url, archive, capsys):
    assert main(["build", str(archive), "--db", db_url, "--no-progress"]) == 0
    capsys.readouterr()
    expected = load_campaigns(db_url).groupby("year").size()
    assert main(["query", "--db", db_url, SQL, "--format", "csv"]) == 0
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert frame.columns.tolist() == ["year", "n"] and frame.n.sum() == expected.sum()
    assert main(["query", "--db", db_url, SQL, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [{"year": int(r.year), "n": int(r.n)} for r in frame.itertuples()]
    assert main(["query", "--db", db_url, SQL, "--format", "jsonl"]) == 0
    assert [json.loads(x) for x in capsys.readouterr().out.splitlines()] == rows
    assert main(["query", "--db", db_url, SQL]) == 0  # table: aligned, a row count
    assert capsys.readouterr().out.rstrip().endswith(f"({len(rows)} rows)")
    assert main(["query", "--db", db_url, "SELECT title, issue_date FROM campaigns", "--format", "json"]) == 0
    dated = [r for r in json.loads(capsys.readouterr().out) if r["issue_date"]]
    assert dated and all(r["issue_date"][4] == "-" for r in dated)  # ISO dates, not epoch numbers


def _bad(path):
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)


def test_max_failures_decides_the_exit_code(db_url, archive, capsys):
    _bad(archive / "more" / "scan1.txt")
    _bad(archive / "more" / "scan2.txt")
    assert main(["build", str(archive), "--db", db_url, "--no-progress"]) == 1
    assert main(["build", str(archive), "--db", db_url, "--no-progress", "--max-failures", "1"]) == 1
    assert main(["build", str(archive), "--db", db_url, "--no-progress", "--max-failures", "2"]) == 0
    assert "failed                                      2" in capsys.readouterr().out
    assert main(["build", str(archive), "--db", db_url, "--max-failures", "-1"]) == 2


def test_strict_stops_after_too_many_failures(db_url, tmp_path, capsys):
    archive = tmp_path / "strict"
    archive.mkdir()
    for i in range(3):
        _bad(archive / f"a{i}_scan.txt")  # listed first
    devset = sorted((CORPUS / "devset").glob("*.txt"))[:24]
    for p in devset:
        shutil.copy(p, archive / f"z_{p.name}")
    total = len(list(iter_archive(archive)))
    assert main(["build", str(archive), "--db", db_url, "--no-progress", "--jobs", "1", "--strict"]) == 1
    out = capsys.readouterr().out
    assert "Stopped after" in out
    stored = len(load_campaigns(db_url))
    assert 0 <= stored < total - 3  # not every good file was reached
    assert len(load_table(db_url, "failures")) == 3
    # without --strict the build goes on: every good file stored, exit 1 for the three
    assert main(["build", str(archive), "--db", db_url, "--no-progress", "--jobs", "1"]) == 1
    assert len(load_campaigns(db_url)) == total - 3
