"""Country-level mechanisms: sponsor-only nationality words, names inside unknown names, spelling variants,
and the country of an event whose place no gazetteer has."""

from __future__ import annotations

from dateline.distance import haversine_km
from dateline.places.gazetteer import spelling_variants
from dateline.places.rank import operating_areas, operating_units, sponsor_only


def _locate(geoparser, nlp, text, word):
    doc = nlp(text)
    start = text.index(word)
    trigger = doc.char_span(start, start + len(word))
    return geoparser.locate_event(doc, trigger, geoparser.toponyms(doc, doc_id="t"))


def test_sponsor_only_marks_led_backed_and_pro_compounds():
    text = "Saudi-led jets and US-backed militias met pro-Turkish fighters and Iraqi police."
    assert sponsor_only(text, 0, 5)
    assert sponsor_only(text, text.index("US"), text.index("US") + 2)
    assert sponsor_only(text, text.index("pro-Turkish"), text.index("pro-Turkish") + 11)
    assert not sponsor_only(text, text.index("Iraqi"), text.index("Iraqi") + 5)


def test_locate_event_sponsor_nationality_does_not_pull_a_namesake_abroad(default_geoparser, nlp):
    text = "Saudi-led coalition jets struck Al Jawf border governorate in northern Yemen on Monday."
    place = _locate(default_geoparser, nlp, text, "struck")
    assert place is not None and place.country_code == "YEM"


def test_toponyms_alternate_spelling_inside_an_unknown_name_is_no_place(default_geoparser, nlp):
    doc = nlp("Gunmen shot two farmers at Gana Ropp (Barkin Ladi LGA, Plateau) on Sunday.")
    countries = {t.text: t.country_code for t in default_geoparser.toponyms(doc, doc_id="t")}
    assert "Gana" not in countries  # an alternate spelling of an Indian town, inside a Nigerian village's name
    assert countries.get("Plateau") == "NGA"


def test_spelling_variants_final_h_joined_words_and_doubled_consonants():
    assert "nabatiye" in spelling_variants("nabatiyeh")
    assert "diwaniyah" in spelling_variants("diwaniya")
    assert "albab" in spelling_variants("al bab")
    assert "tal afar" in spelling_variants("tall afar")
    assert spelling_variants("shamaa") == ["shamaah"]  # doubled vowels stay: "Shamaa" is not "Shama"
    assert spelling_variants("gao") == []
    assert "al hasakah" in spelling_variants("al hasakeh")
    assert "idlib" in spelling_variants("idleb")


def test_candidates_fall_back_to_a_spelling_variant(default_geoparser):
    found = default_geoparser.gazetteer.candidates("Diwaniyah")
    assert found and found[0].country == "IRQ" and not found[0].main


def test_operating_areas_names_one_country_missions_as_whole_words():
    assert operating_areas("On Monday the OSCE SMM recorded shelling.") == {"UKR": 1}
    assert operating_areas("Tehrik-i-Taliban fighters") == {}


def test_locate_event_unknown_village_takes_the_mission_country(default_geoparser, nlp):
    text = "On 3 March, MINUSMA recorded 12 explosions near Zzyxibougou."
    place = _locate(default_geoparser, nlp, text, "explosions")
    assert place is not None and place.name == "Zzyxibougou"
    assert place.country_code == "MLI" and place.resolution == "country" and place.geonameid is None


def test_operating_units_are_the_mission_area_provinces(default_geoparser):
    units = operating_units("The OSCE SMM recorded 12 explosions.", default_geoparser.gazetteer)
    assert {(u.country, u.feature_code) for u in units} == {("UKR", "ADM1")}
    assert len(units) == 2
    assert operating_units("MINUSMA recorded 12 explosions.", default_geoparser.gazetteer) == ()


def test_locate_event_unknown_village_takes_the_mission_area_centre(default_geoparser, nlp):
    text = "On 3 March, the OSCE SMM recorded 12 explosions near Zzyxivka."
    place = _locate(default_geoparser, nlp, text, "explosions")
    assert place is not None and place.name == "Zzyxivka" and place.geonameid is None
    assert place.country_code == "UKR" and place.resolution == "admin1"
    units = operating_units(text, default_geoparser.gazetteer)
    assert min(haversine_km(place.lat, place.lon, u.lat, u.lon) for u in units) < 100
    country = default_geoparser.gazetteer.country("UKR")
    assert haversine_km(place.lat, place.lon, country.lat, country.lon) > 300


def test_locate_event_namesake_outside_the_mission_area_is_not_taken(default_geoparser, nlp):
    # The gazetteer knows Viktorivka only in Odesa oblast and Crimea; the mission works in Donbas.
    assert not any(c.admin1 in ("Donetska oblast", "Luhanska oblast")
                   for c in default_geoparser.gazetteer.candidates("Viktorivka"))
    text = "On 5 May, the OSCE SMM observed 7 explosions near Viktorivka."
    place = _locate(default_geoparser, nlp, text, "explosions")
    assert place is not None and place.name == "Viktorivka"
    assert place.resolution == "admin1" and place.geonameid is None
    # the same name with a province written next to it is still read in that province
    doc = nlp("On 5 May, shells fell near Viktorivka, Odesa.")
    found = {t.text: t for t in default_geoparser.toponyms(doc, doc_id="t")}
    assert found["Viktorivka"].admin1 == "Odeska oblast"


def test_locate_event_unknown_place_takes_the_country_the_text_names(default_geoparser, nlp):
    text = "Shells fell in Wadi Zzyzqa on Friday. Officials in Libya said nobody was hurt."
    place = _locate(default_geoparser, nlp, text, "fell")
    assert place is not None and place.name == "Wadi Zzyzqa" and place.country_code == "LBY"


def test_locate_event_in_a_province_is_placed_at_its_seat(default_geoparser, nlp):
    text = "On 4 March, coalition jets struck targets across Kunduz province, officials said."
    place = _locate(default_geoparser, nlp, text, "struck")
    assert place is not None and place.resolution == "admin1" and place.country_code == "AFG"
    seat = default_geoparser.gazetteer.candidates("Kunduz")
    town = next(c for c in seat if c.feature_code.startswith("PPL") and c.country == "AFG")
    assert (place.lat, place.lon) == (round(town.lat, 5), round(town.lon, 5))


def test_locate_event_ignores_a_country_reached_through_a_title(default_geoparser, nlp):
    text = ("On 3 June, in Campinas, Sao Paulo, a rally took place in support of the President of Brazil "
            "and as a protest against the lockdown.")
    place = _locate(default_geoparser, nlp, text, "protest")
    assert place is not None and place.name == "Campinas"


def test_locate_event_keeps_a_place_reached_through_a_place_noun(default_geoparser, nlp):
    text = "Gunmen attacked a checkpoint on the outskirts of Kirkuk on Monday."
    place = _locate(default_geoparser, nlp, text, "attacked")
    assert place is not None and place.name == "Kirkuk" and place.country_code == "IRQ"


def test_toponyms_place_name_ner_cut_before_its_particle_tail(default_geoparser, nlp):
    doc = nlp("On 2 March, in Amatlan de los Reyes, Veracruz, a trader was abducted.")
    names = {t.text: t for t in default_geoparser.toponyms(doc, doc_id="t")}
    assert "Amatlan de los Reyes" in names and names["Amatlan de los Reyes"].country_code == "MEX"


def test_toponyms_items_of_a_list_are_places_of_one_kind(default_geoparser, nlp):
    doc = nlp("Cases rose in Manitoba, Ontario and New Brunswick, and in Kansas, Missouri, Georgia and Ohio.")
    found = {t.text: t for t in default_geoparser.toponyms(doc, doc_id="t")}
    assert found["Ontario"].country_code == "CAN" and found["Ontario"].feature_code == "ADM1"
    assert found["Georgia"].country_code == "USA" and found["Georgia"].feature_code == "ADM1"
    assert found["Missouri"].feature_code == "ADM1"  # no list item qualifies the next one


def test_toponyms_country_names_ner_cut_in_pieces(default_geoparser, nlp):
    doc = nlp("Polio cases rose in Angola, Chad, Guinea-Bissau and the Democratic Republic of the Congo.")
    found = {t.text: t.country_code for t in default_geoparser.toponyms(doc, doc_id="t")}
    assert found.get("Guinea-Bissau") == "GNB"
    assert found.get("Democratic Republic of the Congo") == "COD"
    assert "Congo" not in found


def test_toponyms_town_region_is_not_the_province_around_it(default_geoparser, nlp):
    doc = nlp("Nine cases of the virus were confirmed in the Houston region this summer.")
    found = {t.text: t for t in default_geoparser.toponyms(doc, doc_id="t")}
    assert found["Houston"].feature_code.startswith("PPL")


def test_toponyms_a_name_qualified_once_keeps_that_sense(default_geoparser, nlp):
    text = ("An outbreak hit Austin, in Scott County, Indiana, this spring. "
            "New cases in Scott County rose past 140, officials in Louisville, Kentucky said.")
    doc = nlp(text)
    counties = [t for t in default_geoparser.toponyms(doc, doc_id="t") if t.text == "Scott County"]
    assert len(counties) == 2 and all(t.admin1 == "Indiana" for t in counties)


def test_toponyms_located_in_qualifies_a_county(default_geoparser, nlp):
    doc = nlp("Sick ducks were found in Crawford County located in Pennsylvania.")
    found = {t.text: t for t in default_geoparser.toponyms(doc, doc_id="t")}
    assert found["Crawford County"].admin1 == "Pennsylvania"


def test_toponyms_list_of_unknown_names_resolves_nothing(default_geoparser, nlp):
    doc = nlp("Fighting was reported in Zzyqa, Xxobra and Qqevlin on Sunday.")
    assert default_geoparser.toponyms(doc, doc_id="t") == []


def test_locate_event_currency_country_is_no_place(default_geoparser, nlp):
    text = ("On 2 May, protesters demonstrating against the high US dollar exchange rate blocked the main road "
            "in Zzyqqaya.")
    place = _locate(default_geoparser, nlp, text, "blocked")
    assert place is None or place.country_code != "USA"


def test_toponyms_chain_reading_follows_the_outer_qualifier(default_geoparser, nlp):
    doc = nlp("On 3 May, gunmen fired at a checkpoint in Rafah (Rafah, North Sinai).")
    found = [t for t in default_geoparser.toponyms(doc, doc_id="t") if t.text == "Rafah"]
    assert found and found[0].country_code == "EGY"


def test_locate_event_unknown_name_after_near_that_ner_missed(default_geoparser, nlp):
    text = "On 3 March, the OSCE SMM observed a total of 7 bursts of fire near Qqorvilsk Mine."
    doc = nlp(text)
    assert default_geoparser.toponyms(doc, doc_id="t") == []  # never a toponym of its own
    place = _locate(default_geoparser, nlp, text, "bursts")
    assert place is not None and place.name == "Qqorvilsk Mine" and place.country_code == "UKR"


def test_toponyms_district_in_the_middle_of_a_qualifier_chain(default_geoparser, nlp):
    doc = nlp("On 5 May, nurses staged a protest in Jalalabad, Fazilka (Punjab) over unpaid wages.")
    found = {t.text: t for t in default_geoparser.toponyms(doc, doc_id="t")}
    assert found["Jalalabad"].country_code == "IND"
    assert found["Fazilka"].country_code == "IND"
