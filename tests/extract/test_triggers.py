"""Trigger finding: lexicon rows, required dependents, and the uses that are not events."""

from __future__ import annotations

import pytest

from dateline import lang
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


def test_lexicon_rows_use_relations_and_parts_of_speech_the_matcher_knows():
    syntax = lang.load().data("trigger_syntax")
    entries = [e for group in trigger_entries().values() for e in group]
    assert all(e.pos for e in entries)
    assert {rel for e in entries for rel, _ in e.needs} <= set(syntax["needs"])
    assert set(syntax["object_relations"]) | set(syntax["preceding_word_relations"]) <= set(syntax["needs"])


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


@pytest.mark.model
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


def test_trigger_forbidden_object_blocks_a_row(parse):
    assert "returned" not in _codes(parse, "The guards returned fire from the roof of the depot.")
    assert _codes(parse, "Norland returned a stolen statue to its owner on Monday.")["returned"] == "0842"


def test_trigger_freeing_or_taking_over_towns_is_territory(parse):
    assert _codes(parse, "The army freed three villages from the insurgents.")["freed"] == "192"
    assert _codes(parse, "The insurgents have taken over two towns in the valley.")["taken over"] == "192"


def test_trigger_object_named_by_its_verb_is_no_event_of_its_own(parse):
    codes = _codes(parse, "The embargo on the port was lifted on Friday.")
    assert codes == {"lifted": "085"}


def test_trigger_speech_verb_as_modifier_is_no_event(parse):
    assert "threatened" not in _codes(parse, "The long-threatened offensive began at dawn.")


def test_trigger_present_tense_of_a_named_doer_is_an_event(parse):
    assert "lifts" in _codes(parse, "Norland lifts the curfew in its capital.")
    assert _codes(parse, "Militias loot shops in the markets.") == {}


def test_trigger_repeated_threats_are_still_threats(parse):
    assert "threatened" in _codes(parse, "Norland has repeatedly threatened to close the border crossing.")


def test_trigger_deaths_from_hazards_or_mishaps_are_no_events(parse):
    assert _codes(parse, "Bodies of twelve people were found after the flood in the valley.") == {}
    assert _codes(parse, "Nine people were killed when their minibus plunged into a ravine.") == {}


def test_trigger_tear_gas_is_an_event_only_when_nothing_else_happened(parse):
    assert "fired" in _codes(parse, "Police fired tear gas in the main square on Sunday.")
    codes = _codes(parse, "Hundreds of teachers protested; police fired tear gas at them.")
    assert "fired" not in codes and "protested" in codes


def test_trigger_tear_gas_with_arrests_is_still_the_dispersal(parse):
    codes = _codes(parse, "Police fired tear gas at students in the main square and arrested twenty of them.")
    assert "fired" in codes and "arrested" in codes


def test_trigger_targeting_with_sanctions_is_no_attack(parse):
    assert "targeted" not in _codes(parse, "The ministry targeted the oligarchs with new sanctions.")


def test_trigger_aid_noun_after_an_amount_is_an_event(parse):
    assert "assistance" in _codes(parse, "The fund announced $12 million in emergency assistance for the region.")


def test_trigger_regular_stem_repairs_a_wrong_lemma(parse):
    # the lemmatizer may read "raped" as a form of "rap"; the regular stem finds the lexicon row
    assert _codes(parse, "Soldiers raped two women in the village, witnesses said.").get("raped") == "1821"


def test_trigger_device_going_off_is_an_explosion(parse):
    assert _codes(parse, "A landmine went off under a truck near the bridge.")["went off"] == "183"


def test_trigger_demands_met_or_accepted_are_no_new_demands(parse):
    codes = _codes(parse, "The minister conceded to the demands of the striking dockers.")
    assert codes == {"conceded": "083"}
    assert "met" not in _codes(parse, "The strike goes on until the demands of the teachers have been met.")


def test_trigger_signing_needs_a_document(parse):
    assert "sign" not in _codes(parse, "Protesters armed with sticks and sign posts gathered near the gate.")
    assert _codes(parse, "The two ministers signed a trade agreement on Monday.")["signed"] == "057"


def test_trigger_word_inside_a_proper_name_is_no_event(parse):
    assert "Boycott" not in _codes(parse, "Norland repealed the Pelna Boycott Law on Monday.")


def test_trigger_upgrading_ties_is_diplomatic_cooperation(parse):
    assert _codes(parse, "Norland and Pelna upgraded their diplomatic ties in May.")["upgraded"] == "054"


def test_trigger_easing_tensions_is_no_eased_restriction(parse):
    assert "ease" not in _codes(parse, "The envoys will try to ease tensions along the border.")
    assert "eased" in _codes(parse, "The council eased restrictions on trade on Monday.")


def test_trigger_planted_mine_exploding_is_no_accident(parse):
    text = "A landmine planted by the militia exploded near the farm of Oru, injuring a shepherd."
    assert "exploded" in _codes(parse, text)
    assert _codes(parse, "A gas cylinder exploded at a bottling plant in Oru, injuring four workers.") == {}


def test_trigger_fire_fights_and_fights_with_someone_are_armed_clashes(parse):
    assert _codes(parse, "Soldiers engaged in a fire fight with separatists near the bridge.")["fire fight"] == "190"
    assert _codes(parse, "A fight between two clans broke out in the market.")["fight"] == "190"
    assert "fight" not in _codes(parse, "The fight against poverty is the government's priority.")
