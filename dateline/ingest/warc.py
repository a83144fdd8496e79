"""WARC and ARC web archives (warcio): one article per HTML or text response record."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import IO

from ..models import Article, Failure
from .failures import MALFORMED, NO_TEXT, TOO_LARGE, Refused
from .formats import word_set
from .limits import Limits

__all__ = ["read_warc"]

log = logging.getLogger(__name__)

_DOCUMENT_TYPES = word_set("warc", "document_types")

PayloadReader = Callable[[bytes, str, str | None, str, str | None], Iterator[Article | Failure]]


def read_warc(
    stream: IO[bytes], *, name: str, limits: Limits, read_payload: PayloadReader
) -> Iterator[Article | Failure]:
    """Response and resource records with HTML or plain text, named ``name#N`` (N counts records).

    ``read_payload(data, where, url, content_type, date_header)`` turns one payload into articles
    (``date_header``: the archived response's own ``Last-Modified``, if any); other records (requests,
    metadata, images, scripts) are not documents and are passed over.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    documents = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream, arc2warc=True), start=1):
            if record.rec_type not in word_set("warc", "record_types"):
                continue
            content_type = _content_type(record)
            if content_type not in _DOCUMENT_TYPES:
                log.debug("%s#%d: skipping %s record", name, number, content_type)
                continue
            where = f"{name}#{number}"
            documents += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            data = record.content_stream().read(limits.max_bytes + 1)
            if len(data) > limits.max_bytes:
                yield Failure(
                    input=where,
                    stage="ingest",
                    code=TOO_LARGE,
                    reason=f"input is larger than the {limits.describe_bytes(limits.max_bytes)} limit",
                )
                continue
            yield from read_payload(data, where, url, content_type, _last_modified(record))
    except Refused:
        raise
    except (ArchiveLoadFailed, Exception) as exc:  # warcio fails in many ways on damaged archives
        raise Refused(
            f"malformed web archive ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})",
            MALFORMED,
        ) from None
    if documents == 0:
        raise Refused("web archive has no HTML or text responses", NO_TEXT)


def _content_type(record) -> str:
    headers = record.http_headers if record.rec_type == "response" else None
    raw = (
        headers.get_header("Content-Type")
        if headers is not None
        else record.rec_headers.get_header("Content-Type")
    )
    return (raw or "").split(";")[0].strip().lower()


def _last_modified(record) -> str | None:
    """The response's own ``Last-Modified`` date, as an ISO date (not the crawl time: that says only
    when the page was fetched, which may be years after it was written)."""
    headers = record.http_headers if record.rec_type == "response" else None
    raw = headers.get_header("Last-Modified") if headers is not None else None
    if not raw:
        return None
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
