"""Dask wiring only: a bag of inputs, each partition running the ordinary stage functions.

Following Dask's own advice, the bag holds the *inputs* (file names, URLs), and each partition reads its
data and builds its ``Extractor`` once (model and gazetteer load per partition, not per article). The
output equals the in-process run, in input order.

    >>> from dateline.scale import extract_with_dask
    >>> documents = extract_with_dask(["a.txt", "b.txt"], scheduler="processes")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import MissingDependency
from .models import Document, Failure

__all__ = ["extract_with_dask"]


def _extract_partition(inputs: Iterable[str]) -> list[Document | Failure]:
    from .pipeline import extract_stream

    return list(extract_stream(list(inputs)))


def extract_with_dask(
    inputs: Iterable[str], *, scheduler: str | None = None, partition_size: int = 50
) -> list[Document | Failure]:
    """Run ingest + extraction over a Dask bag of ``inputs``.

    Args:
        inputs: paths or URLs (each a file of one or many documents).
        scheduler: "synchronous", "threads", "processes", or a ``dask.distributed`` scheduler address
            ("tcp://host:8786") for runs larger than one machine; None uses Dask's default.
        partition_size: inputs per partition.

    Returns:
        Documents and failures, in input order.
    """
    try:
        import dask
        import dask.bag as db
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise MissingDependency("dask", "dask") from exc
    items = list(inputs)
    if not items:
        return []
    bag = db.from_sequence(items, partition_size=max(1, partition_size))
    if scheduler and "://" in scheduler:
        from distributed import Client  # type: ignore[import-not-found]

        with Client(scheduler):
            return list(bag.map_partitions(_extract_partition).compute())
    with dask.config.set(scheduler=scheduler) if scheduler else _nullcontext():
        return list(bag.map_partitions(_extract_partition).compute())


class _nullcontext:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
