"""One build at a time per database: a lock held for the whole build.

* SQLite: an exclusive ``flock`` on ``FILE.lock`` beside the database file (not on the
  database file itself: closing any descriptor of that file would drop SQLite's own locks).
* PostgreSQL: a session-level advisory lock on a connection kept open for the build, keyed
  by the schema the tables go to (``current_schema()``), so builds into two schemas of one
  database (e.g. two tenants, or parallel test runs) do not wait for each other.

A second build waits (``timeout=None``) or gives up after ``timeout`` seconds with a
DatabaseError that says who holds the lock. Readers are never blocked.
"""

from __future__ import annotations

import contextlib
import os
import time
from typing import Callable, Iterator, Optional

from sqlalchemy import text
from sqlalchemy.engine import Engine

from .db_schema import sqlite_path
from ..errors import DatabaseError

__all__ = ["build_lock"]

#: The first key of a build's advisory lock on PostgreSQL (any fixed 32-bit number; "anqu");
#: the second key is the hash of the schema the build writes to.
PG_LOCK_KEY = 0x616E7175

#: The two-key advisory lock calls, the second key being the build's schema.
PG_TRY_LOCK_SQL = "SELECT pg_try_advisory_lock(:k, hashtext(current_schema()))"
PG_UNLOCK_SQL = "SELECT pg_advisory_unlock(:k, hashtext(current_schema()))"

#: Seconds between two tries while waiting.
POLL = 0.2


@contextlib.contextmanager
def build_lock(engine: Engine, timeout: Optional[float] = None,
               on_wait: Optional[Callable[[str], None]] = None) -> Iterator[None]:
    """Hold the build lock of ``engine``'s database while the block runs."""
    db_file = sqlite_path(engine.url.render_as_string(hide_password=False))
    if engine.url.get_backend_name() == "postgresql":
        with _pg_lock(engine, timeout, on_wait):
            yield
    elif db_file is not None:
        with _file_lock(db_file, timeout, on_wait):
            yield
    else:  # an in-memory database belongs to this process alone
        yield


def _wait(try_once: Callable[[], bool], timeout: Optional[float], on_wait, what: str) -> None:
    if try_once():
        return
    if on_wait:
        on_wait(f"another build is writing to {what}; waiting for it to finish…")
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        if deadline is not None and time.monotonic() >= deadline:
            raise DatabaseError(f"another build is writing to {what} (still busy after {timeout:g} s): "
                                "wait for it to finish, then run the build again")
        time.sleep(POLL)
        if try_once():
            return


@contextlib.contextmanager
def _file_lock(db_file, timeout, on_wait) -> Iterator[None]:
    db_file.parent.mkdir(parents=True, exist_ok=True)
    lock_path = f"{db_file}.lock"
    held: list[int] = []

    def try_once() -> bool:
        while True:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_flock(fd):
                os.close(fd)
                return False
            try:  # the holder before us may have removed the file: then lock the new one
                same = os.fstat(fd).st_ino == os.stat(lock_path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                held.append(fd)
                return True
            _unlock(fd)
            os.close(fd)

    _wait(try_once, timeout, on_wait, str(db_file))
    fd = held[0]
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock_path)  # before unlocking, so no one locks a file that is going away
        _unlock(fd)
        os.close(fd)


try:  # POSIX
    import fcntl

    def _try_flock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _try_flock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


@contextlib.contextmanager
def _pg_lock(engine: Engine, timeout, on_wait) -> Iterator[None]:
    with engine.connect() as conn:
        schema = conn.execute(text("SELECT current_schema()")).scalar()
        what = f"{engine.url.render_as_string(hide_password=True)} (schema {schema})"
        def try_once() -> bool:
            got = conn.execute(text(PG_TRY_LOCK_SQL), {"k": PG_LOCK_KEY}).scalar()
            conn.commit()
            return bool(got)

        _wait(try_once, timeout, on_wait, what)
        try:
            yield
        finally:
            conn.execute(text(PG_UNLOCK_SQL), {"k": PG_LOCK_KEY})
            conn.commit()
