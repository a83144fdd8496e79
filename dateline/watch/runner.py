"""The watch loop: poll each source, then store each due item's articles, one transaction per article.

Crash safety comes from the store: an article, its events and its item's ``done`` mark are written in
one transaction, and article writes are idempotent by id, so a process killed at any moment and started
again redoes at most the item in hand, and stores nothing twice. SIGTERM (and Ctrl-C) only set a flag:
the article in hand is finished, then the loop stops.
"""

from __future__ import annotations

import logging
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from ..errors import ExtractionError
from ..extract import Extractor
from ..ingest.failures import NO_TEXT, UNREADABLE, Refused, Unreachable
from ..ingest.fetch import Fetcher, RetryPolicy, Throttled
from ..ingest.limits import Limits
from ..models import Article, Document, Failure
from ..settings import Settings, current
from ..store import clock
from ..store.ledger import Ledger, QueuedItem
from ..store.records import WriteResult
from ..store.sql import SqlStore
from .items import read_item
from .sources import Poll, poll

__all__ = ["Watch", "WatchSummary"]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class WatchSummary:
    """What a watch did (counts over all polls so far)."""

    polls: list[Poll] = field(default_factory=list)
    items: int = 0  # queued items taken in hand
    stored: int = 0  # new articles stored
    duplicates: int = 0  # articles already stored
    mentions: int = 0
    failed: int = 0  # items that failed this time (retried later, or given up)
    stopped: bool = False  # a SIGTERM ended the run

    def lines(self) -> list[str]:
        lines = [_poll_line(p) for p in self.polls]
        lines.append(
            f"items: {self.items}, new articles: {self.stored}, already stored: {self.duplicates}, "
            f"event mentions: {self.mentions}, failed: {self.failed}"
        )
        if self.stopped:
            lines.append("stopped by a signal: the rest stays queued for the next run")
        return lines

    @property
    def trouble(self) -> bool:
        """Whether a source could not be polled or an item failed."""
        return self.failed > 0 or any(p.error for p in self.polls)


class Watch:
    """Follows ``sources`` into the store ``store`` (``run``); one per process."""

    def __init__(self, sources: list[str], store: SqlStore, *, settings: Settings | None = None,
                 limits: Limits | None = None, extractor: Extractor | None = None) -> None:  # fmt: skip
        self.sources = sources
        self.store = store
        self.ledger = Ledger(store)
        self.settings = settings if settings is not None else current()
        config = self.settings.watch
        policy = RetryPolicy(retries=config.fetch_retries, backoff=config.fetch_backoff,
                             max_wait=config.max_retry_after)  # fmt: skip
        self.fetcher = Fetcher(limits or Limits(**self.settings.limits.model_dump()), retry=policy)
        self._extractor = extractor
        self.stopping = False
        self.summary = WatchSummary()

    # -- the loop ---------------------------------------------------------------------------------
    def run(self, *, every: float, once: bool) -> WatchSummary:
        """Poll every source and store what is due; with ``once`` stop there, else again every ``every``
        seconds until a signal. Returns the summary."""
        with _stop_on_signals(self.stop):
            try:
                while not self.stopping:
                    started = time.monotonic()
                    self.poll_all()
                    if once:
                        break
                    self._sleep(every - (time.monotonic() - started))
            finally:
                self.fetcher.close()
        self.summary.stopped = self.stopping
        return self.summary

    def stop(self) -> None:
        """Finish the article in hand, then stop (what SIGTERM calls)."""
        self.stopping = True

    def poll_all(self) -> None:
        self.fetcher.forget_robots()  # a long watch reads each host's robots.txt again every round
        for name in self.sources:
            if self.stopping:
                return
            result = poll(name, self.ledger, self.fetcher, self.settings.watch)
            self.summary.polls.append(result)
            log.info("%s", _poll_line(result))
            self.process(name)

    def process(self, source: str) -> None:
        """Store the due items of ``source``, in the order they were listed."""
        for item in self.ledger.due(source):
            if self.stopping:
                return
            self.summary.items += 1
            self._process_item(item)

    def _sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + max(0.0, seconds)
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(min(1.0, deadline - time.monotonic()))

    # -- one item ---------------------------------------------------------------------------------
    def _process_item(self, item: QueuedItem) -> None:
        try:
            read = read_item(item, self.fetcher, last_try=item.attempts + 1 >= self.settings.watch.max_attempts)
        except Refused as refused:  # Unreachable (transient) included
            self._failed(item, refused)
            return
        except Exception as exc:  # noqa: BLE001 - e.g. a link httpx cannot parse: never retried forever
            log.debug("cannot read %s", item.item, exc_info=True)
            self._failed(item, Refused(f"cannot read: {type(exc).__name__}: {exc}", UNREADABLE))
            return
        articles = [a for a in read if isinstance(a, Article)]
        for failure in (f for f in read if isinstance(f, Failure)):
            self.store.write_failure(failure)
        if not articles:
            first = next((f for f in read if isinstance(f, Failure)), None)
            reason = first.reason if first else "no article"
            self._failed(item, Refused(reason, first.code if first else NO_TEXT))
            return
        for position, article in enumerate(articles):
            if self.stopping:
                return  # the item stays pending; its stored articles are duplicates next time
            last = position == len(articles) - 1
            self._store(item, article, last=last)

    def _store(self, item: QueuedItem, article: Article, *, last: bool) -> None:
        document = self._extract(article)
        if isinstance(document, Failure):
            self.store.write_failure(document)
            if last:
                self.ledger.finish(item)
            return
        mark: Callable[[WriteResult], None] | None = None
        if last:
            def mark(result: WriteResult) -> None:
                self.ledger.mark_done(item, result.article_id)
        result = self.store.write_document(document, also=mark)
        log.info("%s: %s (%d mentions)", item.item, result.status, result.mentions)
        if result.status == "duplicate":
            self.summary.duplicates += 1
        else:
            self.summary.stored += 1
            self.summary.mentions += result.mentions

    def _extract(self, article: Article) -> Document | Failure:
        if self._extractor is None:
            self._extractor = Extractor()
        try:
            return next(iter(self._extractor.documents([article])))
        except Exception as exc:  # noqa: BLE001 - one bad article must not end the watch
            log.debug("extraction of %s failed", article.id, exc_info=True)
            return Failure(input=article.source or article.id, stage="extract", code=ExtractionError.code,
                           reason=f"extraction failed: {type(exc).__name__}: {exc}")  # fmt: skip

    def _failed(self, item: QueuedItem, refused: Refused) -> None:
        """Record a failed attempt: retried later with backoff when transient, else given up."""
        self.summary.failed += 1
        retry_at = self._retry_at(item, refused)
        log.warning("%s: %s (%s)", item.item, refused.reason,
                    f"next try {retry_at}" if retry_at else "given up")  # fmt: skip
        self.ledger.record_failure(item, error=refused.reason, code=refused.code, retry_at=retry_at)

    def _retry_at(self, item: QueuedItem, refused: Refused) -> str | None:
        config = self.settings.watch
        attempts = item.attempts + 1
        if not isinstance(refused, Unreachable) or attempts >= config.max_attempts:
            return None
        wait = config.retry_base * 2 ** (attempts - 1)
        if isinstance(refused, Throttled) and refused.retry_after is not None:
            wait = max(wait, refused.retry_after)
        return clock.later(min(wait, config.retry_max))


def _poll_line(result: Poll) -> str:
    if result.error:
        return f"{result.source}: poll failed: {result.error}"
    if result.not_modified:
        return f"{result.source}: not modified"
    return f"{result.source} ({result.kind}): {result.listed} listed, {result.queued} new"


class _stop_on_signals:
    """Within the block, a first SIGTERM or SIGINT calls ``stop`` instead of ending the process."""

    def __init__(self, stop: Callable[[], None]) -> None:
        self._stop = stop
        self._previous: dict[int, Any] = {}

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        log.warning("signal %d: finishing the article in hand, then stopping (again: stop now)", signum)
        signal.signal(signum, self._previous[signum])  # a second signal acts as it would have
        self._stop()

    def __enter__(self) -> None:
        for signum in (signal.SIGTERM, signal.SIGINT):
            self._previous[signum] = signal.signal(signum, self._handle)

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
