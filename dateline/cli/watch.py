"""``dateline watch SOURCE... --db DB [--every 15m] [--once]``: follow feeds, sitemaps and folders."""

from __future__ import annotations

import click

from . import configured

__all__ = ["command"]


@click.command("watch")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--db", required=True, help="SQLite file path or postgresql:// URL (created/migrated on open).")
@click.option("--every", metavar="DURATION", default=None,
              help="Time between polls, e.g. 90s, 15m, 2h (default: the watch.every setting, 15m).")  # fmt: skip
@click.option("--once", is_flag=True, help="Poll each source once, store what is due, and exit.")
@click.option("--no-text", is_flag=True,
              help="Do not store article text (the event page then shows evidence sentences only).")  # fmt: skip
def command(sources: tuple[str, ...], db: str, every: str | None, once: bool, no_text: bool) -> None:
    """Follow SOURCE... (RSS/Atom feeds, sitemaps: URLs or files; folders) into the database DB.

    Each poll asks only for what changed (ETag / Last-Modified), fetches each new linked page politely
    (robots.txt, a delay per host, retries with backoff that honour Retry-After), extracts its events
    and stores them, one article at a time. Killed at any moment and started again, it goes on where
    it was; SIGTERM finishes the article in hand and exits 0. Failed URLs are retried at later polls;
    `dateline status --db DB` shows them. Exit code 1 when a source or an item failed (with --once).

    \b
    Example:
        dateline watch https://example.org/rss news/ --db events.db --every 15m
        dateline watch https://example.org/sitemap.xml --db events.db --once
    """
    from ..watch import seconds, watch_sources

    interval = seconds(every) if every is not None else None
    summary = watch_sources(list(sources), db, every=interval, once=once,
                            settings=configured.stored_settings(no_text), limits=configured.ingest_limits())  # fmt: skip
    for line in summary.lines():
        click.echo(line)
    if once and summary.trouble and not summary.stopped:
        raise SystemExit(1)
