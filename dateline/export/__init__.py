"""Stage 4, exports: stored (linked) events to files, one writer per format, registered by name.

::

    from dateline.export import export
    from dateline.store import open_store

    with open_store("events.db") as store:
        n = export(store, "geojson", "events.geojson", country="IRQ", since="2020-12-01")

Formats (field dictionaries in docs/exports.md): ``csv``, ``jsonl``, ``parquet``, ``geojson``,
``gdelt`` (GDELT 2.0 event table, 61 columns), ``phoenix`` (Phoenix TSV, 26 columns), ``plover``
(PLOVER JSON Lines), ``acled`` (ACLED-style CSV), ``mentions`` (``{doc_id, start, end, event_id}``
per stored mention). Every writer takes the same filters as ``Store.events``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .. import ontology
from ..errors import ExportError

__all__ = ["FORMATS", "Writer", "export", "register", "writer"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Writer:
    name: str
    write: Callable[..., int]  # (store, stream, filters) -> number of records written
    binary: bool
    summary: str


_WRITERS: dict[str, Writer] = {}


def register(
    name: str, *, summary: str, binary: bool = False
) -> Callable[[Callable[..., int]], Callable[..., int]]:
    """Decorator: register ``write(store, stream, filters) -> int`` as the writer of format ``name``."""

    def decorate(func: Callable[..., int]) -> Callable[..., int]:
        _WRITERS[name] = Writer(name=name, write=func, binary=binary, summary=summary)
        return func

    return decorate


def writer(name: str) -> Writer:
    _load_builtin_writers()
    try:
        return _WRITERS[name]
    except KeyError:
        raise ExportError(f"unknown export format {name!r}: choose one of {', '.join(FORMATS)}") from None


@contextmanager
def _open(out: str | Path | IO[Any], binary: bool) -> Iterator[IO[Any]]:
    if not isinstance(out, (str, Path)):
        yield out
        return
    if str(out) == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        return
    path = Path(out)
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: folder {path.parent} does not exist")
    if binary:
        with open(path, "wb") as stream:
            yield stream
    else:
        with open(path, "w", encoding="utf-8", newline="") as stream:
            yield stream


def export(store: Any, fmt: str, out: str | Path | IO[Any], **filters: Any) -> int:
    """Write the stored events matching ``filters`` to ``out`` in format ``fmt``.

    Args:
        store: an open ``Store``.
        fmt: a format name (``FORMATS``).
        out: a file path, ``"-"`` for stdout, or an open stream (binary for ``parquet``).
        filters: the keyword filters of ``Store.events`` (event_type, country, since, until, near, ...).

    Returns:
        The number of records written (events, or mentions for ``mentions``).
    """
    chosen = writer(fmt)
    if chosen.binary and str(out) == "-" and sys.stdout.isatty():
        raise ExportError(f"{fmt} is a binary format: give a file with -o")
    with _open(out, chosen.binary) as stream:
        return chosen.write(store, stream, filters)


def _load_builtin_writers() -> None:
    from . import coded, tabular  # noqa: F401  (registration happens on import)


FORMATS = ontology.formats("export")
