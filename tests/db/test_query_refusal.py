"""`query` refuses every write, on SQLite and PostgreSQL (issue 13's security checks).

Two layers: the statement check (``check_read_only``) and the connection (SQLite
``query_only``, a PostgreSQL read-only transaction). Each write is tried through the CLI
and again with the statement check switched off, so the connection alone must hold.
"""

from __future__ import annotations

import io

import pytest

from anquanyue_parse.store import db as db_module
from anquanyue_parse.store.archive import build_archive
from anquanyue_parse.cli import main
from anquanyue_parse.store.db import open_database
from anquanyue_parse.errors import DatabaseError

#: Writes of every kind the issue names; each must leave the database unchanged.
WRITES = [
    "DELETE FROM campaigns",
    "DROP TABLE campaigns",
    "ATTACH DATABASE '/tmp/evil.sqlite' AS evil",
    "PRAGMA writable_schema = ON",
    "SELECT 1; DELETE FROM campaigns",
    "SELECT count(*) FROM campaigns; DROP TABLE documents",
    "SELECT load_extension('/tmp/evil.so')",
    "WITH x AS (DELETE FROM campaigns RETURNING id) SELECT * FROM x",
    "UPDATE campaigns SET year = 1",
]
#: Writes that are one statement the database itself can refuse (the second layer).
CONNECTION_WRITES = {
    "sqlite": ["DELETE FROM campaigns", "DROP TABLE campaigns", "UPDATE campaigns SET year = 1",
               "SELECT load_extension('/tmp/evil.so')", "PRAGMA writable_schema = ON; DELETE FROM campaigns"],
    "postgresql": ["DELETE FROM campaigns", "DROP TABLE campaigns", "UPDATE campaigns SET year = 1",
                   "WITH x AS (DELETE FROM campaigns RETURNING id) SELECT * FROM x",
                   "SELECT set_config('default_transaction_read_only', 'off', false)"
                   " FROM (SELECT 1) t, LATERAL (SELECT count(*) FROM campaigns) c; DELETE FROM campaigns"],
}


@pytest.fixture
def built(db_url, archive):
    build_archive(archive, db_url, progress=False, log=io.StringIO())
    return db_url


def _count(url: str) -> int:
    with open_database(url) as db:
        return int(db.query("SELECT count(*) AS n FROM campaigns").n[0])


def test_every_write_is_refused_by_the_query_command(built, capsys):
    n = _count(built)
    for sql in WRITES:
        assert main(["query", "--db", built, sql]) != 0, sql
        err = capsys.readouterr().err
        assert "Traceback" not in err and err.count("\n") == 1, (sql, err)
    assert _count(built) == n


def test_the_connection_refuses_writes_without_the_statement_check(built, monkeypatch):
    backend = "sqlite" if built.startswith("sqlite") else "postgresql"
    n = _count(built)
    monkeypatch.setattr(db_module, "check_read_only", lambda sql: sql.strip().rstrip(";"))
    with open_database(built) as db:
        for sql in CONNECTION_WRITES[backend]:
            with pytest.raises(DatabaseError):
                db.query(sql)
    assert _count(built) == n
