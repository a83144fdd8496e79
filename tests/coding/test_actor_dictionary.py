"""The actor dictionary: longest names, date-ranged codes, role nouns with and without a country."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

import dateline.extract  # noqa: F401  (imports the extract stage before dateline.coding, as the pipeline does)
from dateline.coding.actor_dictionary import ActorCode, Discard, discard, lookup, split_code


def coded(text: str, date: str | None = None) -> ActorCode:
    found = lookup(text.split(), date)
    assert found is not None, text
    return found


def code(text: str, date: str | None = None, article_date: str | None = None) -> str | None:
    found = lookup(text.split(), date, article_date=article_date)
    return found.code if found else None


def test_date_ranged_person_takes_the_code_of_the_event_date():
    assert code("Kofi Annan", "2003-05-01") == "IGOUNO"
    assert code("Kofi Annan", "2011-05-01") == "ELI"  # after his term: the entry's undated code
    assert code("Hamid Karzai", "2009-06-01") == "AFGGOV"


def test_event_date_first_then_article_date():
    assert code("Kofi Annan", "2003-05-01", article_date="2011-05-01") == "IGOUNO"
    assert code("Kofi Annan", None, article_date="2003-05-01") == "IGOUNO"
    assert lookup(["Kofi", "Annan"], dt.date(2003, 5, 1)) == lookup(["Kofi", "Annan"], "2003-05-01")


def test_partial_dates_stand_for_the_middle_of_their_period():
    assert code("Kofi Annan", "2003") == "IGOUNO"
    assert code("Kofi Annan", "2003-05") == "IGOUNO"
    assert code("Hamid Karzai", "not a date") == "AFGELI"


def test_undated_entry_when_no_date():
    assert code("Hamid Karzai") == "AFGELI"


def test_without_date_or_undated_entry_the_shared_country_and_role():
    # James Byrnes: USAELI and USAGOV periods, no undated code
    assert code("James Byrnes") == "USA"
    assert "part its codes share" in coded("James Byrnes").entry


def test_additions_correct_open_ended_ranges():
    assert code("Barack Obama", "2012-03-01") == "USAGOV"
    assert code("Barack Obama", "2019-03-01") == "USAELI"
    assert coded("Barack Obama", "2012-03-01").dictionary == "additions.tsv"


def test_longest_name_wins():
    assert coded("the United States Congress").code.startswith("USA")
    assert coded("the United States Congress").code != "USA"  # the body, not the country's name in it


def test_country_and_role_combine():
    assert (coded("Kenyan riot police").code, coded("Kenyan riot police").country) == ("KENCOP", "KEN")
    assert coded("Kenyan riot police").sector == "COP"
    assert code("a court in Chile") == "CHLJUD"


def test_role_alone_is_role_only_code():
    assert code("the riot police") == "COP"
    assert code("local officials") == "GOV"


def test_plural_demonym_and_region():
    assert code("Peruvians") == "PER"
    assert code("Western powers") == "WST"


def test_short_capital_names_only_in_capitals():
    assert code("they told us") is None
    assert code("the US") == "USA"


def test_no_name_no_role():
    assert code("the weather") is None


@pytest.mark.parametrize(("given", "expected"), [("USAGOV", ("USA", "GOV")), ("IGOUNO", (None, "IGO")),
                                                 ("COP", (None, "COP")), ("EURMIL", ("EUR", "MIL"))])
def test_split_code(given, expected):
    assert split_code(given) == expected


def test_discard_phrases_mark_sentences_and_stories():
    assert discard("The Zorvans won the basketball final.") == Discard("basketball", story=False)
    assert discard("Troops crossed the river at dawn.") is None


# --- the importer's parser (scripts/import_phoenix.py), on lines written for these tests -----------------


ACTOR_LINES = """# a comment
ZORA_VELL_  [XYZELI] # inline comment
+Z._VELL_
\t[XYZGOV 990101-0312]
\t[XYZGOV >20150601]
KAPO_  [ELI]
+KAPO_RIVA+_K._RIVA_
"""
AGENT_LINES = """!KIND! = HERDER, HERDERS
SHEEP!KIND! [~AGR]
PEACE_ENVOY [~GOV]
MILITIA {} [~UAF]
CHARITY_BODY [NGO~]
"""


def _importer():
    path = Path(__file__).resolve().parents[2] / "scripts" / "import_phoenix.py"
    spec = importlib.util.spec_from_file_location("import_phoenix", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_importer_reads_entries_synonyms_and_date_restrictions():
    importer = _importer()
    problems = importer.Problems()
    entries = list(importer.read_actor_entries(ACTOR_LINES.splitlines(), problems))
    assert [e.phrases for e in entries] == [["zora vell", "z. vell"], ["kapo", "kapo riva", "k. riva"]]
    assert [(r.code, r.date_from, r.date_to) for r in entries[0].restrictions] == [
        ("XYZELI", "", ""), ("XYZGOV", "2015-06-01", "")]
    assert problems.bad_dates == 1  # "0312" is no date


def test_importer_dates_and_agents():
    importer = _importer()
    problems = importer.Problems()
    assert importer.restriction_of("ABCGOV 450703-070101", problems).date_from == "1945-07-03"
    assert importer.restriction_of("ABCGOV <19991231", problems).date_to == "1999-12-31"
    forms = {(f.phrase, f.code, f.attach, f.form) for f in importer.read_agents(AGENT_LINES.splitlines(), problems)}
    assert {("sheepherder", "AGR", "after", "substitution"), ("peace envoys", "GOV", "after", "plural"),
            ("militia", "UAF", "after", "singular"), ("charity body", "NGO", "before", "singular")} <= forms
    assert not any(phrase == "militias" for phrase, *_ in forms)
