"""Building the campaign database: incremental, resumable, duplicates, failures, two builds at once."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text

from anquanyue_parse import parse_file
from anquanyue_parse.store.archive import build_archive, iter_archive
from anquanyue_parse.cli import main
from anquanyue_parse.store.db import load_campaigns, load_records, load_table
from anquanyue_parse.store.db_schema import make_engine
from anquanyue_parse.errors import DatabaseError, FileAccessError

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
QUIET = io.StringIO()  # build log lines are not checked here


def build(root, url, **kw):
    return build_archive(root, url, progress=False, log=QUIET, **kw)


def scalar(url: str, sql: str):
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).scalar()
    finally:
        engine.dispose()


def row_counts(url: str) -> dict[str, int]:
    names = ["documents", "campaigns", "deadlines", "contacts", "activities", "attachments", '"references"',
             "warnings", "failures"]
    return {n.strip('"'): scalar(url, f"SELECT count(*) FROM {n}") for n in names}


def test_build_over_corpus_then_rerun_skips_everything(db_url, tmp_path):
    corpus = shutil.copytree(CORPUS, tmp_path / "corpus")  # a snapshot: the corpus is edited meanwhile
    files = list(iter_archive(corpus))
    assert files and not any(p.suffix == ".json" or p.stem.lower() == "readme" for p in files)
    first = build(corpus, db_url)
    assert first.seen == len(files)
    assert first.parsed + first.failed == len(files)
    assert first.failed == 0, first.failures
    assert len(load_campaigns(db_url)) == first.parsed - first.duplicates
    assert sum(n for _, n in first.by_year) == first.parsed - first.duplicates
    again = build(corpus, db_url)
    assert (again.skipped, again.parsed, again.replaced, again.removed, again.failed) == (len(files), 0, 0, 0, 0)
    assert again.by_year == first.by_year


def test_changed_file_replaces_its_rows(db_url, archive):
    build(archive, db_url)
    before = row_counts(db_url)
    target = sorted(iter_archive(archive))[0]
    doc_id = scalar(db_url, f"SELECT id FROM documents WHERE path = '{target}'")
    target.write_text(target.read_text("utf-8") + "\n联系人：张三，电话：0631-5201067\n", encoding="utf-8")
    s = build(archive, db_url)
    assert (s.parsed, s.replaced, s.skipped) == (0, 1, before["documents"] - 1)
    assert scalar(db_url, f"SELECT id FROM documents WHERE path = '{target}'") == doc_id
    assert scalar(db_url, "SELECT count(*) FROM campaigns") == before["campaigns"]
    rec = [r for r in load_records(db_url) if r.source_path == str(target)]
    assert len(rec) == 1 and rec[0].source_text.endswith("0631-5201067\n")
    assert rec[0] == parse_file(target)


def test_removed_file_is_marked_and_comes_back(db_url, archive):
    build(archive, db_url)
    n = len(load_campaigns(db_url))
    gone = sorted(iter_archive(archive))[-1]
    saved = gone.read_bytes()
    gone.unlink()
    s = build(archive, db_url)
    assert s.removed == 1 and s.parsed == 0
    docs = load_table(db_url, "documents")
    assert docs.loc[docs.path == str(gone), "removed"].tolist() == [True]
    assert str(gone) not in set(load_campaigns(db_url).path)
    assert len(load_campaigns(db_url)) == n - 1
    assert str(gone) not in {r.source_path for r in load_records(db_url)}
    assert build(archive, db_url).removed == 0  # counted once
    gone.write_bytes(saved)
    s = build(archive, db_url)
    assert s.replaced == 1 and len(load_campaigns(db_url)) == n


def test_same_notice_twice_is_linked_not_counted_twice(db_url, archive):
    build(archive, db_url)
    n = len(load_campaigns(db_url))
    first = sorted(iter_archive(archive))[0]
    # a forwarded copy (same bytes) and a re-typed copy (other line breaks and spacing, full-width digits)
    shutil.copy(first, archive / "forwarded_copy.txt")
    retyped = first.read_text("utf-8").replace("\n", "\n\n  ").replace("2023", "２０２３")
    (archive / "more" / "retyped.txt").write_text(retyped, encoding="utf-8")
    s = build(archive, db_url)
    assert (s.parsed, s.duplicates) == (2, 2)
    assert len(load_campaigns(db_url)) == n
    first_id = scalar(db_url, f"SELECT id FROM documents WHERE path = '{first}'")
    assert scalar(db_url, f"SELECT count(*) FROM documents WHERE duplicate_of = {first_id}") == 2
    assert sum(n for _, n in s.by_year) == n
    # the first copy disappears: the oldest copy left takes its place
    first.unlink()
    s = build(archive, db_url)
    assert s.removed == 1 and s.duplicates == 1
    assert len(load_campaigns(db_url)) == n
    copies = {str(archive / "forwarded_copy.txt"), str(archive / "more" / "retyped.txt")}
    assert len(copies & set(load_campaigns(db_url).path)) == 1


def test_bad_file_lands_in_failures_and_sets_the_exit_code(db_url, archive, capsys):
    bad = archive / "more" / "scan.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    assert main(["build", str(archive), "--db", db_url, "--no-progress"]) == 1
    out = capsys.readouterr().out
    assert "failed" in out and "scan.txt: CorruptDocument" in out  # a PNG, but a broken one
    fails = load_table(db_url, "failures")
    assert fails.path.tolist() == [str(bad)] and fails.error_type.tolist() == ["CorruptDocument"]
    assert len(load_campaigns(db_url)) == len(list(iter_archive(archive))) - 1
    # a failed file is tried again; once it parses, its failure row goes
    shutil.copy(CORPUS / "devset" / "010.txt", bad)
    assert main(["build", str(archive), "--db", db_url, "--no-progress"]) == 0
    assert load_table(db_url, "failures").empty
    assert str(bad) in set(load_campaigns(db_url).path)


def test_missing_folder_is_a_typed_error(db_url, tmp_path):
    with pytest.raises(FileAccessError, match="not a folder"):
        build(tmp_path / "nope", db_url)


# sitecustomize for the fault tests: loaded by the build process and by its workers, which
# inherit the environment. FAULT says what goes wrong in a worker's write or parse.
_FAULT_HOOK = textwrap.dedent("""
    import os, signal
    if "FAULT" in os.environ and "BUILD_PID" not in os.environ:
        os.environ["BUILD_PID"] = str(os.getpid())  # the first process to start is the build
    from anquanyue_parse.store import build_tasks, db_write
    from anquanyue_parse.errors import DatabaseError

    fault, calls = os.environ.get("FAULT"), []
    _write, _insert, _parse = db_write._write, db_write._insert_records, build_tasks.parse_for_db

    def write(conn, stamp, items):
        calls.append(1)
        if fault == "kill-third-write" and len(calls) == 3:  # written, not committed: all die
            _write(conn, stamp, items)
            os.kill(int(os.environ["BUILD_PID"]), signal.SIGKILL)
            os._exit(9)
        if fault == "fail-second-write" and len(calls) == 2:
            raise DatabaseError("disk full (simulated)")
        return _write(conn, stamp, items)

    def insert(conn, items):
        if fault == "refuse" and any(p.info.path == os.environ["POISON"] for p in items):
            from sqlalchemy.exc import IntegrityError
            raise IntegrityError("INSERT …", {}, Exception("value too long (simulated)"))
        return _insert(conn, items)

    def parse_for_db(name, data):
        if fault == "crash" and os.path.basename(name).startswith("crash"):
            os._exit(9)
        return _parse(name, data)

    db_write._write, db_write._insert_records, build_tasks.parse_for_db = write, insert, parse_for_db
""")


def build_with_fault(fault: str, archive, url: str, tmp_path, **env) -> subprocess.CompletedProcess:
    """Build in a fresh process (jobs=1, batches of two files) with FAULT injected in its workers."""
    hook = tmp_path / "hook"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(_FAULT_HOOK, encoding="utf-8")
    code = ("import sys; from anquanyue_parse.store.archive import build_archive; "
            "s = build_archive(sys.argv[1], sys.argv[2], jobs=1, batch_size=2, progress=False); "
            "print(s.render()); sys.exit(0 if s.ok else 1)")
    env = dict(os.environ, PYTHONPATH=str(hook), FAULT=fault, **env)
    env.pop("BUILD_PID", None)
    return subprocess.run([sys.executable, "-c", code, str(archive), url], capture_output=True, text=True,
                          env=env, timeout=180)


def test_killed_build_resumes_without_duplicates_or_lost_rows(db_url, archive, tmp_path):
    ref_url = f"sqlite:///{tmp_path / 'reference.sqlite'}"
    build(archive, ref_url, jobs=1)
    expected = row_counts(ref_url)
    proc = build_with_fault("kill-third-write", archive, db_url, tmp_path)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert scalar(db_url, "SELECT count(*) FROM documents") == 4  # two committed batches, nothing half-written
    assert scalar(db_url, "SELECT count(*) FROM campaigns") == 4
    s = build(archive, db_url)
    assert (s.skipped, s.parsed, s.failed) == (4, expected["documents"] - 4, 0)
    assert row_counts(db_url) == expected
    assert scalar(db_url, "SELECT count(DISTINCT path) FROM documents") == expected["documents"]
    assert sorted(r.model_dump_json() for r in load_records(db_url)) == \
        sorted(r.model_dump_json() for r in load_records(ref_url))


def test_error_in_the_writer_stops_the_build_and_the_next_one_finishes(db_url, archive, tmp_path):
    proc = build_with_fault("fail-second-write", archive, db_url, tmp_path)
    assert proc.returncode != 0 and "simulated" in proc.stderr
    written = scalar(db_url, "SELECT count(*) FROM documents")  # batches 1 and maybe 3 (already running)
    total = len(list(iter_archive(archive)))
    assert written in (2, 4) and written < total
    s = build(archive, db_url)
    assert (s.skipped, s.parsed) == (written, total - written)
    assert scalar(db_url, "SELECT count(*) FROM campaigns") == total


def test_two_builds_at_once_wait_for_each_other(db_url, archive):
    cmd = [sys.executable, "-m", "anquanyue_parse.cli", "build", str(archive), "--db", db_url, "--no-progress",
           "--jobs", "1"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1] for o in outs]
    total = len(list(iter_archive(archive)))
    parsed = [int(next(line.split()[-1] for line in o[0].splitlines() if "parsed (new)" in line)) for o in outs]
    assert sorted(parsed) == [0, total]  # the second build waited, then found everything done
    assert scalar(db_url, "SELECT count(*) FROM documents") == total
    if db_url.startswith("sqlite"):
        assert scalar(db_url, "PRAGMA integrity_check") == "ok"
        assert not Path(db_url.removeprefix("sqlite:///") + ".lock").exists()  # the lock file is cleaned up


def test_a_busy_database_fails_with_a_clear_message_after_the_timeout(db_url, archive):
    from anquanyue_parse.store.db_lock import build_lock

    engine = make_engine(db_url)
    try:
        with build_lock(engine):
            with pytest.raises(DatabaseError, match="another build is writing"):
                build(archive, db_url, lock_timeout=0.3)
    finally:
        engine.dispose()
    assert build(archive, db_url).parsed == len(list(iter_archive(archive)))


@pytest.mark.postgres
def test_the_postgresql_build_lock_is_per_schema():
    """Builds into two schemas of one database run at once; two into one schema wait."""
    import uuid

    from sqlalchemy import create_engine

    from anquanyue_parse.store.db_lock import build_lock
    from tests.db.conftest import _pg_base_url

    base = _pg_base_url()
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    names = [f"lock_{uuid.uuid4().hex[:10]}" for _ in range(2)]
    engines = []
    try:
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f'CREATE SCHEMA "{name}"'))
        sep = "&" if "?" in base else "?"
        engines = [make_engine(f"{base}{sep}options=-csearch_path%3D{name}") for name in names]
        with build_lock(engines[0]):
            with build_lock(engines[1], timeout=0.3):  # another schema: not blocked
                pass
            with pytest.raises(DatabaseError, match=f"schema {names[0]}"):
                with build_lock(make_engine(str(engines[0].url.render_as_string(hide_password=False))),
                                timeout=0.3):
                    pass
    finally:
        for engine in engines:
            engine.dispose()
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        admin.dispose()


def test_a_worker_that_dies_costs_one_file_not_the_build(archive, tmp_path):
    shutil.copy(CORPUS / "devset" / "010.txt", archive / "crash_me.txt")
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    proc = build_with_fault("crash", archive, url, tmp_path)
    assert proc.returncode == 1, proc.stderr
    fails = load_table(url, "failures")
    assert fails.path.tolist() == [str(archive / "crash_me.txt")] and fails.error_type.tolist() == ["WorkerCrashed"]
    assert len(load_campaigns(url)) == len(list(iter_archive(archive))) - 1


def test_a_record_the_database_refuses_costs_that_file_only(db_url, archive, tmp_path):
    poison = sorted(iter_archive(archive))[2]
    proc = build_with_fault("refuse", archive, db_url, tmp_path, POISON=str(poison))
    assert proc.returncode == 1, proc.stderr
    total = len(list(iter_archive(archive)))
    assert scalar(db_url, "SELECT count(*) FROM campaigns") == total - 1
    fails = load_table(db_url, "failures")
    assert fails.path.tolist() == [str(poison)] and fails.error_type.tolist() == ["DatabaseError"]
    assert "simulated" in fails.message[0]
    assert len(load_campaigns(db_url)) == total - 1
