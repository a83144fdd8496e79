"""Core records: plain, frozen, slotted, keyword-only dataclasses.

Every record serialises to the JSON shapes fixed by CONTRACT.md through ``to_dict``.
Spans are character offsets into the document's *input* text (end exclusive).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from typing import Any

__all__ = [
    "Article",
    "Attribution",
    "AttributionKind",
    "DatePrecision",
    "Document",
    "Entity",
    "Event",
    "Failure",
    "Mention",
    "Modality",
    "Place",
    "Quantity",
    "Quote",
    "Removed",
    "Resolution",
    "Span",
    "Timex",
    "Toponym",
    "replace",
]

_RECORD = dict(frozen=True, slots=True, kw_only=True)  # the options of every record class


class Modality(StrEnum):
    ASSERTED = "asserted"
    NEGATED = "negated"
    UNCERTAIN = "uncertain"
    HYPOTHETICAL = "hypothetical"
    FUTURE = "future"
    HISTORICAL = "historical"
    ALLEGED = "alleged"


class AttributionKind(StrEnum):
    STATEMENT = "statement"
    REPORT = "report"
    ALLEGATION = "allegation"
    CLAIM = "claim"
    DENIAL = "denial"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Resolution(StrEnum):
    COUNTRY = "country"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    CITY = "city"
    SUB_CITY = "sub-city"


@dataclass(**_RECORD)
class Span:
    """Character offsets ``[start, end)`` into the input text, with the text they cover."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start=start, end=end, text=text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(**_RECORD)
class Entity:
    """A participant: CAMEO-style ``code`` = ``country`` + ``sector`` (``USAGOV``)."""

    text: str
    name: str | None = None
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    backer: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(**_RECORD)
class Place:
    name: str
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    geonameid: int | None = None
    resolution: str | None = None
    span: Span | None = None
    feature_code: str | None = None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(**_RECORD)
class Toponym:
    """One resolved place name in a text (``dateline places``)."""

    doc_id: str
    start: int
    end: int
    text: str
    name: str
    lat: float
    lon: float
    geonameid: int | None
    country_code: str | None
    feature_code: str | None
    admin1: str | None = None
    population: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(**_RECORD)
class Timex:
    """A TIMEX3 expression: ``type`` DATE/TIME/DURATION/SET, ``value`` e.g. ``2020-12-20``."""

    start: int
    end: int
    text: str
    type: str
    value: str | None

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(**_RECORD)
class Attribution:
    claimant: str
    kind: str
    cue: str | None = None
    about: str = "event"
    via: tuple[str, ...] = ()
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(**_RECORD)
class Quantity:
    what: str
    value: int
    span: Span | None = None
    attribution: tuple[Attribution, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(**_RECORD)
class Mention:
    trigger: Span
    evidence: Span
    modality: str

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(**_RECORD)
class Event:
    """One event mention group in one document (the contract's event record)."""

    id: str
    doc_id: str
    event_type: str
    cameo: str
    quad_class: int
    goldstein: float
    trigger: Span
    evidence: Span
    modality: str = Modality.ASSERTED.value
    mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    actor: tuple[Entity, ...] = ()
    recipient: tuple[Entity, ...] = ()
    date: str | None = None
    date_precision: str | None = None
    date_reason: str | None = None
    location: Place | None = None
    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    quantities: tuple[Quantity, ...] = ()
    attribution: tuple[Attribution, ...] = ()
    mentions: tuple[Mention, ...] = ()
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(**_RECORD)
class Removed:
    """Text inside or around the story that is not the story (caption, credit, trailer...)."""

    text: str
    reason: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(**_RECORD)
class Article:
    """One input document, after ingestion. ``text`` is the exact input string."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = "en"
    body: Span | None = None
    removed: tuple[Removed, ...] = ()
    source: str | None = None
    fingerprint: str | None = None
    skip_reason: str | None = None
    signature: tuple[int, ...] | None = None  # MinHash of the text (ingest.signature), for near-duplicates

    def to_dict(self) -> dict[str, Any]:
        """The contract's article object (the input text itself is not repeated)."""
        data = _to_dict(self)
        for private in ("text", "fingerprint", "skip_reason", "source", "signature"):
            data.pop(private, None)
        return data


@dataclass(**_RECORD)
class Quote:
    speaker: Entity | None
    content: Span
    cue: str | None
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(**_RECORD)
class Document:
    """What ``extract --format json`` emits for each input document."""

    article: Article
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timexes: tuple[Timex, ...] = ()
    toponyms: tuple[Toponym, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "timexes": [t.to_dict() for t in self.timexes],
        }


@dataclass(**_RECORD)
class Failure:
    """An input that could not become an article (or an article extraction failed on)."""

    input: str
    stage: str
    reason: str
    code: str = "failed"

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)

    def message(self) -> str:
        return f"{self.input}: {self.reason}"


def _plain(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _to_dict(record: Any) -> dict[str, Any]:
    # asdict recurses into nested dataclasses; tuples become lists for JSON.
    return {f.name: _plain(v) for f, v in zip(fields(record), asdict(record).values(), strict=True)}
