"""``dateline watch``: follow RSS/Atom feeds, sitemaps and folders into an event database.

Each poll fetches a source with a conditional GET (ETag / Last-Modified), queues the URLs (or files)
it lists that the store has not seen (``fetch_queue``), then fetches each linked page politely
(robots.txt, a per-host delay, retries with backoff that honour ``Retry-After``, dateline's
User-Agent), extracts its events and stores them, one transaction per article that also marks the
URL done. Killed at any moment and started again, it goes on where it was: nothing lost, nothing
stored twice. A URL that fails is retried at later polls with a doubling wait, and given up after
``watch.max_attempts``; ``dateline status`` shows each source's last poll, backlog and failures.

::

    from dateline.watch import watch_sources

    summary = watch_sources(["https://example.org/rss"], "events.db", once=True)
"""

from __future__ import annotations

from ..errors import StoreError
from ..ingest.limits import Limits
from ..settings import Settings, current
from ..store import open_store
from ..store.sql import SqlStore
from .duration import seconds
from .runner import Watch, WatchSummary
from .sources import Poll

__all__ = ["Poll", "Watch", "WatchSummary", "seconds", "watch_sources"]


def watch_sources(
    sources: list[str],
    db: str,
    *,
    every: float | None = None,
    once: bool = False,
    settings: Settings | None = None,
    limits: Limits | None = None,
) -> WatchSummary:
    """Follow ``sources`` (feed or sitemap URLs or files, folders) into the database ``db``.

    Args:
        every: seconds between polls (default: the ``watch.every`` setting).
        once: poll each source once, store what is due, and return (for cron and tests).
        settings: the settings (default: the active ones).
        limits: fetch and size bounds (default: the ``[limits]`` settings).

    Returns:
        What was polled and stored; ``stopped`` when a SIGTERM ended the run.
    """
    settings = settings if settings is not None else current()
    interval = every if every is not None else seconds(settings.watch.every)
    with open_store(db, settings) as store:
        if not isinstance(store, SqlStore):
            raise StoreError(f"{db}: dateline watch needs a SQL store")
        return Watch(sources, store, settings=settings, limits=limits).run(every=interval, once=once)
