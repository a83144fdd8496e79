"""The event database: stores documents and their linked events, answers queries.

Which stored event a new mention joins is decided by the link stage (``dateline.link``); the store
runs it inside its write transaction (``SqlStore.write_document``), answers its queries
(``candidate_events``, ``term_frequencies``) and stores what it chose. Near-duplicate signatures come
from ingest (``dateline.ingest.signature``); settings (``dateline.settings``) bound both.

::

    from dateline.store import open_store

    with open_store("events.db") as store:          # or ":memory:", or "postgresql://..."
        result = store.write_document(document)      # idempotent: same article again changes nothing
        for event in store.events(event_type="ASSAULT", country="IRQ", since="2020-12-01"):
            print(event.id, event.n_articles, [m.url for m in store.mentions(event.id)])

Both backends share one implementation (``sql.SqlStore``), one schema (``schema.MIGRATIONS``, applied
on open) and one test suite. See docs/storage.md for the tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from ..errors import DatelineError, NoDatabase, StoreError
from ..link import Linker
from ..models import Document, Failure
from ..settings import Settings
from .records import StoredEvent, StoredMention, WriteResult
from .sql import SqlStore

__all__ = ["Linker", "Store", "StoredEvent", "StoredMention", "WriteResult", "is_postgres", "open_store",
           "require_database"]

_POSTGRES_SCHEMES = frozenset({"postgresql", "postgres"})  # postgresql://... or postgres://...


class Store(Protocol):
    """What every backend offers (``open_store`` returns one)."""

    description: str

    def write_document(
        self, doc: Document, *, also: Callable[[WriteResult], None] | None = None
    ) -> WriteResult: ...
    def write_failure(self, failure: Failure) -> None: ...
    def events(
        self,
        *,
        event_type: str | None = None,
        country: str | None = None,
        actor_country: str | None = None,
        since: str | None = None,
        until: str | None = None,
        near: tuple[float, float, float] | None = None,
        actor: str | None = None,
        text: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        changed_since: str | None = None,
    ) -> Iterator[StoredEvent]: ...
    def event(self, event_id: str) -> StoredEvent | None: ...
    def mentions(self, event_id: str | None = None) -> Iterator[StoredMention]: ...
    def article_text(self, article_id: str) -> str | None: ...
    def articles(self) -> Iterator[dict[str, Any]]: ...
    def failures(self) -> Iterator[dict[str, Any]]: ...
    def counts(self) -> dict[str, int]: ...
    def dump(self) -> dict[str, list[tuple[Any, ...]]]: ...
    def migrate(self) -> int: ...
    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...


def is_postgres(db: str) -> bool:
    """Whether ``db`` is a PostgreSQL URL (else a SQLite path)."""
    return "://" in db and urlsplit(db).scheme in _POSTGRES_SCHEMES


def require_database(db: str) -> None:
    """Refuse a SQLite path with no database file behind it (a PostgreSQL server says so itself).

    Raises:
        NoDatabase: no file at ``db``.
    """
    if is_postgres(db) or db == ":memory:":
        return
    if not Path(db).expanduser().is_file():
        raise NoDatabase(f"no database at {db}: create it first with `dateline run PATH... --db {db}`")


def open_store(db: str, settings: Settings | None = None, *, create: bool = True) -> Store:
    """Open the event database ``db`` and bring its schema up to date.

    Args:
        db: a SQLite file path (created if missing), ``":memory:"``, or a ``postgresql://`` URL.
        settings: the near-duplicate, query and linking settings (default: the active ones).
        create: False for commands that only read: a SQLite path with no file is then ``NoDatabase``
            (exit 2) instead of a new empty database.

    Returns:
        A ``Store``; use it as a context manager or call ``close()``.

    Raises:
        StoreError: the database cannot be opened or has a newer schema than this dateline.
        NoDatabase: ``create`` is False and there is no SQLite file at ``db``.
        MissingDependency: a PostgreSQL URL without psycopg installed.
    """
    if not db or not db.strip():
        raise StoreError("no database given: pass a SQLite file path or a postgresql:// URL")
    if not create:
        require_database(db)
    store: SqlStore
    if is_postgres(db):
        from .postgres import open_postgres

        store = open_postgres(db, settings)
    else:
        from .sqlite import open_sqlite

        store = open_sqlite(db, settings)
    try:
        store.migrate()
    except DatelineError:
        store.close()
        raise
    except Exception as exc:
        store.close()
        if isinstance(exc, store.dialect.error()):
            raise StoreError(f"cannot use {store.description} as a dateline database: {exc}") from exc
        raise
    return store
