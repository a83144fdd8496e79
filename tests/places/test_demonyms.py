"""Demonyms read by the geoparser: one shared table with the actor coder, two rules of its own."""

from __future__ import annotations

import pytest

from dateline.places import Geoparser


@pytest.fixture(scope="module")
def geoparser():
    return Geoparser.default()


def _countries(geoparser, nlp, text):
    return [(t.text, t.country_code) for t in geoparser.toponyms(nlp(text), doc_id="t")]


def test_a_country_whose_name_is_also_its_adjective_stays_a_toponym(geoparser, nlp):
    found = _countries(geoparser, nlp, "New Zealand troops landed on Tuesday, officials in New Zealand said.")
    assert found.count(("New Zealand", "NZL")) == 2


def test_the_adjective_of_a_state_that_no_longer_exists_places_nothing(geoparser, nlp):
    text = "Rebels overran a former Soviet radar base near the Qalat Zubair hills overnight."
    assert all(code != "RUS" for _, code in _countries(geoparser, nlp, text))
