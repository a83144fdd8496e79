"""The server's store pool, and what a request sees when the database itself fails."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor

import pytest
from server_data import AppClient

from dateline.server import create_app
from dateline.server.stores import StorePool
from dateline.store import open_store


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "events.db")
    open_store(path).close()  # an empty dateline database
    return path


def test_pool_lends_each_store_to_one_borrower_and_reuses_it(db):
    pool = StorePool(db)
    with pool.borrow() as first, pool.borrow() as second:
        assert second is not first  # two requests at once never share a connection
    with pool.borrow() as again:
        assert again in (first, second)
    pool.close()
    with pytest.raises(sqlite3.ProgrammingError):
        first.counts()  # closed


def test_concurrent_requests_all_succeed(db):
    app = create_app(db)
    client = AppClient(app)
    with ThreadPoolExecutor(4) as threads:
        responses = list(threads.map(client.get, ["/api/stats", "/api/events", "/", "/failures"] * 5))
    client.close()
    assert [r.status_code for r in responses] == [200] * 20
    assert all(r.json()["data"]["events"] == 0 for r in responses[::4])


def test_a_broken_database_gives_a_500_in_the_error_shape_without_details(db):
    client = AppClient(create_app(db), raise_app_exceptions=False)
    with sqlite3.connect(db) as conn:
        conn.execute("DROP VIEW event_sources")  # it reads events: SQLite refuses the rename while it exists
        conn.execute("ALTER TABLE events RENAME TO events_gone")
    response = client.get("/api/events")
    client.close()
    assert response.status_code == 500
    assert response.json() == {
        "error": {"code": "internal", "message": "internal error: the server log has the details"}
    }
