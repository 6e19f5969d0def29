"""Planning a build, one batch of names at a time: what to parse, which ids to use, what is gone.

The planner holds one database connection for the build and a temporary table of the
names seen so far (``build_seen``), so it never keeps the archive's list in memory:

* ``plan(names)``: looks up the ``documents`` and ``failures`` rows of these names and
  returns a :class:`~anquanyue_parse.store.db_write.FileInfo` per new name, with its existing
  id or one reserved for it (ids above the largest in use; the build lock keeps them ours);
* ``gone()``: live documents under the inputs' root that were not seen;
* ``stale_failures()``: failure rows under the root that were not seen;
* ``totals()``: duplicates among the names seen, campaigns per year in the whole database.
"""

from __future__ import annotations

from typing import Optional

from sqlalchemy import Column, MetaData, Table, Text, func, select, text
from sqlalchemy.engine import Connection

from .db_schema import TABLES
from .db_write import FileInfo
from .inputs import Inputs
from ..version import __version__

__all__ = ["Planner"]

_docs, _fails, _camps = TABLES["documents"], TABLES["failures"], TABLES["campaigns"]

#: The names seen by this build (a temporary table: private to the planner's connection).
_seen = Table("build_seen", MetaData(), Column("path", Text, primary_key=True), prefixes=["TEMPORARY"])

_YIELD = 5000


class Planner:
    def __init__(self, conn: Connection, inputs: Inputs):
        self.conn, self.inputs = conn, inputs
        conn.execute(text("DROP TABLE IF EXISTS build_seen"))  # left on a pooled connection by a failed build
        _seen.create(conn)
        self.next_id = (conn.execute(select(func.max(_docs.c.id))).scalar() or 0) + 1
        conn.commit()
        self.seen = 0

    def plan(self, names: list[str]) -> list[FileInfo]:
        names = list(dict.fromkeys(names))  # a list file may name a file twice
        conn = self.conn
        again = {p for (p,) in conn.execute(select(_seen.c.path).where(_seen.c.path.in_(names)))}
        names = [n for n in names if n not in again]
        if not names:
            conn.commit()
            return []
        known = {p: (i, s, v, r) for i, p, s, v, r in conn.execute(
            select(_docs.c.id, _docs.c.path, _docs.c.sha256, _docs.c.parser_version, _docs.c.removed)
            .where(_docs.c.path.in_(names)))}
        failed = {p for (p,) in conn.execute(select(_fails.c.path).where(_fails.c.path.in_(names)))}
        conn.execute(_seen.insert(), [{"path": n} for n in names])
        conn.commit()
        self.seen += len(names)
        files = []
        for name in names:
            old = known.get(name)
            if old is None:
                files.append(FileInfo(name, self._reserve(), False, None, name in failed))
                continue
            doc_id, sha, version, removed = old
            current = version == __version__ and not removed and name not in failed
            files.append(FileInfo(name, doc_id, True, sha if current else None, name in failed))
        return files

    def _reserve(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def _unseen(self, column, table) -> list:
        if self.inputs.root is None:
            return []
        unseen = ~select(_seen.c.path).where(_seen.c.path == table.c.path).exists()
        q = select(column, table.c.path).where(unseen)
        if table is _docs:
            q = q.where(_docs.c.removed.is_(False))
        rows = self.conn.execute(q, execution_options={"yield_per": _YIELD})
        found = [value for value, path in rows if self.inputs.contains(path)]
        self.conn.commit()
        return found

    def gone(self) -> list[int]:
        return self._unseen(_docs.c.id, _docs)

    def stale_failures(self) -> list[str]:
        return sorted(self._unseen(_fails.c.path, _fails))

    def finish(self) -> None:
        """After the workers: keep PostgreSQL's id sequence above the ids reserved here."""
        if self.conn.dialect.name == "postgresql":
            self.conn.execute(text("SELECT setval(pg_get_serial_sequence('documents', 'id'), "
                                   "GREATEST((SELECT max(id) FROM documents), 1))"))
            self.conn.commit()

    def totals(self) -> tuple[int, list[tuple[Optional[int], int]]]:
        """(duplicates among the names seen, campaigns per year in the whole database)."""
        conn = self.conn
        live = _docs.c.removed.is_(False)
        dups = conn.execute(select(func.count()).select_from(_docs.join(_seen, _seen.c.path == _docs.c.path))
                            .where(live, _docs.c.duplicate_of.is_not(None))).scalar()
        q = (select(_camps.c.year, func.count()).select_from(_camps.join(_docs, _docs.c.id == _camps.c.document_id))
             .where(live, _docs.c.duplicate_of.is_(None)).group_by(_camps.c.year))
        years = sorted(((y, n) for y, n in conn.execute(q)), key=lambda r: (r[0] is None, r[0] or 0))
        conn.execute(text("DROP TABLE build_seen"))
        conn.commit()
        return dups, years
