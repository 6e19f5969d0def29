"""Per-file guards of the local build: a wall-clock and a memory limit per worker task.

Two places enforce ``Limits.task_seconds`` and ``Limits.task_memory_mb``:

* in the pool, each worker ends itself when one file runs over ``task_seconds``
  (``build_tasks._deadline``), and the coordinator kills a worker whose resident memory
  goes over ``task_memory_mb`` (``over_memory``, polled every ``POLL_SECONDS``);
* after the pool breaks, each suspect file runs alone in a fresh process watched from
  the outside (``run_watched``): killed at the time or memory limit, the file lands in
  ``failures`` as ``TaskTimeout`` or ``TaskMemoryExceeded``, and the build goes on.

Resident memory is read from ``/proc/PID/statm`` (Linux); elsewhere only time is guarded.
"""

from __future__ import annotations

import os
import time
from typing import Callable, Iterable, Optional

from .db_write import FileInfo, Outcome
from ..limits import Limits

__all__ = ["POLL_SECONDS", "rss_mb", "over_memory", "run_watched"]

#: How often the coordinator looks at its workers' memory and clocks. A parser allocating
#: 2 GB/s overshoots the memory limit by at most ~100 MB between two looks.
POLL_SECONDS = 0.05

#: Size of a memory page, for /proc/PID/statm (counted in pages).
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss_mb(pid: int) -> Optional[float]:
    """Resident memory of process ``pid`` in MB, or None when it cannot be read (gone, not Linux)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * PAGE_BYTES / (1 << 20)
    except (OSError, IndexError, ValueError):
        return None


def over_memory(pids: Iterable[int], limit_mb: float) -> list[int]:
    """The processes among ``pids`` whose resident memory is over ``limit_mb``."""
    return [pid for pid in pids if (mb := rss_mb(pid)) is not None and mb > limit_mb]


def _timeout_message(limits: Limits) -> str:
    return (f"timeout: the parser took over task_seconds={limits.task_seconds:g} s on this file "
            f"and was replaced (raise it with --limit task_seconds=N)")


def _memory_message(limits: Limits, mb: float) -> str:
    return (f"memory: the parser grew to {mb:,.0f} MB on this file, over task_memory_mb="
            f"{limits.task_memory_mb:g}, and was replaced (raise it with --limit task_memory_mb=N)")


def _child(conn, task: Callable, args: tuple) -> None:
    """Body of a watched process: run ``task(*args)`` and send its outcomes back."""
    conn.send(task(*args))
    conn.close()


Failed = Callable[[str, str], list[Outcome]]


def run_watched(ctx, task: Callable, args: tuple, limits: Limits, on_kill: Failed) -> Optional[list[Outcome]]:
    """Run ``task(*args)`` in a fresh process of ``ctx``, killed at the task time or memory limit.

    Returns the task's outcomes; ``on_kill(error type, message)``'s when the process was
    killed; None when it died by itself without an answer (the caller records a crash).
    """
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, task, args), daemon=True)
    proc.start()
    send.close()
    start = time.monotonic()
    try:
        while True:
            if recv.poll(POLL_SECONDS):
                try:
                    return recv.recv()
                except EOFError:  # died without an answer
                    return None
            if time.monotonic() - start > limits.task_seconds:
                proc.kill()
                return on_kill("TaskTimeout", _timeout_message(limits))
            mb = rss_mb(proc.pid)
            if mb is not None and mb > limits.task_memory_mb:
                proc.kill()
                return on_kill("TaskMemoryExceeded", _memory_message(limits, mb))
            if not proc.is_alive() and not recv.poll():
                return None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        recv.close()


def isolated_args(url: str, stamp, info: FileInfo, limits: Limits) -> tuple:
    """Arguments of ``build_tasks.run_batch`` for one suspect file (no in-worker timer)."""
    return (url, stamp, [info], limits, None)
