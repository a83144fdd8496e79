"""``dateline serve --db DB``: the JSON API and the HTML dashboard over an event database."""

from __future__ import annotations

import ipaddress
import logging

import click

from ..errors import MissingDependency

__all__ = ["command"]

log = logging.getLogger(__name__)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.option("--db", required=True, help="SQLite file written by `dateline run`, or a postgresql:// URL.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 opens it to the network (no authentication).")  # fmt: skip
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port.")
@click.option("--title", default="dateline", show_default=True, help="Title shown on the pages.")
def command(db: str, host: str, port: int, title: str) -> None:
    """Serve the events stored in DB: a dashboard at / and a JSON API at /api (read-only).

    The database must exist (run `dateline run PATH... --db DB` first); it is never created here.
    Needs the serve extra: pip install 'dateline[serve]'.

    \b
    Example:
        dateline serve --db events.db
        curl 'http://127.0.0.1:8000/api/events?type=ASSAULT&country=IRQ&limit=10'
    """
    try:
        import uvicorn
    except ImportError:
        raise MissingDependency("uvicorn", extra="serve") from None
    from ..server import create_app

    app = create_app(db, title=title)
    if not _is_loopback(host):
        log.warning("serving %s on %s: anyone who can reach this address can read it", db, host)
    # h11 reads request heads of up to 1 MB, so an over-long query string gets the app's 414 answer
    # instead of a reset connection (httptools has no such setting)
    uvicorn.run(app, host=host, port=port, log_level="info", http="h11", h11_max_incomplete_event_size=1024 * 1024)
