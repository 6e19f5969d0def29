"""Build the campaign database from an archive: plan, run the tasks on an engine, link, summarise.

>>> summary = build_archive("corpus/", "sqlite:///campaigns.sqlite")   # doctest: +SKIP
>>> print(summary.render())                                            # doctest: +SKIP

The build process only coordinates: it lists the inputs (``inputs``), looks up what the
database already has for each batch of names, reserves ``documents.id`` values for new
files and hands the batches to an engine — worker processes on this machine
(``build_local``) or a Dask cluster (``build_dask``). The workers read, hash, parse and
write each batch themselves (``build_tasks``, ``db_write``) and send back one short
outcome per file, so the build process holds no record and no file content, and its
memory does not grow with the archive. At the end it marks files that are gone as
removed and links duplicates (``db_links``). See ``db_lock`` for two builds at once.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import sys
import time
from itertools import chain, islice
from typing import Iterator, Optional, TextIO

from .build_report import BuildSummary, Progress
from .db_write import FileInfo
from .inputs import Inputs, iter_archive
from ..limits import Limits, get_limits

__all__ = ["build_archive", "iter_archive", "BuildSummary", "DEFAULT_DB", "MAX_BATCH"]

DEFAULT_DB = "sqlite:///campaigns.sqlite"

#: Most files in one task (one write transaction). Small archives get smaller batches, so
#: every worker has several.
MAX_BATCH = 128


def build_archive(archive: str | os.PathLike, db: str = DEFAULT_DB, *, jobs: int = 0,
                  progress: Optional[bool] = None, lock_timeout: Optional[float] = None,
                  log: Optional[TextIO] = None, engine: str = "local", scheduler=None,
                  listed: bool = False, batch_size: int = MAX_BATCH,
                  limits: Optional[Limits] = None, stop_after: Optional[int] = None) -> BuildSummary:
    """Build or update the campaign database ``db`` from the files of ``archive``.

    ``archive``: a folder, an fsspec URL (``s3://bucket/prefix``), or with ``listed=True`` a
    text file with one path or URL a line. ``jobs``: worker processes of the local engine
    (0: all cores). ``engine``: ``"local"`` or ``"dask"``; ``scheduler``: the Dask scheduler
    address (``tcp://host:8786``) or a ``distributed.Client``. ``progress``: True for a bar,
    False for plain lines, None for a bar on a terminal. ``lock_timeout``: seconds to wait
    for another build of the same database (None: wait until it ends). ``limits``: what one
    file may cost (default: the ones in force, :mod:`.limits`), ``task_seconds`` and
    ``task_memory_mb`` per file on either engine (``build_guard``, ``task_guard``). ``stop_after``:
    once more files than this failed, no further batch is started (the summary says
    ``stopped``; files not reached keep their rows and nothing is marked removed).
    Raises FileAccessError for inputs that cannot be listed, DatabaseError for a database problem.
    """
    from . import db_schema
    from .db_lock import build_lock

    inputs = Inputs.open(archive, listed=listed)
    log = log or sys.stderr
    url = db_schema.normalize_url(db)
    eng = db_schema.make_engine(url)
    runner = _runner(engine, jobs, scheduler, get_limits(limits))
    summary = BuildSummary(archive=str(archive), url=eng.url.render_as_string(hide_password=True),
                           jobs=runner.workers, engine=engine)
    t0 = time.perf_counter()
    try:
        with build_lock(eng, lock_timeout, on_wait=lambda m: print(f"build: {m}", file=log, flush=True)):
            db_schema.ensure_schema(eng, create=True)
            print(f"build: {inputs.source} -> {summary.url}: {runner.describe()}", file=log, flush=True)
            _run(eng, url, inputs, runner, summary, log, progress, batch_size, stop_after)
    except Exception as exc:
        _reraise_db(exc)
        raise
    finally:
        runner.close()
        eng.dispose()
    summary.seconds = time.perf_counter() - t0
    return summary


def _runner(engine: str, jobs: int, scheduler, limits: Limits):
    if engine == "local":
        return _LocalRunner(jobs if jobs > 0 else (os.cpu_count() or 1), limits)
    if engine == "dask":
        from .build_dask import DaskRunner

        return DaskRunner(scheduler, limits, jobs)
    raise ValueError(f"unknown engine {engine!r}: local or dask")


class _LocalRunner:
    def __init__(self, jobs: int, limits: Limits):
        self.workers = jobs
        self.limits = limits

    def describe(self) -> str:
        return f"{self.workers} worker processes"

    def run(self, batches, url, stamp, on_done) -> None:
        from .build_local import run_local

        run_local(batches, url, stamp, self.workers, on_done, self.limits)

    def close(self) -> None:
        pass


def _run(eng, url: str, inputs: Inputs, runner, summary: BuildSummary, log: TextIO, progress, batch_size,
         stop_after: Optional[int] = None) -> None:
    from . import db_write
    from .build_plan import Planner
    from .db_links import relink_duplicates

    stamp = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    bar = Progress(log.isatty() if progress is None else progress, log, runner.describe())
    with eng.connect() as conn:
        planner = Planner(conn, inputs)

        def on_done(files: list[FileInfo], outcomes) -> None:
            for o in outcomes:
                summary.count(o.status, o.path, o.error_type, o.message, o.ocr_pages)
            bar.update(len(outcomes), sum(o.status == "failed" for o in outcomes),
                       sum(o.ocr_pages for o in outcomes))

        def stop() -> bool:
            summary.stopped = stop_after is not None and summary.failed > stop_after
            return summary.stopped

        batches = _batches(inputs.names(), planner, bar, runner.workers, batch_size, stop)
        runner.run(batches, url, stamp, on_done)
        bar.close()
        summary.seen = planner.seen
        # a stopped build has not seen every file: nothing may be taken for gone
        gone, stale = ([], []) if summary.stopped else (planner.gone(), planner.stale_failures())
        db_write.mark_removed(eng, gone)
        db_write.forget_failures(eng, stale)
        with eng.begin() as c:
            relink_duplicates(c)
        planner.finish()
        summary.removed = len(gone)
        summary.duplicates, summary.by_year = planner.totals()


def _batches(names: Iterator[str], planner, bar: Progress, workers: int, batch_size: int,
             stop=lambda: False) -> Iterator[list[FileInfo]]:
    """Planned batches, listed lazily: the first read-ahead decides the batch size; none
    after ``stop()`` turns true."""
    ahead = list(islice(names, workers * 8 * batch_size))
    size = batch_size
    if len(ahead) < workers * 8 * batch_size:  # a small archive: about 4 batches per worker
        size = max(1, min(batch_size, math.ceil(len(ahead) / (workers * 4))))
    chunks = (ahead[i:i + size] for i in range(0, len(ahead), size))
    rest = iter(lambda: list(islice(names, size)), [])
    for part in chain(chunks, rest):
        if stop():
            return
        files = planner.plan(part)
        bar.grow(len(files))
        if files:
            yield files
    bar.listed()


def _reraise_db(exc: Exception) -> None:
    from sqlalchemy.exc import SQLAlchemyError

    from .db_schema import error_line
    from ..errors import DatabaseError

    if isinstance(exc, SQLAlchemyError):
        raise DatabaseError(f"database error: {error_line(exc)}") from exc
