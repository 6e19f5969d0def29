"""Fixtures of the database tests: every test runs against SQLite and PostgreSQL.

PostgreSQL tests need ANQUANYUE_TEST_PG_URL (CI's .ci/run starts a server and sets it);
each test gets its own schema, dropped afterwards.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest

from tests.system_packages import missing

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
PG_ENV = "ANQUANYUE_TEST_PG_URL"


def _pg_base_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(missing("postgresql", f"{PG_ENV} not set (.ci/run starts a server and sets it)"))
    from sqlalchemy import create_engine, text

    from anquanyue_parse.store.db_schema import normalize_url

    url = normalize_url(url)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any reason the server cannot be reached
        pytest.skip(missing("postgresql", f"the server at {PG_ENV} is unreachable "
                                          f"({str(exc).splitlines()[0][:120]})"))
    finally:
        engine.dispose()
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A fresh, empty database URL of each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'campaigns.sqlite'}"
        return
    base = _pg_base_url()
    from sqlalchemy import create_engine, text

    schema = f"test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture
def archive(tmp_path) -> Path:
    """A small archive: the seed notices with their gold files, plus three devset notices in a sub-folder."""
    root = tmp_path / "archive"
    shutil.copytree(CORPUS / "seeds", root / "seeds")
    sub = root / "more" / "2020s"
    sub.mkdir(parents=True)
    for p in sorted((CORPUS / "devset").glob("*.txt"))[:3]:
        shutil.copy(p, sub / p.name)
    return root

