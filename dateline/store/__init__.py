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

from collections.abc import Iterator
from typing import Any, Protocol
from urllib.parse import urlsplit

from ..errors import DatelineError, StoreError
from ..link import Linker
from ..models import Document, Failure
from ..settings import Settings
from .records import StoredEvent, StoredMention, WriteResult
from .sql import SqlStore

__all__ = ["Linker", "Store", "StoredEvent", "StoredMention", "WriteResult", "open_store"]

_POSTGRES_SCHEMES = frozenset({"postgresql", "postgres"})  # postgresql://... or postgres://...


class Store(Protocol):
    """What every backend offers (``open_store`` returns one)."""

    description: str

    def write_document(self, doc: Document) -> WriteResult: ...
    def write_failure(self, failure: Failure) -> None: ...
    def events(
        self,
        *,
        event_type: str | None = None,
        country: str | None = None,
        since: str | None = None,
        until: str | None = None,
        near: tuple[float, float, float] | None = None,
        actor: str | None = None,
        text: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[StoredEvent]: ...
    def event(self, event_id: str) -> StoredEvent | None: ...
    def mentions(self, event_id: str | None = None) -> Iterator[StoredMention]: ...
    def articles(self) -> Iterator[dict[str, Any]]: ...
    def failures(self) -> Iterator[dict[str, Any]]: ...
    def counts(self) -> dict[str, int]: ...
    def dump(self) -> dict[str, list[tuple[Any, ...]]]: ...
    def migrate(self) -> int: ...
    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...


def open_store(db: str, settings: Settings | None = None) -> Store:
    """Open the event database ``db`` and bring its schema up to date.

    Args:
        db: a SQLite file path (created if missing), ``":memory:"``, or a ``postgresql://`` URL.
        settings: the near-duplicate, query and linking settings (default: the active ones).

    Returns:
        A ``Store``; use it as a context manager or call ``close()``.

    Raises:
        StoreError: the database cannot be opened or has a newer schema than this dateline.
        MissingDependency: a PostgreSQL URL without psycopg installed.
    """
    if not db or not db.strip():
        raise StoreError("no database given: pass a SQLite file path or a postgresql:// URL")
    store: SqlStore
    if "://" in db and urlsplit(db).scheme in _POSTGRES_SCHEMES:
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
