from __future__ import annotations

import math

import pytest


def _km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _resolved(geoparser, nlp, text):
    doc = nlp(text)
    return {t.text: t for t in geoparser.toponyms(doc, doc_id="t")}, doc


def test_toponyms_paris_alone_is_the_french_capital(mini_geoparser, nlp):
    found, _ = _resolved(mini_geoparser, nlp, "Thousands marched through Paris on Saturday.")
    assert found["Paris"].country_code == "FRA"
    assert found["Paris"].geonameid == 2988507


def test_toponyms_paris_texas_follows_its_qualifier(mini_geoparser, nlp):
    found, doc = _resolved(mini_geoparser, nlp, "A tornado struck Paris, Texas, late on Tuesday.")
    paris = found["Paris"]
    assert (paris.country_code, paris.geonameid) == ("USA", 4717560)
    assert doc.text[paris.start : paris.end] == "Paris"


def test_toponyms_springfield_takes_the_named_state(mini_geoparser, nlp):
    found, _ = _resolved(mini_geoparser, nlp, "The rally was held in Springfield, Illinois, on Monday.")
    assert found["Springfield"].geonameid == 4250542


def test_toponyms_georgia_with_tbilisi_context_is_the_country(mini_geoparser, nlp):
    text = "Protesters gathered in Tbilisi. The government of Georgia said the vote would go ahead."
    found, _ = _resolved(mini_geoparser, nlp, text)
    assert found["Georgia"].feature_code == "PCLI"
    assert found["Georgia"].country_code == "GEO"


def test_toponyms_georgia_with_atlanta_context_is_the_us_state(mini_geoparser, nlp):
    text = "Voters queued for hours in Atlanta. Officials in Georgia extended the polling hours."
    found, _ = _resolved(mini_geoparser, nlp, text)
    assert found["Georgia"].country_code == "USA"


def test_toponyms_metonymic_washington_is_still_the_capital(mini_geoparser, nlp):
    found, _ = _resolved(mini_geoparser, nlp, "Washington said on Monday it would send more troops to Iraq.")
    assert found["Washington"].geonameid == 4140963
    assert found["Iraq"].feature_code == "PCLI"


def test_toponyms_strip_the_article_and_possessive(mini_geoparser, nlp):
    found, doc = _resolved(mini_geoparser, nlp, "Rockets hit the Green Zone in Iraq's capital, Baghdad.")
    iraq = found["Iraq"]
    assert doc.text[iraq.start : iraq.end] == "Iraq"
    assert found["Baghdad"].country_code == "IRQ"


def test_toponyms_lower_case_turkey_is_not_a_place(default_geoparser, nlp):
    found, _ = _resolved(default_geoparser, nlp, "We ate turkey in May with Jordan Peterson.")
    assert found == {}


def test_country_of_names_demonyms_and_capitals(default_geoparser):
    assert default_geoparser.country_of("Iraqi") == "IRQ"
    assert default_geoparser.country_of("Washington") == "USA"
    assert default_geoparser.country_of("Iraq") == "IRQ"
    assert default_geoparser.country_of("United States") == "USA"
    assert default_geoparser.country_of("Nowhere-in-particular") is None


def test_locate_event_example_story_is_green_zone_at_baghdad(default_geoparser, nlp, example_story):
    text = example_story.read_text(encoding="utf-8")
    doc = nlp(text)
    toponyms = default_geoparser.toponyms(doc, doc_id="ani")
    start = text.index("rocket attack") + len("rocket ")
    trigger = doc.char_span(start, start + len("attack"))
    place = default_geoparser.locate_event(doc, trigger, toponyms, dateline="Washington DC")
    assert place is not None
    assert place.name == "Green Zone"
    assert place.country_code == "IRQ"
    assert place.resolution == "city"
    assert _km(place.lat, place.lon, 33.34, 44.40) < 25


def test_locate_event_prefers_the_attached_place_over_the_dateline(mini_geoparser, nlp):
    text = "WASHINGTON (AP) - Officials in Washington said gunmen attacked a convoy near Baghdad on Sunday."
    doc = nlp(text)
    start = text.index("attacked")
    trigger = doc.char_span(start, start + len("attacked"))
    place = mini_geoparser.locate_event(doc, trigger, mini_geoparser.toponyms(doc, doc_id="t"),
                                        dateline="Washington")
    assert place is not None and place.name == "Baghdad"
    assert place.resolution == "city"


def test_locate_event_never_returns_only_the_dateline(mini_geoparser, nlp):
    text = "Gunmen attacked a convoy on Sunday, killing three people."
    doc = nlp(text)
    trigger = doc.char_span(text.index("attacked"), text.index("attacked") + 8)
    assert mini_geoparser.locate_event(doc, trigger, [], dateline="Washington") is None


def test_locate_event_falls_back_to_the_documents_main_place(mini_geoparser, nlp):
    text = "Tension rose in Tbilisi this week.\n\nLater, police arrested forty protesters."
    doc = nlp(text)
    start = text.index("arrested")
    trigger = doc.char_span(start, start + len("arrested"))
    place = mini_geoparser.locate_event(doc, trigger, mini_geoparser.toponyms(doc, doc_id="t"))
    assert place is not None and place.name == "Tbilisi" and place.country_code == "GEO"


@pytest.mark.parametrize("word", ["Iraqi", "Iraqis"])
def test_locate_event_ignores_demonyms(mini_geoparser, nlp, word):
    text = f"{word} civilians protested on Friday."
    doc = nlp(text)
    start = text.index("protested")
    trigger = doc.char_span(start, start + len("protested"))
    assert mini_geoparser.locate_event(doc, trigger, []) is None


def _locate(geoparser, nlp, text, word):
    doc = nlp(text)
    start = text.index(word)
    trigger = doc.char_span(start, start + len(word))
    return geoparser.locate_event(doc, trigger, geoparser.toponyms(doc, doc_id="t"))


def test_locate_event_named_square_takes_its_citys_point(mini_geoparser, nlp):
    place = _locate(mini_geoparser, nlp, "Protesters marched in Tahrir Square in Baghdad.", "marched")
    assert place.name == "Tahrir Square"
    assert (place.lat, place.lon, place.country_code) == (33.34058, 44.40088, "IRQ")
    assert place.resolution == "city" and place.geonameid is None


def test_locate_event_unknown_village_falls_back_to_its_container(mini_geoparser, nlp):
    text = "On 3 May, police arrested 12 protesters in Qaryat al-Hilal, Iraq."
    place = _locate(mini_geoparser, nlp, text, "arrested")
    assert place.name == "Qaryat al-Hilal"
    assert place.country_code == "IRQ" and place.resolution == "country"


def test_locate_event_prefers_the_town_over_its_province(mini_geoparser, nlp):
    text = "On 7 May, in Springfield, Missouri, workers protested over unpaid wages."
    place = _locate(mini_geoparser, nlp, text, "protested")
    assert place.name == "Springfield" and place.resolution == "city"
    assert place.geonameid == 4409896


def test_toponyms_facilities_take_their_towns_point_only_when_asked(mini_index, nlp):
    from dateline.places import Gazetteer, Geoparser

    text = "Protesters marched in Tahrir Square in Baghdad."
    doc = nlp(text)
    plain = Geoparser(Gazetteer(mini_index)).toponyms(doc, doc_id="t")
    assert [t.text for t in plain] == ["Baghdad"]
    with_facilities = Geoparser(Gazetteer(mini_index), facilities=True).toponyms(nlp(text), doc_id="t")
    square = next(t for t in with_facilities if t.text == "Tahrir Square")
    assert (square.lat, square.lon, square.country_code) == (33.34058, 44.40088, "IRQ")
    assert square.geonameid is None and square.feature_code is None
