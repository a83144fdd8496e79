"""The JSON API under ``/api``: events (filtered, newest first, paged), one event with its evidence,
the dashboard's aggregates (facets, timeline, GeoJSON), downloads of the current view, counts, failures.

Every JSON success is ``{"data": ..., "meta": {...}}``; every error is ``{"error": {"code", "message"}}``
(see ``dateline.server.create_app`` for the translation). Downloads (``/api/export/{format}``) are the
files ``dateline export`` writes, of the events the filters select. Read-only: there are only GET routes.
"""

from __future__ import annotations

import io
import mimetypes
from collections.abc import Iterator
from dataclasses import asdict
from itertools import islice
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from .. import export
from ..errors import InputError
from ..store import Store, StoredEvent, StoredMention
from ..store.query import MAX_LIMIT, MAX_OFFSET, MAX_TEXT_CHARS, EventQuery, check_query
from .evidence import passages
from .filters import selection
from .view import Bin, View, facet_counts, geojson, select, timeline, totals

__all__ = [
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "TOP_ACTORS",
    "envelope",
    "event_page",
    "mention_json",
    "router",
    "store_for_request",
    "view_of",
]

DEFAULT_LIMIT = 50
TOP_ACTORS = 15  # the actor facet lists this many names (every other facet lists all its values)

router = APIRouter(prefix="/api", tags=["api"])


def store_for_request(request: Request) -> Iterator[Store]:
    """A store of the app's pool, lent to this request alone."""
    with request.app.state.stores.borrow() as store:
        yield store


def event_query(
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. ASSAULT.")] = None,
    country: Annotated[str | None, Query(description="ISO3 of the event's place, e.g. IRQ.")] = None,
    actor_country: Annotated[
        str | None, Query(description="ISO3 of one of its actors or recipients, e.g. SYR.")
    ] = None,
    since: Annotated[str | None, Query(description="Dated on or after: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[
        str | None, Query(description="Dated on or before: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    near: Annotated[str | None, Query(description="LAT,LON,KM: within KM of a point.")] = None,
    actor: Annotated[str | None, Query(max_length=MAX_TEXT_CHARS,
                                       description="Actor or recipient name/code containing this.")] = None,
    text: Annotated[str | None, Query(max_length=MAX_TEXT_CHARS,
                                      description="Evidence sentences containing every word (at most 12).")] = None,
    modality: Annotated[str | None, Query(description="asserted, negated, alleged, future, ...")] = None,
    confidence: Annotated[str | None, Query(description="Confidence at least this, 0..1.")] = None,
    outlet: Annotated[str | None, Query(max_length=MAX_TEXT_CHARS,
                                        description="Reported by this outlet (exact name).")] = None,
) -> EventQuery:
    """The filter parameters shared by every events route (documented once in the OpenAPI schema), within
    the bounds of ``dateline.store.query`` (an ``InputError``, 400, when one is out of them)."""
    return check_query(type=type, country=country, actor_country=actor_country, since=since, until=until, near=near, actor=actor, text=text,
                       modality=modality, confidence=confidence, outlet=outlet)  # fmt: skip


StoreDep = Annotated[Store, Depends(store_for_request)]
FiltersDep = Annotated[EventQuery, Depends(event_query)]
_LIMIT_HELP = "At most this many items."
_OFFSET_HELP = "Skip this many items first."
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=_LIMIT_HELP)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description=_OFFSET_HELP)]


def envelope(data: Any, **meta: Any) -> dict[str, Any]:
    """The one success shape of the API."""
    return {"data": data, "meta": meta}


def view_of(store: Store, query: EventQuery, *, with_sources: bool = True) -> View:
    """The events ``query`` selects, newest first (raises ``InputError`` on a bad filter)."""
    return select(store, selection(query.given()), with_sources=with_sources)


def event_page(
    events: tuple[StoredEvent, ...], *, limit: int, offset: int
) -> tuple[list[StoredEvent], int | None]:
    """One page of a view's events and the offset of the next page (None on the last)."""
    page = list(events[offset : offset + limit])
    return page, (offset + limit if len(events) > offset + limit else None)


def mention_json(mention: StoredMention) -> dict[str, Any]:
    """A stored mention with its evidence passages (sentences and marked spans, article offsets)."""
    return {**mention.to_dict(), "passages": [p.to_dict() for p in passages(mention)]}


@router.get("/events", summary="Linked events, newest first (undated last)")
def list_events(
    store: StoreDep, query: FiltersDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0
) -> dict[str, Any]:
    view = view_of(store, query)
    events, next_offset = event_page(view.events, limit=limit, offset=offset)
    return envelope([e.to_dict() for e in events], filters=query.given(), limit=limit, offset=offset,
                    count=len(events), total=len(view.events), next_offset=next_offset)  # fmt: skip


@router.get("/events/{event_id}", summary="One linked event with every mention and its evidence")
def get_event(event_id: str, store: StoreDep) -> dict[str, Any]:
    event = store.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}: list event ids at /api/events")
    mentions = [mention_json(m) for m in store.mentions(event_id)]
    return envelope({**event.to_dict(), "mentions": mentions}, mentions=len(mentions))


@router.get("/facets", summary="Totals of the filtered events and counts per type, country, actor, ...")
def facets(store: StoreDep, query: FiltersDep) -> dict[str, Any]:
    view = view_of(store, query)
    counted = {
        name: [asdict(row) for row in rows] for name, rows in facet_counts(view, top=TOP_ACTORS).items()
    }
    data = {"totals": totals(view), "facets": counted}
    return envelope(data, filters=query.given())


@router.get("/timeline", summary="Counts of the filtered events per day, week, month or year")
def event_timeline(
    store: StoreDep,
    query: FiltersDep,
    bin: Annotated[str, Query(description="day, week, month, year or auto (from the span).")] = "auto",
) -> dict[str, Any]:
    if bin != "auto" and bin not in set(Bin):
        raise InputError(f"bin={bin!r}: choose auto, {', '.join(Bin)}")
    view = view_of(store, query, with_sources=False)
    return envelope(timeline(view.events, None if bin == "auto" else Bin(bin)), filters=query.given())


@router.get(
    "/geojson", summary="The filtered events as a GeoJSON FeatureCollection (unlocated: null geometry)"
)
def events_geojson(store: StoreDep, query: FiltersDep) -> dict[str, Any]:
    view = view_of(store, query)
    collection = geojson(view)
    located = sum(1 for f in collection["features"] if f["geometry"] is not None)
    return envelope(collection, filters=query.given(), count=len(view.events), located=located)


class _ViewStore:
    """A store whose ``events`` are a view's (newest first): what the export writers read for a download.

    A writer may narrow further (``store.events(modality=...)`` for a standard format): the events it asks
    for are then those of the view the real store also returns for its keywords, still in the view's order.
    """

    def __init__(self, store: Store, view: View, filters: dict[str, Any]) -> None:
        self._store = store
        self._view = view
        self._filters = filters

    def events(self, **filters: Any) -> Iterator[StoredEvent]:
        extra = {k: v for k, v in filters.items() if self._filters.get(k) != v}
        if not extra:
            yield from self._view.events
            return
        allowed = {e.id for e in self._store.events(**filters)}
        yield from (e for e in self._view.events if e.id in allowed)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def _media_type(fmt: str, binary: bool) -> str:
    guessed, _ = mimetypes.guess_type(f"events.{fmt}")
    if guessed:
        return guessed
    return "application/octet-stream" if binary else "text/plain; charset=utf-8"


@router.get("/export/{fmt}", summary="Download the filtered events in a `dateline export` format")
def download(fmt: str, store: StoreDep, query: FiltersDep) -> Response:
    if fmt not in export.FORMATS:
        raise InputError(f"no export format {fmt!r}: choose one of {', '.join(export.FORMATS)}")
    chosen = selection(query.given())
    writer = export.writer(fmt)
    stream: io.BytesIO | io.StringIO = io.BytesIO() if writer.binary else io.StringIO()
    writer.write(_ViewStore(store, select(store, chosen), chosen.store), stream, dict(chosen.store))
    body = stream.getvalue()
    return Response(
        body.encode("utf-8") if isinstance(body, str) else body,
        media_type=_media_type(fmt, writer.binary),
        headers={"Content-Disposition": f'attachment; filename="dateline-events.{fmt}"'},
    )


@router.get("/stats", summary="Rows per table")
def stats(store: StoreDep) -> dict[str, Any]:
    return envelope(store.counts())


@router.get("/failures", summary="Inputs that failed, oldest first")
def failures(store: StoreDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
    rows = list(islice(store.failures(), offset, offset + limit + 1))
    next_offset = offset + limit if len(rows) > limit else None
    return envelope(
        rows[:limit], limit=limit, offset=offset, count=len(rows[:limit]), next_offset=next_offset
    )
