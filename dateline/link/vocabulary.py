"""The knowledge linking reads from data files: word lists (``lang/en``) and CAMEO root groups (ontology)."""

from __future__ import annotations

import re
from functools import cache

from .. import lang, ontology

__all__ = [
    "calendar_words",
    "casualty_words",
    "compatible_root_groups",
    "trigger_suffixes",
    "uninformative_words",
    "weekday_pattern",
]


def uninformative_words() -> frozenset[str]:
    """Words that never count as keywords or names (``lang/en/uninformative_words.txt``)."""
    return lang.load().words("uninformative_words")


def casualty_words() -> frozenset[str]:
    """Casualty verbs: uninformative as keywords, kept as trigger words."""
    return lang.load().words("casualty_words")


def trigger_suffixes() -> tuple[str, ...]:
    """Suffixes folded off trigger words, in the order they are tried."""
    return lang.load().list("trigger_suffixes")


@cache
def calendar_words() -> frozenset[str]:
    """Month names and their abbreviations: capitalised, but dates, not names."""
    found: set[str] = set()
    for row in lang.load().rows("months"):
        found.add(row["name"])
        found.update(row["abbreviations"].split())
    return frozenset(found)


@cache
def weekday_pattern() -> re.Pattern[str]:
    """Capitalised weekday names as whole words ("Monday", not "monday")."""
    return re.compile(rf"\b({'|'.join(row['name'].capitalize() for row in lang.load().rows('weekdays'))})\b")


@cache
def compatible_root_groups() -> tuple[frozenset[str], ...]:
    """Groups of CAMEO roots outlets use interchangeably for one happening (ontology/data)."""
    return tuple(frozenset(row["roots"].split()) for row in ontology.table("cameo_compatible_roots"))
