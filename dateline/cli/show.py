"""``dateline show EVENT_ID --db DB``: one linked event, every mention and its evidence."""

from __future__ import annotations

from typing import Any

import click

from ..errors import InputError
from ..store import StoredEvent

__all__ = ["command", "highlight"]


def highlight(evidence: str, start: int, end: int, *, color: bool) -> str:
    """``evidence`` with ``[start:end)`` marked: bold yellow on a terminal, [brackets] otherwise."""
    if not (0 <= start < end <= len(evidence)):
        return evidence
    return evidence[:start] + _marked(evidence[start:end], color) + evidence[end:]


def _marked(word: str, color: bool) -> str:
    return click.style(word, bold=True, fg="yellow") if color else f"[{word}]"


def _names(entities: list[dict[str, Any]]) -> str:
    """The names (else texts) of an event's actors or recipients, or "-"."""
    return ", ".join(e.get("name") or e.get("text") or "?" for e in entities) or "-"


def _place(event: StoredEvent) -> str:
    place = ", ".join(p for p in (event.location_name, event.admin1, event.country_code) if p) or "-"
    return place + (f" [{event.lat:.4f}, {event.lon:.4f}]" if event.lat is not None else "")


def _range(value: int | None, low: int | None, high: int | None) -> str:
    if value is None:
        return "-"
    if low is None or high is None or low == high:
        return str(value)
    return f"{value} (reported {low}-{high})"


@click.command("show")
@click.argument("event_id")
@click.option("--db", required=True, help="SQLite file path or postgresql:// URL.")
def command(event_id: str, db: str) -> None:
    """Show the linked event EVENT_ID with every mention and its evidence sentence.

    \b
    Example:
        dateline show ev3f2a9c0b1d2e4f56 --db events.db
    """
    from ..store import open_store

    color = click.get_text_stream("stdout").isatty()
    with open_store(db, create=False) as store:
        event = store.event(event_id)
        if event is None:
            raise InputError(f"no event {event_id!r} in {db}: list ids with `dateline events --db {db}`")
        mentions = list(store.mentions(event_id))
    for line in _summary(event):
        click.echo(line)
    for i, m in enumerate(mentions, 1):
        where = " ".join(p for p in (m.outlet, m.published, m.url) if p)
        click.echo(f"\n[{i}] {m.article_id}  {where}".rstrip())
        span = f"{m.trigger_start}-{m.trigger_end}"
        click.echo(f"    trigger {span}: {m.trigger_text!r}  ({m.modality}, {m.confidence})")
        offset = m.trigger_start - m.evidence_start
        text = highlight(m.evidence_text, offset, offset + (m.trigger_end - m.trigger_start), color=color)
        click.echo(f"    {text}")


def _summary(event: StoredEvent) -> list[str]:
    """The event's own lines, before its mentions."""
    return [
        f"{event.id}  {event.event_type} "
        f"(CAMEO {event.cameo}, quad {event.quad_class}, Goldstein {event.goldstein})",
        f"date:       {event.date or '-'} ({event.date_precision or 'unknown precision'})",
        f"place:      {_place(event)}",
        f"actor:      {_names(event.actor)}",
        f"recipient:  {_names(event.recipient)}",
        f"dead:       {_range(event.dead, event.dead_min, event.dead_max)}",
        f"injured:    {_range(event.injured, event.injured_min, event.injured_max)}",
        f"arrested:   {_range(event.arrested, event.arrested_min, event.arrested_max)}",
        f"modality:   {event.modality}   confidence: {event.confidence}",
        f"sources:    {event.n_mentions} mentions in {event.n_articles} articles",
    ]  # fmt: skip
