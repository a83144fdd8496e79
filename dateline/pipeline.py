"""The default run, as plain functions: ingest -> extract (-> store, in ``dateline.store``).

Stages stream: each takes an iterable and yields records, so the same functions serve the CLI, the
Dask runner and library users.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .models import Article, Document, Failure

__all__ = ["extract_stream"]


def extract_stream(
    inputs: Iterable[str], *, workers: int = 1, progress: bool = False, **ingest_options: object
) -> Iterator[Document | Failure]:
    """Ingest ``inputs`` (paths, folders, ``-``, URLs) and extract events, in input order.

    Yields one ``Document`` per article and one ``Failure`` per input that could not be read or
    processed; nothing is dropped or duplicated.
    """
    from .extract import extract_documents
    from .ingest import ingest

    items: Iterable[Article | Failure] = ingest(inputs, progress=progress, **ingest_options)  # type: ignore[arg-type]
    yield from extract_documents(items, workers=workers)
