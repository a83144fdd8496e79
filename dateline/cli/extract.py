"""``dateline extract PATH... --format jsonl|json|csv``: events from articles, to stdout."""

from __future__ import annotations

import sys

import click

from ..models import Document, Failure
from . import configured

__all__ = ["command"]


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "csv"]), default="jsonl", show_default=True,
              help="jsonl: one event per line; json: one document per line; csv: one event per row.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Extraction processes, same output (default: the run.workers setting, 1).")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write to this file instead of stdout.")
@click.option("--follow-links", is_flag=True, help="Read symbolic links in folders that lead outside them.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar of the extraction on stderr, articles/s (default: when stderr is a terminal).")
def command(
    inputs: tuple[str, ...], fmt: str, workers: int | None, output, follow_links: bool, progress: bool | None
) -> None:
    """Extract events from PATH... (files, folders, '-' for stdin, JSON Lines of documents, URLs).

    Every input document gets output, in input order; inputs that cannot be read are reported on stderr
    (one line each) and make the exit code 1.

    \b
    Example:
        dateline extract story.txt --format json
        dateline extract docs.jsonl --format jsonl --workers 2 > events.jsonl
    """
    from ..export.records import RecordWriter
    from ..pipeline import extract_stream

    show = sys.stderr.isatty() if progress is None else progress
    writer = RecordWriter(output, fmt)
    failed = 0
    items = extract_stream(list(inputs), workers=configured.workers(workers), progress=show,
                           limits=configured.ingest_limits(), follow_links=follow_links)  # fmt: skip
    for item in items:
        if isinstance(item, Failure):
            failed += 1
            click.echo(f"failed: {item.message()}", err=True)
        elif isinstance(item, Document):
            writer.write(item)
    writer.close()
    if failed:
        sys.exit(1)
