"""The task a build runs on a worker (a local process or a Dask worker): read, hash, parse, write.

``run_batch(url, stamp, files)`` reads each file (``inputs.read_input``), skips those whose
sha256 is unchanged, parses the others, turns each record into rows and writes the batch
in one transaction (``db_write.write_batch``). It returns only a short outcome per file,
so the coordinator never holds a record, a row or a file's bytes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import faulthandler
import hashlib
import os
from typing import Iterator, Optional, Union

from .db_rows import ParsedDocument
from .db_write import FileInfo, Outcome, Parsed, write_batch, writer_engine
from ..errors import EmptyDocument
from .inputs import read_input
from ..limits import Limits, use_limits
from ..loaders import load_bytes
from ..paths import printable
from ..pipeline import parse_source

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
        source = load_bytes(data, name)
        if not source.text.strip():  # no notice to store: a failure, not an empty campaign
            raise EmptyDocument(f"no text in this {source.format} file ({len(data):,} bytes)")
        record = parse_source(source)
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
    done = []
    with use_limits(limits):
        for info in files:
            with _deadline(file_seconds):
                done.append(_read_and_parse(info, guarded))
    written = iter(write_batch(_engine(url), stamp, [p for p in done if isinstance(p, Parsed)]))
    return [p if isinstance(p, Outcome) else next(written) for p in done]
