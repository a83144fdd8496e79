"""Modality of triggers: negation, futures, plans, conditions."""

from __future__ import annotations

from dateline.extract.components import ensure_component
from dateline.extract.modality import has_condition, modality_of
from dateline.models import Modality


def _token(nlp, text: str, word: str):
    doc = ensure_component(nlp)(text)
    return next(t for t in doc if t.text == word)


def test_modality_willing_to_act_is_future(nlp):
    assert modality_of(_token(nlp, "Norland said it is willing to withdraw its troops.", "withdraw")) == Modality.FUTURE


def test_modality_declined_is_negated(nlp):
    assert modality_of(_token(nlp, "The minister declined to resign.", "resign")) == Modality.NEGATED


def test_modality_coordinated_verb_does_not_inherit_a_plan_governor(nlp):
    token = _token(nlp, "The attackers set off bombs and exchanged gunfire with guards.", "exchanged")
    assert modality_of(token) == Modality.ASSERTED


def test_modality_plain_past_is_asserted(nlp):
    assert modality_of(_token(nlp, "Soldiers withdrew from the town.", "withdrew")) == Modality.ASSERTED


def test_condition_unless_clause(nlp):
    text = "Norland will withdraw its force unless a ceasefire is arranged."
    assert has_condition(_token(nlp, text, "withdraw"))
    assert not has_condition(_token(nlp, "Norland will withdraw its force next week.", "withdraw"))


def test_modality_cancelled_visit_is_negated(nlp):
    assert modality_of(_token(nlp, "The minister cancelled a planned visit to Norland.", "visit")) == Modality.NEGATED


def test_modality_ended_fighting_still_happened(nlp):
    token = _token(nlp, "The fighting ended after three hours.", "fighting")
    assert modality_of(token) != Modality.NEGATED


def test_attempts_cancellations_and_reported_futures(nlp):
    from dateline.extract.modality import modality_of

    def of(sentence: str, word: str) -> str:
        doc = nlp(sentence)
        return modality_of(next(t for t in doc if t.text == word)).value

    assert of("The army made an effort to recapture the town.", "recapture") == "uncertain"
    assert of("The company announced that it would buy the airline.", "buy") == "future"
    assert of("The now-cancelled deal to sell the jets angered Paris.", "deal") == "negated"
    assert of("The rebels can attack the convoy.", "attack") == "uncertain"


def test_a_mention_keeps_its_own_modality_when_the_event_is_recoded_as_an_intent(nlp):
    from dateline import extract_text

    document = extract_text("The rebels said they will release the hostages on Sunday.", published="2024-01-03")
    intent = next(e for e in document.events if e.event_type == "AGREE")
    assert intent.modality == "asserted"  # the promise was made
    assert intent.mentions[0].modality == "future"  # the release has not happened
