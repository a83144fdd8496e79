"""Store fixtures (import them into a test module): ``any_store`` runs a test on SQLite and PostgreSQL.

The lead may move these into tests/conftest.py; until then test modules import them by name.
"""

from __future__ import annotations

import pg
import pytest


def postgres_url() -> str:
    """A fresh database on the shared throw-away server; skips the test when none can start."""
    try:
        server = pg.shared()
    except pg.PostgresUnavailable as exc:
        pytest.skip(f"PostgreSQL unavailable: {exc}")
    return server.new_database()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_db(request, tmp_path) -> str:
    """A database location (SQLite file, or PostgreSQL URL) for each backend in turn."""
    if request.param == "sqlite":
        return str(tmp_path / "events.db")
    return postgres_url()


@pytest.fixture
def any_store(any_db):
    from dateline.store import open_store

    with open_store(any_db) as store:
        yield store
