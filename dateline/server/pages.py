"""The HTML dashboard: the events list with its filter form, one event with its evidence, failures.

Pages read through the same helpers as the API. Article text is untrusted: the templates escape
everything (autoescape is on for every template) and link only http(s) URLs.
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..store import Store
from ..store.query import MAX_OFFSET
from .api import DEFAULT_LIMIT, MAX_LIMIT, event_page, store_for_request
from .evidence import MARK_KINDS, passages
from .filters import FILTER_NAMES, event_filters

__all__ = ["error_page", "make_templates", "router"]

TEMPLATES = Path(__file__).resolve().parent / "templates"

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(store_for_request)]


def make_templates() -> Jinja2Templates:
    """The page templates, escaping every value whatever the file's name."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    env.filters["safe_url"] = _safe_url
    return Jinja2Templates(env=env)


def _safe_url(url: str | None) -> str | None:
    """The URL when it is a web address; None for ``javascript:`` and the like (never made a link)."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    context.setdefault("title", request.app.state.title)
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    """The HTML face of an error (the API's JSON shape, for people)."""
    return _render(request, "error.html", status, status=status, code=code, message=message)


def _query(params: dict[str, str], **changes: Any) -> str:
    merged = {**params, **{k: str(v) for k, v in changes.items()}}
    return urlencode({k: v for k, v in merged.items() if v})


@router.get("/", response_class=HTMLResponse, name="events_page")
def events_page(
    request: Request,
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> HTMLResponse:
    given = {k: request.query_params.get(k, "").strip() for k in FILTER_NAMES}
    filters = event_filters(given)
    events, next_offset = event_page(store, filters, limit=limit, offset=offset)
    params = {k: v for k, v in given.items() if v}
    if limit != DEFAULT_LIMIT:
        params["limit"] = str(limit)
    return _render(
        request, "events.html",
        events=events, given=given, counts=store.counts(), offset=offset,
        previous_query=_query(params, offset=max(0, offset - limit)) if offset else None,
        next_query=_query(params, offset=next_offset) if next_offset is not None else None,
        api_query=_query(params, offset=offset or ""),
    )  # fmt: skip


@router.get("/events/{event_id}", response_class=HTMLResponse, name="event_page")
def event_detail_page(request: Request, event_id: str, store: StoreDep) -> HTMLResponse:
    event = store.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r} in this database")
    mentions = [(m, passages(m)) for m in store.mentions(event_id)]
    return _render(request, "event.html", event=event, mentions=mentions, kinds=MARK_KINDS)


@router.get("/failures", response_class=HTMLResponse, name="failures_page")
def failures_page(request: Request, store: StoreDep) -> HTMLResponse:
    shown = list(islice(store.failures(), MAX_LIMIT))
    return _render(request, "failures.html", failures=shown, total=store.counts()["failures"])
