"""Fixtures of the places tests: a tiny gazetteer from a hand-written GeoNames dump, and the default one."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.places import Gazetteer, Geoparser, build_gazetteer, default_path, import_geonames

DATA = Path(__file__).resolve().parent.parent / "data" / "places"
MINI_DUMP = DATA / "mini-geonames.txt"


@pytest.fixture(scope="session")
def mini_dump() -> Path:
    return MINI_DUMP


@pytest.fixture(scope="session")
def mini_index(tmp_path_factory) -> Path:
    """An index holding only the places of ``mini-geonames.txt`` (plus the packaged demonyms)."""
    path = tmp_path_factory.mktemp("gazetteer") / "mini.sqlite"
    build_gazetteer(path, rows=[])
    import_geonames(path, MINI_DUMP)
    return path


@pytest.fixture(scope="session")
def mini_geoparser(mini_index: Path) -> Geoparser:
    return Geoparser(Gazetteer(mini_index))


@pytest.fixture(scope="session")
def default_geoparser(tmp_path_factory) -> Geoparser:
    """The geoparser over the full packaged gazetteer (reuses a built index, else builds one, ~30 s)."""
    path = default_path()
    if not path.is_file():
        path = tmp_path_factory.mktemp("default-gazetteer") / path.name
        build_gazetteer(path)
    return Geoparser(Gazetteer(path), demonyms=False)
