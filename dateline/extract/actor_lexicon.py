"""The actor lexicons: country names, demonyms, organisations and sector words, loaded once per process.

Data lives in ``patterns/actors/`` as TSV files (see ``docs/actors.md``): ``countries.tsv`` is generated
by :mod:`dateline.extract.lexicon_build`; the others are hand-written. Keys are lower-cased surface
strings (multiword keys keep their inner spacing and hyphens), so a lookup is one dict access.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

__all__ = ["ActorLexicon", "Organization", "PlaceName", "SectorWord", "load_lexicon"]

log = logging.getLogger(__name__)

PATTERNS = Path(__file__).resolve().parent / "patterns" / "actors"

# How sure a kind of name is to mean a country, best first. Cities name countries only as a last resort.
KIND_PRIORITY = {"org": 0, "name": 1, "common": 1, "official": 1, "alias": 1, "abbr": 1, "former": 1,
                 "demonym": 2, "capital": 3, "city": 4}


@dataclass(frozen=True, slots=True)
class PlaceName:
    country: str
    kind: str


@dataclass(frozen=True, slots=True)
class Organization:
    name: str
    code: str
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class SectorWord:
    sector: str | None
    strong: bool


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    places: dict[str, PlaceName]                 # lower-cased name -> country (capitalised in text)
    places_exact: dict[str, PlaceName]           # abbreviations, matched case-sensitively ("US", "UK")
    orgs: dict[str, Organization]                # lower-cased name
    orgs_exact: dict[str, Organization]          # acronyms, case-sensitive ("UN", "NATO")
    sectors: dict[str, SectorWord]               # lower-cased lemma or phrase
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> display name
    longest: int = 1                             # most tokens in any multiword key

    def place(self, text: str) -> PlaceName | None:
        """A country for a surface string: exact abbreviations first, then names needing a capital."""
        exact = self.places_exact.get(text)
        if exact is not None:
            return exact
        if not text[:1].isupper():
            return None
        return self.places.get(text.lower())

    def sector(self, key: str) -> SectorWord | None:
        """A role word by lower-cased lemma or text, tolerating plurals the lemmatiser missed
        (capitalised "Rebels" is tagged a proper noun and keeps its "s")."""
        word = self.sectors.get(key)
        if word is None and key.endswith("s"):
            word = self.sectors.get(key[:-3] + "y" if key.endswith("ies") else key[:-1])
        if word is None and key.endswith("men"):
            word = self.sectors.get(key[:-3] + "man")
        return word

    def org(self, text: str) -> Organization | None:
        exact = self.orgs_exact.get(text)
        if exact is not None:
            return exact
        if not text[:1].isupper():
            return None
        return self.orgs.get(text.lower())


def _rows(name: str) -> list[list[str]]:
    path = PATTERNS / name
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _dash(value: str) -> str | None:
    return None if value in ("", "-") else value


def _add_place(table: dict[str, PlaceName], key: str, place: PlaceName) -> None:
    # Several files may name the same string; the more certain kind wins.
    old = table.get(key)
    if old is None or KIND_PRIORITY[place.kind] < KIND_PRIORITY[old.kind]:
        table[key] = place


def _demonym_forms(demonym: str) -> list[str]:
    """The demonym and its plural ("Iraqi" -> "Iraqis"); -ese/-ish/-ch/-ss forms have no plural."""
    if demonym.endswith(("ese", "ish", "ch", "ss", "s", "Swiss")):
        return [demonym]
    return [demonym, demonym + "s"]


def _load_places() -> tuple[dict[str, PlaceName], dict[str, PlaceName], dict[str, str]]:
    places: dict[str, PlaceName] = {}
    exact: dict[str, PlaceName] = {}
    display: dict[str, str] = {}
    for name, country, kind in _rows("countries.tsv"):
        _add_place(places, name.lower(), PlaceName(country, kind))
        if kind in ("name", "common"):
            display[country] = name if kind == "common" or country not in display else display[country]
    for name, country, kind in _rows("aliases.tsv"):
        if kind == "abbr":
            exact[name] = PlaceName(country, kind)
        else:
            _add_place(places, name.lower(), PlaceName(country, kind))
            display.setdefault(country, name)
    for demonym, country in _rows("demonyms.tsv"):
        for form in _demonym_forms(demonym):
            _add_place(places, form.lower(), PlaceName(country, "demonym"))
    return places, exact, display


def _load_orgs() -> tuple[dict[str, Organization], dict[str, Organization]]:
    orgs: dict[str, Organization] = {}
    exact: dict[str, Organization] = {}
    canonical: dict[str, str] = {}
    for name, code, country, sector, match in _rows("organizations.tsv"):
        # The first (longest, spelled-out) name listed for a code names the organisation.
        display = canonical.setdefault(code if code[:3] in ("IGO", "NGO", "IMG") else name, name)
        org = Organization(name=display, code=code, country=_dash(country), sector=_dash(sector))
        if match == "cs":
            exact[name] = org
        else:
            orgs[name.lower()] = org
    return orgs, exact


def _load_sectors() -> dict[str, SectorWord]:
    return {term.lower(): SectorWord(_dash(sector), strength == "strong")
            for term, sector, strength in _rows("sectors.tsv")}


def _token_count(key: str) -> int:
    # Lexicon keys are matched against runs of spaCy tokens; hyphens split tokens as spaCy does.
    return len(key.replace("-", " - ").replace("'s", " 's").split())


@cache
def load_lexicon() -> ActorLexicon:
    """Read every actor lexicon once (cached for the process)."""
    places, places_exact, display = _load_places()
    orgs, orgs_exact = _load_orgs()
    sectors = _load_sectors()
    keys = [*places, *places_exact, *orgs, *orgs_exact, *sectors]
    longest = max(_token_count(k) for k in keys)
    log.debug("actor lexicon: %d place names, %d organisations, %d sector words",
              len(places) + len(places_exact), len(orgs) + len(orgs_exact), len(sectors))
    return ActorLexicon(places=places, places_exact=places_exact, orgs=orgs, orgs_exact=orgs_exact,
                        sectors=sectors, country_names=display, longest=longest)
