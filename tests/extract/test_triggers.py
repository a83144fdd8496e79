"""Trigger finding: lexicon rows, required dependents, and the uses that are not events."""

from __future__ import annotations

import pytest

from dateline.extract.components import ensure_component
from dateline.extract.lexicon import trigger_entries
from dateline.extract.triggers import find_triggers
from dateline.ontology import cameo_codes


@pytest.fixture(scope="module")
def parse(nlp):
    pipeline = ensure_component(nlp)
    return pipeline


def _codes(parse, text: str) -> dict[str, str]:
    return {t.span.text: t.entry.cameo for t in find_triggers(parse(text))}


def test_lexicon_rows_use_known_cameo_codes():
    codes = cameo_codes()
    unknown = [e.lemmas for entries in trigger_entries().values() for e in entries if e.cameo not in codes]
    assert unknown == []


def test_trigger_exchange_of_fire_needs_a_fire_object(parse):
    assert "exchanged" in _codes(parse, "Border guards of the two states exchanged fire near the river crossing.")
    assert _codes(parse, "The two states exchanged letters about the river crossing.") == {}


def test_trigger_lift_specialised_by_what_is_lifted(parse):
    assert _codes(parse, "The navy lifted the blockade of the harbour on Friday.")["lifted"] == "0872"
    assert _codes(parse, "The council lifted sanctions on the northern province.")["lifted"] == "085"
    assert _codes(parse, "The mayor lifted the curfew in the old town.")["lifted"] == "0813"


def test_trigger_accept_is_an_event_only_when_refused(parse):
    assert "accept" in _codes(parse, "The ministry said it will not accept the proposal.")
    assert _codes(parse, "The ministry will accept the proposal.") == {}


def test_trigger_aid_verbs_need_aid_objects(parse):
    assert _codes(parse, "Norland gave Sudria a loan of 40 million dollars.")["gave"] == "070"
    assert "gave" not in _codes(parse, "Norland gave a speech to the assembly.")


def test_trigger_road_block_by_crowd_is_obstruction(parse):
    assert _codes(parse, "Angry residents blocked the main highway with tyres.")["blocked"] == "144"


def test_trigger_figurative_fighting_is_no_event(parse):
    assert _codes(parse, "The health ministry is fighting the epidemic in the north.") == {}
    assert "attacked" in _codes(parse, "Gunmen attacked the village in the north.")


def test_trigger_natural_disaster_killing_is_no_event(parse):
    assert "killed" not in _codes(parse, "An earthquake killed nine people in the mountain villages.")
    assert "killed" in _codes(parse, "Bandits killed nine people in the mountain villages.")


def test_trigger_accidental_explosion_is_no_event(parse):
    assert _codes(parse, "A boiler exploded at the chemical plant, injuring four workers.") == {}


def test_trigger_speech_participle_is_not_habitual(parse):
    found = _codes(parse, "The rebels issued a declaration demanding that the government release their leader.")
    assert found.get("demanding") == "100"


def test_trigger_shoot_out_phrase(parse):
    assert "shoot-out" in _codes(parse, "A shoot-out took place in the market district on Monday.")


def test_trigger_passive_object_must_match_required_lemma(parse):
    assert _codes(parse, "The car of a farmer was found near the river.").get("found") is None
    assert _codes(parse, "Explosives were found near the river.").get("found") == "1711"


def test_months_and_product_releases_are_not_events():
    from dateline import extract_text

    assert extract_text("Apple released the iPhone SDK in March.", published="2024-05-02").events == ()
    marched = extract_text("Thousands marched in Paris in March against the law.", published="2024-05-02")
    assert [e.event_type for e in marched.events] == ["PROTEST"]
    freed = extract_text("The rebels released two hostages on Monday.", published="2024-05-02")
    assert [e.event_type for e in freed.events] == ["RETREAT"]


def test_trigger_set_on_fire_phrase_is_property_destruction(parse):
    assert _codes(parse, "Two trucks were set on fire near the depot on Monday.").get("set on fire") == "1712"


def test_trigger_demand_as_purpose_of_a_protest_is_no_event(parse):
    codes = _codes(parse, "Some 500 workers protested outside parliament to demand higher wages.")
    assert "protested" in codes and "demand" not in codes


def test_trigger_demand_as_main_verb_is_an_event(parse):
    assert "demanded" in _codes(parse, "The union demanded higher wages for the dock workers.")


def test_trigger_rockets_falling_is_shelling(parse):
    assert _codes(parse, "Three rockets fell near the airport of Velmor on Monday.").get("fell") == "194"


def test_trigger_leaves_falling_is_no_event(parse):
    assert "fell" not in _codes(parse, "Heavy snow fell near the airport of Velmor on Monday.")


def test_trigger_body_found_is_a_killing(parse):
    assert _codes(parse, "The body of a farmer was found near the river on Monday.").get("found") == "1823"


def test_trigger_setting_up_barracks_is_a_base(parse):
    assert _codes(parse, "The army has set up a number of barracks near the border.").get("set up") == "154"
