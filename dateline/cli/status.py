"""``dateline status --db DB``: each watched source's last poll, backlog and failures."""

from __future__ import annotations

import click

__all__ = ["command"]


@click.command("status")
@click.option("--db", required=True, help="SQLite file path or postgresql:// URL.")
@click.option("--failures", "n_failures", type=click.IntRange(min=0), default=10, show_default=True,
              help="Failed URLs listed per source (0: none).")  # fmt: skip
def command(db: str, n_failures: int) -> None:
    """Show each source `dateline watch` follows in DB: last poll, backlog and failures.

    \b
    Per source: kind, last poll (UTC) and what it said, items stored, the backlog (pending; how many
    are due now; how many after a failure), items given up, then the last failed URLs with their error
    and next try.

    \b
    Example:
        dateline status --db events.db
    """
    from ..store import open_store
    from ..store.ledger import Ledger
    from ..store.sql import SqlStore

    with open_store(db, create=False) as store:
        if not isinstance(store, SqlStore):
            raise click.UsageError("dateline status needs a SQL store")
        ledger = Ledger(store)
        sources = ledger.status()
        failures = ledger.item_failures()
    if not sources:
        click.echo("no sources watched in this database (dateline watch SOURCE... --db DB)")
        return
    for source in sources:
        click.echo(f"{source.name} ({source.kind})")
        poll = f"{source.last_poll} {source.last_status}" if source.last_poll else "never"
        click.echo(f"  last poll: {poll}{': ' + source.last_error if source.last_error else ''}")
        click.echo(f"  stored: {source.done}  backlog: {source.pending} ({source.due} due now, "
                   f"{source.retrying} retrying)  failed: {source.failed}")  # fmt: skip
        listed = [f for f in failures if f["source"] == source.name][:n_failures]
        for failure in listed:
            click.echo(f"  - {failure['item']}: {failure['last_error']} [{failure['error_code']}] "
                       f"({failure['attempts']} attempts, {_next_try(failure)})")  # fmt: skip


def _next_try(failure: dict[str, str]) -> str:
    """When a failed item is tried again (an item given up has no next try)."""
    if failure["next_try"]:
        return f"next try {failure['next_try']}"
    return "given up"
