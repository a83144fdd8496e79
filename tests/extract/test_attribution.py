"""Cue lexicon, speaker resolution and attribution records (dateline.extract.attribution)."""

from __future__ import annotations

from dateline.extract.attribution import KINDS, Claim, load_cues
from dateline.extract.quotes import find_claims
from dateline.models import AttributionKind, Entity, Span

KINDS_OF_ATTRIBUTION = {k.value for k in AttributionKind}


def test_load_cues_kinds_are_contract_kinds():
    cues = load_cues()
    assert set(cues.verbs.values()) <= KINDS_OF_ATTRIBUTION
    assert set(cues.relays.values()) <= KINDS_OF_ATTRIBUTION
    assert set(cues.citing.values()) <= KINDS_OF_ATTRIBUTION
    assert set(cues.evidential_verbs.values()) <= KINDS_OF_ATTRIBUTION


def test_load_cues_core_verbs_have_expected_kinds():
    cues = load_cues()
    assert cues.verbs["say"] == "statement"
    assert cues.verbs["report"] == "report"
    assert cues.verbs["accuse"] == "allegation"
    assert cues.verbs["deny"] == "denial"
    assert cues.verbs["claim"] == "claim"


def test_load_cues_object_and_listener_verbs_are_cues():
    cues = load_cues()
    assert cues.object_verbs <= set(cues.verbs)
    assert "tell" in cues.listener_verbs


def test_claim_to_attribution_prefers_resolved_name():
    content = Span(start=10, end=20, text="x" * 10)
    speaker = Entity(text="he", name="Tomas Varga", span=Span(start=0, end=2, text="he"))
    claim = Claim(
        speaker=speaker,
        content=content,
        cue="said",
        cue_span=Span(start=3, end=7, text="said"),
        kind="indirect",
        attribution_kind="statement",
        via=("Radio Nord",),
    )
    attribution = claim.to_attribution(about="casualties")
    assert attribution.claimant == "Tomas Varga"
    assert attribution.kind == "statement"
    assert attribution.about == "casualties"
    assert attribution.via == ("Radio Nord",)
    assert attribution.span == content


def test_claim_to_attribution_without_speaker_has_empty_claimant():
    claim = Claim(
        speaker=None,
        content=Span(start=0, end=4, text="abcd"),
        cue="reported",
        cue_span=None,
        kind="indirect",
        attribution_kind="report",
    )
    assert claim.to_attribution().claimant == ""


def test_find_claims_relative_pronoun_speaker_resolves_to_antecedent(nlp):
    text = "The rally was led by Senator Mara Quist, who said the election had been stolen."
    claim = next(c for c in find_claims(nlp(text)) if c.cue == "said")
    assert claim.speaker.text == "who"
    assert claim.speaker.name == "Mara Quist"


def test_find_claims_role_noun_resolves_to_titled_person(nlp):
    text = (
        "Defence Minister Ivo Brandt visited the front on Monday. "
        "The minister said that the line would hold."
    )
    claim = next(c for c in find_claims(nlp(text)) if c.cue == "said")
    assert claim.speaker.text == "The minister"
    assert claim.speaker.name == "Ivo Brandt"


def test_find_claims_surname_resolves_to_full_name(nlp):
    text = "Aid worker Petra Lindqvist arrived in the camp. Lindqvist said food was running out."
    claim = next(c for c in find_claims(nlp(text)) if c.cue == "said")
    assert claim.speaker.text == "Lindqvist"
    assert claim.speaker.name == "Petra Lindqvist"


def test_find_claims_nested_claim_carries_outer_speaker_in_via(nlp):
    text = "According to Radio Nord, the army said that two villages were shelled."
    claims = find_claims(nlp(text))
    army = next(c for c in claims if c.cue == "said")
    assert army.via == ("Radio Nord",)
    relay = next(c for c in claims if c.kind == "according_to")
    assert relay.speaker.text == "Radio Nord"


def test_find_claims_transcript_label_line(nlp):
    text = "Interview.\n\nHOST: Did the talks fail?\n\nKARLSSON: They did not fail, they paused."
    claims = find_claims(nlp(text))
    speakers = {c.speaker.text: c.content.text for c in claims if c.cue == ":"}
    assert speakers["KARLSSON"] == "They did not fail, they paused"


def test_find_claims_kinds_are_contract_kinds(nlp):
    text = 'Officials said the road was shut. "It will reopen," Ruiz said, according to Radio Nord.'
    claims = find_claims(nlp(text))
    assert claims
    assert {c.kind for c in claims} <= set(KINDS)
    assert {c.attribution_kind for c in claims} <= KINDS_OF_ATTRIBUTION
