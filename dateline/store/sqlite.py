"""The default backend: one SQLite file (stdlib ``sqlite3``), readable by Datasette, DuckDB, sqlite3.

WAL journal so readers never block the writer; a long ``busy_timeout`` so a second ``dateline run`` on
the same file waits for the writer lock instead of failing; ``BEGIN IMMEDIATE`` takes that lock at the
start of each write transaction (a deferred transaction could fail half-way on lock upgrade).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import StoreError
from ..settings import Settings, current
from .sql import Dialect, SqlStore

__all__ = ["open_sqlite"]



class SqliteDialect(Dialect):
    name = "sqlite"
    placeholder = "?"

    def begin_write(self) -> tuple[str, ...]:
        return ("BEGIN IMMEDIATE",)  # takes the writer lock now: a deferred one could fail on upgrade

    def no_limit(self) -> int:
        return -1

    def error(self) -> type[Exception]:
        return sqlite3.Error

    def has_word(self) -> str:
        return "id IN (SELECT event_id FROM mention_words WHERE mention_words MATCH ?)"

    def word_parameter(self, word: str) -> str:
        return f'"{word}"'  # an FTS5 string: a word such as AND, OR, NOT or NEAR is no operator there


SQLITE = SqliteDialect()


def open_sqlite(path: str, settings: Settings | None = None) -> SqlStore:
    """Open (creating if needed) the SQLite database at ``path`` (or ``":memory:"``)."""
    settings = settings if settings is not None else current()
    busy_ms = settings.store.busy_timeout_ms
    if path != ":memory:":
        parent = Path(path).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(f"cannot create database {path}: folder {parent} does not exist")
    try:
        conn = sqlite3.connect(
            path, timeout=busy_ms / 1000, isolation_level=None, check_same_thread=False
        )
        conn.execute(f"PRAGMA busy_timeout = {busy_ms}")
        if path != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open {path} as a SQLite database: {exc}") from exc
    return SqlStore(conn, SQLITE, description=path, settings=settings)
