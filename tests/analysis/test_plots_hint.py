"""Plots without the analysis extra: one line naming the extra, not a ModuleNotFoundError."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
sys.modules["matplotlib"] = None  # as if the analysis extra were not installed
from anquanyue_parse import analysis as A
from anquanyue_parse.errors import MissingDependency
try:
    A.plot_theme_timeline
except MissingDependency as exc:
    print(exc)
else:
    print("no error")
"""


def test_plots_without_matplotlib_name_the_extra():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines == ["plots need matplotlib and the CJK font: pip install 'anquanyue_parse[analysis]'"]
