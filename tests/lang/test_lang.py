"""The language loader: data files read once, typed readers, and a second language as a new folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dateline import lang
from dateline.errors import ConfigError


def _write(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A minimal second language ("xx"): a folder, its spaCy model name and a few lists."""
    xx = tmp_path / "xx"
    _write(xx, "language.toml", 'code = "xx"\nname = "Testish"\nspacy_models = ["xx_test_sm"]\n')
    _write(xx, "reporting_verbs.txt", "# reporting verbs of Testish, written for this test\nsagt\nmeldet\nsagt\n")
    _write(xx, "months.tsv", "# month names\nname\tnumber\nJanuar\t1\nFebruar\t2\n")
    _write(xx, "cues.json", '{"_comment": "test", "denial": ["bestreitet"]}')
    _write(xx, "syntax.toml", 'subjects = ["sb"]\n')
    _write(xx, "units.re.txt", "# regex fragments\nkm|kilometer\nm\\b\n")
    _write(xx, "actors/sectors.tsv", "word\tsector\nPolizei\tCOP\n")
    return tmp_path


def test_a_second_language_is_a_folder_and_a_model_name(root: Path) -> None:
    xx = lang.load("xx", root)
    assert (xx.code, xx.name, xx.spacy_models) == ("xx", "Testish", ("xx_test_sm",))
    assert lang.available(root) == ("xx",)
    assert xx.words("reporting_verbs") == frozenset({"sagt", "meldet"})
    assert xx.list("reporting_verbs") == ("sagt", "meldet")  # file order, duplicates dropped
    assert xx.rows("months") == ({"name": "Januar", "number": "1"}, {"name": "Februar", "number": "2"})
    assert xx.mapping("months") == {"Januar": "1", "Februar": "2"}
    assert xx.mapping("months", "number", "name") == {"1": "Januar", "2": "Februar"}
    assert xx.data("cues")["denial"] == ["bestreitet"]
    assert xx.labels("subjects") == frozenset({"sb"})
    assert xx.mapping("actors/sectors") == {"Polizei": "COP"}
    assert xx.reporting_verbs == frozenset({"sagt", "meldet"})  # attribute access reads the same file


def test_alternations_escape_words_but_keep_regex_fragments(root: Path) -> None:
    _write(root / "xx", "abbreviations.txt", "Jan.\nU.S.\n")
    xx = lang.load("xx", root)
    assert xx.alternation("abbreviations") == r"Jan\.|U\.S\."
    pattern = re.compile(rf"\b(?:{xx.alternation('units')})")
    assert pattern.match("kilometer") and pattern.match("m ") and not pattern.match("mi")


def test_loading_is_cached_per_language(root: Path) -> None:
    assert lang.load("xx", root) is lang.load("xx", root)
    assert lang.load() is lang.load("en")


def test_missing_languages_and_files_are_clear_config_errors(root: Path) -> None:
    with pytest.raises(ConfigError, match="no language 'yy'.*available: xx"):
        lang.load("yy", root)
    xx = lang.load("xx", root)
    with pytest.raises(lang.LanguageDataError, match="has no protest_nouns.txt"):
        xx.words("protest_nouns")
    with pytest.raises(lang.LanguageDataError, match="no label group 'objects'"):
        xx.labels("objects")
    assert not xx.has("protest_nouns") and xx.has("cues")


def test_a_language_without_its_model_list_is_refused(tmp_path: Path) -> None:
    _write(tmp_path / "zz", "language.toml", 'code = "zz"\n')
    with pytest.raises(lang.LanguageDataError, match="spacy_models"):
        lang.load("zz", tmp_path)


def test_english_is_packaged_with_its_model_names() -> None:
    en = lang.load("en")
    assert "en" in lang.available()
    assert en.spacy_models[0] == "en_core_web_sm"  # the official model first when installed
    assert en.labels("subjects") >= {"nsubj", "nsubjpass"}


def test_every_english_data_file_has_a_header_saying_what_it_holds() -> None:
    folder = lang.load("en").folder
    for path in sorted(folder.rglob("*")):
        if path.name.startswith("LICENSE"):
            continue  # a third-party licence travels as its authors wrote it
        if path.suffix in {".txt", ".tsv", ".toml"}:
            assert path.read_text(encoding="utf-8").startswith("#"), f"{path.name} has no header comment"
        elif path.suffix == ".json":
            assert '"_comment"' in path.read_text(encoding="utf-8")[:400], f"{path.name} has no _comment"
