"""Build the campaign database from an archive folder: walk, parse in parallel, write, summarise.

>>> summary = build_archive("corpus/", "sqlite:///campaigns.sqlite")   # doctest: +SKIP
>>> print(summary.render())                                            # doctest: +SKIP

Worker processes parse the files (``parse_file``) and turn each record into rows; the
main process only hashes files, writes rows (``db_write``) and reports progress. A file
whose content hash and parser version are unchanged is skipped; a changed file replaces
its rows; a file gone from the folder is marked removed. See ``db_write`` for transactions
and duplicates, ``db_lock`` for two builds at once.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional, TextIO

from .db_rows import ParsedDocument
from .errors import FileAccessError
from .loaders import SUPPORTED_SUFFIXES
from .pipeline import parse_file

__all__ = ["build_archive", "iter_archive", "BuildSummary", "DEFAULT_DB"]

DEFAULT_DB = "sqlite:///campaigns.sqlite"

#: Longest error message kept for the failures table.
MAX_MESSAGE = 2000

#: Plain progress lines are printed at most this often (seconds) when not on a terminal.
LOG_EVERY = 5.0


# -- walk ---------------------------------------------------------------------------------

def _wanted(name: str) -> bool:
    if name.startswith((".", "~$")):  # hidden files, office lock files (~$notice.docx)
        return False
    stem, suffix = os.path.splitext(name)
    if stem.lower() == "readme":  # describes the archive, is not a notice
        return False
    suffix = suffix.lower()
    return suffix != ".json" and suffix in SUPPORTED_SUFFIXES  # *.json: gold files beside notices


def iter_archive(root: str | os.PathLike) -> Iterator[Path]:
    """Every supported file under ``root`` (recursively, sorted, hidden folders skipped)."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if _wanted(name):
                yield Path(folder, name)


def _sha256(path: str) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


# -- workers ------------------------------------------------------------------------------

def _error_message(exc: BaseException) -> str:
    msg = (str(exc) or type(exc).__name__).strip().splitlines()
    return (msg[0] if msg else type(exc).__name__)[:MAX_MESSAGE]


def parse_for_db(path: str) -> ParsedDocument | tuple[str, str]:
    """Parse one file into rows, or (error type, message) when it cannot be parsed."""
    try:
        return ParsedDocument.from_campaign(path, parse_file(path))
    except Exception as exc:  # a bad file never stops the build
        return type(exc).__name__, _error_message(exc)


def _parse_chunk(paths: list[str]) -> list[ParsedDocument | tuple[str, str]]:
    return [parse_for_db(p) for p in paths]


def _watch_parent(conn) -> None:
    """Worker initializer: exit when the build process dies (killed), instead of waiting forever.

    Only the build process holds the other end of ``conn``; when it dies, ``recv`` sees EOF.
    """
    import threading

    def watch() -> None:
        try:
            conn.recv()
        except (EOFError, OSError):
            pass
        os._exit(3)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class _Pool:
    """A process pool whose workers exit on their own when the build process is killed."""

    def __init__(self, jobs: int):
        ctx = _context()
        self._alive_r, self._alive_w = ctx.Pipe(duplex=False)
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_watch_parent,
                                        initargs=(self._alive_r,))

    def submit(self, fn, *args) -> Future:
        return self.pool.submit(fn, *args)

    def shutdown(self, wait: bool = True) -> None:
        self.pool.shutdown(wait=wait, cancel_futures=True)
        if wait:
            self._alive_w.close()
            self._alive_r.close()


def _context():
    if "forkserver" in multiprocessing.get_all_start_methods():
        # workers fork from a clean server process that has the parser imported already
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["anquanyue_parse.archive"])
        return ctx
    return multiprocessing.get_context("spawn")


def _run_pool(todo: list, jobs: int, on_result: Callable, on_tick: Callable) -> None:
    """Parse ``todo`` (FileInfo list) in ``jobs`` processes; call ``on_result(info, result)``."""
    chunk = max(1, min(16, len(todo) // (jobs * 8)))
    chunks = [todo[i:i + chunk] for i in range(0, len(todo), chunk)]
    window = jobs * 4  # chunks in flight: bounds the memory held by finished results
    queue = iter(chunks)
    suspects: list = []
    pool = _Pool(jobs)
    pending: dict[Future, list] = {}
    try:
        while True:
            while len(pending) < window and (part := next(queue, None)) is not None:
                pending[pool.submit(_parse_chunk, [i.path for i in part])] = part
            if not pending:
                break
            done, _ = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            for fut in done:
                part = pending.pop(fut)
                try:
                    results = fut.result()
                except BrokenProcessPool:
                    suspects.extend(part)
                    continue
                for info, result in zip(part, results):
                    on_result(info, result)
            if suspects:  # a worker died (crash, out of memory): find the file that did it
                for fut, part in pending.items():
                    suspects.extend(part)
                pending.clear()
                pool.shutdown(wait=True)
                for info in suspects:
                    on_result(info, _isolated(info.path))
                suspects = []
                pool = _Pool(jobs)
            on_tick()
    finally:
        pool.shutdown(wait=True)


def _isolated(path: str) -> ParsedDocument | tuple[str, str]:
    pool = _Pool(1)
    try:
        return pool.submit(parse_for_db, path).result()
    except BrokenProcessPool:
        return "WorkerCrashed", "the parser process died on this file (crash or out of memory)"
    finally:
        pool.shutdown(wait=True)


# -- progress -----------------------------------------------------------------------------

class _Progress:
    """A tqdm bar on a terminal, else a plain line every LOG_EVERY seconds."""

    def __init__(self, total: int, bar: bool, out: TextIO):
        self.total, self.done, self.failed, self.out = total, 0, 0, out
        self.t0 = self.last = time.monotonic()
        self.bar = None
        if bar and total:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="file", file=out, dynamic_ncols=True, desc="build")

    def update(self, failed: bool) -> None:
        self.done += 1
        self.failed += failed
        if self.bar is not None:
            self.bar.update(1)
            if failed:
                self.bar.set_postfix(failed=self.failed)
        elif time.monotonic() - self.last >= LOG_EVERY:
            self.line()

    def line(self) -> None:
        self.last = time.monotonic()
        rate = self.done / max(self.last - self.t0, 1e-9)
        eta = (self.total - self.done) / rate if rate else 0
        print(f"build: {self.done}/{self.total} files ({self.done / max(self.total, 1):.0%}), "
              f"{self.failed} failed, {rate:,.1f} files/s, ETA {eta:,.0f} s", file=self.out, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.total:
            self.line()


# -- summary ------------------------------------------------------------------------------

@dataclass
class BuildSummary:
    """What a build did; ``render()`` gives the table the CLI prints."""

    archive: str
    url: str
    jobs: int = 0
    seconds: float = 0.0
    seen: int = 0
    parsed: int = 0
    replaced: int = 0
    skipped: int = 0
    removed: int = 0
    duplicates: int = 0
    failed: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    by_year: list[tuple[Optional[int], int]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def render(self, max_failures: int = 20) -> str:
        rows = [("files seen", self.seen), ("parsed (new)", self.parsed), ("replaced (changed)", self.replaced),
                ("skipped (unchanged)", self.skipped), ("removed (gone)", self.removed),
                ("duplicates (linked to a first copy)", self.duplicates), ("failed", self.failed)]
        out = [f"Build summary: {self.archive} -> {self.url} ({self.jobs} workers, {self.seconds:.1f} s)"]
        out += [f"  {name:<38}{n:>7,}" for name, n in rows]
        if self.failures:
            out.append("Failed files:")
            out += [f"  {p}: {t}: {m}" for p, t, m in self.failures[:max_failures]]
            if len(self.failures) > max_failures:
                out.append(f"  … and {len(self.failures) - max_failures} more (table failures)")
        total = sum(n for _, n in self.by_year)
        out.append(f"Campaigns in the database by year: {total:,} (duplicates and removed files excluded)")
        cells = [f"{'unknown' if y is None else y}: {n:<5,}" for y, n in self.by_year]
        out += ["  " + "  ".join(cells[i:i + 8]).rstrip() for i in range(0, len(cells), 8)]
        return "\n".join(out)


# -- build --------------------------------------------------------------------------------

def build_archive(archive: str | os.PathLike, db: str = DEFAULT_DB, *, jobs: int = 0,
                  progress: Optional[bool] = None, lock_timeout: Optional[float] = None,
                  log: Optional[TextIO] = None) -> BuildSummary:
    """Build or update the campaign database ``db`` from the files under ``archive``.

    ``jobs``: worker processes (0: all cores). ``progress``: True for a bar, False for
    plain lines, None for a bar on a terminal. ``lock_timeout``: seconds to wait for
    another build of the same database (None: wait until it ends).
    Raises FileAccessError for a missing folder, DatabaseError for a database problem.
    """
    from . import db_schema, db_write
    from .db_lock import build_lock

    root = os.path.abspath(archive)
    if not os.path.isdir(root):
        raise FileAccessError("not a folder: give the archive folder to build from", str(archive))
    log = log or sys.stderr
    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    url = db_schema.normalize_url(db)
    engine = db_schema.make_engine(url)
    summary = BuildSummary(archive=str(archive), url=engine.url.render_as_string(hide_password=True), jobs=jobs)
    t0 = time.perf_counter()
    try:
        with build_lock(engine, lock_timeout, on_wait=lambda m: print(f"build: {m}", file=log, flush=True)):
            db_schema.ensure_schema(engine, create=True)
            todo, gone, stale = _plan(engine, root, summary)
            print(f"build: {summary.seen} files in {archive}: {len(todo)} to parse, {summary.skipped} unchanged, "
                  f"{len(gone)} gone; {jobs} workers", file=log, flush=True)
            writer = db_write.Writer(engine)
            if todo:
                bar = _Progress(len(todo), log.isatty() if progress is None else progress, log)

                def on_result(info, result) -> None:
                    writer.add(info, result)
                    bar.update(not isinstance(result, ParsedDocument))

                _run_pool(todo, min(jobs, len(todo)), on_result, writer.tick)
                writer.flush()
                bar.close()
            db_write.mark_removed(engine, gone)
            db_write.forget_failures(engine, stale)
            c = writer.counts
            summary.parsed, summary.replaced, summary.failed, summary.failures = c.new, c.replaced, c.failed, c.failures
            summary.removed = len(gone)
            summary.duplicates, summary.by_year = _totals(engine, root)
    except Exception as exc:
        _reraise_db(exc)
        raise
    finally:
        engine.dispose()
    summary.seconds = time.perf_counter() - t0
    return summary


def _reraise_db(exc: Exception) -> None:
    from sqlalchemy.exc import SQLAlchemyError

    from .db_schema import error_line
    from .errors import DatabaseError

    if isinstance(exc, SQLAlchemyError):
        raise DatabaseError(f"database error: {error_line(exc)}") from exc


def _under(root: str, path: str) -> bool:
    return path.startswith(root + os.sep) or path == root


def _plan(engine, root: str, summary: BuildSummary):
    """Split the archive into files to parse, ids of documents gone, failure rows to forget."""
    from sqlalchemy import select

    from .db_schema import TABLES
    from .db_write import FileInfo
    from .version import __version__

    docs, fails = TABLES["documents"], TABLES["failures"]
    with engine.connect() as conn:
        known = {p: (i, s, v, r) for i, p, s, v, r in conn.execute(
            select(docs.c.id, docs.c.path, docs.c.sha256, docs.c.parser_version, docs.c.removed)) if _under(root, p)}
        failed = {p for (p,) in conn.execute(select(fails.c.path)) if _under(root, p)}
    todo, seen = [], set()
    for file in iter_archive(root):
        path = str(file)
        try:
            sha, size = _sha256(path)
        except OSError as exc:  # unreadable: let the worker report it as a failure
            sha, size = f"unreadable:{exc.errno}", 0
        seen.add(path)
        old = known.get(path)
        if old and old[1] == sha and old[2] == __version__ and not old[3] and path not in failed:
            summary.skipped += 1
            continue
        todo.append(FileInfo(path, sha, size, old[0] if old else None, path in failed))
    summary.seen = len(seen)
    gone = [i for p, (i, _, _, removed) in known.items() if p not in seen and not removed]
    return todo, gone, sorted(failed - seen)


def _totals(engine, root: str) -> tuple[int, list[tuple[Optional[int], int]]]:
    """(duplicates under root, campaigns per year in the whole database)."""
    from sqlalchemy import func, select

    from .db_schema import TABLES

    docs, camps = TABLES["documents"], TABLES["campaigns"]
    live = (docs.c.removed.is_(False))
    with engine.connect() as conn:
        dups = sum(1 for (p,) in conn.execute(select(docs.c.path).where(live, docs.c.duplicate_of.is_not(None)))
                   if _under(root, p))
        q = (select(camps.c.year, func.count()).select_from(camps.join(docs, docs.c.id == camps.c.document_id))
             .where(live, docs.c.duplicate_of.is_(None)).group_by(camps.c.year))
        years = sorted(((y, n) for y, n in conn.execute(q)), key=lambda r: (r[0] is None, r[0] or 0))
    return dups, years
