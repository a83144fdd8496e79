"""The dashboard's view of the database: the events a filter selects, newest first, and what is counted over them.

``select`` reads ``Store.events`` with the store's own filters and applies the server's (outlet,
modality, confidence, the event's own country); everything else here is a pure function of the
selected events: totals, facet counts, a timeline of counts per day/week/month/year, GeoJSON for the
map. No web imports, so it works (and is tested) without the ``serve`` extra.

The store has no query for outlets per event, facet counts or counts per day, so they are computed here
over one pass of ``Store.events`` and one of ``Store.mentions``: fine for thousands of events; store
queries (GROUP BY in SQL) would serve millions.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from ..store import Store, StoredEvent
from ..store.query import actor_countries
from .filters import Selection

__all__ = [
    "Bin",
    "Count",
    "TimeBin",
    "View",
    "facet_counts",
    "geojson",
    "newest_first",
    "select",
    "sources",
    "timeline",
    "totals",
]


@dataclass(frozen=True, slots=True)
class Sources:
    """Where each event was read: its outlets and article ids (from the stored mentions)."""

    outlets: Mapping[str, frozenset[str]] = field(default_factory=dict)
    articles: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def outlets_of(self, event_id: str) -> frozenset[str]:
        return self.outlets.get(event_id, frozenset())


def sources(store: Store) -> Sources:
    """Outlets and articles of every event, in one pass over the stored mentions."""
    outlets: dict[str, set[str]] = defaultdict(set)
    articles: dict[str, set[str]] = defaultdict(set)
    for mention in store.mentions():
        articles[mention.event_id].add(mention.article_id)
        if mention.outlet:
            outlets[mention.event_id].add(mention.outlet)
    return Sources(
        outlets={k: frozenset(v) for k, v in outlets.items()},
        articles={k: frozenset(v) for k, v in articles.items()},
    )


def _newest_key(event: StoredEvent) -> tuple[bool, str, str, str]:
    # dates are ISO strings of mixed precision ("2026", "2026-03", "2026-03-14"): as strings they sort in
    # time order, a month after every day before it; undated events go last
    return (event.date is None, _inverted(event.date or ""), _inverted(event.last_seen or ""), event.id)


def _inverted(text: str) -> str:
    """A string key that sorts in the reverse order of ``text`` (for a descending field in an ascending sort)."""
    return "".join(chr(0x10FFFF - ord(c)) for c in text) + chr(0x10FFFF)


def newest_first(events: Iterable[StoredEvent]) -> list[StoredEvent]:
    """Events by date, newest first; events of the same date by the last time they were reported; undated last."""
    return sorted(events, key=_newest_key)


@dataclass(frozen=True, slots=True)
class View:
    """The events a selection holds, newest first, with the sources of every event in the database."""

    events: tuple[StoredEvent, ...]
    sources: Sources


def select(
    store: Store, chosen: Selection, *, known: Sources | None = None, with_sources: bool = True
) -> View:
    """The events of ``store`` that ``chosen`` selects, newest first.

    Args:
        store: an open store.
        chosen: the checked filters (``filters.selection``).
        known: the sources already read in this request (read here when not given).
        with_sources: False when the caller needs no outlets or articles (the timeline): the mentions
            are then read only if the outlet filter needs them.
    """
    if known is not None:
        found = known
    elif with_sources or chosen.needs_outlets:
        found = sources(store)
    else:
        found = Sources()
    kept = (
        event for event in store.events(**chosen.store) if chosen.keeps(event, found.outlets_of(event.id))
    )
    return View(events=tuple(newest_first(kept)), sources=found)


def totals(view: View) -> dict[str, int]:
    """Counts and casualty sums of the view (what the dashboard's header shows)."""
    events = view.events
    articles = (
        set().union(*(view.sources.articles.get(e.id, frozenset()) for e in events)) if events else set()
    )
    return {
        "events": len(events),
        "mentions": sum(e.n_mentions for e in events),
        "articles": len(articles),
        "located": sum(1 for e in events if e.lat is not None and e.lon is not None),
        "undated": sum(1 for e in events if not e.date),
        "dead": sum(e.dead or 0 for e in events),
        "injured": sum(e.injured or 0 for e in events),
        "arrested": sum(e.arrested or 0 for e in events),
    }


def _names(entities: list[dict[str, Any]]) -> set[str]:
    return {name for entity in entities if (name := (entity.get("name") or entity.get("text") or "").strip())}


def _confidence_band(confidence: float) -> str:
    """The tenth the confidence falls in, as the lowest value of the band ("0.7" for 0.75)."""
    return f"{math.floor(confidence * 10 + 1e-9) / 10:.1f}"


@dataclass(frozen=True, slots=True)
class Count:
    """How many events of a view have one value of a facet (``asdict`` gives the API's ``{value, count}``)."""

    value: str
    count: int


@dataclass(frozen=True, slots=True)
class TimeBin:
    """One bar of the timeline: the events dated from ``start`` to ``end`` (inclusive ISO days)."""

    start: str
    end: str
    count: int
    dead: int


def _ranked(counter: Counter[str]) -> list[Count]:
    return [Count(value, n) for value, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]


def facet_counts(view: View, *, top: int | None = None) -> dict[str, list[Count]]:
    """For each filter the view can be narrowed by, the values present and how many events have each.

    Every facet is a list of ``Count``, most frequent first. ``confidence`` counts the
    events at or above each band's lowest value (the filter keeps ``confidence >= value``), highest
    band first. ``actor`` counts both sides (actors and recipients), each name once per event, the
    ``top`` most frequent only.
    """
    by: dict[str, Counter[str]] = defaultdict(Counter)
    bands: Counter[str] = Counter()
    for event in view.events:
        by["type"][event.event_type] += 1
        by["country"][event.country_code or ""] += 1
        by["actor_country"].update(actor_countries(event))
        by["modality"][event.modality] += 1
        by["actor"].update(_names(event.actor) | _names(event.recipient))
        by["outlet"].update(view.sources.outlets_of(event.id))
        bands[_confidence_band(event.confidence)] += 1
    result = {name: _ranked(counter) for name, counter in by.items()}
    result.setdefault("type", [])
    result["actor"] = result.get("actor", [])[:top]
    result["confidence"] = _at_least(bands)
    return result


def _at_least(bands: Counter[str]) -> list[Count]:
    total = 0
    cumulative = []
    for band in sorted(bands, reverse=True):
        total += bands[band]
        cumulative.append(Count(band, total))
    return cumulative


class Bin(StrEnum):
    """Width of a timeline bar."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


# at most this many days between the first and the last dated event for each width ("auto" picks the first
# that fits): three months in days, two years in weeks, ten years in months, then years (so ~120 bars at most)
_AUTO_SPANS = ((Bin.DAY, 92), (Bin.WEEK, 2 * 366), (Bin.MONTH, 10 * 366))


def _day(event: StoredEvent) -> date | None:
    if event.date_precision != "day" or not event.date:
        return None
    try:
        return date.fromisoformat(event.date)
    except ValueError:
        return None


def _bin_start(day: date, width: Bin) -> date:
    if width is Bin.DAY:
        return day
    if width is Bin.WEEK:
        return day - timedelta(days=day.weekday())  # ISO weeks start on Monday
    if width is Bin.MONTH:
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def _next_start(start: date, width: Bin) -> date:
    if width is Bin.DAY:
        return start + timedelta(days=1)
    if width is Bin.WEEK:
        return start + timedelta(days=7)
    if width is Bin.MONTH:
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start.replace(year=start.year + 1)


def _auto(first: date, last: date) -> Bin:
    span = (last - first).days
    return next((width for width, days in _AUTO_SPANS if span <= days), Bin.YEAR)


def _bins(first: date, last: date, width: Bin) -> Iterator[tuple[date, date]]:
    start = _bin_start(first, width)
    while start <= last:
        following = _next_start(start, width)
        yield start, following - timedelta(days=1)
        start = following


def timeline(events: Iterable[StoredEvent], width: Bin | None = None) -> dict[str, Any]:
    """Counts of events per day (or week, month, year) from the first to the last day-precision date.

    Events dated only to a month or a year, and undated ones, have no place on a daily axis: they are
    counted apart (``coarse``, ``undated``) rather than drawn on the first day of their month.

    Args:
        events: the events to count.
        width: the width of a bar; None picks one from the span (days up to three months, weeks up to
            two years, months up to ten, then years).

    Returns:
        ``{"bin", "bins": [{"start", "end", "count", "dead"}], "coarse", "undated"}``, bins with no
        event included so that the axis is linear in time; ``start``/``end`` are inclusive ISO days.
    """
    days: list[tuple[date, StoredEvent]] = []
    coarse = undated = 0
    for event in events:
        day = _day(event)
        if day is not None:
            days.append((day, event))
        elif event.date:
            coarse += 1
        else:
            undated += 1
    if not days:
        return {"bin": (width or Bin.DAY).value, "bins": [], "coarse": coarse, "undated": undated}
    first, last = min(d for d, _ in days), max(d for d, _ in days)
    chosen = width or _auto(first, last)
    counts: Counter[date] = Counter()
    dead: Counter[date] = Counter()
    for day, event in days:
        counts[_bin_start(day, chosen)] += 1
        dead[_bin_start(day, chosen)] += event.dead or 0
    bins = [
        asdict(TimeBin(start.isoformat(), end.isoformat(), counts[start], dead[start]))
        for start, end in _bins(first, last, chosen)
    ]
    return {"bin": chosen.value, "bins": bins, "coarse": coarse, "undated": undated}


def _feature(event: StoredEvent, outlets: frozenset[str]) -> dict[str, Any]:
    located = event.lat is not None and event.lon is not None
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {"type": "Point", "coordinates": [event.lon, event.lat]} if located else None,
        "properties": {
            "id": event.id, "event_type": event.event_type, "mode": event.mode, "date": event.date,
            "date_precision": event.date_precision, "location_name": event.location_name,
            "country_code": event.country_code, "resolution": event.resolution, "dead": event.dead,
            "injured": event.injured, "modality": event.modality, "confidence": event.confidence,
            "n_articles": event.n_articles, "outlets": sorted(outlets), "summary": event.summary,
        },
    }  # fmt: skip


def geojson(view: View) -> dict[str, Any]:
    """The view as a GeoJSON FeatureCollection, newest first; unlocated events have ``"geometry": null``
    (RFC 7946 allows it), so the features are the view's events one for one."""
    return {
        "type": "FeatureCollection",
        "features": [_feature(e, view.sources.outlets_of(e.id)) for e in view.events],
    }
