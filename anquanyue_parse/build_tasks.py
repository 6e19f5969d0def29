"""The task a build runs on a worker (a local process or a Dask worker): read, hash, parse, write.

``run_batch(url, stamp, files)`` reads each file (``inputs.read_input``), skips those whose
sha256 is unchanged, parses the others, turns each record into rows and writes the batch
in one transaction (``db_write.write_batch``). It returns only a short outcome per file,
so the coordinator never holds a record, a row or a file's bytes. On PostgreSQL a writer
thread stores the batch while its files are still being parsed (``db_write.write_stream``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import faulthandler
import hashlib
import os
import queue
import threading
from typing import Iterator, Optional, Union

from .db_rows import ParsedDocument
from .db_write import FileInfo, Outcome, Parsed, streams, write_batch, write_stream, writer_engine
from .inputs import read_input
from .limits import Limits, use_limits
from .loaders import load_bytes
from .paths import printable
from .pipeline import parse_source

__all__ = ["run_batch", "parse_for_db", "error_message", "MAX_MESSAGE"]

#: Longest error message kept for the failures table.
MAX_MESSAGE = 2000

#: One engine per database URL and worker process, kept between tasks.
_ENGINES: dict = {}


def error_message(exc: BaseException) -> str:
    """The first line of an error, cut to MAX_MESSAGE characters."""
    msg = (str(exc) or type(exc).__name__).strip().splitlines()
    return printable(msg[0] if msg else type(exc).__name__)[:MAX_MESSAGE]


def parse_for_db(name: str, data: bytes) -> Union[ParsedDocument, tuple[str, str]]:
    """Parse one file's bytes into rows, or (error type, message) when it cannot be parsed."""
    try:
        record = parse_source(load_bytes(data, name))
        record.source_path = name  # as listed (a URL stays a URL)
        return ParsedDocument.from_campaign(name, record)
    except Exception as exc:  # a bad file never stops the build
        return type(exc).__name__, error_message(exc)


def _read_and_parse(info: FileInfo, guarded: bool = False) -> Union[Parsed, Outcome]:
    try:
        data = read_input(info.path)
    except Exception as exc:
        return Parsed(info, None, 0, (type(exc).__name__, error_message(exc)))
    sha = hashlib.sha256(data).hexdigest()
    if info.known_sha is not None and sha == info.known_sha:
        return Outcome(info.path, "skipped")
    if guarded:  # the Dask engine: the parse runs in a child process cut off at the limits
        from .task_guard import guarded_parse

        return Parsed(info, sha, len(data), guarded_parse(info.path, data))
    return Parsed(info, sha, len(data), parse_for_db(info.path, data))


def _engine(url: str):
    engine = _ENGINES.get(url)
    if engine is None:
        engine = _ENGINES[url] = writer_engine(url)
    return engine


@contextlib.contextmanager
def _deadline(seconds: Optional[float]) -> Iterator[None]:
    """End this process (exit code 1) when the block runs over ``seconds`` of wall clock.

    faulthandler's timer is a C thread that needs no GIL, so it fires even while a C
    extension or a regular expression holds the interpreter. The build coordinator sees
    the pool break and runs the files again one per watched process (``build_guard``).
    """
    if seconds is None:
        yield
        return
    with open(os.devnull, "w") as sink:
        faulthandler.dump_traceback_later(seconds, exit=True, file=sink)
        try:
            yield
        finally:
            faulthandler.cancel_dump_traceback_later()


def run_batch(url: str, stamp: dt.datetime, files: list[FileInfo], limits: Optional[Limits] = None,
              file_seconds: Optional[float] = None, guarded: bool = False) -> list[Outcome]:
    """Build ``files`` into the database at ``url``; one outcome per file, in order.

    ``limits`` are in force while reading and parsing; ``file_seconds`` (local engine only)
    ends the worker process when one file takes longer; ``guarded`` (Dask engine) parses
    each file in a child process cut off at ``task_seconds`` / ``task_memory_mb`` (``task_guard``).
    """
    engine = _engine(url)
    done: list = []
    writer = _StreamWriter(engine, stamp, min(f.doc_id for f in files)) if streams(engine) and files else None
    try:
        with use_limits(limits):
            for info in files:
                with _deadline(file_seconds):
                    done.append(_read_and_parse(info, guarded))
                if writer is not None and isinstance(done[-1], Parsed):
                    writer.put(done[-1])
    finally:
        outcomes = writer.close() if writer is not None else None
    if outcomes is None:
        outcomes = write_batch(engine, stamp, [p for p in done if isinstance(p, Parsed)])
    written = iter(outcomes)
    return [p if isinstance(p, Outcome) else next(written) for p in done]


class _StreamWriter:
    """A thread that writes a batch (``db_write.write_stream``) while the files are being parsed."""

    def __init__(self, engine, stamp: dt.datetime, batch_id: int):
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._result: dict = {}
        self._thread = threading.Thread(target=self._run, args=(engine, stamp, batch_id), name="batch-writer",
                                        daemon=True)
        self._thread.start()

    def _items(self) -> Iterator[Parsed]:
        while (item := self._queue.get()) is not None:
            yield item
        self._ended = True

    def _run(self, engine, stamp, batch_id) -> None:
        self._ended = False
        try:
            self._result["outcomes"] = write_stream(engine, stamp, self._items(), batch_id)
        except BaseException as exc:  # handed to the task's thread by close()
            self._result["error"] = exc
            while not self._ended and self._queue.get() is not None:  # take the rest up to close()'s None
                pass

    def put(self, item: Parsed) -> None:
        self._queue.put(item)

    def close(self) -> list[Outcome]:
        """Wait for the commit; the outcomes of the written files, or the writer's error raised."""
        self._queue.put(None)
        self._thread.join()
        if "error" in self._result:
            raise self._result["error"]
        return self._result["outcomes"]
