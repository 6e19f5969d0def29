"""The campaign database schema (SQLAlchemy Core), URLs, engines and schema versions.

One schema for SQLite and PostgreSQL. Tables:

* ``documents``: one row per file seen (path, sha256, format, size, parser version,
  parsed at, removed flag, content fingerprint, ``duplicate_of`` link to the first copy).
* ``campaigns``: one row per parsed document with the scalar fields and the whole
  record as zlib-compressed UTF-8 JSON (``record_zlib``, lossless, about 3.5× smaller
  than the JSON). ``campaigns.id`` equals ``documents.id``.
* child tables keyed by ``(campaign_id, position)``: ``deadlines``, ``contacts``,
  ``attachments``, ``references`` (quote it in SQL: ``"references"``), ``warnings``;
  ``activities`` keyed by ``(campaign_id, seq)`` where ``seq`` is the pre-order index
  of the activity tree and ``parent_seq`` the ``seq`` of its parent in the same notice.
* ``failures``: files that could not be parsed (path, error type, message).
* ``schema_info``: ``schema_version`` and the package version that created the file.
* the view ``live_campaigns``: the campaigns of live first copies (no removed file, no
  duplicate), with ``campaign_id``, ``path`` and ``format``; what a query should read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    text,
    event,
    inspect,
    select,
)
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from ..errors import DatabaseError
from ..fields import RECORD_COLUMNS
from ..version import __version__

__all__ = [
    "SCHEMA_VERSION",
    "MIGRATIONS",
    "metadata",
    "TABLES",
    "CHILD_TABLES",
    "normalize_url",
    "make_engine",
    "sqlite_path",
    "ensure_schema",
    "schema_version",
    "error_line",
    "LIVE_VIEW",
    "live_view_columns",
    "ensure_live_view",
    "add_record_columns",
    "COLUMN_TYPES",
]

#: Bump when the tables change, and add the step from the previous version to MIGRATIONS.
#: v2: campaigns.record_json (text) became record_zlib (zlib-compressed JSON).
#: v3: campaigns.issuers (every issuing body), published (a page's publication date), doc_kind.
SCHEMA_VERSION = 3

metadata = MetaData()

#: SQL type of each record column kind (fields.py); lists are joined with db_rows.LIST_SEPARATOR.
COLUMN_TYPES = {"text": Text, "int": Integer, "date": Date, "list": Text}

schema_info = Table(
    "schema_info", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("path", Text, nullable=False, unique=True),
    Column("sha256", String(64), nullable=False),
    Column("format", Text),
    Column("size", BigInteger, nullable=False),
    Column("parser_version", Text, nullable=False),
    Column("parsed_at", DateTime, nullable=False),
    Column("removed", Boolean, nullable=False, default=False),
    Column("removed_at", DateTime),
    # sha256 of the letters and digits of the text: the same notice in another format
    Column("fingerprint", String(64)),
    # sha256 of doc_number + title + issue_date when all three are known: a forwarded copy
    Column("record_key", String(64)),
    Column("duplicate_of", Integer, ForeignKey("documents.id", ondelete="SET NULL")),
    # with duplicate_of: finding the first copy reads one index entry, not every copy. No index
    # on duplicate_of alone: SQLite (without statistics) would pick it and read every first copy.
    Index("ix_documents_fingerprint", "fingerprint", "duplicate_of"),
    Index("ix_documents_record_key", "record_key", "duplicate_of"),
)

campaigns = Table(
    "campaigns", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"),
           nullable=False, unique=True),
    *(Column(c.name, COLUMN_TYPES[c.kind]) for c in RECORD_COLUMNS),  # fields.py: one column per record field
    Column("record_zlib", LargeBinary, nullable=False),  # zlib of the record's JSON (db_rows.pack_record)
    Index("ix_campaigns_year", "year"),
    Index("ix_campaigns_issuer", "issuer"),
    Index("ix_campaigns_theme", "theme"),
)


def _campaign_fk() -> Column:
    return Column("campaign_id", Integer, ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True)


def _span_columns() -> list[Column]:
    return [Column("span_start", Integer), Column("span_end", Integer), Column("page", Integer)]


deadlines = Table(
    "deadlines", metadata, _campaign_fk(),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("date", Date),
    Column("time", Text),
    Column("recurrence", Text),
    Column("action", Text),
    Column("text", Text),
    *_span_columns(),
)

contacts = Table(
    "contacts", metadata, _campaign_fk(),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("name", Text),
    Column("phones", Text),  # lists are joined with "; "
    Column("fax", Text),
    Column("emails", Text),
    Column("address", Text),
    Column("postcode", Text),
    Column("organization", Text),
    *_span_columns(),
)

activities = Table(
    "activities", metadata, _campaign_fk(),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("parent_seq", Integer),  # seq of the parent activity in the same notice; NULL at the top
    Column("depth", Integer, nullable=False),  # 0 for top-level items
    Column("position", Integer, nullable=False),  # 0-based among its siblings
    Column("number", Text),
    Column("title", Text, nullable=False),
    Column("text", Text),
    Column("responsible", Text),
    Column("dates", Text),  # ISO dates joined with "; "
    *_span_columns(),
)

attachments = Table(
    "attachments", metadata, _campaign_fk(),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("number", Integer),  # the 附件 number; NULL for a single unnumbered attachment
    Column("title", Text, nullable=False),
    *_span_columns(),
)

references = Table(
    "references", metadata, _campaign_fk(),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("doc_number", Text, nullable=False),
)

warnings = Table(
    "warnings", metadata, _campaign_fk(),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("message", Text, nullable=False),
)

failures = Table(
    "failures", metadata,
    Column("path", Text, primary_key=True),
    Column("sha256", String(64)),
    Column("error_type", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("failed_at", DateTime, nullable=False),
)

#: The tables a reader may ask for by name.
TABLES: dict[str, Table] = {t.name: t for t in metadata.sorted_tables if t.name != "schema_info"}
#: Tables holding the items of a notice, in insert order.
CHILD_TABLES = ("deadlines", "contacts", "activities", "attachments", "references", "warnings")


#: The view of live first copies: what ``query`` examples and readers use.
LIVE_VIEW = "live_campaigns"


def live_view_columns() -> list[str]:
    """Columns of ``live_campaigns``: campaign_id, document_id, path, format, then the campaign's
    scalar columns (the compressed record left out)."""
    own = [c.name for c in campaigns.columns if c.name not in ("id", "document_id", "record_zlib")]
    return ["campaign_id", "document_id", "path", "format"] + own


def _live_view_sql(dialect: str) -> str:
    cols = ", ".join(["c.id AS campaign_id", "c.document_id", "d.path", "d.format"]
                     + [f"c.{n}" for n in live_view_columns()[4:]])
    create = "CREATE OR REPLACE VIEW" if dialect == "postgresql" else "CREATE VIEW IF NOT EXISTS"
    return (f"{create} {LIVE_VIEW} AS SELECT {cols} FROM campaigns c JOIN documents d ON d.id = c.document_id "
            "WHERE NOT d.removed AND d.duplicate_of IS NULL")


def ensure_live_view(conn: Connection) -> None:
    """Create ``live_campaigns``, or recreate it when its columns differ from the campaigns
    table's (an upgrade added one); a view already right is left alone (no write)."""
    insp = inspect(conn)
    if LIVE_VIEW in insp.get_view_names():
        if [c["name"] for c in insp.get_columns(LIVE_VIEW)] == live_view_columns():
            return
        conn.execute(text(f"DROP VIEW {LIVE_VIEW}"))
    conn.execute(text(_live_view_sql(conn.dialect.name)))


def add_record_columns(conn: Connection) -> list[str]:
    """Add the columns of record fields (fields.py) an existing database lacks, e.g. after a
    field was added to the model; old rows keep them NULL until their files are parsed again
    (a new parser version re-parses them). Returns the names added."""
    have = {c["name"] for c in inspect(conn).get_columns("campaigns")}
    added = []
    for c in RECORD_COLUMNS:
        if c.name not in have:
            kind = COLUMN_TYPES[c.kind]().compile(dialect=conn.dialect)
            conn.execute(text(f"ALTER TABLE campaigns ADD COLUMN {c.name} {kind}"))
            added.append(c.name)
    return added


def _v1_to_v2(conn: Connection) -> None:
    """record_json (text) -> record_zlib (zlib-compressed JSON), 500 rows at a time."""
    import zlib

    blob = "BYTEA" if conn.dialect.name == "postgresql" else "BLOB"
    conn.execute(text(f"ALTER TABLE campaigns ADD COLUMN record_zlib {blob}"))
    last = -1
    while rows := conn.execute(text("SELECT id, record_json FROM campaigns WHERE id > :last ORDER BY id LIMIT 500"),
                               {"last": last}).fetchall():
        conn.execute(text("UPDATE campaigns SET record_zlib = :z WHERE id = :i"),
                     [{"i": i, "z": zlib.compress(raw.encode("utf-8"))} for i, raw in rows])
        last = rows[-1][0]
    conn.execute(text("ALTER TABLE campaigns DROP COLUMN record_json"))


def _v2_to_v3(conn: Connection) -> None:
    """The issue-9 columns; old rows keep them empty until their files are parsed again."""
    for name, kind in (("issuers", "TEXT"), ("doc_kind", "TEXT"), ("published", "DATE")):
        conn.execute(text(f"ALTER TABLE campaigns ADD COLUMN {name} {kind}"))


#: Upgrade steps: MIGRATIONS[v] turns a schema-v database into schema v+1 (inside one transaction).
MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1_to_v2, 2: _v2_to_v3}


# -- URLs and engines ---------------------------------------------------------------------

def normalize_url(url: str) -> str:
    """A SQLAlchemy URL: ``postgresql://`` and ``postgres://`` use psycopg (v3); a bare path is SQLite.

    >>> normalize_url("postgresql://u@h/db")
    'postgresql+psycopg://u@h/db'
    >>> normalize_url("campaigns.sqlite")
    'sqlite:///campaigns.sqlite'
    """
    url = str(url).strip()
    if "://" not in url and url != "sqlite:":
        return f"sqlite:///{url}"
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain):]
    return url


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL, or None for another backend or an in-memory database."""
    u = make_url(normalize_url(url))
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=60000")
    # WAL: readers never block the writer; NORMAL sync is durable at every checkpoint
    # and never corrupts the file on a crash (only the last commits may be lost).
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; raises DatabaseError for a URL we cannot use."""
    url = normalize_url(url)
    try:
        u = make_url(url)
        backend = u.get_backend_name()
        if backend == "sqlite":
            engine = create_engine(url, connect_args={"timeout": 60})
            event.listen(engine, "connect", _sqlite_pragmas)
        elif backend == "postgresql":
            engine = create_engine(url, pool_pre_ping=True)
        else:
            raise DatabaseError(f"unsupported database {backend!r}: use sqlite:///FILE or postgresql://…")
    except ArgumentError as exc:
        raise DatabaseError(f"not a database URL: {url!r} ({exc})") from exc
    except ImportError as exc:
        raise DatabaseError(f"the database driver is not installed ({exc}): "
                            "pip install 'anquanyue_parse[postgres]'") from exc
    return engine


# -- versions -----------------------------------------------------------------------------

def schema_version(conn: Connection) -> int | None:
    """The schema version recorded in the database, None if it has no schema_info table."""
    if not inspect(conn).has_table("schema_info"):
        return None
    value = conn.execute(select(schema_info.c.value).where(schema_info.c.key == "schema_version")).scalar()
    if value is None or not str(value).isdigit():
        raise DatabaseError(f"the schema_info table holds no valid schema_version ({value!r})")
    return int(value)


def ensure_schema(engine: Engine, create: bool) -> int:
    """Check (and create or upgrade) the schema; return the version in force.

    Raises DatabaseError when the database is empty and ``create`` is false, belongs to
    something else, was written by a newer version, or is too old to upgrade in place.
    """
    where = engine.url.render_as_string(hide_password=True)
    try:
        with engine.begin() as conn:
            version = schema_version(conn)
            if version is None:
                other = [t for t in inspect(conn).get_table_names() if not t.startswith("sqlite_")]
                if other:
                    raise DatabaseError(
                        f"{where} is not a campaign database (tables {', '.join(sorted(other)[:5])} "
                        "but no schema_info): use another database URL")
                if not create:
                    raise DatabaseError(f"{where} holds no campaign database: "
                                        "build one first with `anquanyue-parse build ARCHIVE_DIR --db URL`")
                metadata.create_all(conn)
                ensure_live_view(conn)
                conn.execute(schema_info.insert(), [
                    {"key": "schema_version", "value": str(SCHEMA_VERSION)},
                    {"key": "created_by", "value": f"anquanyue_parse {__version__}"},
                ])
                return SCHEMA_VERSION
            if version > SCHEMA_VERSION:
                raise DatabaseError(
                    f"{where} has schema v{version}, written by a newer anquanyue_parse; this version "
                    f"({__version__}) reads v{SCHEMA_VERSION}: upgrade the package")
            if version < SCHEMA_VERSION:
                missing = [v for v in range(version, SCHEMA_VERSION) if v not in MIGRATIONS]
                if missing:
                    raise DatabaseError(
                        f"{where} has schema v{version} and there is no upgrade from v{missing[0]} to "
                        f"v{missing[0] + 1}: build a new database from the archive (another --db URL)")
                conn.execute(text(f"DROP VIEW IF EXISTS {LIVE_VIEW}"))  # SQLite cannot drop a column a view reads
                for v in range(version, SCHEMA_VERSION):
                    MIGRATIONS[v](conn)
                conn.execute(schema_info.update().where(schema_info.c.key == "schema_version")
                             .values(value=str(SCHEMA_VERSION)))
            add_record_columns(conn)
            ensure_live_view(conn)
            return SCHEMA_VERSION
    except DatabaseError:
        raise
    except SQLAlchemyError as exc:
        raise DatabaseError(f"cannot open {where}: {error_line(exc)}") from exc


def error_line(exc: BaseException) -> str:
    """The first line of a database error, without SQLAlchemy's statement dump."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
