"""The actor lexicons read from dateline/lang/en/actors (no spaCy model needed)."""

from __future__ import annotations

from dateline import lang
from dateline.extract.actor_lexicon import KIND_PRIORITY, is_transnational, load_lexicon, name_kinds
from dateline.extract.actors import ARMED, ELITE_SOURCES, ActorCoder


def test_every_kind_in_the_lists_has_a_rank():
    en = lang.load()
    used = {row["kind"] for name in ("actors/countries", "actors/aliases") for row in en.rows(name)}
    assert used | {"org", "demonym"} <= set(KIND_PRIORITY)
    assert KIND_PRIORITY["org"] < KIND_PRIORITY["name"] < KIND_PRIORITY["demonym"] < KIND_PRIORITY["city"]


def test_name_kinds_say_what_names_a_country():
    kinds = name_kinds()
    assert not kinds["demonym"].is_country and not kinds["org"].is_country
    assert kinds["capital"].is_country
    assert not kinds["abbr"].in_person_name


def test_demonyms_come_from_the_one_list_with_plurals():
    coder = ActorCoder(load_lexicon())
    assert coder.country_of("Iraqis") == "IRQ"
    assert coder.country_of("Kosovar") == "XKX"
    assert coder.country_of("Chinese") == "CHN"
    assert load_lexicon().place("Chineses") is None  # -ese demonyms take no plural
    assert load_lexicon().place("European") is None  # a region's demonym names no country


def test_sector_groups_and_transnational_codes():
    assert {"MIL", "REB", "COP", "PRM", "UAF", "SPY"} <= ARMED
    assert "CVL" not in ARMED
    assert {"GOV", "LEG", "MIL", "JUD"} == ELITE_SOURCES
    assert is_transnational("IGOUNO") and is_transnational("NGOMSF") and not is_transnational("USAGOV")
    assert load_lexicon().org("UN").country is None
