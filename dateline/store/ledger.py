"""The bookkeeping of ``dateline watch``: followed sources, the queue of what they listed, its states.

A source (``sources``) remembers what its last poll said (ETag, Last-Modified, when, any error); every
URL or file it listed is a row of ``fetch_queue``: ``pending`` until stored (due at ``next_try``),
``done`` once its articles are stored (marked in the transaction of its last article, so a crash
leaves both or neither), ``failed`` when refused or given up after too many attempts. The times are
journal timestamps (``clock``); the retry policy is the caller's.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from . import clock
from .sql import SqlStore

__all__ = ["DONE", "FAILED", "PENDING", "Ledger", "NewItem", "QueuedItem", "SourceState", "SourceStatus"]

PENDING = "pending"
DONE = "done"
FAILED = "failed"

_SOURCE = "SELECT * FROM sources WHERE name = ?"
_VERSIONS = "SELECT item, version FROM fetch_queue WHERE source = ?"
_LAST_SEQ = "SELECT MAX(seq) AS seq FROM fetch_queue"
_DUE = (
    "SELECT * FROM fetch_queue WHERE source = ? AND state = 'pending' "
    "AND (next_try IS NULL OR next_try <= ?) ORDER BY seq"
)
_REQUEUE = (
    "UPDATE fetch_queue SET state = 'pending', version = ?, payload = ?, attempts = 0, next_try = NULL, "
    "last_error = NULL, error_code = NULL, updated = ? WHERE source = ? AND item = ?"
)
_DONE = (
    "UPDATE fetch_queue SET state = 'done', article_id = COALESCE(?, article_id), next_try = NULL, "
    "updated = ? WHERE source = ? AND item = ?"
)
_FAILED = (
    "UPDATE fetch_queue SET state = ?, attempts = attempts + 1, next_try = ?, last_error = ?, "
    "error_code = ?, updated = ? WHERE source = ? AND item = ?"
)
_STATUS = """
SELECT s.name, s.kind, s.last_poll, s.last_status, s.last_error, s.polls,
       SUM(CASE WHEN q.state = 'done' THEN 1 ELSE 0 END) AS done,
       SUM(CASE WHEN q.state = 'pending' THEN 1 ELSE 0 END) AS pending,
       SUM(CASE WHEN q.state = 'pending' AND (q.next_try IS NULL OR q.next_try <= ?) THEN 1 ELSE 0 END) AS due,
       SUM(CASE WHEN q.state = 'pending' AND q.attempts > 0 THEN 1 ELSE 0 END) AS retrying,
       SUM(CASE WHEN q.state = 'failed' THEN 1 ELSE 0 END) AS failed
FROM sources s LEFT JOIN fetch_queue q ON q.source = s.name
GROUP BY s.name, s.kind, s.last_poll, s.last_status, s.last_error, s.polls
ORDER BY s.name"""
_ITEM_FAILURES = (
    "SELECT source, item, state, attempts, next_try, last_error, error_code, updated FROM fetch_queue "
    "WHERE last_error IS NOT NULL AND state <> 'done' ORDER BY source, updated DESC, item"
)


@dataclass(frozen=True, slots=True)
class SourceState:
    """What a source's last poll said (None: never polled)."""

    name: str
    kind: str
    etag: str | None
    last_modified: str | None
    version: str | None
    last_poll: str | None
    last_status: str | None
    last_error: str | None
    polls: int


@dataclass(frozen=True, slots=True)
class NewItem:
    """One URL or file a poll listed; ``version`` changes when a listed file changes (it is then read
    again); ``payload`` is what processing needs besides the name (a feed entry without a link)."""

    item: str
    version: str | None = None
    payload: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class QueuedItem:
    source: str
    item: str
    version: str | None
    payload: dict[str, Any] | None
    attempts: int


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """One line of ``dateline status``: the last poll, the backlog and the failures of a source."""

    name: str
    kind: str
    last_poll: str | None
    last_status: str | None
    last_error: str | None
    polls: int
    done: int
    pending: int  # the backlog
    due: int  # pending and due now
    retrying: int  # pending after a failure
    failed: int  # given up or refused


class Ledger:
    """The watch tables of one open store (``SqlStore``)."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store

    def source(self, name: str) -> SourceState | None:
        row = self.store._one(_SOURCE, [name])
        return SourceState(**row) if row else None

    def record_poll(
        self,
        name: str,
        kind: str,
        *,
        status: str,
        items: Sequence[NewItem] = (),
        error: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        version: str | None = None,
    ) -> int:
        """Record a poll of ``name`` and queue what it listed that is new or changed, in one transaction
        (a crash never keeps the new ETag without the items it announced). Returns the items queued.

        ``etag``, ``last_modified`` and ``version`` None keep the stored ones (a failed or 304 poll).
        """
        store = self.store
        when = clock.now()
        with store._write():
            earlier = self.source(name)
            row = dict(
                name=name, kind=kind,
                etag=etag if etag is not None or earlier is None else earlier.etag,
                last_modified=last_modified if last_modified is not None or earlier is None else earlier.last_modified,
                version=version if version is not None or earlier is None else earlier.version,
                last_poll=when, last_status=status, last_error=error,
                polls=(earlier.polls if earlier else 0) + 1,
            )  # fmt: skip
            store._insert("sources", row, conflict="name", update=True)
            return self._queue(name, items, when)

    def _queue(self, source: str, items: Sequence[NewItem], when: str) -> int:
        store = self.store
        known = {r["item"]: r["version"] for r in store._rows(_VERSIONS, [source])}
        seq = int((store._one(_LAST_SEQ) or {}).get("seq") or 0)
        queued = 0
        for new in items:
            payload = json.dumps(new.payload, ensure_ascii=False) if new.payload is not None else None
            if new.item not in known:
                seq += 1
                store._insert("fetch_queue", dict(source=source, item=new.item, seq=seq, version=new.version,
                                                  payload=payload, state=PENDING, added=when, updated=when),
                              conflict="source, item")  # fmt: skip
            elif new.version is not None and known[new.item] != new.version:
                store._execute(_REQUEUE, [new.version, payload, when, source, new.item])
            else:
                continue
            known[new.item] = new.version
            queued += 1
        return queued

    def due(self, source: str) -> list[QueuedItem]:
        """The pending items of ``source`` due now, in the order they were listed."""
        return [_queued(row) for row in self.store._rows(_DUE, [source, clock.now()])]

    def mark_done(self, item: QueuedItem, article_id: str | None) -> None:
        """Mark ``item`` stored; call it inside the write transaction of its last article (``also``)."""
        self.store._execute(_DONE, [article_id, clock.now(), item.source, item.item])

    def finish(self, item: QueuedItem, article_id: str | None = None) -> None:
        """Mark ``item`` done in a transaction of its own (an item that gave no article)."""
        with self.store._write():
            self.mark_done(item, article_id)

    def record_failure(
        self, item: QueuedItem, *, error: str, code: str, retry_at: str | None
    ) -> None:
        """One more failed attempt at ``item``: retried at ``retry_at``, or given up when it is None."""
        state = PENDING if retry_at is not None else FAILED
        with self.store._write():
            self.store._execute(_FAILED, [state, retry_at, error, code, clock.now(), item.source, item.item])

    def status(self) -> list[SourceStatus]:
        """Every source with its last poll, backlog and failures, by name."""
        return [_status(row) for row in self.store._rows(_STATUS, [clock.now()])]

    def item_failures(self) -> list[dict[str, Any]]:
        """The items whose last attempt failed (retrying or given up), newest first per source."""
        return self.store._rows(_ITEM_FAILURES)


_COUNTS = frozenset(SourceStatus.__dataclass_fields__) - frozenset(SourceState.__dataclass_fields__)


def _status(row: dict[str, Any]) -> SourceStatus:
    """A status row, its counts 0 (not NULL) for a source that listed nothing yet."""
    fields: dict[str, Any] = {k: int(v or 0) if k in _COUNTS else v for k, v in row.items()}
    return SourceStatus(**fields)


def _queued(row: dict[str, Any]) -> QueuedItem:
    payload = json.loads(row["payload"]) if row["payload"] else None
    return QueuedItem(source=row["source"], item=row["item"], version=row["version"], payload=payload,
                      attempts=int(row["attempts"]))  # fmt: skip
