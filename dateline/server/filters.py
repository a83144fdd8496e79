"""Query-string filters of the events list, checked the way ``dateline events`` checks its options.

The same names serve the JSON API and the HTML form (``type``, ``country``, ``since``, ``until``,
``near``, ``actor``, ``text``); ``event_filters`` turns them into ``Store.events`` keywords and
raises ``InputError`` (a 400 answer) with a message that says what to write instead.
"""

from __future__ import annotations

from typing import Any

from ..errors import InputError
from ..store.filters import check_date
from ..store.query import check_query

__all__ = ["FILTER_NAMES", "event_filters"]

FILTER_NAMES = ("type", "country", "since", "until", "near", "actor", "text")


def _near(value: str) -> tuple[float, float, float]:
    try:
        lat, lon, km = (float(v) for v in value.split(","))
    except ValueError:
        raise InputError(f"near={value!r}: use LAT,LON,KM, e.g. 33.31,44.36,25") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise InputError(f"near={value!r}: latitude -90..90, longitude -180..180, radius > 0 km")
    return lat, lon, km


def event_filters(params: dict[str, str | None]) -> dict[str, Any]:
    """``Store.events`` keywords from query parameters named as in ``FILTER_NAMES`` (blank ones ignored)."""
    given = {k: v.strip() for k in FILTER_NAMES if (v := params.get(k)) is not None and v.strip()}
    check_query(**given)  # lengths, word counts, control characters: the bounds the command line has too
    filters: dict[str, Any] = {}
    if "type" in given:
        filters["event_type"] = given["type"].upper()
    if "country" in given:
        if len(given["country"]) != 3 or not given["country"].isalpha():
            raise InputError(f"country={given['country']!r}: use an ISO 3166 alpha-3 code, e.g. IRQ")
        filters["country"] = given["country"].upper()
    for name in ("since", "until"):
        if name in given:
            filters[name] = check_date(name, given[name])
    if "near" in given:
        filters["near"] = _near(given["near"])
    for name in ("actor", "text"):
        if name in given:
            filters[name] = given[name]
    return filters
