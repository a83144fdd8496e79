"""Words the temporal rules are built from: month and weekday names, number words, units, seasons.

Regex fragments here are used inside larger patterns compiled with ``re.IGNORECASE``; each fragment is a
non-capturing group so the rules can name their own groups.
"""

from __future__ import annotations

import re

__all__ = [
    "MONTH",
    "MONTHS",
    "NUMBER",
    "PART_OF_DAY",
    "PARTS_OF_DAY",
    "SEASON",
    "SEASONS",
    "UNIT",
    "UNITS",
    "WEEKDAY",
    "WEEKDAYS",
    "duration_value",
    "month_number",
    "number_value",
    "unit_of",
]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

# Full names, or abbreviations (with an optional dot); "May"/"March" as words are filtered by the rules.
MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?)"
)

WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}  # fmt: skip
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
# Vague counts: TIMEX3 writes an unknown count as X ("several years" -> PXY).
_VAGUE = ("several", "a few", "few", "many", "some", "a couple of", "a couple", "couple of", "a number of")

_WORD_NUMBER = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[-\s](?:" + "|".join(k for k in _SMALL if _SMALL[k] < 10) + r"))?"
    r"|" + "|".join(sorted(_SMALL, key=len, reverse=True)) + r"|a\s+half|half\s+an?|an?|a\s+dozen|dozens\s+of|hundreds\s+of)"
)
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\d+\s+\d/\d|" + _WORD_NUMBER + r"(?:\s+and\s+a\s+half)?"
    r"|" + "|".join(v.replace(" ", r"\s+") for v in sorted(_VAGUE, key=len, reverse=True)) + r")"
)

# unit word -> (ISO 8601 designator, multiplier, is a time unit (goes after "T"))
UNITS = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True), "day": ("D", 1, False),
    "night": ("D", 1, False), "week": ("W", 1, False), "weekend": ("D", 2, False), "month": ("M", 1, False),
    "quarter": ("Q", 1, False), "year": ("Y", 1, False), "decade": ("Y", 10, False),
    "century": ("C", 1, False), "centurie": ("C", 1, False), "millennium": ("L", 1, False),
}  # fmt: skip
UNIT = r"(?:second|minute|hour|day|night|week|month|quarter|year|decade|centur(?:y|ie)|millenni(?:um|a))"

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON = r"(?:spring|summer|fall|autumn|winter)"

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def number_value(text: str) -> float | None:
    """The number a count phrase means; None for vague counts ("several", "a few")."""
    words = re.sub(r"\s+", " ", text.strip().lower())
    if words in _VAGUE or words.rstrip(" of") in _VAGUE:
        return None
    if words in ("a dozen",):
        return 12
    if words.startswith(("dozens", "hundreds")):
        return None
    extra = 0.0
    if words.endswith(" and a half"):
        words, extra = words[: -len(" and a half")], 0.5
    if words in ("a half", "half a", "half an"):
        return 0.5
    if words in ("a", "an"):
        return 1 + extra
    fraction = re.fullmatch(r"(\d+) (\d)/(\d)", words)
    if fraction:
        return int(fraction.group(1)) + int(fraction.group(2)) / int(fraction.group(3))
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", words):
        return float(words.replace(",", "")) + extra
    parts = re.split(r"[-\s]", words)
    total = 0
    for part in parts:
        if part in _TENS:
            total += _TENS[part]
        elif part in _SMALL:
            total += _SMALL[part]
        else:
            return None
    return total + extra


def unit_of(word: str) -> tuple[str, int, bool]:
    """The ISO designator, multiplier and time-unit flag of a unit word, singular or plural."""
    key = word.lower()
    if key.startswith("millenni"):
        return UNITS["millennium"]
    key = key[:-1] if key.endswith("s") else key
    return UNITS[key]

def duration_value(count: float | None, unit_word: str) -> str:
    """The TIMEX3 duration for ``count`` units ("P2W", "PT1H30M", "PXY" when the count is vague)."""
    designator, multiplier, is_time = unit_of(unit_word)
    prefix = "PT" if is_time else "P"
    if count is None:
        return f"{prefix}X{designator}"
    total = count * multiplier
    if total == int(total):
        return f"{prefix}{int(total)}{designator}"
    whole = int(total)
    if designator == "Y":
        return f"P{whole}Y{round((total - whole) * 12)}M" if whole else f"P{round(total * 12)}M"
    if designator == "H":
        return f"PT{whole}H{round((total - whole) * 60)}M" if whole else f"PT{round(total * 60)}M"
    if designator == "M" and is_time:
        return f"PT{whole}M{round((total - whole) * 60)}S" if whole else f"PT{round(total * 60)}S"
    if designator == "D":
        return f"P{whole}DT{round((total - whole) * 24)}H" if whole else f"PT{round(total * 24)}H"
    if designator == "W":
        return f"P{round(total * 7)}D"
    if designator == "M" and not is_time:
        return f"P{whole}M{round((total - whole) * 30)}D" if whole else f"P{round(total * 30)}D"
    return f"{prefix}{total:g}{designator}"
