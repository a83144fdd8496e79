"""Extraction over several processes, with the same output as one process.

Articles are cut into chunks; each worker process builds its own ``Extractor`` once (spaCy model,
gazetteer) and returns documents for a chunk. ``Executor.map`` keeps chunk order, and failures from
ingestion are passed through in place, so the output order is the input order. A worker exits as soon as
the process that started it is gone (even killed with SIGKILL), so none is left behind.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

from ..models import Article, Document, Failure

__all__ = ["extract_parallel"]

CHUNK = 16
_extractor = None


PARENT_POLL = 0.5  # seconds between two looks at whether the parent is still there


def _exit_with_parent(parent: int) -> None:
    """Exit this worker once ``parent`` is gone (the worker is then re-parented, so ``getppid`` changes)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL)
        os._exit(1)

    threading.Thread(target=watch, name="dateline-parent-watch", daemon=True).start()


def _init_worker(pipeline: str, parent: int | None = None) -> None:
    """Build the worker's extractor with the parent's pipeline config (a spawned worker does not inherit
    the settings the parent activated); the worker exits when ``parent`` is gone."""
    global _extractor
    if parent is not None:
        _exit_with_parent(parent)
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
    initargs = (settings.current().extract.pipeline, os.getpid())
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                             initargs=initargs) as pool:  # fmt: skip
        # a bounded window of chunks in flight keeps memory flat on long inputs
        pending = []
        for chunk in _chunks(items, CHUNK):
            pending.append(pool.submit(_run_chunk, chunk))
            if len(pending) >= workers * 2:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()
