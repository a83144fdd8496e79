"""``dateline run PATH... --db DB``: ingest, extract, link and store, then print a summary."""

from __future__ import annotations

import sys

import click

from ..models import Failure
from . import configured

__all__ = ["command"]


@click.command("run")
@click.argument("inputs", nargs=-1, required=True, metavar="PATH...")
@click.option("--db", required=True, help="SQLite file path or postgresql:// URL (created/migrated on open).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: the run.workers setting, 1).")  # fmt: skip
@click.option("--follow-links", is_flag=True, help="Read symbolic links in folders that lead outside them.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar of the extraction on stderr, articles/s (default: when stderr is a terminal).")  # fmt: skip
@click.option("--no-text", is_flag=True,
              help="Do not store article text (the event page then shows evidence sentences only).")  # fmt: skip
def command(
    inputs: tuple[str, ...],
    db: str,
    workers: int | None,
    follow_links: bool,
    progress: bool | None,
    no_text: bool,
) -> None:
    """Ingest, extract, link and store events from PATH... into the database DB.

    Articles already in DB (same id or same text) are skipped, so running twice changes nothing.
    Each input that fails is reported on stderr and recorded in the failures table; the exit code is
    then 1.

    \b
    Example:
        dateline run articles/ feed.xml --db events.db
        dateline run docs.jsonl --db postgresql://localhost/dateline --workers 2
    """
    from ..pipeline import extract_stream
    from ..store import open_store
    from ..store.loading import store_stream

    def report(failure: Failure) -> None:
        click.echo(f"failed: {failure.message()} [{failure.stage}/{failure.code}]", err=True)

    show = sys.stderr.isatty() if progress is None else progress
    documents = extract_stream(list(inputs), workers=configured.workers(workers), progress=show,
                               limits=configured.ingest_limits(), follow_links=follow_links)  # fmt: skip
    with open_store(db, configured.stored_settings(no_text)) as store:
        summary = store_stream(documents, store, on_failure=report)
    for line in summary.lines():
        click.echo(line)
    if summary.failures:
        raise SystemExit(1)
