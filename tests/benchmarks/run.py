"""`make bench`: every tests/benchmarks/bench_*.py module's ``run()`` prints its lines.

Benchmarks report ratios against a reference measured in the same run, so the
numbers mean the same on a fast or a slow machine.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path


def main() -> int:
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    only = set(sys.argv[1:])
    for name in names:
        if only and name not in only:
            continue
        mod = importlib.import_module(f"tests.benchmarks.{name}")
        t = time.perf_counter()
        print(f"== {name}")
        for line in mod.run():
            print(f"   {line}", flush=True)
        print(f"   ({time.perf_counter() - t:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
