"""Store connections for the server: one open store per concurrent request, reused, closed at shutdown.

FastAPI runs plain ``def`` routes in a thread pool. A store's connection must not be used by two
threads at once (a SQLite connection, or a half-read cursor of ``events()``), so each request
borrows a store of its own and gives it back; a new one is opened only when every open store is
lent out. Opening per request instead would run ``open_store``'s migration check (a write
transaction) on every page view, and would wait behind a ``dateline run`` holding the writer lock.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import StoreError
from ..store import Store, open_store, require_database

__all__ = ["STATEMENT_TIMEOUT", "QueryTimeout", "StorePool", "check_database"]

STATEMENT_TIMEOUT = 10.0  # seconds one request's queries may run (a 503 after that)


class QueryTimeout(StoreError):
    """A request's query ran past ``STATEMENT_TIMEOUT`` and was cancelled."""

    code = "timeout"


def _arm(store: Store, seconds: float) -> None:
    """Bound the queries of the next request on ``store``: PostgreSQL's ``statement_timeout``; on SQLite
    a progress handler that interrupts a statement running past the deadline."""
    conn = getattr(store, "_conn", None)
    if conn is None:
        return
    if hasattr(conn, "set_progress_handler"):  # sqlite3
        deadline = time.monotonic() + seconds
        conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 10_000)
    elif not getattr(store, "_statement_timeout_set", False):  # psycopg: once per connection
        conn.execute(f"SET statement_timeout = {int(seconds * 1000)}")
        store._statement_timeout_set = True  # type: ignore[attr-defined]


_TIMEOUT_ERRORS = frozenset(("OperationalError", "QueryCanceled"))  # sqlite3's interrupt, psycopg's cancel


def _timed_out(exc: BaseException) -> bool:
    text = str(exc).lower()
    return type(exc).__name__ in _TIMEOUT_ERRORS and (
        "interrupted" in text or "statement timeout" in text
    )

log = logging.getLogger(__name__)


def check_database(db: str) -> None:
    """Refuse a database that does not exist yet: serving must never create an empty one.

    Raises:
        StoreError: no file at ``db`` (or ``":memory:"``, which holds nothing to serve).
    """
    if not db.strip() or db == ":memory:":
        raise StoreError(f"{db!r} holds no events to serve: pass the file given to `dateline run --db`")
    require_database(db)  # a PostgreSQL server says whether the database exists when the pool opens it


class StorePool:
    """Open stores of one database, each lent to one request at a time."""

    def __init__(self, db: str, *, timeout: float = STATEMENT_TIMEOUT) -> None:
        self.db = db
        self.timeout = timeout
        self._idle: list[Store] = []
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    @contextmanager
    def borrow(self) -> Iterator[Store]:
        """A store no other request is using; opened on first need, returned to the pool after."""
        with self._lock:
            store = self._idle.pop() if self._idle else None
        if store is None:
            store = open_store(self.db)
            with self._lock:
                self._opened.append(store)
            log.debug("opened store %d on %s", len(self._opened), self.db)
        try:
            _arm(store, self.timeout)
            yield store
        except Exception as exc:
            if _timed_out(exc):
                raise QueryTimeout(f"the query took longer than {self.timeout:g} s: narrow the filters") from exc
            raise
        finally:
            with self._lock:
                self._idle.append(store)

    def close(self) -> None:
        """Close every store the pool opened."""
        with self._lock:
            stores, self._opened, self._idle = self._opened, [], []
        for store in stores:
            store.close()
