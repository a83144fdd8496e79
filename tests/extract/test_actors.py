"""Actor roles from the parse and CAMEO-style coding, on invented sentences and the example story."""

from __future__ import annotations

import pytest

from dateline.extract.actors import ActorCoder, find_roles
from dateline.extract.roles import noun_phrase


@pytest.fixture(scope="module")
def coder() -> ActorCoder:
    return ActorCoder.default()


def roles(nlp, sentence: str, trigger: str) -> tuple[list[str], list[str]]:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == trigger)
    actors, recipients = find_roles(doc[token.i:token.i + 1])
    return [s.text for s in actors], [s.text for s in recipients]


def code(nlp, coder: ActorCoder, sentence: str, phrase: str, **kwargs):
    doc = nlp(sentence)
    start = sentence.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    return coder.code(span, **kwargs)


# --- find_roles: verbs ------------------------------------------------------------------------------


def test_find_roles_subject_and_object(nlp):
    assert roles(nlp, "Kenyan police arrested two opposition activists.", "arrested") == (
        ["Kenyan police"], ["two opposition activists"])


def test_find_roles_passive_agent_and_subject(nlp):
    actors, recipients = roles(nlp, "Four villagers were abducted by armed rebels on Tuesday.", "abducted")
    assert actors == ["armed rebels"]
    assert recipients == ["Four villagers"]


def test_find_roles_prepositional_target(nlp):
    actors, recipients = roles(nlp, "Insurgents fired mortars at the Chilean embassy.", "fired")
    assert actors == ["Insurgents"]
    assert "the Chilean embassy" in recipients


def test_find_roles_clashed_with_gives_other_side(nlp):
    actors, recipients = roles(nlp, "Nepalese troops clashed with Maoist guerrillas near the border.",
                               "clashed")
    assert actors == ["Nepalese troops"]
    assert recipients == ["Maoist guerrillas"]


def test_find_roles_accused_of_makes_accused_the_recipient(nlp):
    actors, recipients = roles(nlp, "The Peruvian president accused the army of torturing farmers.",
                               "accused")
    assert actors == ["The Peruvian president"]
    assert recipients == ["the army"]


def test_find_roles_accused_of_gives_accused_as_actor_of_embedded_act(nlp):
    actors, recipients = roles(nlp, "The Peruvian president accused the army of torturing farmers.",
                               "torturing")
    assert actors == ["the army"]
    assert recipients == ["farmers"]


def test_find_roles_control_verb_lends_its_subject(nlp):
    actors, recipients = roles(nlp, "Somali militants vowed to attack Ethiopian soldiers.", "attack")
    assert actors == ["Somali militants"]
    assert recipients == ["Ethiopian soldiers"]


def test_find_roles_threatened_to_takes_complement_recipient(nlp):
    actors, recipients = roles(nlp, "Ghana threatened to expel Togolese diplomats.", "threatened")
    assert actors == ["Ghana"]
    assert recipients == ["Togolese diplomats"]


def test_find_roles_object_control_urged_x_to(nlp):
    actors, _ = roles(nlp, "The Danish minister urged Bolivian farmers to leave the road.", "leave")
    assert actors == ["Bolivian farmers"]


def test_find_roles_relative_clause_subject_is_the_noun(nlp):
    actors, recipients = roles(nlp, "Gunmen who stormed the Malian parliament escaped.", "stormed")
    assert actors == ["Gunmen"]
    assert recipients == ["the Malian parliament"]


def test_find_roles_passive_participle_makes_noun_recipient(nlp):
    actors, recipients = roles(nlp, "Nine fishermen detained by the Thai navy were released.", "detained")
    assert actors == ["the Thai navy"]
    assert recipients == ["Nine fishermen"]


def test_find_roles_speech_subject_and_apposition_head(nlp):
    sentence = "Anna Berg, the Swedish foreign minister, said the talks had failed."
    actors, recipients = roles(nlp, sentence, "said")
    assert actors == ["Anna Berg"]
    assert recipients == []


def test_find_roles_pronoun_of_reported_clause_is_the_reporter(nlp):
    actors, _ = roles(nlp, "Tunisia said it would close its border with Libya.", "close")
    assert actors == ["Tunisia"]


def test_find_roles_demand_that_names_the_addressee(nlp):
    _, recipients = roles(nlp, "Uruguay demanded that Argentina withdraw its ambassador.", "demanded")
    assert recipients == ["Argentina"]


def test_find_roles_object_with_target_phrase_gives_target(nlp):
    _, recipients = roles(nlp, "Canada imposed sanctions on Myanmar on Friday.", "imposed")
    assert recipients == ["Myanmar"]


def test_find_roles_coordinated_subjects_are_separate_phrases(nlp):
    actors, _ = roles(nlp, "Kenya and Uganda signed a border treaty.", "signed")
    assert actors == ["Kenya", "Uganda"]


def test_find_roles_coordinated_country_modifiers_split(nlp):
    actors, _ = roles(nlp, "Senior Polish and Czech officials met on Friday.", "met")
    assert actors == ["Polish", "Czech"]


def test_find_roles_each_other_means_the_actors_themselves(nlp):
    actors, recipients = roles(nlp, "Two rival gangs clashed with each other in the port.", "clashed")
    assert actors == ["Two rival gangs"]
    assert recipients == actors


def test_find_roles_thrown_object_is_not_the_recipient(nlp):
    _, recipients = roles(nlp, "Protesters threw stones at riot police.", "threw")
    assert recipients == ["riot police"]


def test_find_roles_first_conjunct_shares_the_object(nlp):
    actors, recipients = roles(nlp, "Unknown gunmen shot and killed a Kenyan judge.", "shot")
    assert actors == ["Unknown gunmen"]
    assert recipients == ["a Kenyan judge"]


def test_find_roles_phrase_keeps_brackets_balanced(nlp):
    actors, _ = roles(nlp, "About 40 residents of Lakeview (Nakuru) blocked the highway.", "blocked")
    assert len(actors) == 1
    assert actors[0].count("(") == actors[0].count(")")
    assert actors[0].startswith("About 40 residents of Lakeview")


def test_find_roles_subject_of_died_is_the_victim(nlp):
    assert roles(nlp, "Three Malawian miners died on Monday.", "died") == ([], ["Three Malawian miners"])


def test_find_roles_victims_of_an_event_noun_setting(nlp):
    _, recipients = roles(nlp, "Four policemen were killed in the ambush near the river.", "ambush")
    assert recipients == ["Four policemen"]
    _, recipients = roles(nlp, "Twelve villagers suffered injuries.", "injuries")
    assert recipients == ["Twelve villagers"]


def test_find_roles_series_of_attacks_takes_light_verb_subject(nlp):
    actors, _ = roles(nlp, "Separatist rebels launched a series of attacks on army posts.", "attacks")
    assert actors == ["Separatist rebels"]


def test_find_roles_list_coordination_gives_every_member(nlp):
    _, recipients = roles(nlp, "The gunmen killed farmers, teachers and nurses.", "killed")
    assert recipients == ["farmers", "teachers", "nurses"]


def test_find_roles_document_noun_gives_its_issuer(nlp):
    sentence = "The Zambian union issued a statement demanding that the Malawian government pay the workers."
    actors, recipients = roles(nlp, sentence, "demanding")
    assert actors == ["The Zambian union"]
    assert recipients == ["the Malawian government"]


def test_find_roles_agreement_topic_is_no_recipient(nlp):
    actors, recipients = roles(nlp, "Chile and Peru reached an agreement on fishing quotas.", "agreement")
    assert actors == ["Chile", "Peru"]
    assert recipients == []


def test_find_roles_pronoun_without_antecedent_is_dropped(nlp):
    assert roles(nlp, "They attacked the convoy.", "attacked") == ([], ["the convoy"])


def test_find_roles_keeps_first_person_for_the_quote_speaker(nlp):
    actors, _ = roles(nlp, '"We condemn the raid," he said.', "condemn")
    assert actors == ["We"]


# --- find_roles: event nouns ------------------------------------------------------------------------


def test_find_roles_noun_by_and_on(nlp):
    sentence = "Officials condemned the attack by separatist rebels on a Cameroonian police post."
    actors, recipients = roles(nlp, sentence, "attack")
    assert actors == ["separatist rebels"]
    assert recipients == ["a Cameroonian police post"]


def test_find_roles_noun_possessor_is_actor(nlp):
    actors, recipients = roles(nlp, "The army's assault on the rebel town lasted a week.", "assault")
    assert actors == ["The army's"] or actors == ["The army"]
    assert recipients == ["the rebel town"]


def test_find_roles_noun_country_modifier_is_actor(nlp):
    actors, recipients = roles(nlp, "A Turkish air strike on the village killed six people.", "strike")
    assert actors == ["Turkish"]
    assert "the village" in recipients
    assert "six people" in recipients


def test_find_roles_light_verb_subject_for_event_noun(nlp):
    actors, _ = roles(nlp, "Militants carried out a bombing in the market.", "bombing")
    assert actors == ["Militants"]


def test_find_roles_never_returns_the_trigger(nlp):
    actors, recipients = roles(nlp, "The attack killed three guards.", "attack")
    assert "The attack" not in actors + recipients


# --- phrases ----------------------------------------------------------------------------------------


def test_noun_phrase_drops_relative_clause_time_and_quotes(nlp):
    doc = nlp('Police said "armed militias" that attacked on Sunday fled.')
    head = next(t for t in doc if t.text == "militias")
    assert noun_phrase(head).text == "armed militias"


def test_noun_phrase_keeps_of_phrase(nlp):
    doc = nlp("The Secretary of State of Chile arrived.")
    head = next(t for t in doc if t.text == "Secretary")
    assert noun_phrase(head).text == "The Secretary of State of Chile"


# --- coding -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "country"), [
    ("Iraqi", "IRQ"), ("Americans", "USA"), ("Washington", "USA"), ("Moscow", "RUS"),
    ("the United States", "USA"), ("U.S.", "USA"), ("Britain", "GBR"), ("Ivory Coast", "CIV"),
    ("South Korean", "KOR"), ("Syria's", "SYR"), ("Hamas", "PSE"), ("Narnia", None), ("turkey", None),
])
def test_country_of_names_demonyms_capitals(coder, text, country):
    assert coder.country_of(text) == country


def test_code_titled_person_takes_country_and_sector_from_title(nlp, coder):
    entity = code(nlp, coder, "Chilean Foreign Minister Ana Rojas visited Lima.", "Chilean Foreign Minister Ana Rojas")
    assert (entity.country, entity.sector, entity.code) == ("CHL", "GOV", "CHLGOV")


def test_code_unknown_person_has_no_country_even_with_context(nlp, coder):
    entity = code(nlp, coder, "John Miller said the bridge was closed.", "John Miller", context_country="NGA")
    assert entity.country is None
    assert entity.code is None


def test_code_backed_militia_takes_context_country_and_backer(nlp, coder):
    entity = code(nlp, coder, "Syria-backed militias shelled the town.", "Syria-backed militias",
                  context_country="LBN")
    assert (entity.country, entity.backer, entity.sector, entity.code) == ("LBN", "SYR", "REB", "LBNREB")


def test_code_backed_by_clause_is_backer_not_country(nlp, coder):
    entity = code(nlp, coder, "Rebels backed by Rwanda seized the mine.", "Rebels backed by Rwanda",
                  context_country="COD")
    assert (entity.country, entity.backer) == ("COD", "RWA")


def test_code_led_names_the_leading_country(nlp, coder):
    entity = code(nlp, coder, "French-led forces entered the town.", "French-led forces")
    assert (entity.country, entity.backer, entity.sector) == ("FRA", None, "MIL")


def test_code_armed_forces_is_not_a_backing_phrase(nlp, coder):
    entity = code(nlp, coder, "Nigerian Armed Forces clashed with bandits.", "Nigerian Armed Forces")
    assert (entity.country, entity.backer, entity.sector) == ("NGA", None, "MIL")


def test_code_pro_and_anti_prefixes(nlp, coder):
    sentence = "Pro-Houthi forces and anti-Houthi fighters clashed near the dam."
    pro = code(nlp, coder, sentence, "Pro-Houthi forces", context_country="YEM")
    anti = code(nlp, coder, sentence, "anti-Houthi fighters", context_country="YEM")
    assert (pro.country, pro.backer) == ("YEM", "YEM")
    assert (anti.country, anti.backer, anti.sector) == ("YEM", None, "REB")
    assert code(nlp, coder, sentence, "anti-Houthi fighters").country is None


def test_code_sponsor_named_alone_is_the_actor(nlp, coder):
    doc = nlp("Iran-backed militias and Iran signed nothing.")
    iran = [t for t in doc if t.text == "Iran"][-1]
    entity = coder.code(doc[iran.i:iran.i + 1])
    assert (entity.country, entity.backer) == ("IRN", None)


def test_code_later_conjunct_shares_country_modifier(nlp, coder):
    doc = nlp("Israeli helicopters and tanks shelled the camp.")
    tanks = next(t for t in doc if t.text == "tanks")
    entity = coder.code(doc[tanks.i:tanks.i + 1], context_country="PSE")
    assert (entity.country, entity.sector) == ("ISR", "MIL")


def test_code_capital_metonym_subject_is_government(nlp, coder):
    entity = code(nlp, coder, "Ankara recalled its envoy.", "Ankara")
    assert (entity.country, entity.sector, entity.code) == ("TUR", "GOV", "TURGOV")


def test_code_bare_country_has_no_sector(nlp, coder):
    entity = code(nlp, coder, "Portugal signed the accord.", "Portugal")
    assert (entity.country, entity.sector, entity.code) == ("PRT", None, "PRT")


def test_code_igo_has_igo_code_and_no_country(nlp, coder):
    entity = code(nlp, coder, "UN peacekeepers patrolled the border.", "UN peacekeepers", context_country="LBN")
    assert (entity.code, entity.country, entity.sector) == ("IGOUNO", None, "MIL")


def test_code_weak_head_yields_to_sector_modifier(nlp, coder):
    entity = code(nlp, coder, "Ghanaian police officials denied it.", "Ghanaian police officials")
    assert (entity.country, entity.sector) == ("GHA", "COP")


def test_code_armed_head_keeps_sector_against_civil_modifier(nlp, coder):
    entity = code(nlp, coder, "Government forces shelled the hills.", "Government forces", context_country="SDN")
    assert (entity.country, entity.sector) == ("SDN", "MIL")


def test_code_weak_head_takes_sector_from_of_phrase(nlp, coder):
    entity = code(nlp, coder, "Leaders of the Angolan rebels met.", "Leaders of the Angolan rebels")
    assert (entity.country, entity.sector) == ("AGO", "REB")


def test_code_former_official_is_elite(nlp, coder):
    entity = code(nlp, coder, "A former Greek minister was arrested.", "A former Greek minister")
    assert (entity.country, entity.sector) == ("GRC", "ELI")


def test_code_modifier_country_beats_prepositional_place(nlp, coder):
    entity = code(nlp, coder, "Belgian troops in Mali withdrew.", "Belgian troops in Mali")
    assert entity.country == "BEL"


def test_code_prepositional_place_when_nothing_closer(nlp, coder):
    entity = code(nlp, coder, "Rebels in Mali withdrew.", "Rebels in Mali")
    assert (entity.country, entity.sector) == ("MLI", "REB")


def test_code_apposition_supplies_country_and_sector(nlp, coder):
    sentence = "Anna Berg, the Swedish foreign minister, said the talks had failed."
    entity = code(nlp, coder, sentence, "Anna Berg")
    assert (entity.country, entity.sector) == ("SWE", "GOV")


def test_code_coordinated_modifier_inherits_role_noun(nlp, coder):
    doc = nlp("Senior Polish and Czech officials met on Friday.")
    czech = next(t for t in doc if t.text == "Czech")
    entity = coder.code(doc[czech.i:czech.i + 1])
    assert (entity.text, entity.country, entity.sector, entity.code) == ("Czech", "CZE", "GOV", "CZEGOV")
    assert entity.name == "Czech officials"


def test_code_country_name_inside_person_name_is_not_a_country(nlp, coder):
    entity = code(nlp, coder, "Michael Jordan Smith spoke to reporters.", "Michael Jordan Smith")
    assert entity.country != "JOR"


def test_code_span_offsets_point_into_the_text(nlp, coder):
    sentence = "Yesterday Kenyan police arrested two men."
    entity = code(nlp, coder, sentence, "Kenyan police")
    assert sentence[entity.span.start:entity.span.end] == "Kenyan police" == entity.text


def test_actor_coder_default_is_cached():
    assert ActorCoder.default() is ActorCoder.default()


# --- the example story ------------------------------------------------------------------------------


def test_example_story_pompeo_accused_iran_backed_militias(nlp, coder, example_story):
    text = example_story.read_text(encoding="utf-8")
    doc = nlp(text)
    # The body's lead sentence (the headline above it has no full stop and is parsed into its copy).
    accused = [t for t in doc if t.text == "accused"][-1]
    actors, recipients = find_roles(doc[accused.i:accused.i + 1])
    assert actors and "US Secretary of State Michael Pompeo" in actors[0].text
    pompeo = coder.code(actors[0], context_country="IRQ")
    assert (pompeo.country, pompeo.sector, pompeo.code) == ("USA", "GOV", "USAGOV")
    assert recipients and "Iran-backed militias" in recipients[0].text
    militias = coder.code(recipients[0], context_country="IRQ")
    assert (militias.country, militias.backer, militias.sector) == ("IRQ", "IRN", "REB")
    assert text[militias.span.start:militias.span.end] == militias.text


def test_example_story_attack_by_militias_on_zone(nlp, example_story):
    doc = nlp(example_story.read_text(encoding="utf-8"))
    attack = next(t for t in doc if t.text == "attack" and t.nbor(1).text == "by")
    actors, recipients = find_roles(doc[attack.i:attack.i + 1])
    assert [s.text for s in actors] == ["Iran-backed militias"]
    assert recipients and "International Zone" in recipients[0].text
