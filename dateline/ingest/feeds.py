"""RSS, Atom and RDF feeds (feedparser): one article per entry (``read_feed``), or the entries themselves
with their links (``feed_entries``, for ``dateline watch``, which fetches the linked pages)."""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..models import Article, Failure
from .articles import build_article
from .failures import MALFORMED, NO_TEXT, Refused
from .html import fragment_text
from .limits import Limits

__all__ = ["FeedEntry", "entry_article", "feed_entries", "read_feed"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry of a feed: its link (None when it has none), its id, and ``payload``: what
    ``entry_article`` needs to make an article of the entry's own text (JSON-serialisable)."""

    link: str | None
    guid: str | None
    payload: dict[str, Any]


def feed_entries(data: bytes) -> list[FeedEntry]:
    """The entries of the feed ``data``, in feed order.

    Raises:
        Refused: the feed is malformed, or has no entries.
    """
    parsed = _parse(data)
    outlet = parsed.feed.get("title") or None
    feed_date = _entry_published(parsed.feed)
    return [
        FeedEntry(
            link=entry.get("link") or None,
            guid=entry.get("id") or None,
            payload=dict(title=entry.get("title") or None, published=_entry_published(entry),
                         html=_entry_html(entry), outlet=outlet, feed_date=feed_date,
                         id=entry.get("id") or None, link=entry.get("link") or None),
        )  # fmt: skip
        for entry in parsed.entries
    ]


def entry_article(payload: dict[str, Any], *, where: str, limits: Limits) -> Article:
    """The article of a feed entry's own text (a ``FeedEntry.payload``)."""
    return _entry_article(payload, where=where, outlet=payload.get("outlet"), limits=limits,
                          feed_date=payload.get("feed_date"))  # fmt: skip


def _parse(data: bytes):
    import feedparser

    # A stream, never bytes or str: feedparser treats strings as URLs or file names to open.
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise Refused(f"malformed feed: {_first_line(parsed.get('bozo_exception'))}", MALFORMED)
        raise Refused("feed has no entries", NO_TEXT)
    return parsed


def read_feed(data: bytes, *, name: str, limits: Limits) -> Iterator[Article | Failure]:
    """Each entry's content (or summary) as an article, named ``name#N``."""
    parsed = _parse(data)
    outlet = parsed.feed.get("title") or None
    feed_date = _entry_published(parsed.feed)  # the channel's own date: a year for year-less leads
    for index, entry in enumerate(parsed.entries, start=1):
        where = f"{name}#{index}"
        try:
            yield _entry_article(entry, where=where, outlet=outlet, limits=limits, feed_date=feed_date)
        except Refused as refused:
            yield Failure(input=where, stage="ingest", reason=refused.reason, code=refused.code)


def _entry_html(entry) -> str:
    """The entry's content, else its summary, else its description."""
    contents = entry.get("content") or []
    if contents:
        return contents[0].get("value", "")  # type: ignore[no-any-return]
    return entry.get("summary", "") or entry.get("description", "")  # type: ignore[no-any-return]


def _entry_article(
    entry, *, where: str, outlet: str | None, limits: Limits, feed_date: str | None = None
) -> Article:
    """``entry``: a feedparser entry, or a ``FeedEntry.payload`` (its "html" already chosen)."""
    text = fragment_text(entry["html"] if "html" in entry else _entry_html(entry))
    if not text.strip():
        raise Refused("feed entry has no text", NO_TEXT)
    link = entry.get("link") or None
    guid = entry.get("id") or None
    return build_article(
        text,
        id=None if link else guid,
        title=entry.get("title") or None,
        published=entry["published"] if "html" in entry else _entry_published(entry),
        url=link,
        source=where,
        outlet=outlet,
        infer_metadata=True,
        date_header=feed_date,
        limits=limits,
    )


def _entry_published(entry) -> str | None:
    """feedparser's UTC time when the feed gave a time of day, else the bare date."""
    for key in ("published", "updated", "created"):
        raw, parsed = entry.get(key), entry.get(f"{key}_parsed")
        if raw and parsed:
            if ":" in raw:
                return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _first_line(exc: object) -> str:
    text = str(exc) if exc else "unreadable XML"
    return text.splitlines()[0] if text else type(exc).__name__
