"""The local engine: a pool of worker processes on this machine, each reading, parsing and writing.

Each task is a batch of files (``build_tasks.run_batch``): the worker writes the batch in
one transaction itself and sends back one short outcome per file. A worker that dies (a
crash, the out-of-memory killer, a file over ``Limits.task_seconds`` or
``Limits.task_memory_mb``, see ``build_guard``) breaks the pool: the files of every batch
in flight are then run again one per fresh, watched process, so the file that did it lands
in ``failures`` as ``WorkerCrashed``, ``TaskTimeout`` or ``TaskMemoryExceeded`` and the
others are written (writes are idempotent, see ``db_write``).
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
import signal
from typing import Callable, Iterator, Optional

from .build_guard import POLL_SECONDS, isolated_args, over_memory, run_watched
from .build_tasks import run_batch
from .db_write import FileInfo, Outcome, Parsed, write_batch, writer_engine
from ..limits import Limits, get_limits

__all__ = ["run_local"]

#: Message of a file whose parser process died.
CRASHED = "the parser process died on this file (crash or out of memory)"


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


def _context():
    if "forkserver" in multiprocessing.get_all_start_methods():
        # workers fork from a clean server process that has the parser imported already
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["anquanyue_parse.store.build_tasks"])
        return ctx
    return multiprocessing.get_context("spawn")


class _Pool:
    """A process pool whose workers exit on their own when the build process is killed."""

    def __init__(self, jobs: int):
        ctx = _context()
        self._alive_r, self._alive_w = ctx.Pipe(duplex=False)
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_watch_parent,
                                        initargs=(self._alive_r,))

    def submit(self, fn, *args) -> Future:
        return self.pool.submit(fn, *args)

    def kill_over_memory(self, limit_mb: float) -> None:
        """Kill the workers over ``limit_mb`` resident (their batches then break the pool)."""
        procs = dict(getattr(self.pool, "_processes", None) or {})  # pid -> Process (CPython)
        for pid in over_memory(procs, limit_mb):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def shutdown(self, wait: bool = True) -> None:
        self.pool.shutdown(wait=wait, cancel_futures=True)
        if wait:
            self._alive_w.close()
            self._alive_r.close()


Done = Callable[[list[FileInfo], list[Outcome]], None]


def run_local(batches: Iterator[list[FileInfo]], url: str, stamp, jobs: int, on_done: Done,
              limits: Optional[Limits] = None) -> None:
    """Run every batch in ``jobs`` processes; call ``on_done(files, outcomes)`` as each one ends.

    ``limits`` (default: the ones in force) apply in the workers, ``task_seconds`` and
    ``task_memory_mb`` to each file (see ``build_guard``).
    """
    limits = get_limits(limits)
    window = jobs * 2  # batches in flight: each worker has the next one queued
    suspects: list[FileInfo] = []
    pool = _Pool(jobs)
    pending: dict[Future, list[FileInfo]] = {}
    try:
        while True:
            while len(pending) < window and (part := next(batches, None)) is not None:
                pending[pool.submit(run_batch, url, stamp, part, limits, limits.task_seconds)] = part
            if not pending:
                break
            done, _ = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
            pool.kill_over_memory(limits.task_memory_mb)
            for fut in done:
                part = pending.pop(fut)
                try:
                    on_done(part, fut.result())
                except BrokenProcessPool:
                    suspects.extend(part)
            if suspects:  # a worker died: find the file that did it
                for part in pending.values():
                    suspects.extend(part)
                pending.clear()
                pool.shutdown(wait=True)
                for info in suspects:
                    on_done([info], _isolated(url, stamp, info, limits))
                suspects = []
                pool = _Pool(jobs)
    finally:
        pool.shutdown(wait=True)


def _isolated(url: str, stamp, info: FileInfo, limits: Limits) -> list[Outcome]:
    """Run one suspect file alone in a watched process; record why when it does not finish."""
    outcomes = run_watched(_context(), run_batch, isolated_args(url, stamp, info, limits), limits,
                           lambda kind, message: record_crash(url, stamp, info, message, kind))
    return outcomes if outcomes is not None else record_crash(url, stamp, info)


def record_crash(url: str, stamp, info: FileInfo, message: str = CRASHED,
                 error_type: str = "WorkerCrashed") -> list[Outcome]:
    """Write a failure for ``info`` from the coordinator (its worker could not)."""
    engine = writer_engine(url)
    try:
        return write_batch(engine, stamp, [Parsed(info, None, 0, (error_type, message))])
    finally:
        engine.dispose()
