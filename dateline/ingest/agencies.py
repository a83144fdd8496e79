"""The news-agency table (``data/agencies.tsv``) and the other outlets (``data/outlets.tsv``): names,
aliases and home countries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Agency", "agency_pattern", "find_agency", "find_outlet"]


@dataclass(frozen=True, slots=True)
class Agency:
    name: str
    country: str
    aliases: tuple[str, ...]


@cache
def _table(file: str) -> dict[str, Agency]:
    """Every spelling (lower-cased) of the outlets of ``data/FILE`` -> its outlet."""
    by_spelling: dict[str, Agency] = {}
    text = resources.files(__package__).joinpath(f"data/{file}").read_text(encoding="utf-8")
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
    return _table("agencies.tsv").get(" ".join(name.split()).lower())


def find_outlet(name: str) -> Agency | None:
    """The agency or other known outlet spelled ``name`` ("AP", "The Hindu"), or None."""
    return find_agency(name) or _table("outlets.tsv").get(" ".join(name.split()).lower())


@cache
def agency_pattern() -> str:
    """A regex alternative matching any agency spelling (longest first), for use inside larger patterns."""
    spellings = sorted(set(_table("agencies.tsv")), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in spellings) + ")"
