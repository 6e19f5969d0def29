"""Shared fixtures (the corpus folder, the seed notices) and the end-of-run block of skips.

Every skipped test is listed once, grouped by its reason, in one block at the end of the run
(the reasons name the Debian package to install, see tests/system_packages.py). With CI=true
a run that skipped anything fails: CI installs every system package, so a skip there means a
missing install step.
"""

from __future__ import annotations

import os
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
if str(ROOT) not in sys.path:  # `from tests.… import …` also under a bare `pytest`
    sys.path.insert(0, str(ROOT))

_skips: dict[str, list[str]] = defaultdict(list)


def pytest_configure(config) -> None:
    # OCR results are cached per run in a temporary folder, never in the user's cache
    if "ANQUANYUE_OCR_CACHE" not in os.environ:
        import tempfile

        os.environ["ANQUANYUE_OCR_CACHE"] = tempfile.mkdtemp(prefix="anquanyue-ocr-cache-")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    return sorted((CORPUS / "seeds").glob("*.txt"))


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        _skips[reason.removeprefix("Skipped: ")].append(report.nodeid)


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if not _skips:
        return
    total = sum(len(v) for v in _skips.values())
    terminalreporter.section(f"skipped: {total} tests, by reason", sep="=")
    for reason, nodes in sorted(_skips.items(), key=lambda kv: -len(kv[1])):
        terminalreporter.line(f"{len(nodes):4d}  {reason}")
    if _in_ci():
        terminalreporter.line("CI=true: a skipped test fails the run (.ci/run installs every system package)")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _in_ci() and _skips and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
