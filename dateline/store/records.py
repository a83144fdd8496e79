"""What the store gives back (``StoredEvent``, ``StoredMention``, ``WriteResult``) and the row shapes.

A *mention* is one extracted ``Event`` of one article (the contract's event record, kept whole as JSON
in ``event_mentions.record``). A *stored event* is the linked, cross-article happening: its columns are
recomputed from all its mentions each time one joins (``aggregate``), so the result does not depend on
which process wrote which mention.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields
from functools import cache
from typing import Any

from .. import ontology
from ..link.features import (
    codes_of,
    countries_of,
    date_basis,
    day_of,
    entities_of,
    event_context,
    mention_triggers,
    mention_words,
)
from ..models import Article, Event

__all__ = [
    "StoredEvent",
    "StoredMention",
    "WriteResult",
    "aggregate",
    "event_id_for",
    "mention_id_for",
    "mention_row",
]


@cache
def _victim_types() -> frozenset[str]:
    """PLOVER types whose casualty counts default to 0, none reported (ontology ``code_groups``)."""
    rows = ontology.table("code_groups")
    return frozenset(code for row in rows if row["group"] == "violent" for code in row["codes"].split())


def _hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def mention_id_for(article_id: str, event_id: str) -> str:
    """Deterministic id of one extracted event of one article."""
    return "m" + _hash(article_id, event_id)


def event_id_for(first_mention_id: str) -> str:
    """Deterministic id of a linked event: a hash of its first mention's id."""
    return "ev" + _hash(first_mention_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class WriteResult:
    """What ``write_document`` did with one document."""

    article_id: str
    status: str  # "new", "duplicate" (same id or fingerprint: nothing written), "near_duplicate"
    duplicate_of: str | None = None
    mentions: int = 0
    new_events: int = 0
    linked: int = 0  # mentions that joined an event already in the store


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredMention:
    id: str
    event_id: str
    article_id: str
    outlet: str | None
    url: str | None
    published: str | None
    extracted_id: str
    trigger_start: int
    trigger_end: int
    trigger_text: str
    evidence_start: int
    evidence_end: int
    evidence_text: str
    confidence: float
    modality: str
    record: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredEvent:
    """One linked event (a row of ``events``) with its JSON columns decoded."""

    id: str
    event_type: str
    mode: str | None
    cameo: str
    quad_class: int
    goldstein: float
    acled_event_type: str | None
    acled_sub_event_type: str | None
    date: str | None
    date_precision: str | None
    location_name: str | None
    lat: float | None
    lon: float | None
    country_code: str | None
    admin1: str | None
    geonameid: int | None
    resolution: str | None
    dead: int | None
    dead_min: int | None
    dead_max: int | None
    injured: int | None
    injured_min: int | None
    injured_max: int | None
    arrested: int | None
    arrested_min: int | None
    arrested_max: int | None
    actor: list[dict[str, Any]]
    recipient: list[dict[str, Any]]
    actor_codes: list[str]
    recipient_codes: list[str]
    modality: str
    confidence: float
    n_mentions: int
    n_articles: int
    first_seen: str | None
    last_seen: str | None
    summary: str | None
    first_mention_id: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> StoredEvent:
        values: dict[str, Any] = {}
        for f in fields(cls):
            value = row.get(f.name)
            if str(f.type).startswith("list"):  # a JSON text column
                value = json.loads(value) if value else []
            values[f.name] = value
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def mention_row(
    event: Event, article: Article, position: int, context: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """The ``event_mentions`` row of one extracted event (event_id filled in by linking).

    ``context`` is the article's ``linking.context_terms`` (the same for every event of the article).
    """
    place = event.location
    record = event.to_dict()
    return {
        "id": mention_id_for(article.id, event.id),
        "event_id": None,
        "article_id": article.id,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "extracted_id": event.id,
        "position": position,
        "event_type": event.event_type,
        "cameo": event.cameo,
        "date": event.date,
        "date_precision": event.date_precision,
        "day": day_of(event.date),
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "trigger_text": event.trigger.text,
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "evidence_text": event.evidence.text,
        "confidence": float(event.confidence),
        "modality": event.modality,
        "dead": event.dead,
        "injured": event.injured,
        "arrested": event.arrested,
        "country_code": place.country_code if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "record": _dumps(record),
        "context": _dumps(sorted(context)),
    }


def _most_common(values: Sequence[Any]) -> Any:
    """The most frequent non-null value; ties go to the earliest (mentions are in first-seen order)."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    counts = Counter(present)
    best = max(counts.values())
    return next(v for v in present if counts[v] == best)


def _conservative(values: Sequence[int | None], event_type: str) -> tuple[int | None, int | None, int | None]:
    """(figure, min, max): the lowest reported figure above zero (ACLED), 0 when none was reported."""
    known = [v for v in values if v is not None]
    if not known:
        return (0 if event_type in _victim_types() else None), None, None
    positive = [v for v in known if v > 0]
    return (min(positive) if positive else 0), min(known), max(known)


def _best_location(records: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    places = [r["location"] for r in records if r.get("location")]
    if not places:
        return None
    # Most specific coordinates first; among equals, the place most mentions agree on, then the first.
    names = Counter(p.get("name") for p in places)
    return max(
        places,
        key=lambda p: (p.get("lat") is not None, ontology.plover_resolution(p.get("resolution")) or 0,
                       names[p.get("name")], -places.index(p)),
    )  # fmt: skip


def aggregate(event_id: str, mentions: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The ``events`` row of a linked event, from all its mention rows in first-seen order."""
    records = [json.loads(m["record"]) for m in mentions]
    first = records[0]
    event_type = first["event_type"]
    cameo = _most_common([r.get("cameo") for r in records if r.get("event_type") == event_type]) or ""
    carrier = next(r for r in records if r.get("cameo") == cameo)
    dated = [r for r in records if r.get("date")]
    # a date the text gives beats the article's own date; a day beats a month or a year
    dated = [r for r in dated if date_basis(r.get("date_reason")) != "reference"] or dated
    precise = [r for r in dated if r.get("date_precision") == "day"] or dated
    date = _most_common([r["date"] for r in precise])
    date_record = next((r for r in precise if r.get("date") == date), None)
    place = _best_location(records) or {}
    actor: list[Any] = next((r["actor"] for r in records if r.get("actor")), [])
    recipient: list[Any] = next((r["recipient"] for r in records if r.get("recipient")), [])
    all_actors = [e for r in records for e in entities_of(r.get("actor"))]
    all_recipients = [e for r in records for e in entities_of(r.get("recipient"))]
    dead = _conservative([r.get("dead") for r in records], event_type)
    injured = _conservative([r.get("injured") for r in records], event_type)
    arrested = _conservative([r.get("arrested") for r in records], event_type)
    modalities = [r.get("modality") or "asserted" for r in records]
    published = sorted(p for p in (m.get("published") for m in mentions) if p)
    articles = sorted({m["article_id"] for m in mentions})
    words: set[str] = set()
    triggers: set[str] = set()
    for m, r in zip(mentions, records, strict=True):
        words |= mention_words(m, r)
        triggers |= mention_triggers(m, r)
    actor_text = " | ".join(
        sorted({t for e in all_actors + all_recipients for t in (e.text, e.name, e.code) if t})
    )
    return {
        "id": event_id,
        "event_type": event_type,
        "mode": carrier.get("mode"),
        "cameo": cameo,
        "quad_class": carrier.get("quad_class"),
        "goldstein": carrier.get("goldstein"),
        "acled_event_type": _most_common([r.get("acled_event_type") for r in records]),
        "acled_sub_event_type": _most_common([r.get("acled_sub_event_type") for r in records]),
        "date": date,
        "date_precision": date_record.get("date_precision") if date_record else None,
        # the blocking day: the event's date, or else the first article's (weaker: see linking)
        "day": day_of(date) if date else day_of((published[0] if published else "")[:10] or None),
        "date_explicit": int(bool(date_record and date_basis(date_record.get("date_reason")) == "explicit")),
        "date_basis": date_basis(date_record.get("date_reason")) if date_record else None,
        "location_name": place.get("name"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "country_code": place.get("country_code"),
        "admin1": place.get("admin1"),
        "geonameid": place.get("geonameid"),
        "resolution": place.get("resolution"),
        "dead": dead[0], "dead_min": dead[1], "dead_max": dead[2],
        "injured": injured[0], "injured_min": injured[1], "injured_max": injured[2],
        "arrested": arrested[0], "arrested_min": arrested[1], "arrested_max": arrested[2],
        "actor": _dumps(actor),
        "recipient": _dumps(recipient),
        "actor_codes": _dumps(codes_of(all_actors)),
        "recipient_codes": _dumps(codes_of(all_recipients)),
        "actor_countries": _dumps(countries_of(all_actors)),
        "recipient_countries": _dumps(countries_of(all_recipients)),
        "actor_text": actor_text,
        "modality": "asserted" if "asserted" in modalities else modalities[0],
        "confidence": round(max(float(r.get("confidence") or 0.0) for r in records), 4),
        "n_mentions": len(mentions),
        "n_articles": len(articles),
        "first_seen": published[0] if published else None,
        "last_seen": published[-1] if published else None,
        "summary": mentions[0].get("evidence_text"),
        "first_mention_id": mentions[0]["id"],
        "words": _dumps(sorted(words)[:200]),
        "articles": _dumps(articles),
        "triggers": _dumps(sorted(triggers)),
        "context": _dumps(event_context([json.loads(m.get("context") or "[]") for m in mentions])),
    }  # fmt: skip
