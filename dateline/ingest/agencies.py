"""The news-agency table (``data/agencies.tsv``): names, aliases and home countries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Agency", "agency_pattern", "find_agency"]


@dataclass(frozen=True, slots=True)
class Agency:
    name: str
    country: str
    aliases: tuple[str, ...]


@cache
def _table() -> dict[str, Agency]:
    """Every spelling (lower-cased) -> its agency."""
    by_spelling: dict[str, Agency] = {}
    text = resources.files(__package__).joinpath("data/agencies.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, country, *rest = line.split("\t")
        aliases = tuple(a.strip() for a in (rest[0] if rest else "").split("|") if a.strip())
        agency = Agency(name=name.strip(), country=country.strip(), aliases=aliases)
        for spelling in (agency.name, *aliases):
            by_spelling.setdefault(spelling.lower(), agency)
    return by_spelling


def find_agency(name: str) -> Agency | None:
    """The agency spelled ``name`` ("Reuters", "Associated Press", "afp"), or None."""
    return _table().get(" ".join(name.split()).lower())


@cache
def agency_pattern() -> str:
    """A regex alternative matching any agency spelling (longest first), for use inside larger patterns."""
    spellings = sorted({s for s in _table()}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in spellings) + ")"
