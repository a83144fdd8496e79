"""Stage 4, exports: stored (linked) events to files, one writer per format, registered by name.

::

    from dateline.export import export
    from dateline.store import open_store

    with open_store("events.db") as store:
        n = export(store, "geojson", "events.geojson", country="IRQ", since="2020-12-01")

Formats (field dictionaries in docs/exports.md): ``csv``, ``jsonl``, ``parquet``, ``geojson``,
``mentions`` (``{doc_id, start, end, event_id}`` per stored mention): dateline's own, every record with
its modality; ``gdelt`` (GDELT 2.0 event table, 61 columns), ``gdelt-mentions`` (GDELT 2.0 Mentions
table), ``phoenix`` (Phoenix TSV, 26 columns), ``plover`` (PLOVER JSON Lines), ``acled`` (ACLED CSV):
the standard formats, which hold only records reported as having happened (``ExportOptions``) and leave
out, counting them on stderr, records their standard cannot hold (no day-precision date, no coded
actor). Every writer takes the same filters as ``Store.events``.
"""

from __future__ import annotations

import inspect
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .. import ontology
from ..errors import ExportError

__all__ = ["FORMATS", "ExportOptions", "Writer", "export", "register", "writer"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Writer:
    name: str
    write: Callable[..., int]  # (store, stream, filters[, options]) -> number of records written
    binary: bool
    summary: str
    takes_options: bool = False  # write accepts a fourth argument, the ExportOptions


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportOptions:
    """How the standard formats choose and date their records, and what they left out.

    ``all_modalities``: hold negated, uncertain, hypothetical and future records too (by default a
    standard format holds the modalities ``ontology.standard_modalities()`` lists). ``date_fallback``:
    ``"published"`` dates an event without a day-precision date by its first article's publication day
    (GDELT, Phoenix, PLOVER and ACLED need a day); ``None`` leaves such events out. ``tally`` counts, per
    reason, the records left out or dated by the fallback (``export`` reports it on stderr).
    """

    all_modalities: bool = False
    date_fallback: str | None = None
    tally: Counter[str] = field(default_factory=Counter)


_WRITERS: dict[str, Writer] = {}


def register(
    name: str, *, summary: str, binary: bool = False
) -> Callable[[Callable[..., int]], Callable[..., int]]:
    """Decorator: register ``write(store, stream, filters[, options]) -> int`` as the writer of format
    ``name`` (``options``: the ``ExportOptions`` of the call, when the function takes a fourth argument)."""

    def decorate(func: Callable[..., int]) -> Callable[..., int]:
        takes_options = len(inspect.signature(func).parameters) >= 4
        _WRITERS[name] = Writer(name=name, write=func, binary=binary, summary=summary, takes_options=takes_options)
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


def export(
    store: Any,
    fmt: str,
    out: str | Path | IO[Any],
    *,
    all_modalities: bool = False,
    date_fallback: str | None = None,
    report: Callable[[str], None] | None = None,
    **filters: Any,
) -> int:
    """Write the stored events matching ``filters`` to ``out`` in format ``fmt``.

    Args:
        store: an open ``Store``.
        fmt: a format name (``FORMATS``).
        out: a file path, ``"-"`` for stdout, or an open stream (binary for ``parquet``).
        all_modalities: standard formats also hold records not reported as having happened.
        date_fallback: ``"published"``: standard formats date an event that has no day-precision date
            by its first article's publication day instead of leaving it out.
        report: receives one line per reason records were left out or dated by the fallback, with the
            count (default: written to stderr).
        filters: the keyword filters of ``Store.events`` (event_type, country, since, until, near, ...).

    Returns:
        The number of records written (events, or mentions for ``mentions`` and ``gdelt-mentions``).
    """
    chosen = writer(fmt)
    if date_fallback not in DATE_FALLBACKS:
        raise ExportError(f"unknown date fallback {date_fallback!r}: choose {' or '.join(map(str, DATE_FALLBACKS))}")
    if chosen.binary and str(out) == "-" and sys.stdout.isatty():
        raise ExportError(f"{fmt} is a binary format: give a file with -o")
    options = ExportOptions(all_modalities=all_modalities, date_fallback=date_fallback)
    with _open(out, chosen.binary) as stream:
        if chosen.takes_options:
            written = chosen.write(store, stream, filters, options)
        else:  # a writer registered before options existed: (store, stream, filters)
            written = chosen.write(store, stream, filters)
    for reason, count in options.tally.items():
        (report or _to_stderr)(f"{fmt}: {count} {reason}")
    return written


DATE_FALLBACKS = (None, "published")
"""``date_fallback`` values: leave undated events out (None), or date them by their publication."""


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr)


def _load_builtin_writers() -> None:
    from . import acled, coded, gdelt, tabular  # noqa: F401  (registration happens on import)


FORMATS = ontology.formats("export")
