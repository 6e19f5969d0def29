"""Shared fixtures: the corpus folder and the shared corpus beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    return sorted((CORPUS / "seeds").glob("*.txt"))
