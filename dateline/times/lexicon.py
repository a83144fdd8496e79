"""Words the temporal rules are built from, read from the language's data files (``dateline/lang/en``):
month and weekday names, number words, units, seasons, parts of the day, the rule patterns and cue patterns.

Regex fragments here are used inside larger patterns compiled with ``re.IGNORECASE``; each fragment is a
non-capturing group so the rules can name their own groups.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from .. import lang

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
    "cue",
    "duration_value",
    "expand",
    "gate_patterns",
    "month_number",
    "number_value",
    "reference_words",
    "rule_specs",
    "table",
    "unit_of",
    "squashed",
    "verb_seasons",
    "words",
]

_EN = lang.load()
_FLAGS = {"i": re.IGNORECASE, "a": re.ASCII}
_PLACEHOLDER = re.compile(r"\{([A-Z_]+)\}")


@cache
def words(group: str) -> frozenset[str]:
    """A group of words of ``time_words.toml`` (``[words]``)."""
    return frozenset(_EN.data("time_words")["words"][group])


def _month_rows() -> tuple[tuple[int, str, tuple[str, ...]], ...]:
    return tuple((int(r["number"]), r["name"], tuple(r["abbreviations"].split())) for r in _EN.rows("months"))


def _month_table() -> dict[str, int]:
    """Full names and abbreviations -> month number."""
    table: dict[str, int] = {}
    for number, name, abbreviations in _month_rows():
        table[name] = number
        for abbreviation in abbreviations:
            table[abbreviation] = number
    return table


MONTHS = _month_table()


def _counts(name: str) -> dict[str, int]:
    """A two-column word file whose second column is a whole number."""
    return {word: int(value) for word, value in _EN.mapping(name).items()}


def _unit_table() -> dict[str, tuple[str, int, bool]]:
    units = _EN.rows("time_units")
    return {r["word"]: (r["designator"], int(r["multiplier"]), r["clock"] == "yes") for r in units}


WEEKDAYS = _counts("weekdays")


def _numerals() -> dict[str, int]:
    """The spelled numerals of number_words.tsv and their values (zero..nineteen, the tens)."""
    counts = _counts("number_words")
    return {word: value for word, value in counts.items() if word not in words("not_numerals")}


_NUMBERS = _numerals()
_SMALL = {word: value for word, value in _NUMBERS.items() if value < 20}
_TENS = {word: value for word, value in _NUMBERS.items() if value >= 20}
# Vague counts: TIMEX3 writes an unknown count as X ("several years" -> PXY).
_VAGUE = _EN.list("vague_counts")
# unit word -> (ISO 8601 designator, multiplier, is a time unit (goes after "T"))
UNITS = _unit_table()
SEASONS = _EN.mapping("seasons")
PARTS_OF_DAY = _EN.mapping("parts_of_day")


def _alternation(entries: list[str] | tuple[str, ...]) -> str:
    return "|".join(entries)


def _spaced(phrases: list[str]) -> str:
    """Phrases as alternatives, longest first, any run of spaces between their words."""
    return _alternation([p.replace(" ", r"\s+") for p in sorted(phrases, key=len, reverse=True)])


def _built_fragments() -> dict[str, str]:
    """Fragments made from word files (the rule file refers to them by name)."""
    names = [name for _, name, _ in _month_rows()]
    abbreviations = [a for _, _, abbreviations in _month_rows() for a in abbreviations]
    return {
        # full names, or abbreviations with an optional dot; "May"/"March" as words are filtered by the rules
        "MONTH": f"(?:{_alternation(names)}|(?:{_alternation(abbreviations)})\\b\\.?)",
        "WEEKDAY": f"(?:{_alternation(list(WEEKDAYS))})",
        "SEASON": f"(?:{_alternation(list(SEASONS))})",
        "TENS": _alternation(list(_TENS)),
        "DIGITS": _alternation([word for word, value in _SMALL.items() if value < 10]),
        "SMALL": _alternation(sorted(_SMALL, key=len, reverse=True)),
        "VAGUE": _spaced(list(_VAGUE)),
        "REFERENCE_WORDS": _alternation(
            [re.escape(k).replace(r"\ ", r"\s+") for k in sorted(reference_words(), key=len, reverse=True)]
        ),
    }


@cache
def _rule_data() -> dict[str, Any]:
    data: dict[str, Any] = _EN.data("time_rules")
    return data


@cache
def _fragments() -> dict[str, str]:
    fragments = _built_fragments()
    for name, pieces in _rule_data()["fragments"].items():
        fragments[name] = expand(pieces, fragments)
    return fragments


def expand(pieces: list[str] | str, fragments: dict[str, str] | None = None) -> str:
    """A pattern of the rule file: its pieces joined, each ``{NAME}`` replaced by that fragment."""
    known = _fragments() if fragments is None else fragments
    text = pieces if isinstance(pieces, str) else "".join(pieces)
    return _PLACEHOLDER.sub(lambda m: known[m.group(1)], text)


def rule_specs() -> list[dict[str, Any]]:
    """The rules of ``time_rules.toml`` in order (name, pattern pieces, normaliser, gate, span)."""
    specs: list[dict[str, Any]] = _rule_data()["rule"]
    return specs


def gate_patterns() -> dict[str, str]:
    """Gate name -> pattern."""
    return {name: expand(pieces) for name, pieces in _rule_data()["gates"].items()}


def reference_words() -> dict[str, str]:
    """"now" -> PRESENT_REF, "recently" -> PAST_REF, ... (reference_words.tsv)."""
    return _EN.mapping("reference_words", "phrase", "value")


def table(name: str) -> dict[str, Any]:
    """A word -> value table of ``time_words.toml`` (``relative_offset``, ``half``, ``frequency``...)."""
    found: dict[str, Any] = _EN.data("time_words")[name]
    return found


@cache
def cue(name: str) -> re.Pattern[str]:
    """A cue pattern of ``time_cues.toml``, compiled with its flags."""
    spec = _EN.data("time_cues")[name]
    flags = re.NOFLAG
    for letter in spec["flags"]:
        flags |= _FLAGS[letter]
    return re.compile(spec["pattern"], flags)


MONTH = _fragments()["MONTH"]
WEEKDAY = _fragments()["WEEKDAY"]
NUMBER = _fragments()["NUMBER"]
UNIT = _fragments()["UNIT"]
SEASON = _fragments()["SEASON"]
PART_OF_DAY = _fragments()["PART_OF_DAY"]
_HALF_SUFFIX = " and a half"


def squashed(text: str) -> str:
    """Lower case, runs of white space as one space ("The  past" -> "the past")."""
    return re.sub(r"\s+", " ", text.lower())


def verb_seasons() -> frozenset[str]:
    """Season codes whose names are verbs too often ("spring", "fall") to count without a cue."""
    return frozenset(row["code"] for row in _EN.rows("seasons") if row["verb"] == "yes")


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def number_value(text: str) -> float | None:
    """The number a count phrase means; None for vague counts ("several", "a few")."""
    phrase = re.sub(r"\s+", " ", text.strip().lower())
    if phrase in _VAGUE or phrase.rstrip(" of") in _VAGUE:
        return None
    if phrase in words("dozen_phrases"):
        return 12
    if phrase.startswith(tuple(words("vague_multiples"))):
        return None
    extra = 0.0
    if phrase.endswith(_HALF_SUFFIX):
        phrase = phrase[: -len(_HALF_SUFFIX)]
        extra = 0.5
    if phrase in words("half_phrases"):
        return 0.5
    if phrase in words("article"):
        return 1 + extra
    fraction = re.fullmatch(r"(\d+) (\d)/(\d)", phrase)
    if fraction:
        return int(fraction.group(1)) + int(fraction.group(2)) / int(fraction.group(3))
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", phrase):
        return float(phrase.replace(",", "")) + extra
    return _spelled_value(phrase, extra)


def _spelled_value(phrase: str, extra: float) -> float | None:
    total = 0
    for part in re.split(r"[-\s]", phrase):
        if part not in _NUMBERS:
            return None
        total += _NUMBERS[part]
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
