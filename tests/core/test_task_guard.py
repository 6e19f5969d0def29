"""The guarded parse of a build worker: a file that hangs or eats memory is cut off, the next one parses."""

from __future__ import annotations

from pathlib import Path

import pytest

from anquanyue_parse.store.db_rows import ParsedDocument
from anquanyue_parse.limits import Limits
from anquanyue_parse.store.task_guard import GuardedParser
from tests.hostile import fixtures as fx

SEED = Path(__file__).resolve().parents[2] / "corpus" / "seeds" / "001_b6a546741b411cec.txt"

#: Limits that let a poisoned file through the loaders' checks, so only the task guard stops it.
OPEN_HTML = dict(html_depth=10**6, html_nodes=10**7)
OPEN_ZIP = dict(zip_total_mb=10**5, zip_member_mb=10**5, zip_ratio=10**6)


@pytest.fixture
def guard():
    g = GuardedParser()
    yield g
    g.close()


def test_a_notice_parses_as_it_does_in_process(guard):
    from anquanyue_parse.store.build_tasks import parse_for_db

    data = SEED.read_bytes()
    got = guard.parse(SEED.name, data)
    assert isinstance(got, ParsedDocument)
    assert got.rows == parse_for_db(SEED.name, data).rows


def test_a_hanging_parse_is_cut_off_and_the_next_file_parses(guard):
    got = guard.parse("deep.html", fx.nested_html("div"), Limits(task_seconds=2, **OPEN_HTML))
    assert got[0] == "TaskTimeout" and "task_seconds" in got[1]
    assert isinstance(guard.parse(SEED.name, SEED.read_bytes()), ParsedDocument)


def test_a_parse_over_the_memory_limit_is_cut_off(guard):
    got = guard.parse("bomb.docx", fx.zip_bomb_docx(), Limits(task_memory_mb=400, **OPEN_ZIP))
    assert got[0] == "TaskMemoryExceeded" and "task_memory_mb=400" in got[1]
    assert isinstance(guard.parse(SEED.name, SEED.read_bytes()), ParsedDocument)


def test_a_child_that_dies_gives_worker_crashed(guard):
    import os
    import signal

    guard.parse(SEED.name, SEED.read_bytes())
    os.kill(guard.proc.pid, signal.SIGKILL)  # as if a C library had crashed it
    guard.proc.wait()
    assert guard.parse(SEED.name, SEED.read_bytes())[0] == "WorkerCrashed"
    assert isinstance(guard.parse(SEED.name, SEED.read_bytes()), ParsedDocument)  # a fresh child
