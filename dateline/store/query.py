"""The bounds of an event query, one pydantic model shared by ``dateline events``/``export`` and the HTTP API
(the dashboard's page and every ``/api`` events route).

Every value a user can give is bounded here (lengths, word counts, offsets), so no query can ask the
database for unbounded work or overflow an integer column (``offset`` of 2^63): a value out of bounds is
an ``InputError`` (exit 2 on the command line, 400 over HTTP) saying what is allowed.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import InputError

__all__ = [
    "MAX_LIMIT",
    "MAX_OFFSET",
    "MAX_TEXT_CHARS",
    "MAX_TEXT_WORDS",
    "FILTER_NAMES",
    "EventQuery",
    "check_query",
]

MAX_LIMIT = 1000  # events per page of the API
MAX_OFFSET = 10_000_000  # far past any store's size, far below SQL's 2^63
MAX_TEXT_CHARS = 200  # actor=, text=
MAX_TEXT_WORDS = 12  # text=: each word is one more search condition

_Short = Annotated[str | None, Field(default=None, max_length=32)]


class EventQuery(BaseModel):
    """Filters and paging of an events query, each with its bounds."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    type: _Short = None
    country: _Short = None
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

    @field_validator("text")
    @classmethod
    def _few_words(cls, value: str | None) -> str | None:
        if value is not None and len(value.split()) > MAX_TEXT_WORDS:
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
    return f"{where}={str(error.get('input'))[:40]!r}: {error['msg']}"
