"""Where a speech act was made when the text does not say "said in X", and protests told beside a demand."""

from __future__ import annotations

import pytest

from dateline.extract import Extractor
from dateline.models import Article

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _events(extractor, text):
    (document,) = extractor.documents([Article(id="t", text=text)])
    return {e.trigger.text: e for e in document.events}


def _place(event):
    return event.location.name if event.location is not None else None


def test_speakers_with_a_place_in_their_phrase_made_the_speech_there(extractor):
    events = _events(extractor, "On 3 May 2020, a number of protesters in Diwaniya city rejected the governor's proposal.")
    assert events["rejected"].event_type == "REJECT"
    assert _place(events["rejected"]) == "Diwaniya"


def test_a_demand_made_alongside_an_act_takes_that_act_place(extractor):
    text = ("On 3 May 2020, workers at a textile company blocked the RN 12 in Draa-Ben-Khedda (Tizi Ouzou), "
            "denouncing the non-payment of their salaries.")
    events = _events(extractor, text)
    assert _place(events["denouncing"]) == "Draa-Ben-Khedda"


def test_a_place_inside_what_was_said_is_not_where_it_was_said(extractor):
    events = _events(extractor, "The European Union condemned the bombing of a market in Mosul on Sunday.")
    condemned = events["condemned"]
    assert condemned.location is None


def test_a_speaker_that_is_a_place_is_not_where_it_spoke(extractor):
    events = _events(extractor, "Moscow blamed the separatists for the attack.")
    assert all(e.location is None for e in events.values() if e.event_type == "ACCUSE")


def test_a_protest_parsed_as_a_modifier_of_its_protesters_is_still_the_protest(extractor):
    # The small model reads "protested" as a participle of "companies"; the demand is made at the protest.
    text = ("On 7 May 2020, owners and workers of smaller transport companies protested by riding buses in "
            "Rijeka, Croatia, and demanded a moratorium on leasing.")
    events = _events(extractor, text)
    protest = events["protested"]
    assert protest.event_type == "PROTEST" and _place(protest) == "Rijeka"
    assert protest.confidence > events["demanded"].confidence


def test_speakers_named_by_a_pronoun_are_where_the_sentence_before_put_them(extractor):
    text = ("On 3 May 2020, traders blocked the office of the mayor in Conakry to protest against new taxes. "
            "They accused him of corruption.")
    events = _events(extractor, text)
    assert events["accused"].event_type == "ACCUSE"
    assert _place(events["accused"]) == "Conakry"


def test_a_new_speaker_is_not_placed_by_the_sentence_before(extractor):
    text = ("A car bomb killed five people at a market in Mosul on Sunday. "
            "The governor condemned the bombing.")
    events = _events(extractor, text)
    assert events["condemned"].location is None
