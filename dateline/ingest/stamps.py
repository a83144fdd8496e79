"""Reading date stamps of news copy: "21-12-2020 09:38 IST", "Dec. 21, 2020 4:08 a.m. ET", "2020-12-21".

A stamp with a time and a known zone becomes UTC ``YYYY-MM-DDTHH:MM:SSZ``; a stamp without a time, or
with a time but no zone, stays the local calendar date ``YYYY-MM-DD`` (never shifted). A stamp without a
year or a day is not a publication date and gives None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo

from .. import lang
from .formats import word_set
from .timezones import UTC, known_abbreviation, resolve_zone

__all__ = ["Stamp", "find_stamp", "month_stems", "normalise_published"]



def month_stems() -> dict[str, int]:
    """The first three letters of each month's name -> its number (lang/en/months.tsv)."""
    return {row["name"][:3]: int(row["number"]) for row in lang.load().rows("months")}


_MONTHS = month_stems()
# a month's name or abbreviation: its first three letters, any letters, an optional dot
_MONTH = rf"(?P<mon>{'|'.join(_MONTHS)})[a-z]*\.?"
_ORD = rf"(?:{lang.load().alternation('ordinal_suffixes')})?"
_DATE_FORMS = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}){_ORD},?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\b"),
    re.compile(r"\b(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<year>\d{4}|\d{2})\b"),
)
_TIME = re.compile(
    r"(?<![\d:])(?P<h>\d{1,2})(?:[:.](?P<m>\d{2})(?::(?P<s>\d{2}))?)?\s*(?P<ampm>[ap]\.?\s?m\b\.?)?", re.I
)
_ZONE = re.compile(r"[\s,(]*(?:(?P<abbr>[A-Z]{1,5})\b)?\s*(?P<offset>[+-]\d{1,2}(?::?\d{2})?)?")
_MONTH_FIRST_COUNTRIES = word_set("stamps", "month_first_countries")


@dataclass(frozen=True, slots=True)
class Stamp:
    """A stamp found in a string: its normalised value and the characters it covered."""

    value: str
    has_time: bool
    start: int
    end: int


def find_stamp(text: str, *, country: str | None = None) -> Stamp | None:
    """The first full date (with its time and zone, if any) in ``text``, normalised."""
    iso = _iso_stamp(text)
    if iso:
        return iso
    found = _find_date(text, country)
    if found is None:
        return None
    day, start, end = found
    clock = _find_time(text, start, end)
    if clock is None:
        return Stamp(day.isoformat(), False, start, end)
    hour, minute, second, t_start, t_end = clock
    zone_match = _ZONE.match(text, t_end)
    local = datetime(day.year, day.month, day.day, hour, minute, second)
    tz: tzinfo | None = None
    if zone_match and zone_match.group("offset"):
        tz = _offset(zone_match.group("offset"), zone_match.group("abbr"))
    elif zone_match and zone_match.group("abbr") and known_abbreviation(zone_match.group("abbr")):
        tz = resolve_zone(zone_match.group("abbr"), country)
    end = max(end, t_end, zone_match.end() if tz and zone_match else t_end)
    start = min(start, t_start)
    if tz is None:
        return Stamp(day.isoformat(), True, start, end)
    utc = local.replace(tzinfo=tz).astimezone(UTC)
    return Stamp(utc.strftime("%Y-%m-%dT%H:%M:%SZ"), True, start, end)


def normalise_published(value: str | None) -> str | None:
    """A given ``published`` in the contract's form: bare dates kept, aware times as UTC ``Z``.

    A naive date-time keeps its calendar date (its zone is unknown); an unreadable or impossible value
    ("2020-13-45") gives None.
    """
    if value is None:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) or re.fullmatch(
        r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", value
    ):
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return value
    stamp = find_stamp(value)
    return stamp.value if stamp else None


def _iso_stamp(text: str) -> Stamp | None:
    match = re.search(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?", text)
    if not match:
        return None
    raw = match.group(0).replace(" ", "T")
    if raw.endswith("Z"):
        raw = raw[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None  # let the general reader look for a zone abbreviation after it
    value = moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Stamp(value, True, match.start(), match.end())


def _find_date(text: str, country: str | None) -> tuple[date, int, int] | None:
    best: tuple[date, int, int] | None = None
    for form in _DATE_FORMS:
        for match in form.finditer(text):
            day = _date_of(match, country)
            if day and (best is None or match.start() < best[1]):
                best = (day, match.start(), match.end())
                break
    return best


def _date_of(match: re.Match[str], country: str | None) -> date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if year < 100:
        year += 2000 if year < 70 else 1900
    if groups.get("mon"):
        month, day = _MONTHS[groups["mon"][:3].lower()], int(groups["day"])
    elif groups.get("m"):
        month, day = int(groups["m"]), int(groups["d"])
    else:
        a, b = int(groups["a"]), int(groups["b"])
        month_first = b > 12 or (a <= 12 and country in _MONTH_FIRST_COUNTRIES)
        month, day = (a, b) if month_first else (b, a)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _find_time(text: str, d_start: int, d_end: int) -> tuple[int, int, int, int, int] | None:
    """A clock time outside the date's characters: (hour, minute, second, start, end)."""
    for match in _TIME.finditer(text):
        if d_start <= match.start() < d_end or (match.group("m") is None and not match.group("ampm")):
            continue
        hour, minute = int(match.group("h")), int(match.group("m") or 0)
        second = int(match.group("s") or 0)
        ampm = (match.group("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if hour < 24 and minute < 60 and second < 60:
            return hour, minute, second, match.start(), match.end()
    return None


def _offset(raw: str, abbr: str | None) -> timezone | None:
    if abbr and abbr.upper() not in word_set("stamps", "utc_names"):
        return None
    sign = -1 if raw[0] == "-" else 1
    digits = raw[1:].replace(":", "")
    hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    if hours > 14 or minutes >= 60:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))
