"""Importing a GeoNames dump (``allCountries.txt``, ``cities500.txt``, ``IQ.txt``; plain or ``.zip``).

The dump's 19 tab-separated columns (https://download.geonames.org/export/dump/readme.txt):
geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, feature code, country code,
cc2, admin1 code, admin2 code, admin3 code, admin4 code, population, elevation, dem, timezone, modification
date. Rows are added to (or replace rows of) an existing index; only populated places (class P),
administrative units (A) and a few named areas (L, S, T, H, V features keep their codes) are kept.
"""

from __future__ import annotations

import io
import logging
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from ..errors import InputError
from .gazetteer import insert_rows
from .sources import PlaceRow, good_alternate, iso3_by_iso2

__all__ = ["import_geonames", "read_geonames"]

log = logging.getLogger(__name__)

COLUMNS = 19
KEPT_CLASSES = frozenset("APLSTHV")


def import_geonames(index: Path, dump: Path) -> int:
    """Add the places of a GeoNames ``dump`` to the SQLite ``index``; returns how many were imported."""
    if not Path(index).is_file():
        raise InputError(f"no gazetteer at {index}: build it first ('dateline gazetteer build')")
    connection = sqlite3.connect(index)
    try:
        admin1_names = dict(
            connection.execute("SELECT admin1_code, name FROM places WHERE feature_code = 'ADM1'")
        )
        with _open_dump(Path(dump)) as handle:
            count = insert_rows(connection, read_geonames(handle, admin1_names, source=str(dump)))
        connection.execute(
            "INSERT OR REPLACE INTO meta VALUES ('imported', COALESCE((SELECT value FROM meta WHERE key ="
            " 'imported') || ', ', '') || ?)",
            (Path(dump).name,),
        )
        connection.commit()
    finally:
        connection.close()
    log.info("imported %d places from %s", count, dump)
    return count


class _open_dump:
    """Context manager yielding a text handle on a dump file or on the first .txt member of a zip."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        self.path = path
        self._closers: list = []

    def __enter__(self) -> TextIO:
        if zipfile.is_zipfile(self.path):
            archive = zipfile.ZipFile(self.path)
            members = [n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
            if not members:
                archive.close()
                raise InputError(f"{self.path}: no .txt member in the zip")
            raw = archive.open(members[0])
            self._closers += [raw, archive]
            return io.TextIOWrapper(raw, encoding="utf-8")
        handle = self.path.open(encoding="utf-8")
        self._closers.append(handle)
        return handle

    def __exit__(self, *exc) -> None:
        for closer in self._closers:
            closer.close()


def read_geonames(handle: TextIO, admin1_names: dict[str, str], *, source: str = "dump") -> Iterator[PlaceRow]:
    """PlaceRows of a GeoNames dump; raises InputError on a line that is not in the format."""
    iso3 = iso3_by_iso2()
    for number, line in enumerate(handle, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < COLUMNS - 4:  # the last columns (dem, timezone, date) are sometimes cut
            raise InputError(f"{source}:{number}: {len(cols)} columns, a GeoNames dump line has {COLUMNS}")
        if cols[6] not in KEPT_CLASSES:
            continue
        try:
            geonameid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
            population = int(cols[14] or 0)
        except ValueError as exc:
            raise InputError(f"{source}:{number}: not a GeoNames dump line ({exc})") from None
        admin1_code = f"{cols[8]}.{cols[10]}" if cols[8] and cols[10] else None
        yield PlaceRow(
            geonameid=geonameid,
            name=cols[1],
            lat=lat,
            lon=lon,
            country=iso3.get(cols[8]),
            admin1=admin1_names.get(admin1_code) if admin1_code else None,
            admin1_code=admin1_code,
            feature_code=cols[7] or "PPL",
            population=population,
            alternate_names=tuple(n for n in [cols[2], *cols[3].split(",")] if good_alternate(n)),
        )
