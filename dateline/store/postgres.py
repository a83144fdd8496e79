"""The PostgreSQL backend (psycopg 3), the same ``SqlStore`` and schema as SQLite.

Writers serialise on one transaction-level advisory lock: linking reads candidate events and then
writes, so two writers must not interleave (row locks would not cover events that do not exist yet).
Readers are never blocked. Install with ``pip install 'dateline[postgres]'``.
"""

from __future__ import annotations

from ..errors import MissingDependency, StoreError
from ..settings import Settings
from .sql import Dialect, SqlStore

__all__ = ["open_postgres"]

# An arbitrary constant naming "dateline's writer lock" among the server's advisory locks.
WRITER_LOCK = 4_170_2020


class PostgresDialect(Dialect):
    name = "postgresql"
    placeholder = "%s"

    def begin_write(self) -> tuple[str, ...]:
        return ("BEGIN", f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")

    def error(self) -> type[Exception]:
        import psycopg

        return psycopg.Error

    def has_word(self) -> str:
        # the expression of the GIN index ``mentions_words`` (migration 5), so the planner can use it
        return (
            "id IN (SELECT event_id FROM event_mentions "
            "WHERE to_tsvector('simple', evidence_text) @@ plainto_tsquery('simple', ?))"
        )


POSTGRES = PostgresDialect()


def _redacted(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    return f"{scheme}://{credentials.split(':', 1)[0]}@{host}"


def open_postgres(url: str, settings: Settings | None = None) -> SqlStore:
    """Connect to the PostgreSQL database at ``url`` (``postgresql://user@host:port/name``)."""
    try:
        import psycopg
    except ImportError as exc:
        raise MissingDependency("psycopg", "postgres") from exc
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as exc:
        raise StoreError(f"cannot connect to {_redacted(url)}: {str(exc).strip().splitlines()[0]}") from exc
    return SqlStore(conn, POSTGRES, description=_redacted(url), settings=settings)
