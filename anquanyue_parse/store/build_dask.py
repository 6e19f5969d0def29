"""The Dask engine: the same batch tasks as the local engine, run on a Dask distributed cluster.

>>> build_archive("s3://bucket/notices/", "postgresql://…", engine="dask",
...               scheduler="tcp://scheduler:8786")                       # doctest: +SKIP

Each batch is one task (``build_tasks.run_batch``): the Dask worker reads the files (local
paths it can see, or fsspec URLs), parses them and writes the batch to the database in one
transaction; the client only submits batches (a bounded window of them, so its memory does
not grow with the archive) and counts outcomes. Workers write, not the client, because the
rows are 25 times the size of an outcome and the write rate then grows with the workers
instead of being capped by one client connection.

Faults: a task whose worker dies is run again elsewhere by Dask (``RETRIES`` retries, and
the scheduler's own rescheduling of tasks lost with a worker); writes are idempotent (see
``db_write``), so a batch that ran twice is stored once. A batch that keeps killing workers
(Dask's ``KilledWorker``: a crash, or the nanny's memory limit, ``dask worker
--memory-limit``) is split into one task per file; the file that still kills its worker
lands in ``failures`` as ``WorkerCrashed``.

Limits: each file is parsed in a guarded child process of the worker (``task_guard``), cut
off after ``Limits.task_seconds`` or above ``Limits.task_memory_mb`` (CLI ``--limit
task_seconds=N``, ``--limit task_memory_mb=N``): a file that hangs or eats memory lands in
``failures`` as ``TaskTimeout`` / ``TaskMemoryExceeded`` and its worker goes on with the next
one. Dask cannot stop a running task (a thread), so without the guard such a file would
hold its worker. The worker process itself is limited by Dask (``dask worker
--memory-limit``); the cluster this engine starts when no scheduler is given (``--scheduler
local``) gets ``LOCAL_WORKER_MEMORY_MB`` per worker.
"""

from __future__ import annotations

import os
import uuid
from typing import Callable, Iterator, Optional

from .build_tasks import run_batch
from .db_write import FileInfo, Outcome
from ..limits import Limits, get_limits

__all__ = ["DaskRunner", "RETRIES"]

#: Extra tries of a task that failed with an exception on a worker (a lost worker is
#: rescheduled by the scheduler without counting against these).
RETRIES = 2

#: Memory of one worker process of the cluster started here (``--scheduler local``): the
#: process holds a batch's bytes and rows (a few MB) while its parse child has
#: ``Limits.task_memory_mb`` of its own.
LOCAL_WORKER_MEMORY_MB = 1024

#: ``--scheduler`` value that starts a LocalCluster on this machine.
LOCAL = "local"

#: Message of a file whose Dask worker kept dying.
KILLED = "the Dask worker died on this file (crash or memory limit)"


def _distributed():
    try:
        import distributed
    except ImportError as exc:
        from ..errors import MissingDependency

        raise MissingDependency("--engine dask needs dask.distributed: pip install 'anquanyue_parse[dask]'") from exc
    return distributed


class DaskRunner:
    """Runs batches on the cluster of ``scheduler``: an address, a ``distributed.Client``, or
    ``"local"``/None for a LocalCluster of ``jobs`` worker processes (0: one per core)."""

    def __init__(self, scheduler, limits: Optional[Limits] = None, jobs: int = 0):
        distributed = _distributed()
        self.limits = get_limits(limits)
        self._cluster = None
        if isinstance(scheduler, distributed.Client):
            self.client, self._own = scheduler, False
        else:
            if scheduler in (None, LOCAL):
                scheduler = self._cluster = distributed.LocalCluster(
                    n_workers=jobs or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                    memory_limit=f"{LOCAL_WORKER_MEMORY_MB}MiB", dashboard_address=":0", silence_logs=40)
            self.client, self._own = distributed.Client(scheduler, timeout="30s"), True
        self.workers = max(1, sum(self.client.nthreads().values()))

    def describe(self) -> str:
        n = len(self.client.nthreads())
        return (f"Dask {self.client.scheduler.address}, {n} workers / {self.workers} threads, "
                f"dashboard {self.client.dashboard_link}")

    def close(self) -> None:
        if self._own:
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def run(self, batches: Iterator[list[FileInfo]], url: str, stamp,
            on_done: Callable[[list[FileInfo], list[Outcome]], None]) -> None:
        distributed = _distributed()
        window = max(4, 2 * self.workers)
        pending: dict = {}
        single: set = set()
        done = distributed.as_completed()

        def submit(part: list[FileInfo], alone: bool = False) -> None:
            key = f"anquanyue-batch-{part[0].doc_id}-{uuid.uuid4().hex[:8]}"
            fut = self.client.submit(run_batch, url, stamp, part, self.limits, None, True, key=key, pure=False,
                                     retries=RETRIES)
            pending[fut] = part
            if alone:
                single.add(fut)
            done.add(fut)

        def refill() -> None:
            while len(pending) < window and (part := next(batches, None)) is not None:
                submit(part)

        refill()
        for fut in done:
            part = pending.pop(fut)
            alone = fut in single
            single.discard(fut)
            if fut.status == "error":
                exc = fut.exception()
                if not isinstance(exc, distributed.KilledWorker):
                    raise exc
                if alone or len(part) == 1:
                    from .build_local import record_crash

                    on_done(part, record_crash(url, stamp, part[0], KILLED))
                else:
                    for info in part:  # find the file that kills its worker
                        submit([info], alone=True)
            else:
                try:
                    outcomes = fut.result()
                except (OSError, distributed.comm.CommClosedError):  # its worker died after the task
                    submit(part, alone)  # the write is idempotent: run it again
                else:
                    on_done(part, outcomes)
            fut.release()
            refill()
