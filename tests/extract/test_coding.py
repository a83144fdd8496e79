"""Coding of mentions: CAMEO specialisation, PLOVER type, intent/refusal/threat recoding, ACLED typing."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def mentions(read_drafts):
    return lambda text: {d.trigger.span.text: d for d in read_drafts(text)}


def test_coding_future_release_is_intent(mentions):
    draft = mentions("The rebels said they will release the hostages on Sunday.")["release"]
    assert (draft.coding.cameo, draft.coding.event_type) == ("0353", "AGREE")


def test_coding_refused_withdrawal_is_rejection(mentions):
    draft = mentions("The army refused to withdraw from the border town.")["withdraw"]
    assert draft.coding.event_type == "REJECT"
    assert draft.coding.cameo == "1246"


def test_coding_conditional_future_withdrawal_is_threat(mentions):
    draft = mentions("Norland will withdraw its peacekeepers unless the rebels hold elections.")["withdraw"]
    assert draft.coding.event_type == "THREATEN"


def test_coding_resign_is_retreat_resign(mentions):
    draft = mentions("The defence minister resigned on Tuesday.")["resigned"]
    assert (draft.coding.event_type, draft.coding.mode) == ("RETREAT", "resign")


def test_coding_aid_kind_from_its_object(mentions):
    draft = mentions("Norland provided food and medicine to the refugees.")["provided"]
    assert draft.coding.cameo == "073"
    draft = mentions("The council granted asylum to twelve dissidents.")["granted"]
    assert draft.coding.cameo == "075"


def test_coding_exchange_of_fire_is_armed_clash(mentions):
    draft = mentions("Army troops exchanged fire with rebel fighters near the dam.")["exchanged"]
    assert draft.coding.acled_sub_event_type == "Armed clash"


def test_coding_small_arms_make_a_clash_not_shelling(mentions):
    drafts = mentions("Rebel forces fired mortars and small arms at army positions near the bridge.")
    assert drafts["fired"].coding.acled_sub_event_type == "Armed clash"
    drafts = mentions("Rebel forces fired grenade launchers at army positions near the bridge.")
    assert drafts["fired"].coding.acled_sub_event_type == "Shelling/artillery/missile attack"


def test_coding_civilian_target_of_coordinated_verb_is_attack(mentions):
    drafts = mentions("On 3 June, gunmen shot and killed a shopkeeper in the market.")
    assert drafts["shot"].coding.acled_sub_event_type == "Attack"


def test_coding_protest_about_an_arrest_is_peaceful(mentions):
    text = "Teachers protested outside the court against the arrest of their union leader. He was arrested on Monday."
    assert mentions(text)["protested"].coding.acled_sub_event_type == "Peaceful protest"


def test_coding_police_arresting_protesters_is_intervention(mentions):
    text = "Teachers protested outside the court. Police arrested twenty protesters."
    assert mentions(text)["protested"].coding.acled_sub_event_type == "Protest with intervention"


def test_coding_rival_groups_clashing_is_mob_violence(mentions):
    drafts = mentions("Two groups of villagers clashed over a land dispute near the well.")
    assert drafts["clashed"].coding.acled_sub_event_type == "Mob violence"


def test_coding_demonstrators_clashing_with_police_is_violent_demonstration(mentions):
    drafts = mentions("A clash broke out between demonstrators and police outside parliament.")
    assert drafts["clash"].coding.acled_sub_event_type == "Violent demonstration"


def test_coding_army_capturing_a_town_regains_territory(mentions):
    drafts = mentions("Government troops captured the town of Velmor from the rebels.")
    assert drafts["captured"].coding.acled_sub_event_type == "Government regains territory"


def test_coding_found_weapons_are_disrupted_weapons_use(mentions):
    drafts = mentions("Police found a cache of weapons in a farmhouse near the border.")
    assert drafts["found"].coding.acled_sub_event_type == "Disrupted weapons use"


def test_coding_reinforcements_are_change_to_group_activity(mentions):
    drafts = mentions("The militia sent reinforcements to the northern front on Friday.")
    assert drafts["reinforcements"].coding.acled_sub_event_type == "Change to group/activity"


def test_coding_villagers_pelting_stones_is_mob_violence(mentions):
    drafts = mentions("A crowd of villagers pelted stones at the house of a grain trader.")
    assert drafts["pelted"].coding.acled_sub_event_type == "Mob violence"


def test_coding_artillery_fire_is_shelling(mentions):
    drafts = mentions("Heavy artillery fire was reported in the southern suburbs on Monday.")
    assert drafts["artillery fire"].coding.acled_sub_event_type == "Shelling/artillery/missile attack"


def test_coding_must_release_is_a_demand(mentions):
    draft = mentions("The envoy said the rebels must release the hostages.")["release"]
    assert (draft.coding.event_type, draft.coding.cameo) == ("REQUEST", "1053")


def test_coding_crowd_burning_houses_is_mob_violence(mentions):
    drafts = mentions("An angry mob of villagers set ablaze three houses in Kerrow on Monday.")
    assert drafts["set ablaze"].coding.acled_sub_event_type == "Mob violence"


def test_coding_named_group_destroying_houses_is_property_destruction(mentions):
    drafts = mentions("A group of Velmor Front members destroyed four houses in Kerrow on Monday.")
    assert drafts["destroyed"].coding.acled_sub_event_type == "Looting/property destruction"


def test_coding_destroyed_weapons_are_disrupted_weapons_use(mentions):
    drafts = mentions("Special forces destroyed dozens of rockets and explosive devices in Kerrow on Monday.")
    assert drafts["destroyed"].coding.acled_sub_event_type == "Disrupted weapons use"


def test_coding_nurses_padlocking_an_office_to_demand_is_a_protest(mentions):
    drafts = mentions("On Monday, dozens of nurses padlocked the hospital office to demand protective equipment.")
    assert drafts["demand"].coding.cameo == "141"


def test_coding_minister_travelling_to_demand_is_no_protest(mentions):
    drafts = mentions("The minister travelled to Paris to demand more funding for the port.")
    assert drafts["demand"].coding.cameo.startswith("10")


def test_coding_appeal_to_lift_sanctions_is_an_appeal_not_a_demand(mentions):
    draft = mentions("Two governments urged the council to lift the sanctions on Norland.")["urged"]
    assert (draft.coding.cameo, draft.coding.event_type) == ("0254", "REQUEST")
    draft = mentions("The assembly called for sanctions against the junta.")["called"]
    assert draft.coding.cameo == "100"


def test_coding_claimed_attack_gets_no_acled_type(mentions):
    draft = mentions("The front claimed responsibility for the rocket attack on the depot.")["rocket attack"]
    assert draft.coding.event_type == "ASSAULT"
    assert draft.coding.acled_sub_event_type is None


def test_coding_halted_talks_reduce_relations(mentions):
    assert mentions("The envoys ended mediation efforts between the two clans.")["mediation"].coding.cameo == "165"
    assert mentions("The cabinet broke off talks with the strikers.")["talks"].coding.cameo == "164"


def test_coding_future_support_is_intent_and_decided_act_is_the_act(mentions):
    assert mentions("Norland said it will support the resolution.")["support"].coding.cameo == "032"
    assert mentions("Norland has decided to grant asylum to the poet.")["grant"].coding.cameo == "075"


def test_coding_offer_on_an_if_condition_is_intent(mentions):
    draft = mentions("Norland is willing to withdraw its troops if it can keep the port.")["withdraw"]
    assert draft.coding.event_type == "AGREE"


def test_coding_ruled_out_act_is_rejection(mentions):
    draft = mentions("The minister said that lifting the sanctions is out of the question.")["lifting"]
    assert draft.coding.event_type == "REJECT"


def test_coding_off_duty_soldier_is_a_victim(mentions):
    draft = mentions("Gunmen shot dead an off-duty soldier near the market.")["shot"]
    assert draft.coding.acled_sub_event_type == "Attack"


def test_coding_armed_group_shooting_is_no_mob(mentions):
    draft = mentions("Four men opened fire outside the house of a councillor.")["opened fire"]
    assert draft.coding.acled_sub_event_type != "Mob violence"
    draft = mentions("Police fired shots to disperse the mob at the market.")["fired"]
    assert draft.coding.acled_sub_event_type == "Mob violence"


def test_coding_named_village_attacked_is_an_attack(mentions):
    draft = mentions("Militants attacked Kolowa (Tamar district) at night.")["attacked"]
    assert draft.coding.acled_sub_event_type == "Attack"


def test_coding_tear_gas_alone_is_a_dispersed_protest(mentions):
    draft = mentions("Police fired tear gas at a crowd outside the court.")["fired"]
    assert draft.coding.acled_sub_event_type == "Protest with intervention"


def test_coding_strategic_developments(mentions):
    assert mentions("The garrison withdrew from the town of Pelna.")["withdrew"].coding.acled_sub_event_type \
        == "Non-violent transfer of territory"
    assert mentions("The two sides exchanged prisoners at the bridge.")["exchanged"].coding.acled_sub_event_type \
        == "Agreement"
    assert mentions("Troops captured rifles and ammunition in a raid.")["captured"].coding.acled_sub_event_type \
        == "Disrupted weapons use"
    assert mentions("Troops captured a rebel commander near the lake.")["captured"].coding.acled_sub_event_type \
        == "Arrests"


def test_coding_unspecified_explosion_takes_the_device_named_nearby(mentions):
    drafts = mentions("Insurgents detonated a car bomb at the gate. Officials said the explosion shook the town.")
    assert drafts["explosion"].coding.acled_sub_event_type == "Remote explosive/landmine/IED"


def test_coding_protest_given_as_reason_for_expulsion_gets_no_acled_type(mentions):
    drafts = mentions("Norland expelled two diplomats for joining unauthorised protests.")
    assert drafts["protests"].coding.acled_sub_event_type is None


def test_coding_called_off_strike_eases_dissent(mentions):
    assert mentions("The dockers' union called off a five-day strike on Friday.")["strike"].coding.cameo == "082"


def test_coding_suicide_bombing_decides_the_acled_type(mentions):
    draft = mentions("Attackers set off suicide bombs and exchanged gunfire outside a hotel.")["set off"]
    assert draft.coding.acled_sub_event_type == "Suicide bomb"


def test_coding_what_did_not_happen_gets_no_acled_type(mentions):
    draft = mentions("The rebels advanced on the town and entered it without fighting.")["fighting"]
    assert draft.coding.acled_sub_event_type is None


def test_coding_members_of_an_armed_group_are_no_mob_and_no_civilians(mentions):
    draft = mentions("Al-Shabaab members stormed a hotel in the port town.")["stormed"]
    assert draft.coding.acled_sub_event_type != "Mob violence"
    draft = mentions("Soldiers killed twelve Taliban members near the river.")["killed"]
    assert draft.coding.acled_sub_event_type != "Attack"


def test_coding_launched_grenades_are_grenades(mentions):
    draft = mentions("Five people were hurt in the explosion of two grenades launched against a bus.")["explosion"]
    assert draft.coding.acled_sub_event_type == "Grenade"


def test_coding_deployment_for_peacekeeping_is_aid(mentions):
    draft = mentions("Norland announced the deployment of 200 troops to Pelna on a peacekeeping mission.")["deployment"]
    assert draft.coding.cameo == "074"


def test_coding_new_post_set_up_is_a_base_established(mentions):
    draft = mentions("The army has set up its eleventh observation point in the province.")["set up"]
    assert draft.coding.acled_sub_event_type == "Headquarters or base established"


def test_coding_pushing_for_a_ceasefire_is_a_demand(mentions):
    draft = mentions("The council is pushing hard for a ceasefire in the region.")["pushing"]
    assert (draft.coding.cameo, draft.coding.event_type) == ("1056", "REQUEST")


def test_coding_obligation_reaches_coordinated_verbs(mentions):
    draft = mentions("The minister said the government must ensure security and provide food to the people.")["provide"]
    assert draft.coding.cameo[:2] == "10"
