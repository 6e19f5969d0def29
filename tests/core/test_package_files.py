"""What a packaged release carries besides the code: py.typed, the licence, the changelog."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_typed_licensed_and_changelogged():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert (ROOT / "anquanyue_parse" / "py.typed").is_file()
    assert "py.typed" in meta["tool"]["setuptools"]["package-data"]["anquanyue_parse"]
    licence = (ROOT / "LICENSE").read_text("utf-8")
    assert meta["project"]["license"] == "MIT" and licence.startswith("MIT License")
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    assert f"## [{meta['project']['version']}]" in changelog and "## [Unreleased]" in changelog
