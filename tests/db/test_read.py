"""Reading the campaign database back: DataFrames, lossless records, export, read-only query, schema versions."""

from __future__ import annotations

import io
import json
import os
import sqlite3

import pandas as pd
import pytest
from sqlalchemy import text

import anquanyue_parse
from anquanyue_parse import Campaign, parse_file
from anquanyue_parse.store.archive import build_archive, iter_archive
from anquanyue_parse.cli import main
from anquanyue_parse.store.db import (
    TABLE_NAMES,
    Database,
    check_read_only,
    load_campaigns,
    load_records,
    load_table,
    open_database,
)
from anquanyue_parse.store.db_schema import SCHEMA_VERSION, make_engine, normalize_url
from anquanyue_parse.errors import DatabaseError

QUIET = io.StringIO()  # build log lines are not checked here


@pytest.fixture
def built(db_url, archive):
    build_archive(archive, db_url, progress=False, log=QUIET)
    return db_url, archive


def execute(url: str, sql: str) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def _value(x):
    """A DataFrame cell as the record holds it: missing -> None, Timestamp -> date."""
    if x is None or x is pd.NA or (not isinstance(x, str) and pd.isna(x)):
        return None
    return x.date() if isinstance(x, pd.Timestamp) else x


def test_round_trip_equals_parse_file(built):
    url, archive = built
    expected = [parse_file(p) for p in sorted(iter_archive(archive), key=str)]
    assert load_records(url) == expected


def test_load_campaigns_columns_and_values(built):
    url, archive = built
    df = anquanyue_parse.load_campaigns(url)  # the lazy package-level name
    for col in ("campaign_id", "document_id", "path", "doc_number", "issuer", "title", "issue_date", "year",
                "edition", "theme", "period_start", "period_end"):
        assert col in df.columns
    records = {r.source_path: r for r in load_records(url)}
    assert len(df) == len(records) == len(list(iter_archive(archive)))
    for row in df.itertuples():
        rec = records[row.path]
        for name in ("doc_number", "issuer", "title", "theme", "year", "edition"):
            assert _value(getattr(row, name)) == getattr(rec, name), name
        assert _value(row.issue_date) == rec.issue_date
        assert _value(row.period_start) == (rec.period.start if rec.period else None)
    assert df.campaign_id.tolist() == df.document_id.tolist()


def test_child_tables_match_the_records(built):
    url, _ = built
    records = {r.source_path: r for r in load_records(url)}
    dl = load_table(url, "deadlines")
    assert len(dl) == sum(len(r.deadlines) for r in records.values())
    ct = load_table(url, "contacts")
    assert len(ct) == sum(len(r.contacts) for r in records.values())
    at = load_table(url, "attachments")
    assert at.title.tolist() == [a.title for p in sorted(records) for a in records[p].attachments]
    refs = load_table(url, "references")
    assert refs.doc_number.tolist() == [x for p in sorted(records) for x in records[p].references]
    warn = load_table(url, "warnings")
    assert len(warn) == sum(len(r.warnings) for r in records.values())


def _tree(rows: pd.DataFrame, parent) -> list:
    kids = rows[rows.parent_seq.isna()] if parent is None else rows[rows.parent_seq == parent]
    return [(r.title, r.depth, _tree(rows, r.seq)) for r in kids.sort_values("position").itertuples()]


def _expected(items, depth=0) -> list:
    return [(a.title, depth, _expected(a.children, depth + 1)) for a in items]


def test_activity_tree_is_rebuilt_from_parent_depth_position(built):
    url, _ = built
    acts = load_table(url, "activities")
    records = {r.source_path: r for r in load_records(url)}
    assert any(r.activities for r in records.values())
    for path, rec in records.items():
        assert _tree(acts[acts.path == path], None) == _expected(rec.activities)


def test_documents_and_failures_tables(built):
    url, archive = built
    docs = load_table(url, "documents")
    assert set(docs.columns) >= {"id", "path", "sha256", "format", "size", "parser_version", "parsed_at",
                                 "removed", "duplicate_of"}
    assert (docs.parser_version == anquanyue_parse.__version__).all()
    assert docs["size"].tolist() == [os.path.getsize(p) for p in docs.path]
    assert load_table(url, "failures").empty
    with pytest.raises(DatabaseError, match="no table 'nope'"):
        load_table(url, "nope")


def test_export_jsonl_csv_parquet(built, tmp_path, capsys):
    url, _ = built
    records = load_records(url)
    out = tmp_path / "x.jsonl"
    assert main(["export", "--db", url, "--format", "jsonl", "-o", str(out)]) == 0
    lines = out.read_text("utf-8").splitlines()
    assert [Campaign.model_validate_json(x) for x in lines] == records
    assert main(["export", "--db", url, "--format", "jsonl"]) == 0
    assert capsys.readouterr().out.splitlines() == lines
    for fmt, read in (("csv", pd.read_csv), ("parquet", pd.read_parquet)):
        folder = tmp_path / fmt
        assert main(["export", "--db", url, "--format", fmt, "-o", str(folder)]) == 0
        assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.{fmt}" for n in TABLE_NAMES)
        camp = read(folder / f"campaigns.{fmt}")
        assert [_value(t) for t in camp.title] == [r.title for r in records]
        assert len(read(folder / f"activities.{fmt}")) == len(load_table(url, "activities"))
    capsys.readouterr()
    assert main(["export", "--db", url, "--format", "csv"]) == 0  # no folder: the campaigns table to stdout
    rows = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert [_value(t) for t in rows.title] == [r.title for r in records] and "campaign_id" in rows.columns
    assert main(["export", "--db", url, "--format", "parquet"]) == 2  # a folder is needed
    assert "give a folder" in capsys.readouterr().err


def test_query_prints_a_table(built, capsys):
    url, _ = built
    assert main(["query", "--db", url, "SELECT year, count(*) AS n FROM campaigns GROUP BY year ORDER BY year"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["year", "n"] and "rows)" in out
    assert main(["query", "--db", url, 'SELECT count(*) AS refs FROM "references" -- cited numbers']) == 0
    assert "refs" in capsys.readouterr().out
    with open_database(url) as db:  # % is no placeholder, : no bind parameter
        found = db.query("SELECT count(*) AS n FROM campaigns WHERE title LIKE '%月%' OR title = ':x'")
    assert found.n.tolist() == [sum("月" in (r.title or "") for r in load_records(url))]


@pytest.mark.parametrize("sql, why", [
    ("DELETE FROM documents", "only SELECT"),
    ("  update campaigns set year = 1", "only SELECT"),
    ("SELECT 1; DROP TABLE documents", "one statement"),
    ("WITH x AS (DELETE FROM documents RETURNING id) SELECT * FROM x", "DELETE"),
    ("/* hi */ DROP TABLE campaigns", "only SELECT"),
    ("", "empty"),
])
def test_query_is_read_only(sql, why):
    with pytest.raises(DatabaseError, match=why):
        check_read_only(sql)


@pytest.mark.parametrize("sql", [
    "SELECT * FROM campaigns WHERE title LIKE '%delete%;'",
    "select 1;",
    "WITH t AS (SELECT year FROM campaigns) SELECT * FROM t",
])
def test_read_only_queries_pass(sql):
    assert check_read_only(sql)


def test_rejected_query_leaves_the_database_alone(built, capsys):
    url, _ = built
    n = len(load_campaigns(url))
    assert main(["query", "--db", url, "DELETE FROM campaigns"]) == 2
    assert "read-only" in capsys.readouterr().err
    assert len(load_campaigns(url)) == n


def _set_version(url: str, version: int) -> None:
    execute(url, f"UPDATE schema_info SET value = '{version}' WHERE key = 'schema_version'")


def test_newer_schema_is_refused(built):
    url, archive = built
    _set_version(url, SCHEMA_VERSION + 1)
    with pytest.raises(DatabaseError, match="newer anquanyue_parse.*upgrade the package"):
        open_database(url)
    with pytest.raises(DatabaseError, match="newer"):
        build_archive(archive, url, progress=False, log=QUIET)


def test_older_schema_without_an_upgrade_path_is_refused(built, monkeypatch):
    from anquanyue_parse.store import db_schema

    url, _ = built
    monkeypatch.delitem(db_schema.MIGRATIONS, SCHEMA_VERSION - 1)
    _set_version(url, SCHEMA_VERSION - 1)
    with pytest.raises(DatabaseError, match=f"no upgrade from v{SCHEMA_VERSION - 1}.*build a new database"):
        load_campaigns(url)


def test_older_schema_is_upgraded(built, monkeypatch):
    from anquanyue_parse.store import db_schema

    url, _ = built
    n = len(load_campaigns(url))
    _set_version(url, SCHEMA_VERSION - 1)
    execute(url, "DROP INDEX ix_campaigns_theme")

    def upgrade(conn):  # an upgrade step: recreate the index the old schema lacked
        conn.execute(text("CREATE INDEX ix_campaigns_theme ON campaigns (theme)"))

    monkeypatch.setitem(db_schema.MIGRATIONS, SCHEMA_VERSION - 1, upgrade)
    with open_database(url) as db:
        assert len(db.campaigns()) == n
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            assert db_schema.schema_version(conn) == SCHEMA_VERSION
            from sqlalchemy import inspect

            assert "ix_campaigns_theme" in {i["name"] for i in inspect(conn).get_indexes("campaigns")}
    finally:
        engine.dispose()


def test_a_database_without_a_new_fields_column_gets_it_on_open(built):
    """A field added to the model (fields.py) reaches an existing database: its column is added
    empty, the live view follows it, and a re-build fills it."""
    url, archive = built
    execute(url, "DROP VIEW live_campaigns")
    execute(url, "ALTER TABLE campaigns DROP COLUMN companion_campaigns")  # a database from before the field
    with open_database(url) as db:
        frame = db.campaigns()
        assert "companion_campaigns" in frame.columns and frame["companion_campaigns"].isna().all()
        assert "companion_campaigns" in db.query("SELECT * FROM live_campaigns LIMIT 1").columns
    execute(url, "UPDATE documents SET parser_version = 'old'")
    build_archive(archive, url, progress=False, log=QUIET)
    assert load_campaigns(url)["companion_campaigns"].notna().any()


def test_missing_and_foreign_databases(tmp_path):
    with pytest.raises(DatabaseError, match="no database file .*build one first"):
        open_database(f"sqlite:///{tmp_path / 'none.sqlite'}")
    assert not (tmp_path / "none.sqlite").exists()
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(DatabaseError, match="not a campaign database"):
        open_database(str(other))


@pytest.mark.parametrize("url, expected", [
    ("postgresql://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
    ("postgres://u@h:5433/db", "postgresql+psycopg://u@h:5433/db"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ("sqlite:///x.sqlite", "sqlite:///x.sqlite"),
    ("data/x.sqlite", "sqlite:///data/x.sqlite"),
])
def test_urls(url, expected):
    assert normalize_url(url) == expected


def test_database_object_is_accepted_by_the_loaders(built):
    url, _ = built
    with open_database(url) as db:
        assert isinstance(db, Database)
        assert len(load_campaigns(db)) == len(load_records(db)) == len(load_table(db, "documents"))
        assert json.loads(db.campaigns().to_json(orient="records", force_ascii=False, date_format="iso"))
