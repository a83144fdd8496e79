"""Polling a source: what a feed, a sitemap or a folder lists now, queued in the store's ledger.

A URL is fetched with a conditional GET (the ETag / Last-Modified of its last poll): a 304 lists
nothing. A local feed or sitemap file is read again only when its modification time or size changed.
A folder lists its files (recursively, as ``dateline run`` reads them), each with its modification
time and size as version: a file that changes is read again.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from urllib.parse import urljoin

from ..ingest.failures import MISSING, TOO_LARGE, Refused
from ..ingest.feeds import feed_entries
from ..ingest.fetch import Fetcher, is_url
from ..ingest.sitemaps import is_sitemap, read_sitemap
from ..ingest.sources import Source, expand_inputs
from ..settings.model import WatchSettings
from ..store.ledger import Ledger, NewItem, SourceState

__all__ = ["FEED", "FOLDER", "SITEMAP", "Poll", "poll"]

log = logging.getLogger(__name__)

FEED = "feed"
SITEMAP = "sitemap"
FOLDER = "folder"
_UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Poll:
    """What one poll of a source did: its kind, items listed and newly queued, or the error."""

    source: str
    kind: str
    listed: int = 0
    queued: int = 0
    not_modified: bool = False
    error: str | None = None


def poll(name: str, ledger: Ledger, fetcher: Fetcher, config: WatchSettings) -> Poll:
    """Poll the source ``name`` once and queue what it lists that is new; errors are recorded, not raised."""
    state = ledger.source(name)
    kind = state.kind if state else _UNKNOWN
    try:
        if is_url(name):
            return _poll_url(name, state, ledger, fetcher, config)
        if os.path.isdir(name):
            return _poll_folder(name, ledger, fetcher)
        if os.path.isfile(name):
            return _poll_file(name, state, ledger, config, fetcher)
        raise Refused("no such file, folder or URL", MISSING)
    except Refused as refused:
        return _failed_poll(name, kind, ledger, refused.reason)
    except Exception as exc:  # noqa: BLE001 - a file gone since, a URL httpx cannot parse: the others go on
        log.debug("polling %s failed", name, exc_info=True)
        return _failed_poll(name, kind, ledger, f"cannot read: {type(exc).__name__}: {exc}")


def _failed_poll(name: str, kind: str, ledger: Ledger, reason: str) -> Poll:
    log.warning("%s: %s", name, reason)
    ledger.record_poll(name, kind, status="failed", error=reason)
    return Poll(name, kind, error=reason)


def _poll_url(
    name: str, state: SourceState | None, ledger: Ledger, fetcher: Fetcher, config: WatchSettings
) -> Poll:
    fetched = fetcher.fetch(
        name, etag=state.etag if state else None, last_modified=state.last_modified if state else None
    )
    if fetched.not_modified and state is not None:
        ledger.record_poll(name, state.kind, status="not modified")
        return Poll(name, state.kind, not_modified=True)
    kind, items = _listed(fetched.data, fetched.url, fetcher, config.max_sitemap_depth)
    queued = ledger.record_poll(name, kind, status="listed", items=items, etag=fetched.etag or "",
                                last_modified=fetched.last_modified or "")  # fmt: skip
    return Poll(name, kind, listed=len(items), queued=queued)


def _poll_file(
    name: str, state: SourceState | None, ledger: Ledger, config: WatchSettings, fetcher: Fetcher
) -> Poll:
    version = _file_version(name)
    if state is not None and state.version == version:
        ledger.record_poll(name, state.kind, status="not modified")
        return Poll(name, state.kind, not_modified=True)
    with open(name, "rb") as stream:
        data = stream.read(fetcher.limits.max_bytes + 1)
    if len(data) > fetcher.limits.max_bytes:
        raise Refused("feed is larger than the size limit", TOO_LARGE)
    kind, items = _listed(data, None, fetcher, config.max_sitemap_depth)
    queued = ledger.record_poll(name, kind, status="listed", items=items, version=version)
    return Poll(name, kind, listed=len(items), queued=queued)


def _poll_folder(name: str, ledger: Ledger, fetcher: Fetcher) -> Poll:
    items = [
        NewItem(source.name, version=_file_version(source.name))
        for source in expand_inputs([name], stdin=None, fetcher=fetcher)
        if isinstance(source, Source)
    ]
    queued = ledger.record_poll(name, FOLDER, status="listed", items=items)
    return Poll(name, FOLDER, listed=len(items), queued=queued)


def _listed(data: bytes, base: str | None, fetcher: Fetcher, depth: int) -> tuple[str, list[NewItem]]:
    """(kind, items) of a feed or sitemap document."""
    if is_sitemap(data):
        return SITEMAP, _sitemap_items(data, base, fetcher, depth)
    items = []
    for index, entry in enumerate(feed_entries(data), start=1):
        # the payload is the entry's own text: the article when there is no page, or it cannot be had
        if entry.link:
            link = urljoin(base, entry.link) if base else entry.link
            items.append(NewItem(link, payload={**entry.payload, "link": link}))
        else:
            items.append(NewItem(entry.guid or f"{base or 'feed'}#{index}", payload=entry.payload))
    return FEED, items


def _sitemap_items(data: bytes, base: str | None, fetcher: Fetcher, depth: int) -> list[NewItem]:
    """The pages of a sitemap, and of the sitemaps an index lists (to ``depth`` levels), in order."""
    sitemap = read_sitemap(data)
    items = [NewItem(urljoin(base, url) if base else url, version=lastmod) for url, lastmod in sitemap.pages]
    for child in sitemap.children if depth > 0 else ():
        url = urljoin(base, child) if base else child
        try:
            items += _sitemap_items(fetcher.fetch(url).data, url, fetcher, depth - 1)
        except Exception as exc:  # noqa: BLE001 - one unreadable child must not hide the others
            log.warning("%s: %s", url, getattr(exc, "reason", exc))
    return items


def _file_version(path: str) -> str | None:
    """A file's modification time and size: they change when it is rewritten (None: it is gone)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return f"{info.st_mtime_ns}:{info.st_size}"
