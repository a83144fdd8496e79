"""Time-zone abbreviations in news stamps ("09:38 IST", "4:08 a.m. ET") and their UTC offsets.

Abbreviations are ambiguous: IST is India, Ireland or Israel; CST is US Central, China or Cuba; BST is
British Summer Time or Bangladesh. The country of the agency or of the filing place decides; without
one, the reading most common in English-language news wins. US generic names (ET, PT...) follow the
IANA zone, so daylight saving is applied for the date.
"""

from __future__ import annotations

import logging
from datetime import UTC, timedelta, timezone, tzinfo

from .formats import rows

__all__ = ["UTC", "ambiguous_abbreviation", "known_abbreviation", "resolve_zone"]

log = logging.getLogger(__name__)

UTC = UTC



def _reading(text: str) -> float | str:
    """Hours east of UTC, or an IANA zone name."""
    try:
        return float(text)
    except ValueError:
        return text


def _zones() -> dict[str, dict[str, float | str]]:
    """abbreviation -> {country ISO3 or "*" (default): hours east of UTC or an IANA zone name}."""
    zones: dict[str, dict[str, float | str]] = {}
    for row in rows("timezones.tsv"):
        zones.setdefault(row["abbreviation"], {})[row["country"]] = _reading(row["reading"])
    return zones


def _standard_hours() -> dict[str, float]:
    """IANA zone -> its standard offset, for systems without a time-zone database."""
    return {row["reading"]: float(row["standard"]) for row in rows("timezones.tsv") if row["standard"]}


_ZONES = _zones()


def ambiguous_abbreviation(name: str) -> bool:
    """True for abbreviations whose meaning depends on the country (IST, CST, BST, PST...)."""
    return len(_ZONES.get(name.upper(), {})) > 1


def known_abbreviation(name: str) -> bool:
    return name.upper() in _ZONES


def resolve_zone(name: str, country: str | None) -> tzinfo | None:
    """The zone ``name`` means in ``country`` (ISO3), or None if unknown. IANA zones apply daylight
    saving for whatever date they are attached to."""
    readings = _ZONES.get(name.upper())
    if readings is None:
        return None
    value = readings.get(country or "*", readings["*"])
    if isinstance(value, str):
        return _iana(value)
    return timezone(timedelta(hours=value))


def _iana(name: str) -> tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except Exception:  # no tz database on this system: fall back to standard time
        log.warning("no time-zone database for %s; using standard time", name)
        return timezone(timedelta(hours=_standard_hours()[name]))
