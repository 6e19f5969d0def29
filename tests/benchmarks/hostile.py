"""Time and peak memory of `anquanyue-parse parse FILE` on every hostile input of issue 13.

    python -m tests.benchmarks.hostile [--timeout S] [--cap-gb G] [--cli PATH] [NAME_PART ...]

One process per file under /usr/bin/time -v (wall clock, maximum resident set size); a run
is killed after ``--timeout`` seconds, and its address space is capped at ``--cap-gb`` so a
zip bomb cannot take the machine down. Prints a Markdown table: input, outcome (the error
type from the CLI's one line, or "record"), seconds, MB.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.hostile.fixtures import HOSTILE

ROOT = Path(__file__).resolve().parents[2]


def _cap(gb: float):
    def limit() -> None:
        size = int(gb * (1 << 30))
        resource.setrlimit(resource.RLIMIT_AS, (size, size))
    return limit


def measure(cli: str, path: Path, timeout: float, cap_gb: float) -> tuple[str, float, float]:
    """(outcome, seconds, peak MB) of one parse."""
    cmd = ["/usr/bin/time", "-v", cli, "parse", "--no-source", str(path)]
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            start_new_session=True, preexec_fn=_cap(cap_gb))
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return f"killed after {timeout:.0f} s", time.monotonic() - t0, float("nan")
    lines = err.decode("utf-8", "replace").splitlines()
    peak = next((int(ln.split(":")[1]) / 1024 for ln in lines if "Maximum resident set size" in ln), float("nan"))
    errors = [ln for ln in lines if ln.startswith("anquanyue-parse: ")]
    if errors:
        outcome = errors[0].split(": ")[1]
    elif any(ln.startswith("Traceback") for ln in lines):
        outcome = "traceback"
    else:
        outcome = "record"
    return outcome, time.monotonic() - t0, peak


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("only", nargs="*", help="measure only inputs whose name contains one of these")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--cap-gb", type=float, default=4.0)
    ap.add_argument("--cli", default=str(Path(sys.executable).with_name("anquanyue-parse")))
    args = ap.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="anquanyue-hostile-"))
    print("| input | outcome | s | MB |\n|---|---|---:|---:|")
    try:
        for h in HOSTILE:
            if args.only and not any(o in h.name or o in h.filename for o in args.only):
                continue
            path = h.make(folder)
            outcome, secs, mb = measure(args.cli, path, args.timeout, args.cap_gb)
            print(f"| {h.name} | {outcome} | {secs:.1f} | {mb:.0f} |", flush=True)
            path.unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
