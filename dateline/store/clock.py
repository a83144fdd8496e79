"""Timestamps of the journal tables: UTC, ISO 8601 with microseconds, so text order is time order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ..errors import ConfigError

__all__ = ["later", "now", "stamp", "timestamp"]

_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def now() -> str:
    """The current time as a journal timestamp."""
    return stamp(datetime.now(UTC))


def later(seconds: float) -> str:
    """The journal timestamp ``seconds`` from now."""
    return stamp(datetime.now(UTC) + timedelta(seconds=seconds))


def stamp(moment: datetime) -> str:
    """``moment`` (naive = UTC) as a journal timestamp."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime(_FORMAT)


def timestamp(value: str) -> str:
    """A user's ISO date or date-time (``2026-12-08``, ``2026-12-08T01:00``, ``...Z``, ``...+01:00``) as a
    journal timestamp, comparable with the stored ones.

    Raises:
        ConfigError: ``value`` is not an ISO date or date-time.
    """
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return stamp(datetime.fromisoformat(text))
    except ValueError:
        raise ConfigError(f"not an ISO date or date-time: {value!r} (e.g. 2026-12-08T01:00:00Z)") from None
