"""Writing parse results into the campaign database, one batch transaction per task.

The workers write (not the build process): each parse task ends with one transaction that
writes its batch of files, so writing is spread over the parsing processes (or Dask
workers) and the coordinator only plans and counts. A document never spans two
transactions: after a crash or a kill it is either complete or absent (and the next build
parses it again, since its hash was not recorded).

Idempotent: every file comes with the ``documents.id`` it has or gets (the coordinator
reserves ids for new files under the build lock), and a batch first deletes whatever
rows those ids have, so a task that runs twice (a Dask retry after a lost worker)
writes the same rows once. On PostgreSQL a transaction-level advisory lock on the batch
makes two runs of the same batch wait for each other; rows go in with COPY.
On SQLite the transaction starts with ``BEGIN IMMEDIATE`` (see :func:`writer_engine`),
so parallel writers queue for the write lock instead of failing.

If a batch fails on a data error, it is rolled back and its files are written again one
transaction each, so a single bad record lands in ``failures`` without taking the others
with it. Duplicate links are set afterwards by ``db_links.relink_duplicates``.
"""

from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass
from typing import Iterable, NamedTuple, Optional, Union

from sqlalchemy import Date, delete, event, text, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from .db_rows import ParsedDocument
from .db_schema import CHILD_TABLES, TABLES, error_line, make_engine
from ..errors import DatabaseError
from ..version import __version__

__all__ = ["FileInfo", "Parsed", "Outcome", "write_batch", "writer_engine", "mark_removed", "forget_failures"]

_docs = TABLES["documents"]
_campaigns = TABLES["campaigns"]
_failures = TABLES["failures"]

#: IN (...) lists are cut into chunks of this size (SQLite's variable limit).
_CHUNK = 500

#: First key of the advisory lock a batch holds on PostgreSQL (the second is its first id).
BATCH_LOCK_CLASS = 0x616E71  # "anq"


@dataclass(frozen=True)
class FileInfo:
    """A file to build, as the coordinator planned it.

    ``doc_id`` is its ``documents.id``: the existing row (``existing``) or one reserved for it.
    ``known_sha`` is the stored sha256 when that row is current (same parser version, live,
    no failure): a file whose content still has this hash is skipped without parsing.
    """

    path: str
    doc_id: int
    existing: bool = False
    known_sha: Optional[str] = None
    had_failure: bool = False


class Parsed(NamedTuple):
    """One file read and parsed by a worker: a ParsedDocument, or (error type, message)."""

    info: FileInfo
    sha256: Optional[str]
    size: int
    result: Union[ParsedDocument, tuple[str, str]]


class Outcome(NamedTuple):
    """What a worker reports for one file: status new, replaced, skipped or failed."""

    path: str
    status: str
    error_type: Optional[str] = None
    message: Optional[str] = None
    ocr_pages: int = 0  # pages of the file read by OCR


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _chunks(items: list, n: int = _CHUNK) -> Iterable[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def writer_engine(url: str) -> Engine:
    """An engine for a writing worker: on SQLite every transaction is ``BEGIN IMMEDIATE``."""
    engine = make_engine(url)
    if engine.url.get_backend_name() == "sqlite":
        @event.listens_for(engine, "connect")
        def _no_implicit_begin(dbapi_conn, _record) -> None:
            dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" event issues BEGIN itself

        @event.listens_for(engine, "begin")
        def _begin_immediate(conn) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
    return engine


def write_batch(engine: Engine, stamp: dt.datetime, items: list[Parsed]) -> list[Outcome]:
    """Write one batch in one transaction (see the module doc); return an outcome per file."""
    if not items:
        return []
    try:
        with engine.begin() as conn:
            _write(conn, stamp, items)
    except OperationalError as exc:
        raise DatabaseError(f"cannot write to the database: {error_line(exc)}") from exc
    except SQLAlchemyError:
        return [o for item in items for o in _write_one(engine, stamp, item)]
    return [_outcome(p) for p in items]


def _write_one(engine: Engine, stamp: dt.datetime, item: Parsed) -> list[Outcome]:
    try:
        with engine.begin() as conn:
            _write(conn, stamp, [item])
        return [_outcome(item)]
    except OperationalError as exc:
        raise DatabaseError(f"cannot write to the database: {error_line(exc)}") from exc
    except (DBAPIError, SQLAlchemyError) as exc:
        refused = item._replace(result=("DatabaseError", f"the database refused the record: {error_line(exc)}"))
        with engine.begin() as conn:
            _write(conn, stamp, [refused])
        return [_outcome(refused)]


def _outcome(p: Parsed) -> Outcome:
    if isinstance(p.result, ParsedDocument):
        return Outcome(p.info.path, "replaced" if p.info.existing else "new", ocr_pages=p.result.ocr_pages)
    return Outcome(p.info.path, "failed", p.result[0], p.result[1])


def _write(conn: Connection, stamp: dt.datetime, items: list[Parsed]) -> None:
    if conn.dialect.name == "postgresql":  # a second run of this batch waits for the first
        conn.execute(text("SELECT pg_advisory_xact_lock(:a, :b)"),
                     {"a": BATCH_LOCK_CLASS, "b": min(p.info.doc_id for p in items) % 2**31})
    ok = [p for p in items if isinstance(p.result, ParsedDocument)]
    bad = [p for p in items if not isinstance(p.result, ParsedDocument)]
    # what earlier versions (or an earlier run of this batch) wrote; children go by ON DELETE CASCADE
    for ids in _chunks([p.info.doc_id for p in items]):
        conn.execute(delete(_campaigns).where(_campaigns.c.id.in_(ids)))
    for ids in _chunks([p.info.doc_id for p in bad if p.info.existing]):
        conn.execute(delete(_docs).where(_docs.c.id.in_(ids)))
    if ok:
        _upsert_documents(conn, stamp, ok)
        _insert_records(conn, ok)
    # failures: forget the ones that now parse, record the new ones
    for paths in _chunks([p.info.path for p in ok if p.info.had_failure] + [p.info.path for p in bad]):
        conn.execute(delete(_failures).where(_failures.c.path.in_(paths)))
    if bad:
        conn.execute(_failures.insert(), [
            {"path": p.info.path, "sha256": p.sha256, "error_type": p.result[0], "message": p.result[1],
             "failed_at": stamp} for p in bad])


def _upsert_documents(conn: Connection, stamp: dt.datetime, ok: list[Parsed]) -> None:
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    rows = [{"id": p.info.doc_id, "path": p.info.path, "sha256": p.sha256, "format": p.result.format,
             "size": p.size, "parser_version": __version__, "parsed_at": stamp, "removed": False,
             "removed_at": None, "fingerprint": p.result.fingerprint, "record_key": p.result.record_key,
             "duplicate_of": None} for p in ok]
    stmt = insert(_docs)
    stmt = stmt.on_conflict_do_update(index_elements=[_docs.c.id],
                                      set_={c.name: stmt.excluded[c.name] for c in _docs.columns if c.name != "id"})
    conn.execute(stmt, rows)


def _insert_records(conn: Connection, ok: list[Parsed]) -> None:
    # the rows came from this worker's parse and are used once: set the ids in place
    for p in ok:
        rows = p.result.rows
        rows["campaign"]["id"] = rows["campaign"]["document_id"] = p.info.doc_id
        for name in CHILD_TABLES:
            for row in rows[name]:
                row["campaign_id"] = p.info.doc_id
    insert = _copy if conn.dialect.name == "postgresql" else _bulk_insert
    insert(conn, _campaigns, [p.result.rows["campaign"] for p in ok])
    for name in CHILD_TABLES:
        rows = [row for p in ok for row in p.result.rows[name]]
        if rows:
            insert(conn, TABLES[name], rows)


def _copy(conn: Connection, table, rows: list[dict]) -> None:
    """PostgreSQL: COPY … FROM STDIN through psycopg, inside the batch transaction."""
    names = [c.name for c in table.columns]
    sql = f'COPY "{table.name}" ({", ".join(f"{chr(34)}{n}{chr(34)}" for n in names)}) FROM STDIN'
    raw = conn.connection.driver_connection
    with raw.cursor() as cur, cur.copy(sql) as copy:
        for row in rows:
            copy.write_row([row.get(n) for n in names])


_COMPILED: dict[tuple[str, str], tuple[str, Optional[list[str]], set[str]]] = {}


def _bulk_insert(conn: Connection, table, rows: list[dict]) -> None:
    """executemany of plain row dicts, for the bulk of a batch (notices and their items).

    SQLAlchemy compiles the INSERT once per dialect; the rows then go to the driver as they
    are, because Core's per-row parameter processing costs about as much as SQLite's insert.
    The one conversion Core would make is done here: SQLite stores dates as ISO text.
    """
    key = (conn.dialect.name, table.name)
    if key not in _COMPILED:
        compiled = table.insert().compile(dialect=conn.dialect, column_keys=[c.name for c in table.columns])
        positional = list(compiled.positiontup) if compiled.positiontup else None
        dates = {c.name for c in table.columns if isinstance(c.type, Date)} if conn.dialect.name == "sqlite" else set()
        _COMPILED[key] = (compiled.string, positional, dates)
    sql, positional, dates = _COMPILED[key]
    if dates:
        for row in rows:
            for name in dates:
                value = row.get(name)
                if value is not None:
                    row[name] = value.isoformat()
    if positional is not None:
        try:
            get = operator.itemgetter(*positional)  # every row carries every column
            params = [get(row) for row in rows]
        except KeyError:
            params = [tuple(row.get(n) for n in positional) for row in rows]
        conn.exec_driver_sql(sql, params)
    else:
        conn.exec_driver_sql(sql, [{n: row.get(n) for n in (c.name for c in table.columns)} for row in rows])


def mark_removed(engine: Engine, ids: list[int]) -> None:
    """Mark documents whose file is gone as removed (their copies are relinked afterwards)."""
    if not ids:
        return
    with engine.begin() as conn:
        now = _now()
        for chunk in _chunks(ids):
            conn.execute(update(_docs).where(_docs.c.id.in_(chunk)).values(removed=True, removed_at=now))


def forget_failures(engine: Engine, paths: list[str]) -> None:
    """Drop failure rows of files that are gone from the archive."""
    if not paths:
        return
    with engine.begin() as conn:
        for chunk in _chunks(paths):
            conn.execute(delete(_failures).where(_failures.c.path.in_(chunk)))
