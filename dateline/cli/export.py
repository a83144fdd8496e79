"""``dateline export FORMAT --db DB -o OUT [filters]``: write stored events in another format."""

from __future__ import annotations

from typing import Any

import click

from ..export import DATE_FALLBACKS, FORMATS
from .events import filter_options, filters_from

__all__ = ["command"]


@click.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(FORMATS))
@filter_options
@click.option("-o", "--output", default="-", show_default=True, help="Output file ('-' for stdout).")
@click.option("--changed-since", metavar="TIMESTAMP",
              help="Only events added or joined by a mention since TIMESTAMP (ISO; UTC unless it has an offset).")  # fmt: skip
@click.option("--all-modalities", is_flag=True,
              help="Standard formats also hold negated, uncertain, hypothetical and future records.")  # fmt: skip
@click.option("--date-fallback", type=click.Choice([f for f in DATE_FALLBACKS if f]),
              help="Standard formats date an event without a day by its first article's publication day.")  # fmt: skip
def command(fmt: str, db: str, output: str, all_modalities: bool, date_fallback: str | None, **kwargs: Any) -> None:
    """Export the linked events stored in DB as FORMAT (see docs/exports.md for every field).

    \b
    FORMAT: csv, jsonl, parquet, geojson, mentions ({doc_id, start, end, event_id} per mention): every
    record; gdelt (GDELT 2.0 events TSV), gdelt-mentions (GDELT 2.0 Mentions TSV), phoenix (Phoenix TSV),
    plover (PLOVER JSONL), acled (ACLED CSV): the standard formats, which hold records reported as having
    happened (--all-modalities: every record) and leave out, counting them on stderr, records their
    standard cannot hold (no day: --date-fallback published dates them by their publication).

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
    with open_store(db, create=False) as store:
        n = export(store, fmt, output, all_modalities=all_modalities, date_fallback=date_fallback, **filters)
    if output != "-":
        click.echo(f"wrote {n} {'mentions' if fmt.endswith('mentions') else 'events'} to {output}", err=True)
