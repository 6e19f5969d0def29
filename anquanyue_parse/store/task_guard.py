"""Per-file time and memory limits for a build worker: the parse runs in a guarded child process.

>>> guard = GuardedParser()                                            # doctest: +SKIP
>>> guard.parse("notice.txt", data, Limits(task_seconds=30, task_memory_mb=1024))
ParsedDocument(…)          # or ("TaskTimeout", "…") / ("TaskMemoryExceeded", "…")

A thread cannot be stopped from outside, and a Dask worker runs its tasks in threads: a
file that makes the parser hang or eat memory would hold the worker forever (or take it
down with the nanny's memory limit, and every task with it). So the worker hands each
file's bytes to a child process of its own (one per worker thread, started once and kept)
and waits for the rows with a deadline, sampling the child's resident memory meanwhile.
A child over ``Limits.task_seconds`` (wall clock) or ``Limits.task_memory_mb`` (resident)
is killed, the file gets a :class:`~anquanyue_parse.errors.TaskTimeout` or
:class:`~anquanyue_parse.errors.TaskMemoryExceeded` failure, and a fresh child takes the
next file. A child that dies by itself (a crash in a C library) gives ``WorkerCrashed``.

The child is a plain ``python -m anquanyue_parse.store.task_guard`` (not multiprocessing: a Dask
worker is a daemon process and may not fork multiprocessing children). Requests and
results are pickles with a length prefix on a pair of pipes; the child's stdout is sent
to stderr so a print in a library cannot corrupt the stream. On Linux the child dies with
the thread that started it (``PR_SET_PDEATHSIG``), so a killed worker leaves no parser behind.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from typing import Optional, Union

from .db_rows import ParsedDocument
from ..errors import TaskMemoryExceeded, TaskTimeout
from ..limits import Limits, get_limits

__all__ = ["GuardedParser", "guarded_parse", "MEMORY_POLL_SECONDS", "START_SECONDS"]

#: How often the child's resident memory is sampled while it parses. A parser that
#: allocates 1 GB/s overshoots the limit by about this many seconds' worth.
MEMORY_POLL_SECONDS = 0.05

#: Longest wait for a fresh child to import the parser and say it is ready.
START_SECONDS = 120.0

#: Frame header: the payload's length, 8 bytes big-endian.
_HEADER = struct.Struct(">Q")

#: Linux prctl option: signal the child gets when the thread that started it ends.
_PR_SET_PDEATHSIG = 1

#: Message of a file whose guarded parser died by itself.
CRASHED = "the parser process died on this file (crash or out of memory)"

Result = Union[ParsedDocument, tuple[str, str]]


class _ChildGone(Exception):
    """The child closed its end of the pipe (it died)."""


def _write_frame(fd: int, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _read_exact(fd: int, n: int, deadline: Optional[float] = None, watch=None) -> bytes:
    """``n`` bytes from ``fd``; calls ``watch()`` between waits; TimeoutError past ``deadline``."""
    chunks, got = [], 0
    while got < n:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            ready, _, _ = select.select([fd], [], [], min(left, MEMORY_POLL_SECONDS))
            if not ready:
                if watch is not None:
                    watch()
                continue
        chunk = os.read(fd, min(n - got, 1 << 20))
        if not chunk:
            raise _ChildGone
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _read_frame(fd: int, deadline: Optional[float] = None, watch=None):
    (size,) = _HEADER.unpack(_read_exact(fd, _HEADER.size, deadline, watch))
    return pickle.loads(_read_exact(fd, size, deadline, watch))


def _rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` in MB (0 when it cannot be read)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1 << 20)
    except (OSError, ValueError, IndexError):
        pass
    try:
        import psutil

        return psutil.Process(pid).memory_info().rss / (1 << 20)
    except Exception:  # noqa: BLE001 - no psutil, or the process is gone
        return 0.0


class _OverMemory(Exception):
    def __init__(self, mb: float):
        self.mb = mb


class GuardedParser:
    """One guarded child process; ``parse`` is not thread-safe (use one per thread)."""

    def __init__(self) -> None:
        self.proc: Optional[subprocess.Popen] = None

    def _start(self) -> None:
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        env = dict(os.environ, ANQUANYUE_GUARD_FDS=f"{to_child_r},{from_child_w}")
        self.proc = subprocess.Popen([sys.executable, "-m", "anquanyue_parse.store.task_guard"],
                                     stdin=subprocess.DEVNULL, pass_fds=(to_child_r, from_child_w),
                                     env=env, start_new_session=True)
        os.close(to_child_r)
        os.close(from_child_w)
        self._to, self._from = to_child_w, from_child_r
        try:
            if _read_frame(self._from, time.monotonic() + START_SECONDS) != "ready":
                raise _ChildGone
        except (TimeoutError, _ChildGone, EOFError) as exc:
            self.close()
            raise RuntimeError("the guarded parser process did not start") from exc

    def close(self) -> None:
        """Kill the child (if any) and close the pipes."""
        proc, self.proc = self.proc, None
        if proc is None:
            return
        for fd in (self._to, self._from):
            try:
                os.close(fd)
            except OSError:
                pass
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # its session: LibreOffice or any helper too
            except OSError:
                proc.kill()
        proc.wait()

    def parse(self, name: str, data: bytes, limits: Optional[Limits] = None) -> Result:
        """``parse_for_db(name, data)`` in the child, within ``limits``' time and memory."""
        limits = get_limits(limits)
        if self.proc is None:
            self._start()
        proc = self.proc

        def watch() -> None:
            mb = _rss_mb(proc.pid)
            if mb > limits.task_memory_mb:
                raise _OverMemory(mb)

        try:
            _write_frame(self._to, (name, data, limits))
            return _read_frame(self._from, time.monotonic() + limits.task_seconds, watch)
        except TimeoutError:
            self.close()
            return (TaskTimeout.__name__, f"parsing took over {limits.task_seconds:g} s and was stopped "
                                   f"(raise it with --limit task_seconds=N)")
        except _OverMemory as exc:
            self.close()
            return (TaskMemoryExceeded.__name__, f"parsing used {exc.mb:,.0f} MB, over the limit "
                                       f"task_memory_mb={limits.task_memory_mb:g}, and was stopped "
                                       f"(raise it with --limit task_memory_mb=N)")
        except (_ChildGone, BrokenPipeError, EOFError, pickle.UnpicklingError):
            self.close()
            return ("WorkerCrashed", CRASHED)
        except BaseException:
            self.close()
            raise


_local = threading.local()


def guarded_parse(name: str, data: bytes, limits: Optional[Limits] = None) -> Result:
    """Parse with this thread's :class:`GuardedParser` (started on first use, kept after)."""
    guard = getattr(_local, "guard", None)
    if guard is None:
        guard = _local.guard = GuardedParser()
    return guard.parse(name, data, limits)


# -- the child ----------------------------------------------------------------------------------

def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _child_main() -> None:
    _die_with_parent()
    parent = os.getppid()
    fd_in, fd_out = (int(x) for x in os.environ.pop("ANQUANYUE_GUARD_FDS").split(","))
    os.dup2(2, 1)  # a library's print goes to stderr, never into the result stream
    from .build_tasks import parse_for_db
    from ..limits import use_limits

    if os.getppid() != parent:  # the parent ended before the death signal was armed
        os._exit(3)
    _write_frame(fd_out, "ready")
    while True:
        try:
            name, data, limits = _read_frame(fd_in)
        except (_ChildGone, EOFError):
            os._exit(0)
        with use_limits(limits):
            result = parse_for_db(name, data)
        _write_frame(fd_out, result)


if __name__ == "__main__":
    _child_main()
