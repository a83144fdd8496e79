"""``dateline events --db DB [filters]``: list stored (linked) events; the filter options live here.

``filter_options`` and ``filters_from`` are shared with ``dateline export``.
"""

from __future__ import annotations

import inspect
import json
import sys
from collections.abc import Callable
from typing import Any

import click

from .. import ontology
from ..errors import InputError
from ..store import StoredEvent
from ..store.filters import check_date
from ..store.query import ExactStore, HappenedStore, check_query
from ..store.sql import SqlStore

__all__ = ["command", "filter_options", "filters_from"]


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check_date(param.name or "date", value)
    except InputError as exc:
        raise click.BadParameter(str(exc)) from None


def _parse_near(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        lat, lon, km = (float(v) for v in value.split(","))
    except ValueError:
        raise click.BadParameter(f"{value!r}: use LAT,LON,KM, e.g. 33.31,44.36,25") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise click.BadParameter(f"{value!r}: latitude -90..90, longitude -180..180, radius > 0 km")
    return lat, lon, km


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The query filters shared by ``events`` and ``export`` (each maps to a ``Store.events`` keyword)."""
    for option in reversed(_filter_options()):
        func = option(func)
    return func


def _filter_options() -> list[Callable[[Callable[..., Any]], Callable[..., Any]]]:
    return [
        click.option("--db", required=True, help="SQLite file path or postgresql:// URL."),
        click.option("--type", "event_type", metavar="TYPE", help="PLOVER event type, e.g. ASSAULT."),
        click.option("--country", metavar="ISO3", help="Country of the event's place, e.g. IRQ."),
        click.option("--since", callback=_parse_date, metavar="DATE", help="Events dated on or after DATE."),
        click.option("--until", callback=_parse_date, metavar="DATE", help="Events dated on or before DATE."),
        click.option("--near", callback=_parse_near, metavar="LAT,LON,KM",
                     help="Events within KM of a point."),  # fmt: skip
        click.option("--actor", metavar="TEXT", help="Actor or recipient name/code containing TEXT."),
        click.option("--text", metavar="WORDS", help="Evidence sentences containing every word."),
        click.option("--limit", type=click.IntRange(min=0), help="At most N events."),
    ]


# filters whose option checks them itself (``--near``'s callback; the store parses ``--changed-since``)
_OWN_CHECK = frozenset({"near", "changed_since"})


def filters_from(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Pop the filter options out of a command's keyword arguments (the ``Store.events`` keywords given),
    checked against the API's bounds (``dateline.store.query``), the same for the command line."""
    keys = [*inspect.signature(SqlStore.events).parameters, "actor_country"]
    filters = {k: kwargs.pop(k) for k in keys if kwargs.get(k) is not None}
    try:
        check_query(**{("type" if k == "event_type" else k): v for k, v in filters.items() if k not in _OWN_CHECK})
    except InputError as exc:
        raise click.UsageError(str(exc)) from None
    return filters


def _cell(event: StoredEvent, column: dict[str, str]) -> str:
    """One cell of the table listing (``ontology/data/columns/events_table.tsv``)."""
    value = getattr(event, column["field"])
    text = column["blank"] if value is None or value == "" else str(value)
    return text[: int(column["width"])] if column["width"] else text


def _table(events: list[StoredEvent]) -> None:
    columns = ontology.table("columns/events_table")
    header = [column["column"] for column in columns]
    rows = [[_cell(e, column) for column in columns] for e in events]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    click.echo("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    for row in rows:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


@click.command("events")
@filter_options
@click.option("--actor-country", metavar="ISO3", help="Country of an actor or recipient, e.g. IRQ.")
@click.option("--all-modalities", is_flag=True,
              help="Also list negated, uncertain, hypothetical and future records (default: only what is "
                   "reported as having happened: asserted, alleged, historical).")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json", "csv"]), default="table",
              show_default=True, help="Output format.")  # fmt: skip
def command(db: str, fmt: str, all_modalities: bool, **kwargs: Any) -> None:
    """List the linked events stored in DB, oldest first (undated last): those reported as having happened
    (asserted, alleged, historical: CONTRACT.md), or every record with --all-modalities.

    \b
    Example:
        dateline events --db events.db --type ASSAULT --country IRQ --since 2020-12-01
        dateline events --db events.db --near 33.31,44.36,25 --format jsonl
        dateline events --db events.db --actor-country SYR --country IRQ
    """
    from ..export import export
    from ..store import open_store

    filters = filters_from(kwargs)
    with open_store(db, create=False) as opened:
        store: Any = ExactStore(opened)  # --country: the place only; --actor-country: the actors'
        if not all_modalities:
            store = HappenedStore(store)
        if fmt == "table":
            _table(list(store.events(**filters)))
        elif fmt == "csv":
            export(store, "csv", sys.stdout, **filters)
        elif fmt == "jsonl":
            export(store, "jsonl", sys.stdout, **filters)
        else:
            records = [e.to_dict() for e in store.events(**filters)]
            click.echo(json.dumps(records, ensure_ascii=False, indent=1))
