"""Direct quotes, reported speech and according-to claims (dateline.extract.quotes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.extract.quotes import Claim, find_claims, quote_regions
from dateline.models import Quote

DATA = Path(__file__).resolve().parent.parent / "data" / "quotes"


def _claims(nlp, text: str) -> list[Claim]:
    return find_claims(nlp(text))


def _one(claims: list[Claim], *, cue: str | None = None, starts: str | None = None) -> Claim:
    found = [
        c
        for c in claims
        if (cue is None or (c.cue or "").lower() == cue.lower())
        and (starts is None or c.content.text.startswith(starts))
    ]
    assert len(found) == 1, [(c.cue, c.content.text) for c in claims]
    return found[0]


def _inner(text: str, first_words: str, last_words: str) -> tuple[int, int]:
    """Offsets of the quotation that begins with ``first_words`` and ends with ``last_words``."""
    start = text.index(first_words)
    end = text.index(last_words, start) + len(last_words)
    return start, end


# ---------------------------------------------------------------- quote marks (no model needed)


def test_quote_regions_straight_mark_after_space_closes():
    text = 'He spoke. "We act now, and we act together, "Lee said.'
    (region,) = quote_regions(text)
    assert text[region.inner_start : region.inner_end] == "We act now, and we act together"


def test_quote_regions_curly_marks_pair_by_direction():
    text = "“One.” Then “two, three,” she said."
    inners = [text[r.inner_start : r.inner_end] for r in quote_regions(text)]
    assert inners == ["One.", "two, three"]


def test_quote_regions_multi_paragraph_quote_continues():
    text = '"First part.\n\n"Second part," he said.'
    (region,) = quote_regions(text)
    assert text[region.inner_start : region.inner_end] == 'First part.\n\n"Second part'


def test_quote_regions_unbalanced_mark_stops_at_paragraph_end():
    text = 'A stray "mark here\n\nNext paragraph, "quoted" words.'
    regions = quote_regions(text)
    assert all("Next" not in text[r.inner_start : r.inner_end] for r in regions)
    assert "quoted" in [text[r.inner_start : r.inner_end] for r in regions]


def test_quote_regions_empty_text():
    assert quote_regions("") == []


# ---------------------------------------------------------------- the example story


@pytest.fixture(scope="module")
def story(example_story: Path) -> str:
    return example_story.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def story_claims(nlp, story: str) -> list[Claim]:
    return find_claims(nlp(story))


def test_find_claims_story_three_full_direct_quotes_by_pompeo(story, story_claims):
    direct = [c for c in story_claims if c.kind == "direct"]
    expected = [
        _inner(story, "The United States strongly condemns", "a speedy recovery"),
        _inner(story, "As Iraq struggles", "engaging in sectarian violence"),
        _inner(story, "We call on all Iraqis", "are under state control"),
    ]
    spans = [(c.content.start, c.content.end) for c in direct]
    for span in expected:
        assert span in spans
    for claim in direct:
        if (claim.content.start, claim.content.end) in expected:
            assert claim.speaker is not None and claim.speaker.name == "Michael Pompeo"
    added = next(c for c in direct if c.cue == "added")
    assert added.speaker.text == "he"


def test_find_claims_story_role_noun_resolves_to_person(story_claims):
    claim = _one(story_claims, cue="said", starts="Iran-backed militias are the most serious")
    assert claim.kind == "indirect"
    assert claim.speaker.text == "The US Secretary of State"
    assert claim.speaker.name == "Michael Pompeo"


def test_find_claims_story_embassy_claim_relayed_by_sputnik(story_claims):
    claim = _one(story_claims, cue="said", starts="the latest rocket attack")
    assert claim.speaker.text == "The US embassy in Baghdad"
    assert claim.via == ("Sputnik",)
    sputnik = _one(story_claims, cue="According to")
    assert sputnik.speaker.text == "Sputnik"
    assert sputnik.kind == "according_to"


def test_find_claims_story_citing_iraqi_tv_under_sputnik(story_claims):
    claim = _one(story_claims, cue="Citing")
    assert claim.speaker.text == "Iraqi TV"
    assert claim.kind == "according_to"
    assert claim.attribution_kind == "report"
    assert claim.via == ("Sputnik",)
    assert claim.content.text.startswith("three rockets were fired")


def test_find_claims_story_wsj_report_keeps_cited_sources(story_claims):
    claim = _one(story_claims, cue="reported")
    assert claim.speaker.text == "The Wall Street Journal"
    assert claim.attribution_kind == "report"
    assert claim.sources == ("sources in the Trump Administration",)
    assert claim.content.text.startswith("Washington had warned Iraq")
    warned = _one(story_claims, cue="warned")
    assert warned.via == ("The Wall Street Journal",)


def test_find_claims_story_spans_slice_the_text(story, story_claims):
    for claim in story_claims:
        assert story[claim.content.start : claim.content.end] == claim.content.text
        assert '"' not in claim.content.text[:1] + claim.content.text[-1:]


# ---------------------------------------------------------------- invented sentences


def test_find_claims_direct_quote_before_cue(nlp):
    claims = _claims(nlp, '"The bridge will reopen in May," Mayor Ana Ruiz said.')
    claim = _one(claims, cue="said")
    assert claim.kind == "direct"
    assert claim.content.text == "The bridge will reopen in May"
    assert claim.speaker.text == "Mayor Ana Ruiz"


def test_find_claims_direct_quote_after_cue_with_colon(nlp):
    claims = _claims(nlp, 'The minister said: "We will not negotiate with the rebels."')
    claim = _one(claims, cue="said")
    assert claim.kind == "direct"
    assert claim.content.text == "We will not negotiate with the rebels."
    assert claim.speaker.text == "The minister"


def test_find_claims_curly_quotes(nlp):
    claims = _claims(nlp, "“Talks have failed,” the envoy told reporters on Friday.")
    claim = _one(claims, cue="told")
    assert claim.kind == "direct"
    assert claim.content.text == "Talks have failed"


def test_find_claims_pronoun_resolves_to_last_named_speaker(nlp):
    text = (
        'General Tomas Varga said the offensive had stalled. "We need more fuel," he added.'
    )
    claim = _one(_claims(nlp, text), cue="added")
    assert claim.speaker.text == "he"
    assert claim.speaker.name == "Tomas Varga"


def test_find_claims_according_to_after_clause(nlp):
    claims = _claims(nlp, "Four soldiers were killed in the ambush, according to local officials.")
    claim = _one(claims, cue="according to")
    assert claim.kind == "according_to"
    assert claim.attribution_kind == "report"
    assert claim.speaker.text == "local officials"
    assert claim.content.text == "Four soldiers were killed in the ambush"


def test_find_claims_denial_and_allegation(nlp):
    text = (
        "The ministry denied that troops had fired on the crowd. "
        "Opposition groups accused the police of torturing detainees."
    )
    claims = _claims(nlp, text)
    denial = _one(claims, cue="denied")
    assert denial.attribution_kind == "denial"
    assert denial.content.text == "troops had fired on the crowd"
    allegation = _one(claims, cue="accused")
    assert allegation.attribution_kind == "allegation"
    assert allegation.speaker.text == "Opposition groups"
    assert "torturing detainees" in allegation.content.text


def test_find_claims_claim_kind_for_claimed(nlp):
    claim = _one(_claims(nlp, "The rebels claimed they had captured the airport."), cue="claimed")
    assert claim.attribution_kind == "claim"
    assert claim.content.text == "they had captured the airport"


def test_find_claims_passive_report_has_no_speaker(nlp):
    claim = _one(_claims(nlp, "It was reported that the border had been closed."), cue="reported")
    assert claim.speaker is None
    assert claim.content.text == "the border had been closed"


def test_find_claims_scare_quote_stays_in_paraphrase(nlp):
    text = 'The envoy accused "foreign-backed gangs" of burning the market.'
    claims = _claims(nlp, text)
    assert all(c.kind != "direct" for c in claims)
    claim = _one(claims, cue="accused")
    assert "burning the market" in claim.content.text


def test_find_claims_to_quote_carries_contract_fields(nlp):
    claim = _one(_claims(nlp, '"Enough," Ruiz said.'), cue="said")
    quote = claim.to_quote()
    assert isinstance(quote, Quote)
    assert quote.to_dict()["kind"] == "direct"
    assert quote.content == claim.content
    assert quote.speaker.text == "Ruiz"


def test_find_claims_story_file_chains_and_unbalanced_mark(nlp):
    text = (DATA / "council.txt").read_text(encoding="utf-8")
    claims = find_claims(nlp(text))
    continued = _one(claims, starts="The money will come")
    assert continued.speaker.name == "Lena Kovacs"
    assert continued.content.text.endswith("Not one cent.")
    auditors = _one(claims, starts="the accounts were in order")
    assert auditors.via == ("Gazette",) or auditors.via == ("the Gazette",)
    added = _one(claims, cue="added", starts="the vote was unanimous")
    assert added.sources == ("council minutes",)
    director = _one(claims, cue="denied")
    assert director.speaker.name == "Omar Haddad"
    # the unclosed mark swallows nothing: the next paragraph is still read
    haddad = _one(claims, cue="said", starts="is ordinary text")
    assert haddad.speaker.text == "Haddad"


def test_find_claims_no_quotes_no_cues(nlp):
    assert _claims(nlp, "Heavy rain fell over the valley on Tuesday.") == []


def test_find_claims_empty_document(nlp):
    assert _claims(nlp, "") == []


def test_find_claims_inverted_cue_after_clause(nlp):
    text = "The border crossing was closed overnight, said Colonel Arno Tamm, the regional commander."
    claim = _one(_claims(nlp, text), cue="said")
    assert claim.speaker.text == "Colonel Arno Tamm"
    assert claim.content.text == "The border crossing was closed overnight"


def test_find_claims_hedge_has_no_speaker(nlp):
    claims = _claims(nlp, "It seems that the talks will resume next week.")
    claim = _one(claims, cue="seems")
    assert claim.speaker is None
    assert claim.attribution_kind == "claim"
    assert claim.content.text == "the talks will resume next week"
