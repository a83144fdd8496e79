"""Hand-built Documents for the store and export tests (from tests/data/store/stories.json)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from dateline.models import Article, Attribution, Document, Entity, Event, Mention, Place, Quote, Span

STORIES = Path(__file__).resolve().parent.parent / "data" / "store" / "stories.json"


def _sentence(text: str, start: int) -> Span:
    begin = max(text.rfind(". ", 0, start) + 2, 0) if text.rfind(". ", 0, start) >= 0 else 0
    end = text.find(". ", start)
    end = len(text) if end < 0 else end + 1
    return Span.of(text, begin, end)


def _entity(text: str, spec: dict | None) -> tuple[Entity, ...]:
    if not spec:
        return ()
    at = text.find(spec["text"])
    span = Span.of(text, at, at + len(spec["text"])) if at >= 0 else None
    return (Entity(text=spec["text"], name=spec.get("name"), code=spec.get("code"), country=spec.get("country"),
                   sector=spec.get("sector"), span=span),)


def make_event(doc_id: str, text: str, spec: dict, position: int) -> Event:
    start = text.find(spec["trigger"])
    assert start >= 0, spec["trigger"]
    trigger = Span.of(text, start, start + len(spec["trigger"]))
    evidence = _sentence(text, start)
    place = None
    if spec.get("place"):
        p = dict(spec["place"])
        at = text.find(p["name"])
        place = Place(**p, span=Span.of(text, at, at + len(p["name"])) if at >= 0 else None)
    quad = {"ASSAULT": 4, "ACCUSE": 3, "PROTEST": 4, "CONSULT": 1}.get(spec["event_type"], 4)
    acled = spec.get("acled") or [None, None]
    return Event(
        id=f"{doc_id}-e{position}",
        doc_id=doc_id,
        event_type=spec["event_type"],
        cameo=spec["cameo"],
        quad_class=quad,
        goldstein=-10.0 if quad == 4 else -2.0,
        trigger=trigger,
        evidence=evidence,
        acled_event_type=acled[0],
        acled_sub_event_type=acled[1],
        actor=_entity(text, spec.get("actor")),
        recipient=_entity(text, spec.get("recipient")),
        date=spec.get("date"),
        date_precision="day" if spec.get("date") else None,
        date_reason=spec.get("date_reason"),
        location=place,
        dead=spec.get("dead"),
        injured=spec.get("injured"),
        attribution=(Attribution(claimant="police", kind="statement", cue="said"),) if "police said" in text else (),
        mentions=(Mention(trigger=trigger, evidence=evidence, modality="asserted"),),
        confidence=0.8,
    )


def make_document(spec: dict) -> Document:
    text = spec["text"]
    article = Article(id=spec["id"], text=text, title=spec.get("title"), outlet=spec.get("outlet"),
                      published=spec.get("published"), url=spec.get("url"), body=Span.of(text, 0, len(text)))
    events = tuple(make_event(spec["id"], text, e, i) for i, e in enumerate(spec.get("events", [])))
    quotes = ()
    said = re.search(r", ([a-z ]+) said", text)
    if said:
        quotes = (Quote(speaker=Entity(text=said.group(1)), content=Span.of(text, 0, said.start()), cue="said",
                        kind="indirect"),)
    return Document(article=article, events=events, quotes=quotes)


def story(name: str) -> list[Document]:
    return [make_document(spec) for spec in json.loads(STORIES.read_text(encoding="utf-8"))[name]]


def all_documents() -> list[Document]:
    return story("market_bombing") + story("two_attacks")
