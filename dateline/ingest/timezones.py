"""Time-zone abbreviations in news stamps ("09:38 IST", "4:08 a.m. ET") and their UTC offsets.

Abbreviations are ambiguous: IST is India, Ireland or Israel; CST is US Central, China or Cuba; BST is
British Summer Time or Bangladesh. The country of the agency or of the filing place decides; without
one, the reading most common in English-language news wins. US generic names (ET, PT...) follow the
IANA zone, so daylight saving is applied for the date.
"""

from __future__ import annotations

import logging
from datetime import UTC, timedelta, timezone, tzinfo

__all__ = ["UTC", "ambiguous_abbreviation", "known_abbreviation", "resolve_zone"]

log = logging.getLogger(__name__)

UTC = UTC

# abbreviation -> {country ISO3 or "*" (default): hours east of UTC or an IANA zone name}
_ZONES: dict[str, dict[str, float | str]] = {
    "UTC": {"*": 0},
    "GMT": {"*": 0},
    "Z": {"*": 0},
    "UT": {"*": 0},
    "WET": {"*": 0},
    "WEST": {"*": 1},
    "CET": {"*": 1},
    "CEST": {"*": 2},
    "MET": {"*": 1},
    "MEST": {"*": 2},
    "EET": {"*": 2},
    "EEST": {"*": 3},
    "MSK": {"*": 3},
    "TRT": {"*": 3},
    "IST": {"*": 5.5, "IND": 5.5, "IRL": 1, "ISR": 2},
    "IDT": {"*": 3},
    "BST": {"*": 1, "GBR": 1, "BGD": 6},
    "AST": {"*": -4, "SAU": 3, "IRQ": 3, "KWT": 3, "BHR": 3, "QAT": 3, "YEM": 3, "CAN": -4, "PRI": -4},
    "ADT": {"*": -3},
    "EST": {"*": -5},
    "EDT": {"*": -4},
    "CST": {"*": -6, "CHN": 8, "TWN": 8, "CUB": -5},
    "CDT": {"*": -5},
    "MST": {"*": -7, "MYS": 8},
    "MDT": {"*": -6},
    "PST": {"*": -8, "PAK": 5, "PHL": 8},
    "PDT": {"*": -7},
    "AKST": {"*": -9},
    "AKDT": {"*": -8},
    "HST": {"*": -10},
    "ET": {"*": "America/New_York"},
    "CT": {"*": "America/Chicago"},
    "MT": {"*": "America/Denver"},
    "PT": {"*": "America/Los_Angeles"},
    "PKT": {"*": 5},
    "NPT": {"*": 5.75},
    "AFT": {"*": 4.5},
    "IRST": {"*": 3.5},
    "IRDT": {"*": 4.5},
    "GST": {"*": 4},
    "GULF": {"*": 4},
    "SGT": {"*": 8},
    "HKT": {"*": 8},
    "MYT": {"*": 8},
    "PHT": {"*": 8},
    "WIB": {"*": 7},
    "WITA": {"*": 8},
    "WIT": {"*": 9},
    "ICT": {"*": 7},
    "JST": {"*": 9},
    "KST": {"*": 9},
    "AWST": {"*": 8},
    "ACST": {"*": 9.5},
    "ACDT": {"*": 10.5},
    "AEST": {"*": 10},
    "AEDT": {"*": 11},
    "NZST": {"*": 12},
    "NZDT": {"*": 13},
    "EAT": {"*": 3},
    "CAT": {"*": 2},
    "WAT": {"*": 1},
    "SAST": {"*": 2},
    "ART": {"*": -3},
    "BRT": {"*": -3},
    "CLT": {"*": -4},
    "COT": {"*": -5},
    "PET": {"*": -5},
    "VET": {"*": -4},
    "BDT": {"*": 6},
    "MMT": {"*": 6.5},
    "SLST": {"*": 5.5},
}


def ambiguous_abbreviation(name: str) -> bool:
    """True for abbreviations whose meaning depends on the country (IST, CST, BST, PST...)."""
    return len(_ZONES.get(name.upper(), {})) > 1


def known_abbreviation(name: str) -> bool:
    return name.upper() in _ZONES


def resolve_zone(name: str, country: str | None) -> tzinfo | None:
    """The zone ``name`` means in ``country`` (ISO3), or None if unknown. IANA zones apply daylight
    saving for whatever date they are attached to."""
    readings = _ZONES.get(name.upper())
    if readings is None:
        return None
    value = readings.get(country or "*", readings["*"])
    if isinstance(value, str):
        return _iana(value)
    return timezone(timedelta(hours=value))


def _iana(name: str) -> tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except Exception:  # no tz database on this system: fall back to standard time
        log.warning("no time-zone database for %s; using standard time", name)
        standard = {
            "America/New_York": -5,
            "America/Chicago": -6,
            "America/Denver": -7,
            "America/Los_Angeles": -8,
        }
        return timezone(timedelta(hours=standard[name]))
