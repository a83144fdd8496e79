from __future__ import annotations

import sqlite3
import zipfile

import pytest

from dateline.errors import InputError
from dateline.places import Gazetteer, build_gazetteer, import_geonames
from dateline.places.names import name_key, strip_name
from dateline.places.sources import PlaceRow, good_alternate


def _rows() -> list[PlaceRow]:
    return [
        PlaceRow(geonameid=1, name="Bağdat", lat=33.3, lon=44.4, country="IRQ", feature_code="PPLC",
                 population=7_000_000, alternate_names=("Baghdad",)),
        PlaceRow(geonameid=2, name="Baghdad", lat=33.0, lon=44.0, country="IRQ", feature_code="ADM1",
                 admin1_code="IQ.07", population=8_000_000),
    ]


def test_name_key_folds_accents_case_articles_and_dots():
    assert name_key("The Hague") == "hague"
    assert name_key("Bağdat") == "bagdat"
    assert name_key("U.S.") == name_key("US") == "us"
    assert name_key("Côte d'Ivoire") == "cote divoire"


def test_name_key_drops_ayn_and_hamza_marks_inside_words():
    # GeoNames writes "Şāʻdah" and "Ṣan‘ā’"; news writes "Sa'dah", "Sanaa" or "Sadah".
    assert name_key("Şāʻdah") == name_key("Sa'dah") == name_key("Sadah") == "sadah"
    assert name_key("Ṣan‘ā’") == "sana"
    assert name_key("Ma`rib") == name_key("Ma’rib") == "marib"


def test_name_key_folds_letters_unicode_does_not_decompose():
    assert name_key("Diyarbakır") == "diyarbakir"
    assert name_key("Tərtər") == "tartar"  # English writes Azerbaijani schwa as "a"
    assert name_key("Łódź") == "lodz" and name_key("Tromsø") == "tromso"


def test_candidates_find_a_name_written_with_its_words_run_together(default_geoparser):
    found = default_geoparser.gazetteer.candidates("Mirpurkhas")
    assert found and found[0].country == "PAK" and not found[0].main


def test_candidates_find_a_province_written_with_an_ayn_mark(default_geoparser):
    provinces = [c for c in default_geoparser.gazetteer.candidates("Sadah") if c.feature_code == "ADM1"]
    assert provinces and provinces[0].country == "YEM"


def test_strip_name_drops_article_and_possessive():
    text = "the Iraq's"
    start, end = strip_name(text)
    assert text[start:end] == "Iraq"


def test_build_gazetteer_indexes_main_and_alternate_names(tmp_path):
    path = tmp_path / "g.sqlite"
    meta = build_gazetteer(path, rows=_rows())
    assert meta["places"] == "2"
    gazetteer = Gazetteer(path)
    found = gazetteer.candidates("BAGHDAD")
    assert {c.geonameid for c in found} == {1, 2}
    assert next(c for c in found if c.geonameid == 1).main is False
    assert gazetteer.candidates("bagdat")[0].geonameid == 1
    assert not list(tmp_path.glob("*.tmp")), "the temporary build file must be renamed away"


def test_build_gazetteer_replaces_an_existing_index_atomically(tmp_path):
    path = tmp_path / "g.sqlite"
    build_gazetteer(path, rows=_rows())
    build_gazetteer(path, rows=_rows()[:1])
    assert Gazetteer(path).stats()["places"] == 1


def test_good_alternate_drops_codes_and_other_scripts():
    assert good_alternate("Bagdad")
    assert not good_alternate("BGW")
    assert not good_alternate("بغداد")


def test_gazetteer_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(Exception, match="dateline gazetteer build"):
        Gazetteer(tmp_path / "absent.sqlite")


def test_import_geonames_adds_dump_places(mini_index):
    gazetteer = Gazetteer(mini_index)
    paris = gazetteer.candidates("Paris")
    assert [c.country for c in paris] == ["FRA", "USA"]
    assert paris[1].admin1_code == "US.TX"
    assert gazetteer.candidates("Tiflis")[0].name == "Tbilisi"
    assert gazetteer.meta()["imported"] == "mini-geonames.txt"


def test_import_geonames_reads_a_zipped_dump(tmp_path, mini_dump):
    index = tmp_path / "g.sqlite"
    build_gazetteer(index, rows=[])
    archive = tmp_path / "cities.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(mini_dump, "cities500.txt")
    assert import_geonames(index, archive) == 17
    assert Gazetteer(index).candidates("Springfield")[0].population == 170188


def test_import_geonames_rejects_a_file_in_another_format(tmp_path):
    index = tmp_path / "g.sqlite"
    build_gazetteer(index, rows=[])
    bad = tmp_path / "bad.txt"
    bad.write_text("id,name\n1,Paris\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.txt:1"):
        import_geonames(index, bad)
    assert sqlite3.connect(index).execute("SELECT COUNT(*) FROM places").fetchone()[0] == 0


def test_demonyms_map_to_countries(mini_geoparser):
    assert mini_geoparser.gazetteer.demonym("Iraqi") == "IRQ"
    assert mini_geoparser.gazetteer.demonym("Iraqis") == "IRQ"
