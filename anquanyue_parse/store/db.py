"""Reading the campaign database back: DataFrames, records, export, read-only SQL.

>>> from anquanyue_parse import open_database, load_campaigns
>>> df = load_campaigns("sqlite:///campaigns.sqlite")          # doctest: +SKIP
>>> df.groupby("year").size()                                 # doctest: +SKIP

Every reader leaves out removed documents and duplicates (a second copy of a notice),
except ``load_table(db, "documents")`` and ``"failures"``, which show every row.
The database is written by :func:`anquanyue_parse.store.archive.build_archive`. Every loader takes
a URL, a SQLite path, an open :class:`Database` or a SQLAlchemy ``Engine``; in SQL, the view
``live_campaigns`` holds the same rows as ``load_campaigns``.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional, TextIO, Union

from sqlalchemy import Date, DateTime, Integer, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from ..fields import column_names
from .db_rows import unpack_record
from .db_schema import CHILD_TABLES, TABLES, ensure_schema, error_line, make_engine, normalize_url, sqlite_path
from ..errors import DatabaseError, QueryRefused, UsageError
from ..models import Campaign

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Database", "open_database", "load_campaigns", "load_table", "load_records", "TABLE_NAMES"]

#: Names ``load_table`` accepts.
TABLE_NAMES = ("campaigns",) + CHILD_TABLES + ("documents", "failures")

#: Columns of ``load_campaigns`` in order (the stored record is left out; see ``load_records``).
CAMPAIGN_COLUMNS = ("campaign_id", "document_id", "path", "format") + tuple(column_names())

#: A read-only statement: starts with SELECT, WITH, VALUES or EXPLAIN (after comments).
READ_ONLY_START = re.compile(r"^\s*(?:select|with|values|explain)\b", re.IGNORECASE)
#: SQL comments, stripped before the checks: "-- note" and "/* note */".
SQL_COMMENT = re.compile(r"--[^\n]*|/\*.*?\*/", re.DOTALL)
#: Words that write, even inside a WITH (PostgreSQL allows "WITH x AS (DELETE …) SELECT").
WRITE_WORD = re.compile(r"\b(?:insert|update|delete|drop|alter|create|truncate|attach|detach|"
                        r"pragma|vacuum|reindex|grant|revoke|copy|merge|call)\b", re.IGNORECASE)
#: String literals and quoted names, blanked out before looking for write words.
SQL_QUOTED = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"")


class Database:
    """An open campaign database. Use as a context manager or call ``close()``."""

    def __init__(self, url: str, engine: Engine):
        self.url = url
        self.engine = engine

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Database({self.engine.url.render_as_string(hide_password=True)!r})"

    # -- DataFrames --------------------------------------------------------------------

    def campaigns(self) -> "pd.DataFrame":
        """One row per notice (first copies of live documents), ordered by path."""
        c, d = TABLES["campaigns"], TABLES["documents"]
        q = (select(c.c.id.label("campaign_id"), c.c.document_id, d.c.path, d.c.format,
                    *[c.c[name] for name in CAMPAIGN_COLUMNS[4:]])
             .select_from(c.join(d, d.c.id == c.c.document_id))
             .where(d.c.removed.is_(False), d.c.duplicate_of.is_(None)).order_by(d.c.path))
        return self._frame(q, list(CAMPAIGN_COLUMNS))

    def table(self, name: str) -> "pd.DataFrame":
        """A table by name (see TABLE_NAMES); child tables carry document_id and path too."""
        if name == "campaigns":
            return self.campaigns()
        if name not in TABLE_NAMES:
            raise DatabaseError(f"no table {name!r}: choose one of {', '.join(TABLE_NAMES)}")
        t = TABLES[name]
        if name in ("documents", "failures"):
            order = t.c.id if name == "documents" else t.c.path
            return self._frame(select(t).order_by(order), [col.name for col in t.columns])
        d = TABLES["documents"]
        key = t.c.seq if name == "activities" else t.c.position
        q = (select(t, d.c.path).select_from(t.join(d, d.c.id == t.c.campaign_id))
             .where(d.c.removed.is_(False), d.c.duplicate_of.is_(None)).order_by(d.c.path, key))
        return self._frame(q, [col.name for col in t.columns] + ["path"])

    def records(self) -> list[Campaign]:
        """The full records (lossless, from the stored JSON), ordered by path."""
        return [Campaign.model_validate_json(raw) for raw in self.record_json()]

    def record_json(self):
        """The stored JSON of every record, one string per notice, ordered by path."""
        c, d = TABLES["campaigns"], TABLES["documents"]
        q = (select(c.c.record_zlib).select_from(c.join(d, d.c.id == c.c.document_id))
             .where(d.c.removed.is_(False), d.c.duplicate_of.is_(None)).order_by(d.c.path))
        with self._connect() as conn:
            for (raw,) in conn.execution_options(yield_per=500).execute(q):
                yield unpack_record(raw)

    # -- read-only SQL -----------------------------------------------------------------

    def query(self, sql: str) -> "pd.DataFrame":
        """Run one read-only statement (SELECT/WITH …) and return its rows.

        Raises DatabaseError for anything that could write; the statement also runs in a
        read-only transaction (PostgreSQL) or with ``query_only`` on (SQLite).
        """
        import pandas as pd

        stmt = check_read_only(sql)
        backend = self.engine.url.get_backend_name()
        try:
            with self.engine.connect() as conn:
                if backend == "sqlite":
                    conn.exec_driver_sql("PRAGMA query_only = ON")
                elif backend == "postgresql":
                    conn.exec_driver_sql("SET TRANSACTION READ ONLY")
                try:
                    if self.engine.dialect.paramstyle in ("format", "pyformat"):
                        stmt = stmt.replace("%", "%%")  # psycopg reads % as a placeholder
                    result = conn.exec_driver_sql(stmt)
                    frame = pd.DataFrame(result.fetchall(), columns=list(result.keys())).convert_dtypes()
                finally:
                    conn.rollback()
                    if backend == "sqlite":
                        conn.exec_driver_sql("PRAGMA query_only = OFF")
        except SQLAlchemyError as exc:
            raise DatabaseError(f"query failed: {error_line(exc)}") from exc
        return frame

    # -- export ------------------------------------------------------------------------

    def export(self, fmt: str, output: Optional[str] = None, stream: Optional[TextIO] = None) -> list[str]:
        """Write the database as ``jsonl`` (records, to a file or ``stream``), or ``csv`` /
        ``parquet`` (one file per table in the folder ``output``; csv without ``output``: the
        campaigns table to ``stream``, default stdout). Return the paths written."""
        if fmt == "jsonl":
            if output is None:
                self._write_jsonl(stream or sys.stdout)
                return []
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            with open(output, "w", encoding="utf-8") as f:
                self._write_jsonl(f)
            return [str(output)]
        if fmt not in ("csv", "parquet"):
            raise DatabaseError(f"unknown export format {fmt!r}: jsonl, csv or parquet")
        if output is None and fmt == "csv":
            self.campaigns().to_csv(stream or sys.stdout, index=False)
            return []
        if output is None:
            raise UsageError("--format parquet writes one file per table: give a folder with -o")
        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name in TABLE_NAMES:
            frame = self.table(name)
            path = folder / f"{name}.{fmt}"
            if fmt == "csv":
                frame.to_csv(path, index=False)
            else:
                try:
                    frame.to_parquet(path, index=False)
                except ImportError as exc:
                    raise DatabaseError("parquet export needs pyarrow: pip install 'anquanyue_parse[parquet]'") from exc
            written.append(str(path))
        return written

    def _write_jsonl(self, out: TextIO) -> None:
        for raw in self.record_json():
            out.write(raw)
            out.write("\n")

    # -- helpers -----------------------------------------------------------------------

    def _connect(self):
        try:
            return self.engine.connect()
        except SQLAlchemyError as exc:
            raise DatabaseError(f"cannot connect: {error_line(exc)}") from exc

    def _frame(self, q, columns: list[str]) -> "pd.DataFrame":
        import pandas as pd

        try:
            with self._connect() as conn:
                rows = conn.execute(q).fetchall()
        except SQLAlchemyError as exc:
            raise DatabaseError(f"cannot read the database: {error_line(exc)}") from exc
        frame = pd.DataFrame(rows, columns=columns)
        for name, col in zip(columns, q.selected_columns):
            if isinstance(col.type, (Date, DateTime)):
                frame[name] = pd.to_datetime(frame[name])
            elif isinstance(col.type, Integer):
                frame[name] = frame[name].astype("Int64")
        return frame


def check_read_only(sql: str) -> str:
    """The statement if it is one read-only query, else DatabaseError."""
    bare = SQL_COMMENT.sub(" ", sql).strip().rstrip(";").strip()
    if not bare:
        raise QueryRefused("empty query")
    unquoted = SQL_QUOTED.sub("''", bare)
    if ";" in unquoted:
        raise QueryRefused("one statement at a time: the query holds a ';'")
    if not READ_ONLY_START.match(unquoted):
        raise QueryRefused("read-only: only SELECT (or WITH … SELECT) queries are allowed")
    word = WRITE_WORD.search(unquoted)
    if word:
        raise QueryRefused(f"read-only: the query contains {word.group(0).upper()!r}")
    return bare


def open_database(url: str, *, create: bool = False) -> Database:
    """Open the campaign database at ``url`` (``sqlite:///FILE``, a file path, or ``postgresql://…``).

    An older schema is upgraded; a database that is missing (unless ``create``), foreign,
    newer than this package or too old to upgrade raises DatabaseError saying why.
    """
    url = normalize_url(url)
    db_file = sqlite_path(url)
    if db_file is not None and not create and not db_file.exists():
        raise DatabaseError(f"no database file {db_file}: build one first with "
                            f"`anquanyue-parse build ARCHIVE_DIR --db {url}`")
    engine = make_engine(url)
    try:
        ensure_schema(engine, create=create)
    except Exception:
        engine.dispose()
        raise
    return Database(url, engine)


UrlOrDb = Union[str, os.PathLike, Database, Engine]


def _with_db(url_or_db: UrlOrDb, fn):
    if isinstance(url_or_db, Database):
        return fn(url_or_db)
    if isinstance(url_or_db, Engine):  # the caller's engine: checked, used, not disposed
        ensure_schema(url_or_db, create=False)
        return fn(Database(url_or_db.url.render_as_string(hide_password=False), url_or_db))
    with open_database(str(url_or_db)) as db:
        return fn(db)


def load_campaigns(url_or_db: UrlOrDb) -> "pd.DataFrame":
    """One row per notice: campaign_id, document_id, path, doc_number, issuer, title, issue_date,
    year, edition, theme, period_start, period_end, … (duplicates and removed files excluded)."""
    return _with_db(url_or_db, Database.campaigns)


def load_table(url_or_db: UrlOrDb, name: str) -> "pd.DataFrame":
    """A table as a DataFrame: deadlines, contacts, activities, attachments, references,
    warnings (of the notices load_campaigns returns), documents or failures (every row)."""
    return _with_db(url_or_db, lambda db: db.table(name))


def load_records(url_or_db: UrlOrDb) -> list[Campaign]:
    """Every notice as the Campaign the parser produced (lossless), ordered by path."""
    return _with_db(url_or_db, Database.records)


#: Output formats of :func:`format_frame` (``query --format``).
FRAME_FORMATS = ("table", "csv", "json", "jsonl")


def format_frame(frame: "pd.DataFrame", fmt: str = "table") -> str:
    """A query result as text: an aligned ``table``, ``csv`` with a header, ``json`` (an array
    of objects) or ``jsonl`` (one object a line); dates in ISO form, missing values null."""
    import json

    if fmt == "table":
        return dumps_frame(frame) + "\n"
    if fmt == "csv":
        return frame.to_csv(index=False)
    if fmt not in ("json", "jsonl"):
        raise UsageError(f"unknown output format {fmt!r}: {', '.join(FRAME_FORMATS)}")
    rows = json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False))
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def dumps_frame(frame: "pd.DataFrame") -> str:
    """A DataFrame as an aligned text table (CJK characters count double)."""
    import pandas as pd

    if frame.empty:
        return ("\t".join(frame.columns) + "\n" if len(frame.columns) else "") + "(0 rows)"
    with pd.option_context("display.unicode.east_asian_width", True, "display.max_rows", None,
                           "display.max_columns", None, "display.width", 10_000, "display.max_colwidth", 80):
        return frame.to_string(index=False) + f"\n({len(frame)} rows)"

