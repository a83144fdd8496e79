"""Headline events: what the title of an article says happened, joined to the story's own events.

Ingest recognises the first line of a text as its title and the extractor blanks it out of the story
(``_story_text``), so that the parser never joins it to the first sentence. The headline is still a
mention of the story's main happening ("Carmaker cuts 4,000 jobs" above "The company said on Monday it
would cut 4,000 jobs"), and for cross-article linking and factuality it is a mention like any other.

The headline is parsed on its own, in a copy of the input text where everything else is blanked (so
offsets stay those of the input), and read by the same extraction code as the story. Then, for each
headline event:

* when a story event has the same PLOVER type and CAMEO root, the headline's mentions are appended to
  that event's ``mentions`` (the first mention, ``trigger`` and ``evidence`` stay in the story: they
  carry the actors, place and date the story gives); among several such events the one whose trigger
  word the headline repeats wins, then the earliest;
* otherwise the headline event is kept as an event of its own: a headline can name a happening the
  story only reports in other words (a title "Bank fined over fraud" above a story about a regulator's
  ruling), and dropping it would lose it.

Headlines are written in the present tense for past happenings ("Company buys rival"), which the
modality rules already read as asserted; the headline-only form "Markets to stay closed" (a bare
infinitive with no governing verb) announces a future happening and is marked future here.

Title-case headlines ("Rebels Attack Army Base") are parsed as a row of proper nouns; words the story
writes in lower case are lower-cased in the parsed copy (same length, so offsets do not move).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .. import lang
from ..models import Article, Event, Modality, Span

__all__ = [
    "attach_headline_events",
    "headline_article",
    "headline_parse_text",
    "headline_span",
    "read_as_past",
    "with_headline_modality",
]

_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*", re.UNICODE)
_LOWER_WORD = re.compile(r"\b[a-z][a-z'\u2019-]{2,}\b")
_INFLECTIONS = lang.load().list("inflection_suffixes")
_TRIGGER_SUFFIXES = lang.load().list("trigger_suffixes")  # one list with the linker's trigger comparison


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold().rstrip(".")


def headline_span(article: Article) -> tuple[int, int] | None:
    """Offsets of the article's title line in its text, when the title is the first line before the body.

    Only a title that ingest (or the caller) recognised counts, and only where the text itself begins
    with it: a title given as metadata but absent from the text has no offsets to report.
    """
    if not article.title or article.body is None or article.skip_reason:
        return None
    text = article.text
    match = re.search(r"\S[^\n]*", text)
    if match is None or match.end() > article.body.start:
        return None
    start, end = match.start(), match.start() + len(match.group().rstrip())
    if _squash(text[start:end]) != _squash(article.title):
        return None
    if any(r.span.start < end and start < r.span.end for r in article.removed):
        return None  # ingest marked it as something else (metadata, a byline)
    return start, end


def headline_parse_text(article: Article, span: tuple[int, int]) -> str:
    """The input text with everything but the headline blanked (one whitespace run: one token), and a
    title-case headline's words put in lower case where the story writes them so."""
    start, end = span
    text = article.text
    headline = _sentence_case(text[start:end], text[end:])
    return " " * start + headline + " " * (len(text) - end)


def _sentence_case(headline: str, story: str) -> str:
    words = list(_WORD.finditer(headline))
    long_words = [w.group() for w in words if len(w.group()) >= 4]
    if len(long_words) < 3 or sum(w[0].isupper() for w in long_words) < 0.7 * len(long_words):
        return headline
    common = {form for word in _LOWER_WORD.findall(story) for form in _forms(word)}
    chars = list(headline)
    for match in words[1:]:
        word = match.group()
        if word[0].isupper() and not word.isupper() and _forms(word.lower()) & common:
            chars[match.start()] = word[0].lower()
    return "".join(chars)


def _forms(word: str) -> set[str]:
    """The word and its stem without a common inflection ("buys" -> "buy"): the story may use another."""
    forms = {word}
    for suffix in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.add(word[: -len(suffix)])
    return forms


def read_as_past(doc):
    """The parsed headline copy with its present tense read as the past it reports ("Company buys rival":
    it bought); run before its triggers are found (the ``dateline_headline_tense`` component). Without that
    the trigger finder takes a bare present-tense verb for a habit ("the company buys parts from ...")."""
    english = lang.load()
    present, auxiliaries = english.labels("present_tense_tags"), english.labels("auxiliaries")
    for token in doc:
        if token.tag_ in present and not any(c.dep_ in auxiliaries for c in token.children):
            token.tag_ = "VBD"
    return doc


def headline_modality(trigger_token) -> Modality | None:
    """Future for the headline form "X to do Y" (an infinitive that is the headline's root)."""
    english = lang.load()
    token = trigger_token
    while token.dep_ in english.labels("headline_chains") and token.head.i != token.i:
        if token.dep_ == "xcomp" and token.head.pos_ in english.labels("verbal"):
            return None  # governed by a verb ("plans to close"): the modality rules decide
        token = token.head
    return Modality.FUTURE if _is_root_infinitive(token) else None


def _is_root_infinitive(token) -> bool:
    """The headline's root is a "to" infinitive ("Markets to stay closed")."""
    return (token.dep_ == "ROOT" and token.pos_ in lang.load().labels("verbal")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))


def attach_headline_events(story: Sequence[Event], headline: Sequence[Event]) -> list[Event]:
    """The story's events with the headline's events joined to them (see the module docs)."""
    events = list(story)
    extra: list[Event] = []
    for event in headline:
        index = _matching_event(events, event)
        if index is None:
            extra.append(event)
            continue
        host = events[index]
        known = {(m.trigger.start, m.trigger.end) for m in host.mentions}
        added = tuple(m for m in event.mentions if (m.trigger.start, m.trigger.end) not in known)
        events[index] = replace(host, mentions=host.mentions + added)
    return extra + events  # the headline comes first in the text


def _matching_event(events: Sequence[Event], headline_event: Event) -> int | None:
    same = [
        i
        for i, e in enumerate(events)
        if e.event_type == headline_event.event_type and e.cameo[:2] == headline_event.cameo[:2]
    ]
    if not same:
        return None
    word = _stem(headline_event.trigger.text)
    repeated = [i for i in same if any(_stem(m.trigger.text) == word for m in events[i].mentions)]
    return (repeated or same)[0]


def _stem(text: str) -> str:
    """The last word without its first inflection of ``trigger_suffixes.txt`` (the linker's list)."""
    word = text.lower().split()[-1] if text.split() else ""
    for suffix in _TRIGGER_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def with_headline_modality(events: Sequence[Event], doc) -> list[Event]:
    """Headline events whose trigger is a headline infinitive ("to remain closed") marked future."""
    result = []
    for event in events:
        mentions = []
        for mention in event.mentions:
            span = doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
            future = span is not None and headline_modality(span.root) is Modality.FUTURE
            mentions.append(replace(mention, modality=Modality.FUTURE.value) if future else mention)
        first = mentions[0] if mentions else None
        modality = event.modality
        if first is not None and first.modality != event.modality and first.trigger == event.trigger:
            modality = first.modality
        result.append(replace(event, mentions=tuple(mentions), modality=modality))
    return result


def headline_article(article: Article, span: tuple[int, int]) -> Article:
    """The article seen as its headline only: the body is the title line and nothing is removed."""
    return replace(article, body=Span.of(article.text, *span), removed=())
