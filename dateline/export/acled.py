"""ACLED: one CSV row per event ACLED's typology covers, in the 31 columns of ACLED's codebook.

Actors are named as ACLED names them (``ontology.acled_actor``: "Military Forces of Iraq", "Protesters
(Kenya)", "Unidentified Armed Group (Nigeria)", "Civilians (Iraq)"; groups ACLED knows by name keep their
name), and inter1/inter2/interaction follow from those categories. An event without a day is dated as the
codebook dates it (a month: its 15th, time_precision 3); an event known only to the year, or without a
date, is left out and counted (or dated by its publication with ``--date-fallback published``).
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from functools import cache
from typing import IO, Any
from urllib.parse import urlsplit

from .. import lang, ontology
from . import ExportOptions, register
from .common import DATED_BY_PUBLICATION, country_fact, numeric_id, options_or_default, standard_events, ymd
from .geography import admin_names
from .tabular import sources_of

__all__ = ["ACLED_COLUMNS", "acled_actor_name", "acled_row"]

ACLED_COLUMNS = ontology.columns("acled")
_EXTERNAL_FORCES = 8  # ACLED's inter code of state forces acting outside their country
_STATE_FORCES = 1
_CIVILIANS = 7
_UNIDENTIFIED_SECTOR = "UAF"  # the PLOVER sector of an armed group the text does not name
_VIOLENCE = "Political violence"  # ACLED disorder type whose events always have a perpetrator
_PUBLICATION_PRECISION = 2  # time_precision of a publication-dated event: the week of the report
LEFT_OUT_NO_MONTH = "events left out: no day or month (ACLED dates events to the day, week or month)"
LEFT_OUT_NO_COUNTRY = "events left out: no country (ACLED codes every event in a country)"
LEFT_OUT_NO_ACTOR = "events left out: no actor ACLED would name (every ACLED event has an actor1)"


@cache
def _named_groups() -> dict[str, str]:
    """Lower-cased names of the groups dateline's actor lexicon knows -> the name ACLED prints: the first
    name listed for a transnational code (IMGISL: "Islamic State"), else the name as written."""
    transnational = {row["type"] for row in lang.load().rows("actors/transnational_types")}
    first_names: dict[str, str] = {}
    names: dict[str, str] = {}
    for row in lang.load().rows("actors/organizations"):
        name, code = row["name"], row["code"]
        first_names.setdefault(code, name)
        names.setdefault(name.lower(), first_names[code] if code[:3] in transnational else name)
    return names


def _group_name(entity: dict[str, Any]) -> str | None:
    for value in (entity.get("name"), entity.get("text")):
        if value and value.lower() in _named_groups():
            return _named_groups()[value.lower()]
    return None


def _kind(entity: dict[str, Any], event: Any) -> str | None:
    """The ACLED actor category of an entity in this event (None: dateline cannot say)."""
    kind = ontology.acled_actor_kind(entity.get("sector"))
    if kind is None and _group_name(entity):
        kind = "organization"
    if kind is None and entity.get("country") and not entity.get("sector"):
        # a country acting: its army in political violence, its government otherwise
        kind = "state_military" if _is_violence(event) else "state_government"
    if event.acled_event_type in _crowd_types() and (kind is None or ontology.acled_actor(kind).inter > 4):
        kind = _crowd_types()[event.acled_event_type]
    return kind


@cache
def _crowd_types() -> dict[str, str]:
    """ACLED event types whose unarmed participants are a crowd, and the actor category of that crowd."""
    return {row["event_type"]: row["crowd"] for row in ontology.table("acled_event_types") if row.get("crowd")}


def _is_violence(event: Any) -> bool:
    return _VIOLENCE in ontology.acled_disorder_type(event.acled_event_type, event.acled_sub_event_type)


def acled_actor_name(kind: str, entity: dict[str, Any], event: Any) -> tuple[str, int] | None:
    """(actor name, inter code) of an entity of this ACLED category, None when ACLED would not name it."""
    category = ontology.acled_actor(kind)
    group = _group_name(entity) if category.by_name else None
    if category.by_name and not group:
        return acled_actor_name(category.fallback, entity, event) if category.fallback else None
    country = country_fact(entity.get("country") or event.country_code, "name")
    if "{country}" in category.template and not country:
        return None
    inter = category.inter
    if inter == _STATE_FORCES and entity.get("country") and event.country_code not in (None, entity["country"]):
        inter = _EXTERNAL_FORCES
    return category.template.format(country=country, name=group or ""), inter


def _actors(entities: list[dict[str, Any]], event: Any) -> list[tuple[str, int]]:
    named = []
    for entity in entities:
        kind = _kind(entity, event)
        actor = acled_actor_name(kind, entity, event) if kind else None
        if actor and actor not in named:
            named.append(actor)
    return named


def _sides(event: Any) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """The two sides, filled as ACLED fills them: a crowd event always has its crowd, political violence
    always its perpetrator (an unidentified armed group when the text names none), and civilians are
    never a side alone (ACLED has no interaction 70)."""
    side1, side2 = _actors(event.actor, event), _actors(event.recipient, event)
    side2 = [a for a in side2 if a not in side1]
    if not side1 and event.acled_event_type in _crowd_types():
        side1 = _actors([{}], event)
    if side1 and side1[0][1] == _CIVILIANS:
        side1, side2 = side2, side1  # civilians are acted upon: actor2
    if not side1 and _is_violence(event):
        side1 = _actors([{"sector": _UNIDENTIFIED_SECTOR}], event)
    if not side1 and side2 and side2[0][1] != _CIVILIANS:
        side1, side2 = side2, []  # actor1 and actor2 carry no direction in ACLED: the one actor is actor1
    return side1, side2


def _interaction(inter1: int | str, inter2: int | str) -> int | str:
    """ACLED's interaction: the two inter codes, lower first; one actor's code times ten (never 70:
    civilians do not act alone in ACLED)."""
    codes = sorted(i for i in (inter1, inter2) if isinstance(i, int))
    if len(codes) == 2:
        return int(f"{codes[0]}{codes[1]}")
    if codes and codes[0] != _CIVILIANS:
        return codes[0] * 10
    return ""


def _event_date(event: Any, options: ExportOptions) -> tuple[str, int] | None:
    """(event_date, time_precision) as ACLED's codebook writes them, None when ACLED cannot date it."""
    precision = ontology.acled_time_precision(event.date_precision) if event.date else None
    if precision is not None:
        year, month, day = ymd(event.date)
        fixed = ontology.acled_day(event.date_precision)
        return f"{year}-{month}-{fixed:02d}" if fixed else f"{year}-{month}-{day}", precision
    if options.date_fallback == "published" and event.first_seen and not event.date:
        options.tally[DATED_BY_PUBLICATION] += 1
        return str(event.first_seen)[:10], _PUBLICATION_PRECISION
    options.tally[LEFT_OUT_NO_MONTH] += 1
    return None


def _civilian_targeting(event: Any, side2: list[tuple[str, int]]) -> str:
    if any(inter == _CIVILIANS for _, inter in side2) or event.acled_event_type == "Violence against civilians":
        return "Civilian targeting"
    return ""


def _timestamp(event: Any) -> int | str:
    last = event.last_seen or event.first_seen
    if not last:
        return ""
    return int(datetime.fromisoformat(last[:10]).replace(tzinfo=UTC).timestamp())


def _sources(sources: list[dict[str, Any]]) -> str:
    names = {s["outlet"] or urlsplit(s["url"] or "").hostname or "" for s in sources}
    return "; ".join(sorted(n for n in names if n))


def _admins(event: Any) -> tuple[str, str]:
    first_level, second_level = admin_names(event.geonameid)
    if event.resolution == "country":
        return "", ""
    if event.resolution == "admin1":
        second_level = ""
    return event.admin1 or first_level, second_level


def _blank_if_none(value: Any) -> Any:
    return "" if value is None else value


def _first_actor(side: list[tuple[str, int]]) -> tuple[str, int | str]:
    """(name, inter) of a side's first actor, blanks when the side is empty."""
    return side[0] if side else ("", "")


def acled_row(event: Any, sources: list[dict[str, Any]], when: tuple[str, int]) -> dict[str, Any]:
    """The ACLED row of a linked event dated ``when`` = (event_date, time_precision)."""
    side1, side2 = _sides(event)
    actor1, inter1 = _first_actor(side1)
    actor2, inter2 = _first_actor(side2)
    admin1, admin2 = _admins(event)
    return {
        "event_id_cnty": f"{event.country_code or 'XXX'}{numeric_id(event.id)}",
        "event_date": when[0], "year": when[0][:4], "time_precision": when[1],
        "disorder_type": ontology.acled_disorder_type(event.acled_event_type, event.acled_sub_event_type),
        "event_type": event.acled_event_type, "sub_event_type": event.acled_sub_event_type or "",
        "actor1": actor1, "assoc_actor_1": "; ".join(name for name, _ in side1[1:]), "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": "; ".join(name for name, _ in side2[1:]), "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": _civilian_targeting(event, side2),
        "iso": country_fact(event.country_code, "isonumeric"),
        "region": ontology.acled_region(event.country_code),
        "country": country_fact(event.country_code, "name"),
        "admin1": admin1, "admin2": admin2, "admin3": "",
        "location": event.location_name or "",
        "latitude": _blank_if_none(event.lat), "longitude": _blank_if_none(event.lon),
        "geo_precision": _blank_if_none(ontology.acled_geo_precision(event.resolution)),
        "source": _sources(sources), "source_scale": "",
        "notes": event.summary or "",
        "fatalities": event.dead or 0,
        "tags": "",
        "timestamp": _timestamp(event),
    }  # fmt: skip


@register("acled", summary="ACLED CSV (events that have an ACLED type), ACLED's columns and actor names")
def write_acled(store: Any, stream: IO[str], filters: dict[str, Any], options: ExportOptions | None = None) -> int:
    options = options_or_default(options)
    out = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    out.writeheader()
    n = 0
    for event in standard_events(store, filters, options):
        if not event.acled_event_type:
            continue  # ACLED's typology does not cover it (statements, agreements, ...)
        if not country_fact(event.country_code, "name"):
            options.tally[LEFT_OUT_NO_COUNTRY] += 1
            continue
        if not _sides(event)[0]:
            options.tally[LEFT_OUT_NO_ACTOR] += 1
            continue
        when = _event_date(event, options)
        if when is None:
            continue
        out.writerow(acled_row(event, sources_of(store, event.id), when))
        n += 1
    return n
