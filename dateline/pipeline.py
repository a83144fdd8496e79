"""The default run, as plain functions: ingest -> extract (-> store, in ``dateline.store``).

Stages stream: each takes an iterable and yields records, so the same functions serve the CLI, the
Dask runner and library users.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime

from .errors import InputError
from .models import Article, Document, Failure

__all__ = ["extract_stream", "published_value", "with_progress"]

_PUBLISHED_HELP = "give a date, a datetime or an ISO string such as 2020-12-20 or 2020-12-21T04:08:00Z"


def published_value(published: object) -> str | None:
    """``published`` as the contract writes it: a bare date ("2020-12-20") or a UTC time ("...T04:08:00Z").

    Takes a ``date``, a ``datetime`` (an aware one is turned to UTC; a naive one keeps its calendar date,
    its zone being unknown) or a string (ISO, or a written date such as "20 December 2020").

    Raises:
        InputError: another type, or a string that is no date ("yesterday", "2020-13-45"): a publication
            date silently dropped would date the article's relative expressions wrongly.
    """
    if published is None or (isinstance(published, str) and not published.strip()):
        return None  # not given
    if isinstance(published, datetime):
        if published.tzinfo is None:
            return published.date().isoformat()
        return published.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(published, date):
        return published.isoformat()
    if not isinstance(published, str):
        raise InputError(f"published={published!r} is a {type(published).__name__}: {_PUBLISHED_HELP}")
    return _published_text(published)


def _published_text(text: str) -> str:
    from .ingest.stamps import normalise_published

    try:
        return published_value(datetime.fromisoformat(text.strip())) or ""
    except ValueError:
        pass
    value = normalise_published(text)
    if value is None:
        raise InputError(f"published={text[:40]!r} is not a readable date: {_PUBLISHED_HELP}")
    return value


def extract_stream(
    inputs: Iterable[str], *, workers: int = 1, progress: bool = False, **ingest_options: object
) -> Iterator[Document | Failure]:
    """Ingest ``inputs`` (paths, folders, ``-``, URLs) and extract events, in input order.

    Yields one ``Document`` per article and one ``Failure`` per input that could not be read or
    processed; nothing is dropped or duplicated. ``progress`` shows a bar on stderr counting the
    articles extracted (articles/s; failures beside it): extraction is where a run spends its time.
    """
    from .extract import extract_documents
    from .ingest import ingest

    items: Iterable[Article | Failure] = ingest(inputs, **ingest_options)  # type: ignore[arg-type]
    documents = extract_documents(items, workers=workers)
    yield from with_progress(documents) if progress else documents


def with_progress(items: Iterable[Document | Failure]) -> Iterator[Document | Failure]:
    """``items`` unchanged, counted on a tqdm bar on stderr: articles extracted and their rate, failures."""
    from tqdm import tqdm

    failures = 0
    with tqdm(desc="extract", unit=" articles", file=sys.stderr, dynamic_ncols=True) as bar:
        for item in items:
            if isinstance(item, Failure):
                failures += 1
                bar.set_postfix(failed=failures, refresh=False)
            else:
                bar.update(1)
            yield item
