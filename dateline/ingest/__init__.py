"""Stage 1, ingest: files, folders, stdin, URLs, feeds, archives and record files -> ``Article`` records.

``ingest`` streams, in input order, exactly one ``Article`` per document or one ``Failure`` per input
(or per bad record of a multi-record input). It never raises for bad input and never drops or merges
duplicates: the store links them, using ``fingerprint`` and ``identity.minhash_signature``.

    >>> from dateline.ingest import ingest
    >>> for item in ingest(["story.txt", "feeds/", "https://example.org/rss"]):
    ...     print(item)
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from ..errors import ConfigError
from ..models import Article, Failure
from .articles import build_article
from .containers import Budget
from .failures import Refused
from .fetch import Fetcher
from .identity import canonical_url, content_id, minhash_signature, normalised_fingerprint
from .limits import DEFAULT_LIMITS, Limits
from .reader import Reading, read_stream
from .records import FIELDS
from .sources import Source, expand_inputs

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "article_from_text",
    "canonical_url",
    "content_id",
    "ingest",
    "minhash_signature",
    "normalised_fingerprint",
]

log = logging.getLogger(__name__)


def ingest(
    inputs: Iterable[str],
    *,
    stdin: BinaryIO | None = None,
    progress: bool = False,
    limits: Limits | None = None,
    field_map: dict[str, str] | None = None,
    follow_links: bool = False,
) -> Iterator[Article | Failure]:
    """Read every input and yield its articles, or a failure saying why not, in input order.

    Args:
        inputs: file paths, folders (read recursively, sorted; hidden names skipped), ``-`` for
            ``stdin``, http(s) URLs.
        stdin: the bytes stream ``-`` reads (default ``sys.stdin.buffer``).
        progress: show a progress bar on stderr.
        limits: size, ratio, depth and fetch bounds (``Limits()`` defaults).
        field_map: record field renames for JSON Lines, JSON and CSV, e.g. ``{"text": "body"}``.
        follow_links: read symbolic links inside a folder that lead outside it (refused by default).

    Yields:
        ``Article`` per document; ``Failure(stage="ingest")`` per unreadable input or record.

    Raises:
        ConfigError: ``field_map`` names a field records do not have (bad input never raises).
    """
    limits = limits or DEFAULT_LIMITS
    if isinstance(inputs, str):  # one path given bare: not a sequence of one-letter inputs
        inputs = [inputs]
    _check_field_map(field_map)
    fetcher = Fetcher(limits)
    bar = _progress_bar(progress)
    try:
        for item in expand_inputs(inputs, stdin=stdin, fetcher=fetcher, follow_links=follow_links):
            results = [item] if isinstance(item, Failure) else _read_source(item, limits, field_map)
            for result in results:
                if bar is not None:
                    bar.update(1)
                yield result
    finally:
        fetcher.close()
        if bar is not None:
            bar.close()


def _check_field_map(field_map: dict[str, str] | None) -> None:
    unknown = sorted(set(field_map or {}) - set(FIELDS))
    if unknown:
        raise ConfigError(f"unknown field in field_map: {', '.join(unknown)} (fields: {', '.join(FIELDS)})")


def _read_source(
    source: Source, limits: Limits, field_map: dict[str, str] | None
) -> Iterator[Article | Failure]:
    reading = Reading(limits=limits, field_map=field_map, budget=Budget(limits.max_decompressed))
    try:
        stream, url, hint, date_header = source.open()
    except Refused as refused:
        yield Failure(input=source.name, stage="ingest", reason=refused.reason, code=refused.code)
        return
    except Exception as exc:  # e.g. a URL httpx cannot even parse: report it, keep going
        log.debug("cannot open %s", source.name, exc_info=True)
        yield Failure(
            input=source.name,
            stage="ingest",
            reason=f"cannot open: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}",
            code="unreadable",
        )
        return
    try:
        yield from read_stream(
            stream, name=source.name, hint=hint, url=url, reading=reading, date_header=date_header
        )
    finally:
        if source.name != "-":
            stream.close()


def _progress_bar(enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(unit=" doc", file=sys.stderr, desc="ingest", dynamic_ncols=True)


def article_from_text(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Article:
    """The article for one text, reading headline, outlet, dateline, publication stamp, body and
    removed pieces (captions, credits, trailers, trailing headlines) from wire-copy layout.

    Given values win over what the text says. Raises ``InputError`` for an empty text.
    """
    return build_article(text, id=id, title=title, published=published, url=url, source=source)
