"""Per-file guards of the local build: a file over task_seconds or task_memory_mb costs itself only.

The poisoned parser is injected into the build and its workers by a sitecustomize hook:
``regex_*`` files run a catastrophic regular expression (C code holding the GIL for
minutes), ``alloc_*`` files allocate up to ~1.5 GB, ``sleep_*`` files sleep.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from anquanyue_parse.store.build_guard import rss_mb
from anquanyue_parse.store.db import open_database

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

#: Limits of the poisoned builds: short enough for a test, long enough for a real notice.
TASK_SECONDS = 3
TASK_MEMORY_MB = 600

_POISON_HOOK = textwrap.dedent("""
    import os, re, time
    if os.environ.get("POISON_PARSE"):
        from anquanyue_parse.store import build_tasks
        _parse = build_tasks.parse_for_db

        def parse_for_db(name, data):
            base = os.path.basename(name)
            if base.startswith("regex"):
                re.match(r"(a+)+$", "a" * 64 + "b")  # exponential backtracking, GIL held
            if base.startswith("sleep"):
                time.sleep(600)
            if base.startswith("alloc"):
                hog = [b"x" * (50 << 20) for _ in range(30)]  # 1.5 GB, every page touched
            return _parse(name, data)

        build_tasks.parse_for_db = parse_for_db
""")


def _archive(folder: Path, good: int, poisoned: list[str]) -> Path:
    folder.mkdir()
    for src in sorted((CORPUS / "devset").glob("*.txt"))[:good]:
        shutil.copy(src, folder / src.name)
    src = sorted((CORPUS / "devset").glob("*.txt"))[0]
    for name in poisoned:
        shutil.copy(src, folder / name)
    return folder


def _poisoned_build(tmp_path: Path, archive: Path, *limit_args: str) -> subprocess.CompletedProcess:
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(_POISON_HOOK, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(hook), POISON_PARSE="1")
    cmd = [sys.executable, "-m", "anquanyue_parse.cli", "build", str(archive), "--db",
           f"sqlite:///{tmp_path / 'c.sqlite'}", "--jobs", "2", "--no-progress", *limit_args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)


def _failures(tmp_path: Path) -> dict[str, tuple[str, str]]:
    with open_database(f"sqlite:///{tmp_path / 'c.sqlite'}") as db:
        frame = db.query("SELECT path, error_type, message FROM failures")
    return {Path(p).name: (t, m) for p, t, m in zip(frame.path, frame.error_type, frame.message)}


def _stored(tmp_path: Path) -> int:
    with open_database(f"sqlite:///{tmp_path / 'c.sqlite'}") as db:
        return int(db.query("SELECT count(*) AS n FROM campaigns").n[0])


def test_a_file_over_the_time_or_memory_limit_is_replaced_and_listed(tmp_path):
    archive = _archive(tmp_path / "a", 6, ["regex_me.txt", "sleep_me.txt", "alloc_me.txt"])
    t0 = time.perf_counter()
    proc = _poisoned_build(tmp_path, archive, "--limit", f"task_seconds={TASK_SECONDS}",
                           "--limit", f"task_memory_mb={TASK_MEMORY_MB}")
    seconds = time.perf_counter() - t0
    assert proc.returncode == 1, proc.stderr
    fails = _failures(tmp_path)
    assert set(fails) == {"regex_me.txt", "sleep_me.txt", "alloc_me.txt"}, fails
    assert fails["regex_me.txt"][0] == fails["sleep_me.txt"][0] == "TaskTimeout"
    assert fails["regex_me.txt"][1].startswith("timeout:") and "task_seconds=3" in fails["regex_me.txt"][1]
    assert fails["alloc_me.txt"][0] == "TaskMemoryExceeded"
    assert fails["alloc_me.txt"][1].startswith("memory:") and "task_memory_mb=600" in fails["alloc_me.txt"][1]
    assert _stored(tmp_path) == 6
    # each poisoned file costs at most twice its limit (once in the pool, once watched alone)
    assert seconds < 60, seconds


def test_task_timeout_and_task_memory_options_set_the_limits(tmp_path):
    archive = _archive(tmp_path / "a", 2, ["sleep_me.txt", "alloc_me.txt"])
    seconds = 8  # the allocation must reach the memory limit first, also on a busy machine
    proc = _poisoned_build(tmp_path, archive, "--task-timeout", str(seconds), "--task-memory", str(TASK_MEMORY_MB))
    assert proc.returncode == 1, proc.stderr
    fails = _failures(tmp_path)
    assert fails["sleep_me.txt"][0] == "TaskTimeout" and "task_seconds=8" in fails["sleep_me.txt"][1]
    assert fails["alloc_me.txt"][0] == "TaskMemoryExceeded" and "task_memory_mb=600" in fails["alloc_me.txt"][1]
    assert _stored(tmp_path) == 2


def test_the_default_limits_leave_good_files_alone(tmp_path):
    archive = _archive(tmp_path / "a", 4, [])
    proc = _poisoned_build(tmp_path, archive)
    assert proc.returncode == 0, proc.stderr
    assert _stored(tmp_path) == 4 and not _failures(tmp_path)


def test_a_bad_limit_option_is_one_line(tmp_path):
    archive = _archive(tmp_path / "a", 1, [])
    proc = _poisoned_build(tmp_path, archive, "--limit", "task_seconds=-1")
    assert proc.returncode != 0 and "task_seconds" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs /proc (Linux)")
def test_rss_is_read_from_proc():
    assert 5 < rss_mb(os.getpid()) < 4000
    assert rss_mb(2 ** 22 + 7) is None
