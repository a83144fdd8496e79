"""The English words and patterns the place mechanisms read, from ``dateline/lang/en`` (read once each).

* ``place_words.toml``: word groups (prepositions, unit words, name particles, false friends...);
* ``place_patterns.toml``: regular expressions, each a list of fragments joined as written;
* ``unit_kinds.tsv``: unit words and the GeoNames feature codes a place so called may have.

The feature-code tables that are no English words live in ``dateline/places/data`` (``feature_table``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from .. import lang

__all__ = ["calendar_words", "feature_table", "labels", "one_of", "pattern", "unit_kinds", "words"]

_DATA = Path(__file__).resolve().parent / "data"


@cache
def words(group: str) -> frozenset[str]:
    """The words of a group of ``place_words.toml``."""
    return frozenset(_place_words()[group])


@cache
def pattern(name: str, flags: int = 0, **slots: str) -> re.Pattern[str]:
    """The regular expression ``name`` of ``place_patterns.toml``, its ``<<slot>>`` marks filled from ``slots``."""
    text = "".join(lang.load().data("place_patterns")[name])
    for slot, value in slots.items():
        text = text.replace(f"<<{slot}>>", value)
    return re.compile(text, flags)


def labels(group: str) -> frozenset[str]:
    """A group of spaCy labels from ``syntax.toml``."""
    return lang.load().labels(group)


@cache
def unit_kinds() -> dict[str, tuple[str, ...]]:
    """Unit word -> the feature-code prefixes of the places it names ("province" -> ("ADM1",)), in file order."""
    return {row["word"]: tuple(row["feature_codes"].split()) for row in lang.load().rows("unit_kinds")}


@cache
def calendar_words() -> frozenset[str]:
    """Month and weekday names, lower case: capitalised in text, and places somewhere ("March", "Sunday")."""
    language = lang.load()
    return frozenset(row["name"] for name in ("months", "weekdays") for row in language.rows(name))


@cache
def feature_table(name: str) -> Any:
    """A table of ``dateline/places/data/feature_codes.toml`` (feature code -> value, or lists of codes)."""
    with (_DATA / "feature_codes.toml").open("rb") as handle:
        return tomllib.load(handle)[name]


def _place_words() -> dict[str, list[str]]:
    groups: dict[str, list[str]] = lang.load().data("place_words")
    return groups


def one_of(items: Iterable[str]) -> str:
    """A regular-expression alternation of ``items`` as given (they are words: nothing to escape)."""
    return "|".join(items)
