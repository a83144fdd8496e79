"""Headline events (extract/headlines.py): the title line parsed and joined to the story's events."""

from __future__ import annotations

import pytest

from dateline.extract.headlines import attach_headline_events, headline_parse_text, headline_span
from dateline.ingest import build_article
from dateline.models import Article, Event, Mention, Span

RAID = (
    "Rebels attack army base near Tarvel\n\n"
    "Rebels attacked an army base near Tarvel on Monday, killing four soldiers, officials said."
)
TAKEOVER = (
    "Voltra Buys Rival Carmaker Kessel Motors\n\n"
    "The carmaker Voltra said on Monday it had agreed to buy its rival. Voltra bought a stake in 2019."
)


def _article(text: str) -> Article:
    return build_article(text, id="h", published="2024-03-04")


def test_headline_span_is_the_title_line_before_the_body():
    article = _article(RAID)
    assert headline_span(article) == (0, 35)
    assert headline_span(Article(id="x", text=RAID)) is None  # no title recognised: nothing to parse
    other_title = Article(id="x", text=RAID, title="Something else", body=article.body)
    assert headline_span(other_title) is None


def test_headline_parse_text_keeps_offsets_and_sentence_cases_words_the_story_writes_in_lower_case():
    article = _article(TAKEOVER)
    parsed = headline_parse_text(article, headline_span(article))
    assert len(parsed) == len(TAKEOVER) and not parsed[41:].strip()
    assert parsed.startswith("Voltra buys rival carmaker Kessel Motors")  # "buys": the story has "buy"


def _event(id_: str, event_type: str, cameo: str, start: int, word: str) -> Event:
    span = Span(start=start, end=start + len(word), text=word)
    return Event(
        id=id_,
        doc_id="d",
        event_type=event_type,
        cameo=cameo,
        quad_class=4,
        goldstein=-10.0,
        trigger=span,
        evidence=span,
        mentions=(Mention(trigger=span, evidence=span, modality="asserted"),),
    )


def test_attach_joins_a_headline_mention_to_the_story_event_of_its_type_else_keeps_it():
    story = [_event("s1", "PROTEST", "141", 50, "marched"), _event("s2", "ASSAULT", "190", 90, "attacked")]
    headline = [_event("h1", "ASSAULT", "193", 0, "attack"), _event("h2", "AID", "071", 10, "bailout")]
    events = attach_headline_events(story, headline)
    assert [e.id for e in events] == ["h2", "s1", "s2"]
    joined = events[2]
    assert joined.trigger.text == "attacked"  # the first mention stays in the story
    assert [m.trigger.text for m in joined.mentions] == ["attacked", "attack"]


def test_attach_prefers_the_story_event_whose_trigger_the_headline_repeats():
    story = [_event("s1", "ASSAULT", "190", 50, "shelled"), _event("s2", "ASSAULT", "190", 90, "bombed")]
    events = attach_headline_events(story, [_event("h1", "ASSAULT", "190", 0, "bombs")])
    assert [len(e.mentions) for e in events] == [1, 2]


@pytest.mark.model
def test_extractor_reads_the_headline_as_a_mention_of_the_story_event():
    from dateline.extract import Extractor

    extractor = Extractor()
    (raid,) = extractor.documents([_article(RAID)])
    attack = next(e for e in raid.events if e.event_type == "ASSAULT")
    assert attack.trigger.text == "attacked" and attack.trigger.start > 35
    assert (attack.mentions[-1].trigger.text, attack.mentions[-1].modality) == ("attack", "asserted")
    (takeover,) = extractor.documents([_article(TAKEOVER)])
    bought = next(e for e in takeover.events if e.trigger.text == "bought")
    assert [m.trigger.text for m in bought.mentions] == ["bought", "Buys"]  # present tense: a past purchase


@pytest.mark.model
def test_headline_infinitive_announces_a_future_happening_of_its_own():
    from dateline.extract import Extractor

    text = "Dock workers to strike at Varnholt port\n\nThe union met on Wednesday to discuss pay."
    (doc,) = Extractor().documents([_article(text)])
    strikes = [e for e in doc.events if e.trigger.text == "strike"]
    assert [(e.trigger.start, e.modality) for e in strikes] == [(16, "future")]
