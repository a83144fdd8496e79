"""Query-string filters of the events views, checked the way ``dateline events`` checks its options.

The same names serve the JSON API, the dashboard's form and its URL (``type``, ``country``,
``actor_country``, ``since``, ``until``, ``near``, ``actor``, ``text``, ``modality``, ``confidence``, ``outlet``).
``selection`` turns them into a ``Selection``: the keywords ``Store.events`` understands plus the
conditions the server applies itself (the store has no outlet, modality or confidence filter; ``country`` is the
event's place and ``actor_country`` an actor's or recipient's country, in the store and here alike; the store's
``near`` also matches events placed only at a country's centroid, which the server leaves out). Bad values
raise ``InputError`` (a 400 answer) with a message that says what to write instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import ontology
from ..errors import InputError
from ..models import Modality
from ..store.filters import check_date
from ..store.query import FILTER_NAMES, EventQuery, check_query, exact_events

__all__ = ["DATE_NAMES", "FILTER_NAMES", "EventQuery", "Selection", "event_filters", "selection"]


_COUNTRY_WIDE = "country"  # the place resolution of an event known only to its country (at its centroid)
DATE_NAMES = frozenset(("since", "until"))  # the timeline's brush sets these two


@dataclass(frozen=True, slots=True)
class Selection:
    """Which events a view holds: ``store`` keywords for ``Store.events``, then the server's own checks."""

    store: dict[str, Any] = field(default_factory=dict)
    place_country: str | None = None  # ISO3 of the event's own place
    actor_country: str | None = None  # ISO3 of one of its actors or recipients
    modality: str | None = None
    min_confidence: float | None = None
    outlet: str | None = None

    @property
    def needs_outlets(self) -> bool:
        return self.outlet is not None

    def keeps(self, event: Any, outlets: frozenset[str] = frozenset()) -> bool:
        """Whether a stored event the store returned also passes the server's conditions."""
        wanted = {"country": self.place_country, "actor_country": self.actor_country}
        if any(wanted.values()) and not any(exact_events([event], **wanted)):
            return False
        if self.modality is not None and event.modality != self.modality:
            return False
        if self.min_confidence is not None and event.confidence < self.min_confidence:
            return False
        if "near" in self.store and event.resolution == _COUNTRY_WIDE:
            return False  # a country's centroid is not a place near a point (Baghdad is not "near" Iraq)
        return self.outlet is None or self.outlet in outlets


def _near(value: str) -> tuple[float, float, float]:
    try:
        lat, lon, km = (float(v) for v in value.split(","))
    except ValueError:
        raise InputError(f"near={value!r}: use LAT,LON,KM, e.g. 33.31,44.36,25") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise InputError(f"near={value!r}: latitude -90..90, longitude -180..180, radius > 0 km")
    return lat, lon, km


def _event_type(value: str) -> str:
    known = ontology.plover_types()
    if value.upper() not in known:
        raise InputError(f"type={value!r} is not a PLOVER event type: choose one of {', '.join(known)}")
    return value.upper()


def _country(value: str) -> str:
    if len(value) != 3 or not value.isalpha():
        raise InputError(f"country={value!r}: use an ISO 3166 alpha-3 code, e.g. IRQ")
    return value.upper()


def _modality(value: str) -> str:
    known = [m.value for m in Modality]
    if value.lower() not in known:
        raise InputError(f"modality={value!r}: choose one of {', '.join(known)}")
    return value.lower()


def _confidence(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 1:
        raise InputError(f"confidence={value!r}: give the lowest confidence to keep, 0..1, e.g. 0.7")
    return number


def _given(params: Mapping[str, str | None]) -> dict[str, str]:
    return {k: v.strip() for k in FILTER_NAMES if (v := params.get(k)) is not None and v.strip()}


def event_filters(params: Mapping[str, str | None]) -> dict[str, Any]:
    """``Store.events`` keywords from query parameters named as in ``FILTER_NAMES`` (blank ones ignored)."""
    return selection(params).store


def selection(params: Mapping[str, str | None]) -> Selection:
    """The checked ``Selection`` of query parameters named as in ``FILTER_NAMES`` (blank ones ignored).

    Raises:
        InputError: a value out of the bounds of ``dateline.store.query`` (length, words, control
            characters: the bounds the command line has too), or one that is not a known type, an ISO3
            code, a date, a point and radius, a modality or a confidence between 0 and 1 (the message
            says what to write).
    """
    given = _given(params)
    check_query(**given)
    store: dict[str, Any] = {}
    if "type" in given:
        store["event_type"] = _event_type(given["type"])
    country = _country(given["country"]) if "country" in given else None
    actor_country = _country(given["actor_country"]) if "actor_country" in given else None
    if country:
        store["country"] = country  # the store matches the place; ``keeps`` checks again
    if actor_country:
        store["actor_country"] = actor_country
    for name in sorted(DATE_NAMES):
        if name in given:
            store[name] = check_date(name, given[name])
    if "near" in given:
        store["near"] = _near(given["near"])
    for name in ("actor", "text"):
        if name in given:
            store[name] = given[name]
    return Selection(
        store=store,
        place_country=country,
        actor_country=actor_country,
        modality=_modality(given["modality"]) if "modality" in given else None,
        min_confidence=_confidence(given["confidence"]) if "confidence" in given else None,
        outlet=given.get("outlet"),
    )
