"""GDELT 2.0: the event table (``gdelt``, 61 columns) and the Mentions table (``gdelt-mentions``, 16).

Both hold the events a standard format holds (``common.standard_events``) that have a day-precision date
(or the publication day with ``--date-fallback published``): GDELT has no undated or partly dated
events. QuadClass is GDELT's, from the CAMEO root (``ontology.gdelt_quad_class``), not the PLOVER
type's quad class of the event record. Fields dateline does not measure (tone, actor locations) stay
empty rather than guessed; docs/exports.md says where every value comes from.
"""

from __future__ import annotations

from datetime import date
from typing import IO, Any
from urllib.parse import urlsplit

from .. import ontology
from . import ExportOptions, register
from .common import (
    article_rows,
    country_fact,
    event_day,
    first,
    in_lead,
    numeric_id,
    options_or_default,
    outlet_of,
    sentence_number,
    standard_events,
    stored_times,
    tsv_line,
    ymd,
)
from .geography import admin1_code, is_first_level_unit
from .tabular import sources_of

__all__ = ["GDELT_COLUMNS", "GDELT_MENTION_COLUMNS", "gdelt_actor_code"]

GDELT_COLUMNS = ontology.columns("gdelt")
GDELT_MENTION_COLUMNS = ontology.columns("gdelt_mentions")
_NO_GEOGRAPHY = [0, "", "", "", "", "", "", ""]
_UNKNOWN_COUNTRY = "---"  # dateline's (and PETRARCH's) filler for an actor code without a country
_WEB, _CITATION_ONLY = 1, 2  # GDELT MentionType: a URL, or a citation of a source without one
_NOT_FOUND = -1  # GDELT's character offset of an actor the mention does not name


def gdelt_actor_code(entity: dict[str, Any]) -> str:
    """An actor's code as GDELT writes it: the CAMEO code without the "---" of an unknown country
    ("---GOV" is "GOV"), built from country and sector when the entity has no code."""
    code = _code_of(entity)
    while code.startswith(_UNKNOWN_COUNTRY):
        code = code[len(_UNKNOWN_COUNTRY):]
    return code


def _code_of(entity: dict[str, Any]) -> str:
    return entity.get("code") or f"{entity.get('country') or ''}{entity.get('sector') or ''}"


def _transnational_type(code: str) -> str:
    from .. import lang

    types = {row["type"] for row in lang.load().rows("actors/transnational_types")}
    return code[:3] if code[:3] in types else ""


def _actor(entity: dict[str, Any]) -> list[Any]:
    code = gdelt_actor_code(entity)
    if not code:
        return ["", "", "", "", "", "", "", "", "", ""]
    name = (entity.get("name") or entity.get("text") or "").upper()
    kind = entity.get("sector") or _transnational_type(code)
    return [code, name, entity.get("country") or "", "", "", "", "", kind, "", ""]


def _stamp(value: str | None) -> str:
    """YYYYMMDDHHMMSS of an ISO date or timestamp (UTC as stored), "" when there is none."""
    digits = "".join(ch for ch in (value or "")[:19] if ch.isdigit())
    return digits[:14].ljust(14, "0") if digits else ""


def _added(event: Any, day: str, times: dict[str, str], mention_ids: list[str]) -> str:
    """DATEADDED: when the store recorded the event's first mention (its journal of changes), else the
    first article's publication time (``first_seen``), else the event's day."""
    stored = sorted(times[m] for m in mention_ids if m in times)
    return _stamp(stored[0] if stored else event.first_seen or day)


def _action_geo(event: Any) -> list[Any]:
    """ActionGeo_* of a real geography only: a place without a country ("the Middle East") has none, and
    a first-level place GeoNames does not hold as a subdivision ("the West Coast") counts as its country."""
    fips = country_fact(event.country_code, "fips")
    if not fips:
        return list(_NO_GEOGRAPHY)
    resolution = event.resolution
    if resolution == "admin1" and not is_first_level_unit(event.geonameid):
        resolution = "country"
    geo_type = ontology.gdelt_geo_type(resolution, usa=event.country_code == "USA")
    country_name = country_fact(event.country_code, "name")
    if resolution == "country":
        located = event.resolution == "country"  # the place's point is the country's own
        lat, lon = (event.lat, event.lon) if located else ("", "")
        return [geo_type, country_name, fips, fips, "", lat, lon, ""]
    parts = (event.location_name, event.admin1, country_name)
    fullname = ", ".join(dict.fromkeys(p for p in parts if p))
    code = admin1_code(event.geonameid)
    adm1 = f"{fips}{code}" if code and len(code) == 2 else fips
    feature = event.geonameid if geo_type in (3, 4) and event.geonameid else ""
    return [geo_type, fullname, fips, adm1, "", event.lat, event.lon, feature]


def _fraction(day: str) -> str:
    year, month, dd = map(int, day.split("-"))
    when = date(year, month, dd)
    return f"{when.year + (when.timetuple().tm_yday - 1) / 365:.4f}"


def _is_root(event: Any, store: Any, articles: dict[str, dict[str, Any]]) -> int:
    """GDELT's IsRootEvent: 1 when some mention's sentence lies in the lead of its article."""
    return int(any(in_lead(articles.get(m.article_id), m.evidence_start) for m in store.mentions(event.id)))


def _row(event: Any, day: str, store: Any, articles: dict[str, dict[str, Any]], times: dict[str, str]) -> list[Any]:
    sources = sources_of(store, event.id)
    year, month, dd = ymd(day)
    cameo = event.cameo or ""
    return (
        [numeric_id(event.id), f"{year}{month}{dd}", f"{year}{month}", year, _fraction(day)]
        + _actor(first(event.actor)) + _actor(first(event.recipient))
        + [_is_root(event, store, articles), cameo, cameo[:3], cameo[:2], ontology.gdelt_quad_class(cameo),
           event.goldstein, event.n_mentions, len({outlet_of(s) for s in sources}), event.n_articles, ""]
        + list(_NO_GEOGRAPHY) + list(_NO_GEOGRAPHY) + _action_geo(event)
        + [_added(event, day, times, [s["mention_id"] for s in sources]), _source_url(sources)]
    )  # fmt: skip


def _source_url(sources: list[dict[str, Any]]) -> str:
    """SOURCEURL: the first URL among the mentions; else, as GDELT cites a source without one, its outlet
    or the article id."""
    for source in sources:
        if source.get("url"):
            return str(source["url"])
    return outlet_of(sources[0]) if sources else ""


def _dated_events(store: Any, filters: dict[str, Any], options: ExportOptions):
    for event in standard_events(store, filters, options):
        day = event_day(event, options)
        if day:
            yield event, day


@register("gdelt", summary="GDELT 2.0 event table: 61 tab-separated columns, no header")
def write_gdelt(store: Any, stream: IO[str], filters: dict[str, Any], options: ExportOptions | None = None) -> int:
    options = options_or_default(options)
    articles, times = article_rows(store), stored_times(store)
    n = 0
    for event, day in _dated_events(store, filters, options):
        tsv_line(stream, _row(event, day, store, articles, times))
        n += 1
    return n


def _offset(entities: Any) -> int:
    span = (entities[0] or {}).get("span") if isinstance(entities, list) and entities else None
    return int(span["start"]) if isinstance(span, dict) and isinstance(span.get("start"), int) else _NOT_FOUND


def _source_name(mention: Any) -> str:
    return mention.outlet or (urlsplit(mention.url).hostname or "" if mention.url else "")


def _document_length(article: dict[str, Any] | None) -> int | str:
    """MentionDocLen: the article text's length, or the end of its story body when the store keeps no text."""
    text = (article or {}).get("text")
    if text:
        return len(text)
    return (article or {}).get("body_end") or ""


def _mention_row(event: Any, mention: Any, added: str, article: dict[str, Any] | None, stored: str | None) -> list[Any]:
    record = mention.record
    return [
        numeric_id(event.id), added, _stamp(stored or mention.published) or added,
        _WEB if mention.url else _CITATION_ONLY, _source_name(mention), mention.url or mention.article_id,
        sentence_number(article, mention.evidence_start) or "",
        _offset(record.get("actor")), _offset(record.get("recipient")), mention.trigger_start,
        1,  # InRawText: dateline reads the input text itself, every offset points into it
        round(100 * float(mention.confidence or 0)), _document_length(article), "", "", "",
    ]  # fmt: skip


@register("gdelt-mentions", summary="GDELT 2.0 Mentions table: 16 tab-separated columns, no header")
def write_gdelt_mentions(
    store: Any, stream: IO[str], filters: dict[str, Any], options: ExportOptions | None = None
) -> int:
    """One row per stored mention of each event the gdelt export holds (same events, same ids)."""
    options = options_or_default(options)
    articles, times = article_rows(store), stored_times(store)
    n = 0
    for event, day in _dated_events(store, filters, options):
        mentions = list(store.mentions(event.id))
        added = _added(event, day, times, [m.id for m in mentions])
        for mention in mentions:
            row = _mention_row(event, mention, added, articles.get(mention.article_id), times.get(mention.id))
            tsv_line(stream, row)
            n += 1
    return n
