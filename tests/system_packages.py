"""System programs some tests need, and the one line a test prints when it skips without one.

A machine with only Python runs every other test; `.ci/run` installs all of these (its
apt-get line) and fails when anything was skipped. The skip lines are gathered at the end
of the run by the terminal summary in tests/conftest.py.
"""

from __future__ import annotations

from anquanyue_parse.fonts import CJK_FONT_HINT

#: What each system program enables, and the Debian package that provides it.
SYSTEM_PACKAGES = {
    "libreoffice": ("libreoffice-writer-nogui", "PDF/.doc/.rtf fixtures made from .docx, .doc/.wps/.rtf input"),
    "chromium": ("chromium", "the review page checked in a real browser (DOM and screenshot)"),
    "postgresql": ("postgresql", "every database test run a second time against PostgreSQL"),
}
#: Prefix of every skip line about a missing system program (the summary groups on it).
MISSING = "missing system package:"


def missing(program: str, detail: str = "") -> str:
    """The skip line for a test that needs ``program``: the package to install and why."""
    package, enables = SYSTEM_PACKAGES[program]
    line = f"{MISSING} apt-get install {package} ({enables})"
    return f"{line}; {detail}" if detail else line


def missing_cjk_font(program: str) -> str:
    """The skip line when ``program`` is there but draws no Chinese (no CJK font)."""
    return f"missing CJK font for {program}: {CJK_FONT_HINT}"
