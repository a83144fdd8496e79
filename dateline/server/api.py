"""The JSON API under ``/api``: linked events (filtered, paged), one event with its evidence, counts, failures.

Every success is ``{"data": ..., "meta": {...}}``; every error is ``{"error": {"code", "message"}}``
(see ``dateline.server.create_app`` for the translation). Read-only: there are only GET routes.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from ..store import Store, StoredEvent, StoredMention
from ..store.query import MAX_LIMIT, MAX_OFFSET, MAX_TEXT_CHARS
from .evidence import passages
from .filters import event_filters

__all__ = [
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "envelope",
    "event_page",
    "mention_json",
    "router",
    "store_for_request",
]

DEFAULT_LIMIT = 50

router = APIRouter(prefix="/api", tags=["api"])


def store_for_request(request: Request) -> Iterator[Store]:
    """A store of the app's pool, lent to this request alone."""
    with request.app.state.stores.borrow() as store:
        yield store


StoreDep = Annotated[Store, Depends(store_for_request)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many items.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Skip this many items first.")]


def envelope(data: Any, **meta: Any) -> dict[str, Any]:
    """The one success shape of the API."""
    return {"data": data, "meta": meta}


def event_page(
    store: Store, filters: dict[str, Any], *, limit: int, offset: int
) -> tuple[list[StoredEvent], int | None]:
    """One page of ``store.events(**filters)`` and the offset of the next page (None on the last).

    Reads one event past the page to know whether another page exists, so no count of the whole
    result is ever needed.
    """
    rows = list(store.events(**filters, limit=limit + 1, offset=offset))
    return rows[:limit], (offset + limit if len(rows) > limit else None)


def mention_json(mention: StoredMention) -> dict[str, Any]:
    """A stored mention with its evidence passages (sentences and marked spans, article offsets)."""
    return {**mention.to_dict(), "passages": [p.to_dict() for p in passages(mention)]}


@router.get("/events", summary="Linked events, oldest first (undated last)")
def list_events(
    store: StoreDep,
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. ASSAULT.")] = None,
    country: Annotated[str | None, Query(description="ISO3 of the place or of an actor, e.g. IRQ.")] = None,
    since: Annotated[str | None, Query(description="Dated on or after: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[
        str | None, Query(description="Dated on or before: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    near: Annotated[str | None, Query(description="LAT,LON,KM: within KM of a point.")] = None,
    actor: Annotated[str | None, Query(max_length=MAX_TEXT_CHARS,
                                       description="Actor or recipient name/code containing this.")] = None,
    text: Annotated[str | None, Query(max_length=MAX_TEXT_CHARS,
                                      description="Evidence sentences containing every word (at most 12).")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    params = {"type": type, "country": country, "since": since, "until": until, "near": near,
              "actor": actor, "text": text}  # fmt: skip
    filters = event_filters(params)
    events, next_offset = event_page(store, filters, limit=limit, offset=offset)
    applied = {k: v for k, v in params.items() if v is not None and v.strip()}
    return envelope([e.to_dict() for e in events], filters=applied, limit=limit, offset=offset,
                    count=len(events), next_offset=next_offset)  # fmt: skip


@router.get("/events/{event_id}", summary="One linked event with every mention and its evidence")
def get_event(event_id: str, store: StoreDep) -> dict[str, Any]:
    event = store.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}: list event ids at /api/events")
    mentions = [mention_json(m) for m in store.mentions(event_id)]
    return envelope({**event.to_dict(), "mentions": mentions}, mentions=len(mentions))


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
