"""Time and peak memory of `anquanyue-parse parse FILE` on every hostile input of issue 13.

    python -m tests.benchmarks.hostile [--timeout S] [--cap-gb G] [--cli PATH] [NAME_PART ...]

One process per file. Wall clock, CPU time (user + system, the process and its children)
and the maximum resident set size come from ``os.wait4`` on that process (what
``/usr/bin/time -v`` reports); a run is killed after ``--timeout`` seconds, and its address
space is capped at ``--cap-gb`` so a zip bomb cannot take the machine down. The first row
parses a good notice: the cost of starting the CLI, measured in the same run.

The time budget is checked on CPU time: the parse is one thread, so on an idle machine
wall ≈ CPU, while on a shared one the wall clock also counts other processes' turns (the
table shows both, and the load average). A run that blocks (a FIFO) uses no CPU but is
killed at ``--timeout`` and fails.

Prints a Markdown table (input, outcome: the error type from the CLI's one line or
"record", wall s, CPU s, MB, within the budget) and exits 1 when a row is over
``BUDGET_SECONDS`` (CPU) or ``BUDGET_MB``, was killed, ended in a traceback, or did not give
its expected outcome.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.hostile.fixtures import HOSTILE, Hostile, _h
from tests.loaders import generate as gen

#: The budget of one file in issue 13's "done when" (CPU seconds, peak resident MB).
BUDGET_SECONDS = 10.0
BUDGET_MB = 500.0

#: A good notice, parsed first: the cost of a CLI run that does nothing hostile.
REFERENCE = _h("reference: a good notice (.txt)", "notice.txt", lambda: gen.notice_text("seed001").encode(), "record")


#: Wall-clock limit of the opt-in row (500 pages read in full).
OPT_IN_TIMEOUT = 600.0


@dataclass
class Run:
    outcome: str
    killed: bool
    wall: float
    cpu: float
    mb: float

    def within(self) -> bool:
        return not self.killed and self.cpu <= BUDGET_SECONDS and self.mb <= BUDGET_MB


def _cap(gb: float):
    def limit() -> None:
        size = int(gb * (1 << 30))
        resource.setrlimit(resource.RLIMIT_AS, (size, size))
    return limit


def _outcome(stderr: str, status: int) -> str:
    lines = stderr.splitlines()
    errors = [ln for ln in lines if ln.startswith("anquanyue-parse: ")]
    if errors:
        return errors[0].split(": ")[1]
    if any(ln.startswith("Traceback") for ln in lines):
        return "traceback"
    return "record" if status == 0 else f"exit status {status}"


def measure(cli: str, path: Path, timeout: float, cap_gb: float, extra: tuple[str, ...] = ()) -> Run:
    """One ``parse`` of ``path`` in its own process (and process group)."""
    with tempfile.TemporaryFile() as err:
        t0 = time.monotonic()
        proc = subprocess.Popen([cli, "parse", "--no-source", *extra, str(path)], stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=err, start_new_session=True,
                                preexec_fn=_cap(cap_gb))
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.monotonic() - t0
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    outcome = f"killed after {timeout:g} s" if killed.is_set() else _outcome(text, proc.returncode)
    # ru_maxrss: the largest resident set of the process or of a child it waited for, in KB
    return Run(outcome, killed.is_set(), wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def rows() -> list[tuple[Hostile, tuple[str, ...]]]:
    """(input, extra CLI arguments): the reference, the issue's table, and the 500-page PDF
    read in full with its limit raised (memory bounded by one page, time not by the budget)."""
    pages500 = next(h for h in HOSTILE if h.filename == "pages500.pdf")
    opened = Hostile("500-page PDF with --limit pdf_pages=500 (opt-in, not in the budget)", pages500.filename,
                     pages500.make, "record")
    return [(REFERENCE, ()), *((h, ()) for h in HOSTILE), (opened, ("--limit", "pdf_pages=500"))]


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.machine()}, "
            f"{os.cpu_count()} cores, Python {platform.python_version()}, load average {load:.1f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("only", nargs="*", help="measure only inputs whose name or file name contains one of these")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--cap-gb", type=float, default=4.0)
    ap.add_argument("--cli", default=str(Path(sys.executable).with_name("anquanyue-parse")))
    args = ap.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="anquanyue-hostile-"))
    print(f"{machine()}\n")
    print("| input | outcome | wall s | CPU s | peak MB | ≤ 10 s CPU, 500 MB |\n|---|---|---:|---:|---:|---|")
    bad = []
    try:
        for i, (h, extra) in enumerate(rows()):
            if i and args.only and not any(o in h.name or o in h.filename for o in args.only):
                continue
            path = h.make(folder)
            timeout = args.timeout if not extra else max(args.timeout, OPT_IN_TIMEOUT)
            run = measure(args.cli, path, timeout, args.cap_gb, extra)
            budgeted = not extra
            verdict = ("yes" if run.within() else "**no**") if budgeted else "n/a"
            print(f"| {h.name} | {run.outcome} | {run.wall:.1f} | {run.cpu:.1f} | {run.mb:.0f} | {verdict} |",
                  flush=True)
            if run.outcome != h.expect or (budgeted and not run.within()):
                bad.append(f"{h.filename}: {run.outcome} (expected {h.expect}), {run.wall:.1f} s, {run.mb:.0f} MB")
            path.unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for line in bad:
        print(f"over budget or unexpected: {line}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
