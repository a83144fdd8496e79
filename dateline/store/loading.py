"""The store end of ``dateline run``: write a stream of documents and failures, count what happened."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..models import Document, Failure
from . import Store

__all__ = ["RunSummary", "store_stream"]

log = logging.getLogger(__name__)


@dataclass(slots=True, kw_only=True)
class RunSummary:
    """Counts of one run (mutable while the run goes on)."""

    articles: int = 0  # documents read
    new: int = 0  # stored as new articles (near duplicates included)
    duplicates: int = 0  # same id or same text as an article already stored: nothing written
    near_duplicates: int = 0
    mentions: int = 0  # extracted events stored
    new_events: int = 0  # linked events created
    linked: int = 0  # mentions that joined an existing linked event
    failures: list[Failure] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"articles read: {self.articles}",
            f"new articles: {self.new} ({self.near_duplicates} near duplicates)",
            f"duplicate articles (skipped): {self.duplicates}",
            f"event mentions stored: {self.mentions}",
            f"linked events: {self.new_events} new, {self.linked} mentions joined existing events",
            f"failures: {len(self.failures)}",
        ]


def store_stream(
    items: Iterable[Document | Failure],
    store: Store,
    *,
    on_failure: Callable[[Failure], None] | None = None,
) -> RunSummary:
    """Write each document (the link stage choosing each mention's event) and record each failure;
    return the counts.

    Args:
        items: what ``dateline.pipeline.extract_stream`` yields.
        store: an open ``Store``.
        on_failure: called with each failure after it is recorded (the CLI prints it).
    """
    summary = RunSummary()
    for item in items:
        if isinstance(item, Failure):
            store.write_failure(item)
            summary.failures.append(item)
            if on_failure:
                on_failure(item)
            continue
        summary.articles += 1
        try:
            result = store.write_document(item)
        except Exception as exc:  # noqa: BLE001 - one article the store refuses must not end the run
            log.debug("cannot store %s", item.article.id, exc_info=True)
            failure = _store_failure(item, exc)
            summary.articles -= 1
            store.write_failure(failure)
            summary.failures.append(failure)
            if on_failure:
                on_failure(failure)
            continue
        if result.status == "duplicate":
            summary.duplicates += 1
            log.info("%s: already stored (as %s)", result.article_id, result.duplicate_of)
            continue
        summary.new += 1
        summary.near_duplicates += result.status == "near_duplicate"
        summary.mentions += result.mentions
        summary.new_events += result.new_events
        summary.linked += result.linked
    return summary


def _store_failure(doc: Document, exc: Exception) -> Failure:
    """The failure row of a document the store refused (its first message line)."""
    first_line = str(exc).splitlines()[0] if str(exc) else ""
    return Failure(input=doc.article.source or doc.article.id, stage="store", code="store",
                   reason=f"cannot store: {type(exc).__name__}: {first_line}")  # fmt: skip
