"""The HTML dashboard: a map-first events view with its filters, one event with its evidence, failures.

The page ``/`` is rendered whole on the server (filters as dropdowns built from the data, totals and
counts of the filtered view, the events newest first); its script (static/dashboard.js) adds the map
and the timeline from the JSON API and, when a filter changes or the timeline is brushed, fetches the
same page for the new URL and swaps its results in. Without the script the form still works.

Pages read through the same helpers as the API. Article text is untrusted: the templates escape
everything (autoescape is on for every template) and link only http(s) URLs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import islice
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from .. import ontology
from ..models import Modality
from ..store import Store, StoredMention
from ..store.query import MAX_OFFSET
from .api import DEFAULT_LIMIT, MAX_LIMIT, TOP_ACTORS, event_page, store_for_request
from .evidence import MARK_KINDS, ArticleText, article_marks, passages
from .filters import FILTER_NAMES, Selection, selection
from .view import Count, facet_counts, select, sources, timeline, totals

__all__ = ["error_page", "make_templates", "router"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
EXPORT_FORMATS = ("csv", "geojson")  # the downloads the dashboard offers (every format is at /api/export)
_BY_NAME = frozenset(("country", "outlet"))  # dropdowns listed alphabetically (the others by the ontology)

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
    """``params`` with ``changes`` as a query string; a change to "" or None drops that parameter."""
    merged = {**params, **{k: "" if v is None else str(v) for k, v in changes.items()}}
    return urlencode({k: v for k, v in merged.items() if v})


def _types_json() -> str:
    """The PLOVER types in the ontology's order, for the maps' colours (mapbase.js)."""
    return json.dumps(list(ontology.plover_types()))


def _in_order(rows: list[Count], order: Iterable[str]) -> list[Count]:
    counted = {row.value: row for row in rows}
    return [counted[value] for value in order if value in counted]


def _options(store_facets: dict[str, list[Count]]) -> dict[str, list[Count]]:
    """The dropdowns' choices: the values present in the database with their counts; types and
    modalities in the ontology's order, countries and outlets by name."""
    options = dict(store_facets)
    options["type"] = _in_order(store_facets.get("type", []), ontology.plover_types())
    options["modality"] = _in_order(store_facets.get("modality", []), (m.value for m in Modality))
    for name in sorted(_BY_NAME):
        options[name] = sorted(store_facets.get(name, []), key=lambda row: row.value)
    options["actor_country"] = sorted(store_facets.get("actor_country", []), key=lambda row: row.value)
    return options


def _day_span(events: Any) -> dict[str, str | None]:
    """First and last day of the day-precision dates (the date inputs' bounds)."""
    bins = timeline(events)["bins"]
    return {"first": bins[0]["start"] if bins else None, "last": bins[-1]["end"] if bins else None}


@router.get("/", response_class=HTMLResponse, name="events_page")
def events_page(
    request: Request,
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> HTMLResponse:
    given = {k: request.query_params.get(k, "").strip() for k in FILTER_NAMES}
    chosen = selection(given)
    known = sources(store)
    everything = select(store, Selection(), known=known)
    view = everything if chosen == Selection() else select(store, chosen, known=known)
    events, next_offset = event_page(view.events, limit=limit, offset=offset)
    params = {k: v for k, v in given.items() if v}
    paging = {**params, "limit": str(limit)} if limit != DEFAULT_LIMIT else params
    return _render(
        request, "events.html",
        events=events, given=given, params=params, offset=offset,
        totals=totals(view), all_events=len(everything.events),
        facets=facet_counts(view, top=TOP_ACTORS),
        options=_options(facet_counts(everything)),
        span=_day_span(everything.events),
        outlets={e.id: sorted(known.outlets_of(e.id)) for e in events},
        types_json=_types_json(),
        query=_query(params), query_with=lambda **changes: _query(params, **changes),
        export_formats=EXPORT_FORMATS,
        previous_query=_query(paging, offset=max(0, offset - limit)) if offset else None,
        next_query=_query(paging, offset=next_offset) if next_offset is not None else None,
        api_query=_query(paging, offset=offset or None),
    )  # fmt: skip


@router.get("/events/{event_id}", response_class=HTMLResponse, name="event_page")
def event_detail_page(request: Request, event_id: str, store: StoreDep) -> HTMLResponse:
    event = store.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r} in this database")
    stored = list(store.mentions(event_id))
    mentions = [(m, passages(m)) for m in stored]
    return _render(
        request, "event.html", event=event, mentions=mentions, articles=_articles(store, stored),
        kinds=MARK_KINDS, types_json=_types_json(),
    )  # fmt: skip


def _articles(store: Store, mentions: list[StoredMention]) -> list[tuple[StoredMention, ArticleText | None]]:
    """Each source article of the event once (its first mention, for outlet and URL) with its stored
    text marked by all the event's mentions in it; None where the text was not kept."""
    by_article: dict[str, list[StoredMention]] = {}
    for mention in mentions:
        by_article.setdefault(mention.article_id, []).append(mention)
    result = []
    for article_id, its_mentions in by_article.items():
        text = store.article_text(article_id)
        marked = article_marks(article_id, text, its_mentions) if text is not None else None
        result.append((its_mentions[0], marked))
    return result


@router.get("/failures", response_class=HTMLResponse, name="failures_page")
def failures_page(request: Request, store: StoreDep) -> HTMLResponse:
    shown = list(islice(store.failures(), MAX_LIMIT))
    return _render(request, "failures.html", failures=shown, total=store.counts()["failures"])
