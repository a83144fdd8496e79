"""One queued item as articles: a linked page fetched politely, a feed entry's own text, a file read."""

from __future__ import annotations

import io
import logging

from ..ingest import ingest
from ..ingest.containers import Budget
from ..ingest.failures import Refused, Unreachable
from ..ingest.feeds import entry_article
from ..ingest.fetch import Fetcher, is_url
from ..ingest.html import fragment_text
from ..ingest.reader import Reading, read_stream
from ..models import Article, Failure
from ..store.ledger import QueuedItem

__all__ = ["read_item"]

log = logging.getLogger(__name__)


def read_item(item: QueuedItem, fetcher: Fetcher, *, last_try: bool = False) -> list[Article | Failure]:
    """The articles (and failed records) of ``item``, in order.

    A feed entry's linked page is the article; when the page is refused (404, robots.txt, no text...),
    or still unreachable at the ``last_try``, the entry's own text is, if it has any.

    Raises:
        Unreachable: the page could not be fetched this time (worth retrying later).
        Refused: the page or the entry cannot become an article (robots.txt, 404, no text...).
    """
    limits = fetcher.limits
    if not is_url(item.item) and item.payload is None:  # a file of a folder
        return list(ingest([item.item], limits=limits))
    if item.payload is not None and not item.payload.get("link"):  # a feed entry without a link
        return [entry_article(item.payload, where=item.item, limits=limits)]
    try:
        return _page(item.item, fetcher)
    except Unreachable:
        if not last_try or not _has_text(item):
            raise
        fallback = "still unreachable"
    except Refused as refused:
        if not _has_text(item):
            raise
        fallback = refused.reason
    log.info("%s: %s; storing the feed entry's own text", item.item, fallback)
    return [entry_article(item.payload or {}, where=item.item, limits=limits)]


def _page(url: str, fetcher: Fetcher) -> list[Article | Failure]:
    limits = fetcher.limits
    fetched = fetcher.fetch(url)
    reading = Reading(limits=limits, field_map=None, budget=Budget(limits.max_decompressed))
    read = list(read_stream(io.BytesIO(fetched.data), name=url, hint=fetched.hint(), url=fetched.url,
                            reading=reading, date_header=fetched.last_modified))  # fmt: skip
    failures = [r for r in read if isinstance(r, Failure)]
    if failures and len(failures) == len(read):  # a page with no article: the entry may have one
        raise Refused(failures[0].reason, failures[0].code)
    return read


def _has_text(item: QueuedItem) -> bool:
    return bool(item.payload and fragment_text(item.payload.get("html") or "").strip())
