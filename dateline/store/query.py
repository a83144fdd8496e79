"""The bounds of an event query, one pydantic model shared by ``dateline events``/``export`` and the HTTP API
(the dashboard's page and every ``/api`` events route).

Every value a user can give is bounded here (lengths, word counts, offsets), so no query can ask the
database for unbounded work or overflow an integer column (``offset`` of 2^63): a value out of bounds is
an ``InputError`` (exit 2 on the command line, 400 over HTTP) saying what is allowed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .. import ontology
from ..errors import InputError
from .records import StoredEvent

__all__ = [
    "MAX_LIMIT",
    "MAX_OFFSET",
    "MAX_TEXT_CHARS",
    "MAX_TEXT_WORDS",
    "FILTER_NAMES",
    "EventQuery",
    "ExactStore",
    "HappenedStore",
    "actor_countries",
    "check_query",
    "exact_events",
    "search_words",
]

MAX_LIMIT = 1000  # events per page of the API
MAX_OFFSET = 10_000_000  # far past any store's size, far below SQL's 2^63
MAX_TEXT_CHARS = 200  # actor=, text=
MAX_TEXT_WORDS = 12  # text=: each word is one more search condition

# A word of ``text=``: a run of letters and digits (the underscore and all punctuation separate words, as in
# both full-text indexes: SQLite FTS5's unicode61 tokenizer and PostgreSQL's default text-search parser).
_WORD = re.compile(r"[^\W_]+")


def search_words(text: str | None) -> list[str]:
    """The distinct lower-case words ``text=`` searches for, in order: "Kano-based" is kano and based."""
    return list(dict.fromkeys(word.lower() for word in _WORD.findall(text or "")))

_Short = Annotated[str | None, Field(default=None, max_length=32)]


class EventQuery(BaseModel):
    """Filters and paging of an events query, each with its bounds."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    type: _Short = None
    country: _Short = None  # ISO3 of the event's own place
    actor_country: _Short = None  # ISO3 of one of its actors or recipients
    since: _Short = None
    until: _Short = None
    near: Annotated[str | None, Field(default=None, max_length=64)] = None
    actor: Annotated[str | None, Field(default=None, max_length=MAX_TEXT_CHARS)] = None
    text: Annotated[str | None, Field(default=None, max_length=MAX_TEXT_CHARS)] = None
    modality: _Short = None
    confidence: _Short = None  # a number 0..1, checked by the server's ``selection``
    outlet: Annotated[str | None, Field(default=None, max_length=MAX_TEXT_CHARS)] = None
    limit: Annotated[int | None, Field(default=None, ge=0, le=MAX_OFFSET)] = None
    offset: Annotated[int, Field(default=0, ge=0, le=MAX_OFFSET)] = 0

    @field_validator("*")
    @classmethod
    def _printable(cls, value: object) -> object:
        if isinstance(value, str) and any(ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in value):
            raise ValueError("holds a control character")
        return value

    @field_validator("type")
    @classmethod
    def _plover_type(cls, value: str | None) -> str | None:
        known = ontology.plover_types()
        if value is not None and value.upper() not in known:
            raise ValueError(f"not a PLOVER event type: choose one of {', '.join(known)}")
        return value

    @field_validator("country", "actor_country")
    @classmethod
    def _iso3(cls, value: str | None) -> str | None:
        if value is not None and value.upper() not in ontology.acled_regions():
            raise ValueError("not an ISO 3166 alpha-3 country code: use one such as IRQ, SYR, NGA or KEN")
        return value

    @field_validator("text")
    @classmethod
    def _few_words(cls, value: str | None) -> str | None:
        if value is not None and max(len(value.split()), len(search_words(value))) > MAX_TEXT_WORDS:
            raise ValueError(f"at most {MAX_TEXT_WORDS} words")
        return value

    def given(self) -> dict[str, str]:
        """The filters that were given (not blank), stripped: what a URL keeps."""
        return {name: value for name in FILTER_NAMES if (value := getattr(self, name))}


_PAGING = frozenset(("limit", "offset"))
FILTER_NAMES = tuple(name for name in EventQuery.model_fields if name not in _PAGING)  # in declaration order


def check_query(**values: object) -> EventQuery:
    """The query of ``values`` (None for not given), or ``InputError`` naming each value out of bounds."""
    try:
        return EventQuery.model_validate({k: v for k, v in values.items() if v is not None})
    except ValidationError as exc:
        raise InputError("; ".join(_problem(error) for error in exc.errors())) from None


def _problem(error: Any) -> str:
    """One value out of bounds as "name='value': what is wrong"."""
    where = ".".join(str(part) for part in error["loc"])
    return f"{where}={str(error.get('input'))[:40]!r}: {_plain(str(error['msg']))}"


def _plain(message: str) -> str:
    """A validator's own words without the prefix pydantic puts before them."""
    return message.removeprefix(_PYDANTIC_PREFIX)


_PYDANTIC_PREFIX = "Value error, "


def actor_countries(event: StoredEvent) -> set[str]:
    """The ISO3 countries of an event's actors and recipients and of their backers."""
    return _countries(event.actor) | _countries(event.recipient)


def _countries(entities: list[dict[str, Any]]) -> set[str]:
    """The countries of stored entities and of their backers (as the ``actor_countries`` column holds)."""
    found = {entity.get("country") for entity in entities} | {entity.get("backer") for entity in entities}
    return {str(code).upper() for code in found if code}


def exact_events(
    events: Iterable[StoredEvent], *, country: str | None = None, actor_country: str | None = None
) -> Iterator[StoredEvent]:
    """The ``events`` placed in ``country`` and with an actor or recipient of ``actor_country`` (ISO3 codes;
    None: any). ``Store.events(country=...)`` also matches an actor's country: this makes it exact."""
    place, side = (country or "").upper(), (actor_country or "").upper()
    for event in events:
        if place and (event.country_code or "").upper() != place:
            continue
        if side and side not in actor_countries(event):
            continue
        yield event


class ExactStore:
    """A store whose ``events`` take ``country`` as the event's place only and ``actor_country`` as an actor's
    or recipient's country (what ``dateline events``/``export`` mean); every other call goes to ``store``.

    ``SqlStore.events`` takes both keywords with these meanings itself; a store that reads ``country`` more
    loosely (an older backend) only narrows the scan, ``exact_events`` keeps the events that really match, and
    ``limit``/``offset`` count those.
    """

    def __init__(self, store: Any) -> None:
        self._store = store

    def events(self, **filters: Any) -> Iterator[StoredEvent]:
        country, actor_country = filters.pop("country", None), filters.pop("actor_country", None)
        if not (country or actor_country):
            yield from self._store.events(**filters)
            return
        limit, offset = filters.pop("limit", None), filters.pop("offset", 0)
        codes = {"country": country, "actor_country": actor_country}
        scan = self._store.events(**{k: v.upper() for k, v in codes.items() if v}, **filters)
        yield from _paged(exact_events(scan, country=country, actor_country=actor_country), limit, offset)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


class HappenedStore:
    """A store whose ``events`` are those reported as having happened (``ontology.standard_modalities()``:
    asserted, alleged, historical), the default listing of CONTRACT.md; every other call goes to ``store``."""

    def __init__(self, store: Any) -> None:
        self._store = store

    def events(self, **filters: Any) -> Iterator[StoredEvent]:
        limit, offset = filters.pop("limit", None), filters.pop("offset", 0)
        held = ontology.standard_modalities()
        yield from _paged((e for e in self._store.events(**filters) if e.modality in held), limit, offset)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def _paged(events: Iterable[StoredEvent], limit: int | None, offset: int) -> Iterator[StoredEvent]:
    """``limit`` events after the first ``offset`` of ``events``."""
    stop = None if limit is None else offset + limit
    yield from itertools.islice(events, offset, stop)
