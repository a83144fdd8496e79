"""``dateline export FORMAT --db DB -o OUT [filters]``: write stored events in another format."""

from __future__ import annotations

from typing import Any

import click

from ..export import FORMATS
from .events import filter_options, filters_from

__all__ = ["command"]


@click.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(FORMATS))
@filter_options
@click.option("-o", "--output", default="-", show_default=True, help="Output file ('-' for stdout).")
def command(fmt: str, db: str, output: str, **kwargs: Any) -> None:
    """Export the linked events stored in DB as FORMAT (see docs/exports.md for every field).

    \b
    FORMAT: csv, jsonl, parquet, geojson, gdelt (GDELT 2.0 events TSV), phoenix (Phoenix TSV),
    plover (PLOVER JSONL), acled (ACLED-style CSV), mentions ({doc_id, start, end, event_id} per mention).

    \b
    Example:
        dateline export geojson --db events.db -o events.geojson --country IRQ
        dateline export mentions --db events.db -o mentions.jsonl
    """
    from ..export import export
    from ..store import open_store

    if fmt == "parquet" and output == "-":
        raise click.UsageError("parquet is binary: give a file with -o")
    filters = filters_from(kwargs)
    with open_store(db) as store:
        n = export(store, fmt, output, **filters)
    if output != "-":
        click.echo(f"wrote {n} {'mentions' if fmt == 'mentions' else 'events'} to {output}", err=True)
