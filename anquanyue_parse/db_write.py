"""Writing parsed documents into the campaign database, in batches.

Transactions: documents are written in batch transactions (up to ``batch_size``
documents or ``max_delay`` seconds), each statement covering the whole batch. A
document never spans two transactions, so each document is written atomically: after
a crash or a kill, a document is either complete or absent (and the next build parses
it again, since its hash was not recorded). Batching keeps the writer at a small
fraction of the parse cost (one commit and a handful of statements per batch instead
of per document). If a batch fails on a data error, it is rolled back and its documents
are written again one transaction each, so a single bad record lands in ``failures``
without taking the others with it.

Duplicates: a document whose text fingerprint or record key matches a live,
non-duplicate document gets ``duplicate_of`` = that document's id. When that first
copy changes, fails or disappears, its duplicates are linked again (the oldest becomes
the new first copy).
"""

from __future__ import annotations

import datetime as dt
import operator
import time
from dataclasses import dataclass, field
from typing import Iterable, Optional

from sqlalchemy import Date, bindparam, delete, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from .db_rows import ParsedDocument
from .db_schema import CHILD_TABLES, TABLES, error_line
from .errors import DatabaseError
from .version import __version__

__all__ = ["FileInfo", "WriteCounts", "Writer", "mark_removed", "forget_failures"]

_docs = TABLES["documents"]
_campaigns = TABLES["campaigns"]
_failures = TABLES["failures"]

#: IN (...) lists are cut into chunks of this size (SQLite's variable limit).
_CHUNK = 500


@dataclass(frozen=True)
class FileInfo:
    """A file of the archive as the walk saw it; ``doc_id`` is its existing documents row."""

    path: str
    sha256: str
    size: int
    doc_id: Optional[int] = None
    had_failure: bool = False


@dataclass
class WriteCounts:
    new: int = 0
    replaced: int = 0
    failed: int = 0
    duplicates: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (path, error type, message)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _chunks(items: list, n: int = _CHUNK) -> Iterable[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


class Writer:
    """Collects parse results and writes them in batch transactions (see the module doc)."""

    def __init__(self, engine: Engine, batch_size: int = 64, max_delay: float = 1.0):
        self.engine = engine
        self.batch_size = batch_size
        self.max_delay = max_delay
        self.counts = WriteCounts()
        self._batch: list[tuple[FileInfo, object]] = []
        self._since = 0.0

    def add(self, info: FileInfo, result: ParsedDocument | tuple[str, str]) -> None:
        """Queue one file's result: a ParsedDocument, or (error type, message) for a failure."""
        if not self._batch:
            self._since = time.monotonic()
        self._batch.append((info, result))
        if len(self._batch) >= self.batch_size:
            self.flush()

    def tick(self) -> None:
        """Commit a batch that has waited longer than ``max_delay``."""
        if self._batch and time.monotonic() - self._since >= self.max_delay:
            self.flush()

    def flush(self) -> None:
        batch, self._batch = self._batch, []
        if not batch:
            return
        try:
            with self.engine.begin() as conn:
                counts = _write_batch(conn, batch)
        except OperationalError as exc:
            raise DatabaseError(f"cannot write to the database: {error_line(exc)}") from exc
        except SQLAlchemyError:
            counts = WriteCounts()
            for item in batch:  # isolate the record the database refused
                counts = _merge(counts, self._write_one(item))
        self.counts = _merge(self.counts, counts)

    def _write_one(self, item: tuple[FileInfo, object]) -> WriteCounts:
        try:
            with self.engine.begin() as conn:
                return _write_batch(conn, [item])
        except OperationalError as exc:
            raise DatabaseError(f"cannot write to the database: {error_line(exc)}") from exc
        except (DBAPIError, SQLAlchemyError) as exc:
            info = item[0]
            with self.engine.begin() as conn:
                return _write_batch(conn, [(info, ("DatabaseError", f"the database refused the record: "
                                                                   f"{error_line(exc)}"))])


def _merge(a: WriteCounts, b: WriteCounts) -> WriteCounts:
    return WriteCounts(a.new + b.new, a.replaced + b.replaced, a.failed + b.failed,
                       a.duplicates + b.duplicates, a.failures + b.failures)


def _write_batch(conn: Connection, batch: list[tuple[FileInfo, object]]) -> WriteCounts:
    now = _now()
    counts = WriteCounts()
    ok = [(i, r) for i, r in batch if isinstance(r, ParsedDocument)]
    bad = [(i, r) for i, r in batch if not isinstance(r, ParsedDocument)]
    old_ids = [i.doc_id for i, _ in batch if i.doc_id is not None]
    orphans = _orphans(conn, old_ids)

    # drop what the old versions wrote (children go with the campaign: ON DELETE CASCADE)
    for ids in _chunks(old_ids):
        conn.execute(delete(_campaigns).where(_campaigns.c.id.in_(ids)))
    gone = [i.doc_id for i, _ in bad if i.doc_id is not None]
    for ids in _chunks(gone):
        conn.execute(delete(_docs).where(_docs.c.id.in_(ids)))

    ids: dict[str, int] = {}
    replaced = [(i, r) for i, r in ok if i.doc_id is not None]
    if replaced:
        conn.execute(
            update(_docs).where(_docs.c.id == bindparam("b_id")),
            [_doc_values(i, r, now) | {"b_id": i.doc_id} for i, r in replaced])
        ids.update((i.path, i.doc_id) for i, _ in replaced)
    new = [(i, r) for i, r in ok if i.doc_id is None]
    if new:
        conn.execute(_docs.insert(), [_doc_values(i, r, now) | {"path": i.path} for i, r in new])
        for paths in _chunks([i.path for i, _ in new]):
            ids.update((p, i) for i, p in conn.execute(select(_docs.c.id, _docs.c.path).where(_docs.c.path.in_(paths))))
    if ok:
        _insert_records(conn, [(ids[i.path], r) for i, r in ok])

    # failures: forget the ones that now parse, record the new ones
    fixed = [i.path for i, _ in ok if i.had_failure]
    for paths in _chunks(fixed + [i.path for i, _ in bad]):
        conn.execute(delete(_failures).where(_failures.c.path.in_(paths)))
    if bad:
        conn.execute(_failures.insert(), [
            {"path": i.path, "sha256": i.sha256, "error_type": r[0], "message": r[1], "failed_at": now}
            for i, r in bad])

    link = [(ids[i.path], r.fingerprint, r.record_key) for i, r in ok]
    counts.duplicates = _link(conn, sorted(orphans + link), orphans={o[0] for o in orphans})
    counts.new = len(new)
    counts.replaced = len(replaced)
    counts.failed = len(bad)
    counts.failures = [(i.path, r[0], r[1]) for i, r in bad]
    return counts


def _doc_values(info: FileInfo, doc: ParsedDocument, now: dt.datetime) -> dict:
    return {"sha256": info.sha256, "format": doc.format, "size": info.size, "parser_version": __version__,
            "parsed_at": now, "removed": False, "removed_at": None, "fingerprint": doc.fingerprint,
            "record_key": doc.record_key, "duplicate_of": None}


def _insert_records(conn: Connection, items: list[tuple[int, ParsedDocument]]) -> None:
    # the rows came from a worker and are used once: set the ids in place
    for doc_id, doc in items:
        doc.rows["campaign"]["id"] = doc.rows["campaign"]["document_id"] = doc_id
        for name in CHILD_TABLES:
            for row in doc.rows[name]:
                row["campaign_id"] = doc_id
    _bulk_insert(conn, _campaigns, [doc.rows["campaign"] for _, doc in items])
    for name in CHILD_TABLES:
        rows = [row for _, doc in items for row in doc.rows[name]]
        if rows:
            _bulk_insert(conn, TABLES[name], rows)


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


def _orphans(conn: Connection, ids: list[int]) -> list[tuple[int, Optional[str], Optional[str]]]:
    """Live documents linked as duplicates of ``ids`` (their link is cleared)."""
    found = []
    for chunk in _chunks(ids):
        q = (select(_docs.c.id, _docs.c.fingerprint, _docs.c.record_key)
             .where(_docs.c.duplicate_of.in_(chunk), ~_docs.c.id.in_(chunk), _docs.c.removed.is_(False)))
        found.extend(tuple(r) for r in conn.execute(q))
    for chunk in _chunks([f[0] for f in found]):
        conn.execute(update(_docs).where(_docs.c.id.in_(chunk)).values(duplicate_of=None))
    return found


def _link(conn: Connection, docs: list[tuple[int, Optional[str], Optional[str]]], orphans: set[int]) -> int:
    """Set ``duplicate_of`` for ``docs`` (id order); return how many new documents are duplicates."""
    mine = {d[0] for d in docs}
    by_fp: dict[str, int] = {}
    by_key: dict[str, int] = {}
    fps = sorted({d[1] for d in docs if d[1]})
    keys = sorted({d[2] for d in docs if d[2]})
    for part in _chunks(fps):
        _load_canonical(conn, _docs.c.fingerprint.in_(part), mine, by_fp, by_key)
    for part in _chunks(keys):
        _load_canonical(conn, _docs.c.record_key.in_(part), mine, by_fp, by_key)
    links = []
    for doc_id, fp, key in docs:
        target = (by_fp.get(fp) if fp else None) or (by_key.get(key) if key else None)
        if target is not None and target != doc_id:
            links.append({"b_id": doc_id, "dup": target})
        else:
            if fp:
                by_fp.setdefault(fp, doc_id)
            if key:
                by_key.setdefault(key, doc_id)
    if links:
        conn.execute(update(_docs).where(_docs.c.id == bindparam("b_id")).values(duplicate_of=bindparam("dup")),
                     links)
    return sum(1 for link in links if link["b_id"] not in orphans)


def _load_canonical(conn: Connection, cond, mine: set[int], by_fp: dict, by_key: dict) -> None:
    q = (select(_docs.c.id, _docs.c.fingerprint, _docs.c.record_key)
         .where(cond, _docs.c.duplicate_of.is_(None), _docs.c.removed.is_(False)).order_by(_docs.c.id))
    if len(mine) <= _CHUNK:
        q = q.where(_docs.c.id.not_in(mine))
    for doc_id, fp, key in conn.execute(q):
        if doc_id in mine:
            continue
        if fp:
            by_fp[fp] = min(by_fp.get(fp, doc_id), doc_id)
        if key:
            by_key[key] = min(by_key.get(key, doc_id), doc_id)


def mark_removed(engine: Engine, ids: list[int]) -> None:
    """Mark documents whose file is gone as removed; relink their duplicates. One transaction."""
    if not ids:
        return
    with engine.begin() as conn:
        orphans = _orphans(conn, ids)
        now = _now()
        for chunk in _chunks(ids):
            conn.execute(update(_docs).where(_docs.c.id.in_(chunk)).values(removed=True, removed_at=now))
        _link(conn, sorted(orphans), orphans={o[0] for o in orphans})


def forget_failures(engine: Engine, paths: list[str]) -> None:
    """Drop failure rows of files that are gone from the archive."""
    if not paths:
        return
    with engine.begin() as conn:
        for chunk in _chunks(paths):
            conn.execute(delete(_failures).where(_failures.c.path.in_(chunk)))
