"""The analysis over a campaign database (built by anquanyue_parse.store.archive) and the two commands."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from anquanyue_parse import analysis as A
from anquanyue_parse import parse_file
from anquanyue_parse.cli import main

ROOT = Path(__file__).resolve().parents[2]

SEEDS = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def db_url(tmp_path_factory):
    archive = pytest.importorskip("anquanyue_parse.store.archive", reason="the database layer is not available")
    folder = tmp_path_factory.mktemp("archive")
    for p in SEEDS:
        shutil.copy(p, folder / p.name)
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'campaigns.sqlite'}"
    summary = archive.build_archive(folder, url, jobs=1, progress=False, log=io.StringIO())
    assert summary.failed == 0
    return url


def test_database_gives_the_same_analysis_as_the_records(db_url):
    records = [parse_file(p) for p in SEEDS]
    from_db = A.as_records(db_url)
    assert len(from_db) == len(records)
    assert A.themes_by_year(db_url).equals(A.themes_by_year(records))
    assert A.deadline_calendar(db_url).drop(columns="source_path").equals(
        A.deadline_calendar(records).drop(columns="source_path"))
    assert A.activity_mix(db_url).equals(A.activity_mix(records))


def test_open_database_and_campaigns_frame_are_accepted(db_url):
    from anquanyue_parse.store.db import load_campaigns, open_database

    with open_database(db_url) as db:
        assert len(A.as_records(db)) == len(SEEDS)
    frame = load_campaigns(db_url)  # the database's own table: scalar columns only
    df = A.theme_alignment(frame)
    assert len(df) == len(SEEDS) and set(df["alignment"]) <= set(A.ALIGNMENTS)


def test_cli_themes(db_url, capsys):
    assert main(["themes", "--db", db_url]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["year", "campaign", "theme", "notices", "issuers"]
    assert any(line.startswith("2024") and "人人讲安全、个个会应急——畅通生命通道" in line for line in out)


def test_cli_themes_without_a_database_is_one_line(tmp_path, capsys):
    assert main(["themes", "--db", f"sqlite:///{tmp_path / 'none.sqlite'}"]) == 3  # ExitCode.DATABASE
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "build" in err


def test_cli_review(tmp_path, capsys):
    out = tmp_path / "r.html"
    assert main(["review", str(SEEDS[0]), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert '<mark id="m-f-theme"' in out.read_text("utf-8")
    assert main(["review", str(tmp_path / "missing.txt"), "-o", str(out)]) == 1  # as parse: INPUT_FAILED
