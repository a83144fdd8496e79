"""Names in ACLED-style place qualifiers ("X (Y, Z)", "X, Province"), NER's misreadings, and false friends."""

from __future__ import annotations

import pytest


def _toponyms(geoparser, nlp, text):
    doc = nlp(text)
    return {t.text: t for t in geoparser.toponyms(doc, doc_id="t")}


def _locate(geoparser, nlp, text, word):
    doc = nlp(text)
    start = text.index(word)
    trigger = doc.char_span(start, start + len(word))
    return geoparser.locate_event(doc, trigger, geoparser.toponyms(doc, doc_id="t"))


def test_locate_event_near_a_town_ner_calls_a_nationality(default_geoparser, nlp):
    place = _locate(default_geoparser, nlp, "Rebels attacked an army post near Kidal on Tuesday.", "attacked")
    assert place is not None and place.name == "Kidal"
    assert place.country_code == "MLI" and place.resolution == "city"


def test_locate_event_foreign_namesake_in_parentheses_is_an_unlisted_village(default_geoparser, nlp):
    text = "On 3 June, armed men burned granaries in Toledo village (Bankass, Mopti)."
    place = _locate(default_geoparser, nlp, text, "burned")
    assert place is not None and place.name == "Toledo"
    assert place.country_code == "MLI" and place.geonameid is None


def test_toponyms_parenthesised_chain_picks_the_reading_inside_all_of_it(default_geoparser, nlp):
    found = _toponyms(default_geoparser, nlp, "Shopkeepers held a sit-in in Hyderabad (Hyderabad, Sindh) on Monday.")
    assert found["Hyderabad"].country_code == "PAK"
    assert found["Sindh"].feature_code == "ADM1"


def test_toponyms_name_after_a_town_and_comma_is_its_province(default_geoparser, nlp):
    found = _toponyms(default_geoparser, nlp, "On 2 June, in Papantla, Veracruz, gunmen shot a shopkeeper.")
    assert found["Papantla"].country_code == "MEX" and found["Papantla"].feature_code.startswith("PPL")
    assert found["Veracruz"].feature_code == "ADM1"


def test_toponyms_list_of_towns_keeps_each_town(default_geoparser, nlp):
    found = _toponyms(default_geoparser, nlp, "The prince visited Washington, New York and Boston last month.")
    assert found["New York"].feature_code != "ADM1"
    assert found["Washington"].country_code == "USA"


def test_toponyms_town_and_its_state_of_the_same_name(default_geoparser, nlp):
    doc = nlp("On 9 June, in Sao Paulo, Sao Paulo, fans rallied downtown.")
    first, second = default_geoparser.toponyms(doc, doc_id="t")
    assert first.feature_code.startswith("PPL") and second.feature_code == "ADM1"
    assert first.country_code == second.country_code == "BRA"


def test_toponyms_province_spelled_like_its_town_is_the_province(default_geoparser, nlp):
    found = _toponyms(default_geoparser, nlp, "A crowd gathered in the town of Sarmin in Idleb province.")
    assert found["Idleb"].feature_code == "ADM1"
    assert found["Idleb"].country_code == "SYR"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("GNA and LNA forces clashed south of the capital on Friday.", "GNA"),  # acronym, no spelling of Guna
        ("Militants ambushed a convoy near Xaaji-Cali village on Friday.", "Cali"),  # part of a hyphenated name
    ],
)
def test_toponyms_part_of_another_word_is_no_place(default_geoparser, nlp, text, word):
    assert word not in _toponyms(default_geoparser, nlp, text)


def test_locate_event_capitalised_plural_noun_is_no_place(default_geoparser, nlp):
    text = "                     Rebels attacked an army post in Timbuktu on Tuesday."
    place = _locate(default_geoparser, nlp, text, "attacked")
    assert place is not None and place.name == "Timbuktu"


def test_locate_event_scene_setting_place_beats_a_later_one(default_geoparser, nlp):
    text = ("On 4 June, in Andahuaylas, Apurimac, traders stuck in the town staged a demonstration to demand "
            "buses to their homes in Lima.")
    place = _locate(default_geoparser, nlp, text, "demonstration")
    assert place is not None and place.name == "Andahuaylas"


def test_toponyms_nationality_inside_an_organisation_counts_only_with_demonyms(default_geoparser, nlp):
    from dateline.places import Geoparser

    text = "A spokesman for the Nigerian Army said the patrol had returned."
    with_demonyms = Geoparser(default_geoparser.gazetteer, demonyms=True)
    assert _toponyms(with_demonyms, nlp, text)["Nigerian"].country_code == "NGA"
    assert "Nigerian" not in _toponyms(default_geoparser, nlp, text)


def test_locate_event_in_a_town_ner_read_as_a_feast(default_geoparser, nlp):
    text = "On 30 May, in Posadas (Misiones), residents banged pots in protest against prison releases."
    place = _locate(default_geoparser, nlp, text, "banged")
    assert place is not None and place.name == "Posadas" and place.country_code == "ARG"


def test_locate_event_town_with_a_namesake_province_survives_a_foreign_nationality(default_geoparser, nlp):
    # "Saudi" puts Saudi Arabia in context; Ma'rib town is small, but Yemen has a province of that name.
    text = "On 4 June, Saudi-led coalition troops reached a camp in Al Hamra (Marib)."
    place = _locate(default_geoparser, nlp, text, "reached")
    assert place is not None and place.country_code == "YEM"


def test_gazetteer_candidates_name_with_and_without_its_arabic_article(default_geoparser):
    found = default_geoparser.gazetteer.candidates("Ar-Raqqa")
    assert found and found[0].country == "SYR"
    assert default_geoparser.gazetteer.candidates("Al Zzzqqx") == ()


def test_toponyms_foreign_name_said_to_lie_in_a_province_is_an_unlisted_place(default_geoparser, nlp):
    # No Karak in Syria's gazetteer rows: "Karak area in Dar'a" is not the Jordanian town.
    found = _toponyms(default_geoparser, nlp, "On 5 June, a roadside bomb hit a car in Karak area in Dar'a.")
    assert "Karak" not in found
    assert found["Dar'a"].country_code == "SYR"


def test_toponyms_half_of_a_hyphenated_name_is_no_place(default_geoparser, nlp):
    text = "On 5 June, soldiers repelled an attack on Ndaba town (Mayo-Sava, Extreme-Nord)."
    found = _toponyms(default_geoparser, nlp, text)
    assert "Mayo" not in found


def test_locate_event_nationality_of_the_attackers_is_not_the_place(default_geoparser, nlp):
    text = "An airstrike by US military forces hit a compound, destroying several houses in Chahar Bolak, Balkh."
    place = _locate(default_geoparser, nlp, text, "airstrike")
    assert place is not None and place.country_code == "AFG"


def test_toponyms_unit_named_with_its_unit_word_inside_parentheses(default_geoparser, nlp):
    text = "On 2 June, gunmen raided Ogbo village (Ukum LGA, Benue) and stole cattle."
    found = {t.country_code for t in default_geoparser.toponyms(nlp(text), doc_id="t") if t.text.startswith("Ukum")}
    assert found == {"NGA"}


def test_locate_event_province_after_an_unrecognised_district_still_qualifies(default_geoparser, nlp):
    # The gazetteer knows Al Jabaliyah only in Gaza; "(At Tuhayat, Al Hudaydah)" says it is a Yemeni one.
    assert all(c.country != "YEM" for c in default_geoparser.gazetteer.candidates("Al Jabaliyah"))
    text = "On 8 May, Houthi forces fired machine guns at farms in Al Jabaliyah area (At Tuhayat, Al Hudaydah)."
    place = _locate(default_geoparser, nlp, text, "fired")
    assert place is not None and place.name == "Al Jabaliyah"
    assert place.country_code == "YEM" and place.geonameid is None


@pytest.mark.parametrize("name, short", [("Bir at Tutah", "Bir"), ("Mafraq ar Ruwayk", "Mafraq"),
                                         ("Choro del Mono", "Choro")])
def test_toponyms_a_known_name_that_only_starts_a_longer_name_is_not_that_place(default_geoparser, nlp, name, short):
    assert default_geoparser.gazetteer.candidates(short)  # the start alone is a place somewhere
    text = f"On 3 May, shells fell in {name} (Marib), killing two farmers."
    doc = nlp(text)
    located = default_geoparser.located(doc)
    names = [item.mention.text for item in located]
    assert name in names and short not in names
    assert next(item.place for item in located if item.mention.text == name) is None


def test_toponyms_a_place_after_at_is_no_part_of_the_name_before(default_geoparser, nlp):
    found = _toponyms(default_geoparser, nlp, "Clashes broke out in Idlib at Saraqib on Monday.")
    assert "Idlib" in found and "Saraqib" in found


def test_locate_event_country_with_a_parenthesis_takes_its_finest_place(default_geoparser, nlp):
    text = ("On 3 May, resistance forces thwarted an attack east of Durayhimi in western Yemen "
            "(Ad Durayhimi, Al Hudaydah).")
    place = _locate(default_geoparser, nlp, text, "attack")
    assert place is not None and place.name == "Ad Durayhimi" and place.resolution != "country"


def test_locate_event_town_of_a_country_parenthesis_is_not_the_country(default_geoparser, nlp):
    text = "On 6 May, gunmen fired rockets at houses in the city of Hays in western Yemen (Hays, Al Hudaydah)."
    place = _locate(default_geoparser, nlp, text, "fired")
    assert place is not None and place.name == "Hays"
    assert place.country_code == "YEM" and place.resolution == "city"


def test_locate_event_known_name_then_unknown_words_before_a_unit_word_is_one_unlisted_name(default_geoparser, nlp):
    text = "On 4 May, Taliban fighters attacked a checkpoint in Shewan area of Bala Buluk district, Farah."
    place = _locate(default_geoparser, nlp, text, "attacked")
    assert place is not None and place.country_code == "AFG"
    assert {t.country_code for t in _toponyms(default_geoparser, nlp, text).values()} == {"AFG"}


def test_toponyms_known_town_before_a_known_district_stays_two_names(default_geoparser, nlp):
    found = _toponyms(default_geoparser, nlp, "Fighting went on in Helmand Nad Ali district on Monday.")
    assert found["Helmand"].country_code == "AFG"


@pytest.mark.parametrize("text, trigger, name", [
    # the Arabic article in lower case before the name
    ("On 9 May, drones struck a depot near al-Bukamal in Deir-ez-Zor.", "struck", "al-Bukamal"),
    # a small town known only under another spelling, inside the province named after it
    ("On 3 May, gunmen killed a teacher in Kafr Nassij in Dar'a.", "killed", "Kafr Nassij"),
    # a town NER calls a person, inside the province named after "in"
    ("On 2 May, artillery shelled Menbij in Aleppo at dawn.", "shelled", "Menbij"),
    # a name whose first word NER calls a nationality, before the province spelled like its capital
    ("On 4 May, soldiers looted shops in Ma'arrat An Nu'man in Idleb.", "looted", "Ma'arrat An Nu'man"),
    # a village of a few hundred people NER calls an organisation, before its province
    ("On 6 May, rebels fired mortars at positions near Lebedynske, Donetsk.", "fired", "Lebedynske"),
])
def test_locate_event_town_written_before_its_province_is_the_place(default_geoparser, nlp, text, trigger, name):
    place = _locate(default_geoparser, nlp, text, trigger)
    assert place is not None and place.name == name
    assert place.geonameid is not None and place.resolution == "city"


@pytest.mark.parametrize("text, trigger, country", [
    # qualifiers after a facility word or a direction word
    ("On 5 May, a bomb went off at Al Alam military camp (Marib, Marib).", "went", "YEM"),
    ("On 6 May, police beat a man in Kotwali police area of Nimbahera taluka (Chittorgarh, Rajasthan).", "beat", "IND"),
    ("On 7 May, rebels and the army clashed in Daman in the eastern countryside of Deir-ez-Zor.", "clashed", "SYR"),
    # the district reading and its seat, not a namesake town abroad (Acre, Israel)
    ("On 8 May, jets bombed caves in Akre district of Ninewa, Northern Iraq.", "bombed", "IRQ"),
    # another name in parentheses between a place and its qualifier
    ("On 8 May, jets bombed caves in Gare (Chiya-e Gara) region of Dahuk, Northern Iraq.", "bombed", "IRQ"),
    # a village is no city of 440,000 of another country
    ("On 8 May, soldiers attacked a militia camp in the village of Korogo, near Berunda (Mahagi, Ituri).",
     "attacked", "COD"),
    # a province after "district center," is a province, even one NER calls a person
    ("On 8 May, 9 soldiers were killed in attacks by Taliban militants in Zari district center, Balkh.",
     "killed", "AFG"),
])
def test_locate_event_keeps_to_the_country_of_the_qualifier(default_geoparser, nlp, text, trigger, country):
    place = _locate(default_geoparser, nlp, text, trigger)
    assert place is not None and place.country_code == country


def test_toponyms_part_of_a_country_named_by_a_direction_is_the_country(default_geoparser, nlp):
    found = _toponyms(default_geoparser, nlp, "Jets struck caves in Northern Iraq on Monday.")
    assert found["Northern Iraq"].country_code == "IRQ" and found["Northern Iraq"].feature_code == "PCLI"


def test_toponyms_numbered_unit_code_is_no_place(default_geoparser, nlp):
    text = "On 4 May, at a village in Rathedaung Township, Rakhine State, soldiers from LIB 538 burned 8 houses."
    assert "LIB" not in _toponyms(default_geoparser, nlp, text)


def test_locate_event_town_of_a_city_of_phrase_over_a_region_across_which_a_cause_applies(default_geoparser, nlp):
    text = ("On 30 April, hundreds of officials in the city of Tarim (Tarim, Hadramawt) demonstrated in support "
            "of self-rule across South Yemen.")
    place = _locate(default_geoparser, nlp, text, "demonstrated")
    assert place is not None and place.name == "Tarim" and place.resolution == "city"


def test_toponyms_unit_word_of_a_name_is_that_unit_or_its_seat(default_geoparser, nlp):
    found = _toponyms(default_geoparser, nlp, "On 4 May, in the Municipality of Trancoso, Zacatecas, two men were killed.")
    trancoso = found["Municipality of Trancoso"]
    assert trancoso.country_code == "MEX" and trancoso.geonameid is not None
    assert trancoso.feature_code in ("PPL", "ADM2")


def test_locate_event_neighbourhood_of_a_town_lies_in_that_town(default_geoparser, nlp):
    text = "On 6 May, arsonists attacked a shop in Baglar neighborhood of Bagcilar, Istanbul."
    place = _locate(default_geoparser, nlp, text, "attacked")
    bagcilar = _toponyms(default_geoparser, nlp, text)["Bagcilar"]
    assert place is not None and place.name == "Baglar" and place.geonameid is None
    assert (place.lat, place.lon) == (bagcilar.lat, bagcilar.lon)
