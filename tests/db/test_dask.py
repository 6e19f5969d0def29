"""The Dask engine on a real cluster on this machine; list-file and URL inputs.

LocalCluster tests use 2 worker processes; one test starts ``dask scheduler`` and
``dask worker`` from the shell. Every test runs on SQLite and on PostgreSQL (db_url).
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
import re
import time
import uuid
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="the Dask tests need the dask extra: pip install '.[dask]'")

from anquanyue_parse.store.archive import build_archive, iter_archive  # noqa: E402
from anquanyue_parse.store.db import load_records  # noqa: E402

from .test_build import row_counts, scalar  # noqa: E402

QUIET = io.StringIO()


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  silence_logs=40) as c, distributed.Client(c) as client:
        yield client


def _records(url):
    return sorted(r.model_dump_json() for r in load_records(url))


def test_dask_build_equals_the_local_build(db_url, archive, tmp_path, cluster):
    ref = f"sqlite:///{tmp_path / 'local.sqlite'}"
    local = build_archive(archive, ref, jobs=2, progress=False, log=QUIET)
    s = build_archive(archive, db_url, engine="dask", scheduler=cluster, progress=False, log=QUIET, batch_size=2)
    assert (s.parsed, s.failed, s.engine) == (len(list(iter_archive(archive))), 0, "dask")
    assert row_counts(db_url) == row_counts(ref)
    assert _records(db_url) == _records(ref)
    # the summary table is the local build's, line for line (the header names the engine and time)
    assert s.render().splitlines()[1:] == local.render().splitlines()[1:]
    assert "Dask worker threads" in s.render().splitlines()[0]
    again = build_archive(archive, db_url, engine="dask", scheduler=cluster, progress=False, log=QUIET)
    assert (again.skipped, again.parsed) == (s.parsed, 0)


def _copies(folder: Path, n: int) -> Path:
    from tests.benchmarks.bench_build import make_archive

    make_archive(folder, n)
    return folder


def _documents(url) -> int:
    try:
        return scalar(url, "SELECT count(*) FROM documents") or 0
    except Exception:  # noqa: BLE001 - the build has not created the tables yet
        return 0


def test_a_worker_killed_mid_build_loses_and_duplicates_nothing(db_url, tmp_path, cluster):
    archive = _copies(tmp_path / "copies", 400)
    pids = cluster.run(os.getpid)
    log = io.StringIO()
    result = {}
    t = threading.Thread(target=lambda: result.update(s=build_archive(
        archive, db_url, engine="dask", scheduler=cluster, progress=False, log=log, batch_size=8)))
    t.start()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and _documents(db_url) < 40:
        time.sleep(0.2)
    victim = sorted(pids.values())[0]
    os.kill(victim, signal.SIGKILL)  # mid-build: batches in flight on that worker are lost
    t.join(timeout=300)
    s = result["s"]
    assert (s.parsed, s.failed) == (400, 0), s.render()
    assert scalar(db_url, "SELECT count(*) FROM documents") == 400
    assert scalar(db_url, "SELECT count(DISTINCT path) FROM documents") == 400
    assert scalar(db_url, "SELECT count(*) FROM campaigns") == 400
    ref = f"sqlite:///{tmp_path / 'local.sqlite'}"
    build_archive(archive, ref, jobs=2, progress=False, log=QUIET)
    assert row_counts(db_url) == row_counts(ref)
    cluster.wait_for_workers(2, timeout=60)  # the nanny restarts the killed worker for the next tests


def test_scheduler_and_workers_started_from_the_shell(db_url, archive, tmp_path):
    bin_dir = Path(sys.executable).parent
    dask = bin_dir / "dask"
    if not dask.exists():
        pytest.skip("the dask command is not installed (pip install '.[dask]')")
    sched_file = tmp_path / "scheduler.json"
    procs = [subprocess.Popen([str(dask), "scheduler", "--scheduler-file", str(sched_file), "--port", "0",
                               "--dashboard-address", ":0"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        for _ in range(100):
            if sched_file.exists() and sched_file.stat().st_size:
                break
            time.sleep(0.2)
        address = json.loads(sched_file.read_text())["address"]
        procs.append(subprocess.Popen([str(dask), "worker", address, "--nworkers", "2", "--nthreads", "1",
                                       "--memory-limit", "2GiB"], stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL))
        with distributed.Client(address, timeout="60s") as c:
            c.wait_for_workers(2, timeout=120)
        out = subprocess.run([str(bin_dir / "anquanyue-parse"), "build", str(archive), "--db", db_url,
                              "--engine", "dask", "--scheduler", address, "--no-progress"],
                             capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr
        total = len(list(iter_archive(archive)))
        parsed = next(line.split()[-1] for line in out.stdout.splitlines() if "parsed (new)" in line)
        assert int(parsed.replace(",", "")) == total
        assert "Dask worker threads" in out.stdout and "dashboard" in out.stderr
        assert scalar(db_url, "SELECT count(*) FROM campaigns") == total
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()


def test_list_file_and_url_inputs(db_url, archive, tmp_path):
    files = sorted(iter_archive(archive))
    listing = tmp_path / "files.txt"
    listing.write_text("# two files, one of them twice\n" + f"{files[0]}\n{files[1]}\n\n{files[0]}\n", encoding="utf-8")
    s = build_archive(listing, db_url, listed=True, progress=False, log=QUIET)
    assert (s.seen, s.parsed, s.removed) == (2, 2, 0)
    url = Path(archive).resolve().as_uri()  # file:///…: read through fsspec by the workers
    s = build_archive(url, db_url, progress=False, log=QUIET)
    assert (s.seen, s.parsed, s.failed) == (len(files), len(files), 0)  # other names than the plain paths
    paths = load_records(db_url)
    assert all(r.source_path.startswith(("file://", "/")) for r in paths)
    assert scalar(db_url, "SELECT count(*) FROM documents WHERE path LIKE 'file://%'") == len(files)


def test_a_poisoned_file_is_cut_off_and_the_build_goes_on(db_url, archive, cluster):
    from anquanyue_parse.limits import Limits
    from tests.hostile import fixtures as fx

    (Path(archive) / "deep.html").write_bytes(fx.nested_html("div"))  # hangs the HTML parser
    limits = Limits(task_seconds=2, html_depth=10**6, html_nodes=10**7)
    s = build_archive(archive, db_url, engine="dask", scheduler=cluster, progress=False, log=QUIET,
                      batch_size=2, limits=limits)
    total = len(list(iter_archive(archive)))
    assert (s.parsed, s.failed) == (total - 1, 1), s.render()
    assert scalar(db_url, "SELECT error_type FROM failures WHERE path LIKE '%deep.html'") == "TaskTimeout"


def _hidden_from_the_client(monkeypatch):
    """Make every read in this (the client's) process fail: only the workers may read the files."""
    from anquanyue_parse.store import build_tasks, inputs

    def refuse(name):
        raise AssertionError(f"the client read {name}")

    monkeypatch.setattr(build_tasks, "read_input", refuse)
    monkeypatch.setattr(inputs, "read_regular", refuse)


def test_url_and_list_inputs_are_read_by_the_workers_not_the_client(db_url, archive, tmp_path, cluster,
                                                                     monkeypatch):
    files = sorted(iter_archive(archive))
    _hidden_from_the_client(monkeypatch)
    url = Path(archive).resolve().as_uri()  # file:///…, listed here, read by the worker processes
    s = build_archive(url, db_url, engine="dask", scheduler=cluster, progress=False, log=QUIET, batch_size=2)
    assert (s.seen, s.parsed, s.failed) == (len(files), len(files), 0), s.render()
    assert scalar(db_url, "SELECT count(*) FROM documents WHERE path LIKE 'file:///%'") == len(files)
    listing = tmp_path / "files.txt"  # a plain path and a URL in one list
    listing.write_text(f"{files[0]}\n{files[1].resolve().as_uri()}\n", encoding="utf-8")
    s = build_archive(listing, db_url, listed=True, engine="dask", scheduler=cluster, progress=False, log=QUIET)
    assert (s.seen, s.parsed, s.skipped, s.removed) == (2, 1, 1, 0), s.render()


def test_an_fsspec_memory_filesystem_read_by_dask_workers(db_url, archive, tmp_path):
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    root = f"/anquanyue-{uuid.uuid4().hex[:8]}"
    files = sorted(iter_archive(archive))
    for p in files:
        fs.pipe(f"{root}/{p.relative_to(archive).as_posix()}", p.read_bytes())
    fs.pipe(f"{root}/.hidden/skip.txt", b"not a notice")
    fs.pipe(f"{root}/seeds/notes.json", b"{}")
    # the memory filesystem lives in this process: the workers are threads of an in-process cluster
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0",
                                  silence_logs=40) as c, distributed.Client(c) as client:
        s = build_archive(f"memory://{root}", db_url, engine="dask", scheduler=client, progress=False, log=QUIET,
                          batch_size=2)
        assert (s.seen, s.parsed, s.failed) == (len(files), len(files), 0), s.render()
        assert scalar(db_url, f"SELECT count(*) FROM documents WHERE path LIKE 'memory://{root}/%'") == len(files)
        fs.rm(f"{root}/{files[0].relative_to(archive).as_posix()}")  # gone from under the URL's root
        again = build_archive(f"memory://{root}/", db_url, engine="dask", scheduler=client, progress=False,
                              log=QUIET)
    assert (again.seen, again.skipped, again.removed, again.parsed) == (len(files) - 1, len(files) - 1, 1, 0)
    fs.rm(root, recursive=True)


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_progress_lines_show_files_done_rate_and_failures(tmp_path, archive, cluster, monkeypatch, engine):
    from anquanyue_parse.store import build_report

    (Path(archive) / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    total = len(list(iter_archive(archive)))
    monkeypatch.setattr(build_report, "LOG_EVERY", 0.0)  # a line after every batch
    log = io.StringIO()
    s = build_archive(archive, f"sqlite:///{tmp_path / 'p.sqlite'}", engine=engine, jobs=2,
                      scheduler=cluster if engine == "dask" else None, progress=False, log=log, batch_size=2)
    assert (s.parsed, s.failed) == (total - 1, 1)
    line = re.compile(r"build: ([\d,]+)/([\d,]+)(\+ \(still listing\))? files \(\d+%\), (\d+) failed, "
                      r"([\d,.]+) files/s(, ETA [\d,]+ s)? \[(.+)\]$")
    found = [m for m in map(line.match, log.getvalue().splitlines()) if m]
    assert len(found) >= 3, log.getvalue()
    done = [int(m.group(1).replace(",", "")) for m in found]
    assert done == sorted(done) and done[-1] == total
    last = found[-1]
    assert (int(last.group(2)), last.group(3), int(last.group(4))) == (total, None, 1)
    assert float(last.group(5).replace(",", "")) > 0
    assert ("Dask" in last.group(7)) == (engine == "dask")
