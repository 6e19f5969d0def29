"""Scaling the build on PostgreSQL: local and Dask engines against plain parsing, in one run.

Archives of 10,000 and 30,000 text notices (100,000 instead of 30,000 with
``ANQUANYUE_BENCH_100K=1``) are generated from corpus/ with a line of their own per copy
(``bench_build.make_archive``). For each size, in fresh interpreters on the same number of
worker processes (one per core):

* plain parse: ``parse_file`` over every file in a process pool, results thrown away
  (measured before and after the builds; the faster run is the reference);
* local build: ``build_archive(engine="local")`` into an empty PostgreSQL schema;
* Dask build: ``build_archive(engine="dask", scheduler="local")``, a LocalCluster of one
  worker process per core (the scheduler runs inside the client process).

Reported: notices/s of each and build/parse ratios (goal >= 0.9: writing is not the
bottleneck), CPU per notice of the whole process tree (the basis of docs/scale-out.md),
the peak resident memory of the client process (must stay flat from the small to the large
archive), database bytes and rows per notice, the WAL PostgreSQL wrote and the CPU its
server processes used per notice (the server is shared with other work: upper bounds).
Needs ANQUANYUE_TEST_PG_URL; without it the benchmark prints one line and stops.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path

from .bench_build import _child, make_archive

PG_ENV = "ANQUANYUE_TEST_PG_URL"
SIZES = (10_000, 100_000) if os.environ.get("ANQUANYUE_BENCH_100K") == "1" else (10_000, 30_000)
#: Tables whose rows are counted per notice.
TABLES = ("documents", "campaigns", "deadlines", "contacts", "activities", "attachments", "references",
          "warnings", "failures")


def _pg():
    """(base URL, engine) of the benchmark server, or None when there is none."""
    url = os.environ.get(PG_ENV)
    if not url:
        return None
    from sqlalchemy import create_engine, text

    from anquanyue_parse.store.db_schema import normalize_url

    base = normalize_url(url)
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any reason the server cannot be reached
        engine.dispose()
        return f"the server at {PG_ENV} is unreachable ({str(exc).splitlines()[0][:100]})"
    return base, engine


def _postgres_cpu() -> float:
    """CPU seconds used so far by the processes named postgres that /proc lets us read."""
    tick, total = os.sysconf("SC_CLK_TCK"), 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                name, rest = f.read().split(") ", 1)
            if name.endswith("(postgres"):
                fields = rest.split()
                total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, ValueError, IndexError):
            continue
    return total / tick


class _Schema:
    """An empty schema of its own for one build; size and rows are read from it, then it is dropped."""

    def __init__(self, base: str, engine):
        self.name, self.engine = f"bench_scale_{uuid.uuid4().hex[:10]}", engine
        sep = "&" if "?" in base else "?"
        self.url = f"{base}{sep}options=-csearch_path%3D{self.name}"

    def __enter__(self) -> "_Schema":
        self._exec(f'CREATE SCHEMA "{self.name}"')
        return self

    def __exit__(self, *exc) -> None:
        self._exec(f'DROP SCHEMA "{self.name}" CASCADE')

    def _exec(self, sql: str, **params):
        from sqlalchemy import text

        with self.engine.connect() as conn:
            result = conn.execute(text(sql), params)
            return result.scalar() if result.returns_rows else None

    def wal(self) -> int:
        return int(self._exec("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')"))

    def size(self) -> tuple[int, int]:
        """(bytes of tables, indexes and TOAST; rows in every table) of this schema."""
        size = self._exec("SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                          "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = :s AND c.relkind = 'r'",
                          s=self.name)
        rows = sum(self._exec(f'SELECT count(*) FROM "{self.name}"."{t}"') for t in TABLES)
        return int(size), int(rows)


def _build(engine_name: str, folder: Path, base: str, pg, jobs: int, tmp: Path) -> dict:
    with _Schema(base, pg) as schema:
        wal0, cpu0 = schema.wal(), _postgres_cpu()
        out = _child("build", folder, schema.url, jobs, tmp, engine_name)
        out["wal"], out["pg_cpu"] = schema.wal() - wal0, _postgres_cpu() - cpu0
        out["db_bytes"], out["rows"] = schema.size()
    return out


def run():
    pg = _pg()
    if pg is None:
        yield f"skipped: {PG_ENV} not set (a PostgreSQL server is needed; .ci/run starts one)"
        return
    if isinstance(pg, str):
        yield f"skipped: {pg}"
        return
    base, engine = pg
    jobs = os.cpu_count() or 1
    load = os.getloadavg()[0]
    yield (f"{jobs} worker processes, PostgreSQL at {engine.url.host}; load average {load:.1f} at the start "
           "(a shared machine: only ratios within this run mean something)")
    memory = {}
    try:
        for n in SIZES:
            with tempfile.TemporaryDirectory(prefix="anquanyue-scale-") as tmp:
                tmp = Path(tmp)
                folder = tmp / "archive"
                make_archive(folder, n)
                url = f"sqlite:///{tmp / 'unused.sqlite'}"
                parses = [_child("parse", folder, url, jobs, tmp)]
                local = _build("local", folder, base, engine, jobs, tmp)
                dask = _build("dask", folder, base, engine, jobs, tmp)
                parses.append(_child("parse", folder, url, jobs, tmp))
            parse = min(parses, key=lambda x: x["seconds"])
            p_rate = parse["files"] / parse["seconds"]
            slower = max(x["seconds"] for x in parses) / parse["seconds"]
            yield (f"{n:>7,} notices: plain parse {p_rate:,.0f}/s (the other parse run {slower:.2f}x slower: "
                   f"the machine's noise), parse CPU {parse['tree_cpu'] / n * 1000:.2f} ms per notice")
            for name, b in (("local", local), ("dask", dask)):
                rate = b["files"] / b["seconds"]
                yield (f"{n:>7,} notices: {name:<5} build {rate:,.0f}/s -> build/parse {rate / p_rate:.2f} "
                       f"(goal >= 0.9); CPU {b['tree_cpu'] / n * 1000:.2f} ms per notice (client "
                       f"{b['main_cpu'] / n * 1000:.2f}), PostgreSQL CPU {b['pg_cpu'] / n * 1000:.2f} ms; "
                       f"client peak {b['rss_main_mb']:.0f} MB, tree {b['rss_tree_mb']:.0f} MB; "
                       f"{b['failed']} failed, {b['duplicates']:,} duplicates")
                memory.setdefault(name, []).append(b["rss_main_mb"])
            same = "the same" if local["summary"] == dask["summary"] else "DIFFERENT"
            db = local
            yield (f"{n:>7,} notices: database {db['db_bytes'] / n / 1024:.1f} KB and {db['rows'] / n:.1f} rows "
                   f"per notice ({db['db_bytes'] / 1e6:,.0f} MB), WAL {db['wal'] / n / 1024:.1f} KB per notice; "
                   f"write rate at the local build's pace {db['rows'] / db['seconds']:,.0f} rows/s, "
                   f"{db['wal'] / db['seconds'] / 1e6:.1f} MB/s WAL; dask summary {same} as local")
            if same != "the same":
                yield "  local: " + " | ".join(local["summary"])
                yield "  dask:  " + " | ".join(dask["summary"])
    finally:
        engine.dispose()
    small, large = SIZES
    for name, peaks in memory.items():
        if len(peaks) == 2:
            yield (f"client peak memory, {name}: {peaks[0]:.0f} MB at {small:,} -> {peaks[1]:.0f} MB at {large:,} "
                   f"notices ({peaks[1] / peaks[0]:.2f}x for {large / small:.0f}x the archive; flat is the goal)")
