"""SQL that answers honestly: live_campaigns, engines, empty files, HTML copies as duplicates."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pandas as pd
from sqlalchemy import text

from anquanyue_parse import analysis as A
from anquanyue_parse.store.archive import build_archive, iter_archive
from anquanyue_parse.cli import main
from anquanyue_parse.store.db import load_campaigns, load_records, load_table, open_database
from anquanyue_parse.store.db_schema import LIVE_VIEW, live_view_columns, make_engine
from tests.loaders import generate as gen

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
QUIET = io.StringIO()


def build(root, url):
    return build_archive(root, url, progress=False, log=QUIET)


def _query(url: str, sql: str) -> pd.DataFrame:
    with open_database(url) as db:
        return db.query(sql)


def test_live_campaigns_leave_out_duplicates_and_removed_files(db_url, archive, capsys):
    first = sorted(iter_archive(archive))[0]
    shutil.copy(first, archive / "copy_of_first.txt")  # a duplicate
    gone = sorted((archive / "more").rglob("*.txt"))[-1]
    assert gone != first
    build(archive, db_url)
    gone.unlink()  # a removed file
    build(archive, db_url)
    live = load_campaigns(db_url)
    all_rows = _query(db_url, "SELECT count(*) AS n FROM campaigns").n[0]
    view = _query(db_url, f"SELECT * FROM {LIVE_VIEW} ORDER BY path")
    assert all_rows == len(live) + 2  # the copy and the removed file are still in campaigns
    assert view.columns.tolist() == live_view_columns()
    assert view.path.tolist() == live.path.tolist() and view.campaign_id.tolist() == live.campaign_id.tolist()
    assert str(gone) not in set(view.path)
    # the README's example reads the view and gives one row per notice
    assert main(["query", "--db", db_url, f"SELECT path FROM {LIVE_VIEW} WHERE year = 2023", "--format", "json"]) == 0
    paths = [r["path"] for r in json.loads(capsys.readouterr().out)]
    assert len(paths) == len(set(paths)) == int((live.year == 2023).sum())


def test_an_old_database_gets_the_view(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    archive = tmp_path / "a"
    shutil.copytree(CORPUS / "seeds", archive)
    build(archive, url)
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"DROP VIEW {LIVE_VIEW}"))
    engine.dispose()
    assert len(_query(url, f"SELECT * FROM {LIVE_VIEW}")) == len(load_campaigns(url)) == 5


def test_loaders_accept_an_engine(db_url, archive):
    build(archive, db_url)
    engine = make_engine(db_url)
    try:
        assert load_campaigns(engine).path.tolist() == load_campaigns(db_url).path.tolist()
        assert len(load_table(engine, "activities")) == len(load_table(db_url, "activities"))
        assert load_records(engine) == load_records(db_url)
        assert A.themes_by_year(engine).equals(A.themes_by_year(db_url))
        with engine.connect() as conn:  # the engine is the caller's: still usable afterwards
            assert conn.execute(text("SELECT 1")).scalar() == 1
    finally:
        engine.dispose()


def test_an_empty_text_file_is_a_failure_not_a_campaign(db_url, archive):
    (archive / "empty.txt").write_bytes(b"")
    (archive / "blank.txt").write_text(" \n\u3000\n", "utf-8")
    summary = build(archive, db_url)
    assert summary.failed == 2
    fails = load_table(db_url, "failures").sort_values("path")
    assert fails.error_type.tolist() == ["EmptyDocument", "EmptyDocument"]
    assert "no text" in fails.message.iloc[0]
    assert not {str(archive / "empty.txt"), str(archive / "blank.txt")} & set(load_campaigns(db_url).path)


def test_html_copy_of_a_notice_is_a_duplicate_of_its_txt(db_url, tmp_path):
    """Saved .txt pages keep their 发布时间/点击数 bars, the HTML loader drops them: still one notice."""
    archive = tmp_path / "a"
    archive.mkdir()
    names = ["014.txt", "017.txt", "022.txt"]  # each has a bar line the HTML page loses
    for name in names:
        src = CORPUS / "devset" / name
        shutil.copy(src, archive / name)
        blocks = gen.notice_blocks(src.read_text("utf-8"))
        (archive / name.replace(".txt", ".html")).write_bytes(gen.build_html(blocks, blocks[0].text))
    summary = build(archive, db_url)
    assert summary.duplicates == len(names)
    docs = load_table(db_url, "documents").set_index("id")
    pairs = {frozenset((Path(row.path).name, Path(docs.loc[int(row.duplicate_of), "path"]).name))
             for row in docs[docs.duplicate_of.notna()].itertuples()}
    assert pairs == {frozenset((n, n.replace(".txt", ".html"))) for n in names}
    assert len(load_campaigns(db_url)) == len(names)
