"""Extraction over several processes, with the same output as one process.

Articles are cut into chunks; each worker process builds its own ``Extractor`` once (spaCy model,
gazetteer) and returns documents for a chunk. ``Executor.map`` keeps chunk order, and failures from
ingestion are passed through in place, so the output order is the input order.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

from ..models import Article, Document, Failure

__all__ = ["extract_parallel"]

CHUNK = 16
_extractor = None


def _init_worker(pipeline: str) -> None:
    """Build the worker's extractor with the parent's pipeline config (a spawned worker does not inherit
    the settings the parent activated)."""
    global _extractor
    from . import Extractor

    _extractor = Extractor(pipeline=pipeline or None)


def _run_chunk(items: list[Article | Failure]) -> list[Document | Failure]:
    from . import _flush

    assert _extractor is not None
    return list(_flush(_extractor, items))


def _chunks(items: Iterable[Article | Failure], size: int) -> Iterator[list[Article | Failure]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _start_method() -> str:
    """fork shares the already-imported libraries (the model itself is loaded once per worker); spawn
    where the platform has no fork."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def extract_parallel(items: Iterable[Article | Failure], *, workers: int) -> Iterator[Document | Failure]:
    """Documents and failures in input order, extracted by ``workers`` processes."""
    from .. import settings

    context = multiprocessing.get_context(_start_method())
    pipeline = (settings.current().extract.pipeline,)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                             initargs=pipeline) as pool:  # fmt: skip
        # a bounded window of chunks in flight keeps memory flat on long inputs
        pending = []
        for chunk in _chunks(items, CHUNK):
            pending.append(pool.submit(_run_chunk, chunk))
            if len(pending) >= workers * 2:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()
