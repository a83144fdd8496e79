"""Phoenix and PLOVER, and the names of every other coder's format (GDELT: ``gdelt.py``, ACLED: ``acled.py``).

Each maps a linked event onto the target's fields as far as dateline knows them; fields dateline does
not produce (Phoenix issues) are left empty rather than guessed, and a record the standard requires a
field for that dateline lacks (a day, a coded actor) is left out and counted on stderr, never filled
with a placeholder. docs/exports.md lists every field and where its value comes from. The layouts and
codes of each format are tables of ``dateline.ontology``.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import IO, Any

from .. import lang, ontology
from ..version import __version__
from . import ExportOptions, register
from .acled import ACLED_COLUMNS
from .common import (
    article_rows,
    country_fact,
    event_day,
    first,
    numeric_id,
    options_or_default,
    sentence_number,
    standard_events,
    tsv_line,
    ymd,
)
from .gdelt import GDELT_COLUMNS
from .tabular import sources_of

__all__ = ["ACLED_COLUMNS", "GDELT_COLUMNS", "PHOENIX_COLUMNS", "numeric_id", "phoenix_actor", "plover_record"]

PHOENIX_COLUMNS = ontology.columns("phoenix")
_PLOVER_FIELDS = ontology.columns("plover")
_SLOT = 3  # Phoenix reads an actor code in three-letter slots: root, agent, others
LEFT_OUT_NO_ACTOR = "events left out: no coded actor (PLOVER requires one)"


# --- Phoenix ------------------------------------------------------------------------------------


@cache
def _phoenix_roots() -> frozenset[str]:
    """What Phoenix reads as an actor code's root: a country code or a transnational type (IGO, NGO, ...)."""
    countries = {row["code"] for row in ontology.table("phoenix_country_codes")}
    transnational = {row["type"] for row in lang.load().rows("actors/transnational_types")}
    return frozenset(countries | transnational)


def phoenix_actor(code: str) -> list[str]:
    """Phoenix's (actor, root, agent, others) of a CAMEO actor code, split as Phoenix's postprocessing
    splits it: the root is the first slot when it is a country or transnational code, the agent the second
    slot when it is a primary agent, and the others every later slot, ";"-joined ("IRQMILREB": IRQ, MIL, REB)."""
    root = code[:_SLOT] if code[:_SLOT] in _phoenix_roots() else ""
    agent = code[_SLOT:2 * _SLOT] if code[_SLOT:2 * _SLOT] in ontology.phoenix_agents() else ""
    start = 2 * _SLOT if agent else _SLOT
    others = ";".join(code[i:i + _SLOT] for i in range(start, len(code), _SLOT)) if len(code) > _SLOT else ""
    return [code, root, agent, others]


def _phoenix_code(entity: dict[str, Any]) -> str:
    return entity.get("code") or f"{entity.get('country') or ''}{entity.get('sector') or ''}"


def _phoenix_row(event: Any, day: str, sources: list[dict[str, Any]]) -> list[Any]:
    year, month, dd = ymd(day)
    cameo = event.cameo or ""
    quad = ontology.phoenix_quad_class(cameo)
    return [
        event.id, f"{year}{month}{dd}", year, month, dd,
        *phoenix_actor(_phoenix_code(first(event.actor))), *phoenix_actor(_phoenix_code(first(event.recipient))),
        cameo, cameo[:2], "" if quad is None else quad, event.goldstein, "",
        event.lat, event.lon, event.location_name, event.admin1, country_fact(event.country_code, "name"),
        ";".join(s["mention_id"] for s in sources), ";".join(s["url"] for s in sources if s.get("url")),
        ";".join(sorted({s["outlet"] for s in sources if s.get("outlet")})),
    ]  # fmt: skip


@register("phoenix", summary="Phoenix (OEDA) event TSV: 26 positional columns, no header")
def write_phoenix(store: Any, stream: IO[str], filters: dict[str, Any], options: ExportOptions | None = None) -> int:
    options = options_or_default(options)
    n = 0
    for event in standard_events(store, filters, options):
        day = event_day(event, options)
        if day:
            tsv_line(stream, _phoenix_row(event, day, sources_of(store, event.id)))
            n += 1
    return n


# --- PLOVER -------------------------------------------------------------------------------------


def _plover_code(entity: dict[str, Any]) -> str | None:
    """PLOVER's top-level actor code: the country, or a transnational type ("IGO"); None when unknown."""
    if entity.get("country"):
        return str(entity["country"])
    code = entity.get("code") or ""
    return code[:_SLOT] if code[:_SLOT] in _phoenix_roots() else None


def _plover_entity(entity: dict[str, Any]) -> dict[str, Any] | None:
    """The PLOVER actor object of a coded entity (one with a top-level code: its country, or a transnational
    type), None for an uncoded one (a sector alone, "the government" of no known country, is not a code)."""
    code, sector = _plover_code(entity), entity.get("sector")
    if not code:
        return None
    return {"code": code, "sector": sector, "entity_text": entity.get("text"), "identifier_text": entity.get("name")}


def _plover_entities(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [coded for coded in map(_plover_entity, entities) if coded]


def _plover_location(event: Any) -> dict[str, Any] | None:
    if not event.location_name and event.lat is None:
        return None
    return {
        "extracted_place": event.location_name, "resolved_place": event.location_name,
        "geonameid": event.geonameid, "lat": event.lat, "lon": event.lon, "province": event.admin1,
        "country": country_fact(event.country_code, "name") or None, "country_code": event.country_code,
        "resolution": ontology.plover_resolution(event.resolution),
    }  # fmt: skip


def plover_contexts_of(cameo: str, sentences: list[str]) -> list[str]:
    """PLOVER contexts the event's text supports, in the manual's order: those of its CAMEO code (the
    crosswalk's context column) and those whose words (lang/en/plover_context_cues.tsv) occur in a sentence
    reporting it ("ballot": election)."""
    entry = ontology.cameo_codes().get(cameo)
    found = {part.strip() for part in ((entry.plover_context or "") if entry else "").split("+")}
    words = {word for sentence in sentences for word in _WORD.findall(sentence.lower())}
    found |= {context for context, cues in _context_cues().items() if cues & words}
    return [context for context in ontology.plover_contexts() if context in found]


_WORD = re.compile(r"\w+")


@cache
def _context_cues() -> dict[str, frozenset[str]]:
    return {row["context"]: frozenset(row["words"].split()) for row in lang.load().rows("plover_context_cues")}


def _text_info(sources: list[dict[str, Any]], articles: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Per mention: the evidence sentence's number in its story (when the store keeps the text), its
    offsets, and ``text_story``, the story's sentences dateline read (the evidence sentence)."""
    return [
        {"sequence": sentence_number(articles.get(s["article_id"]), s["evidence"]["start"]),
         "start": s["evidence"]["start"], "end": s["evidence"]["end"], "text_story": [s["evidence"]["text"]]}
        for s in sources
    ]  # fmt: skip


def plover_record(
    event: Any, sources: list[dict[str, Any]], day: str | None = None, articles: dict[str, dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The PLOVER JSON record of a linked event dated ``day`` (default: its own date), its fields in the
    order of ``columns/plover.tsv``."""
    return _in_order(_PLOVER_FIELDS, {
        "id": event.id,
        "date": day or event.date,
        "actor": _plover_entities(event.actor),
        "recipient": _plover_entities(event.recipient),
        "event": [event.event_type],
        "mode": [event.mode] if event.mode else [],
        "context": plover_contexts_of(event.cameo or "", [s["evidence"]["text"] for s in sources]),
        "modality": event.modality,
        "quad_code": event.quad_class,
        "event_scale": event.goldstein,
        "event_loc": _plover_location(event),
        "size": {"dead": event.dead, "injured": event.injured, "arrested": event.arrested},
        "event_text": [s["evidence"]["text"] for s in sources],
        "text": event.summary,
        "text_info": _text_info(sources, articles or {}),
        "cite_info": [{"corpus": "dateline", "citation": s["article_id"], "url": s["url"],
                       "publication": s["outlet"]} for s in sources],  # fmt: skip
        "coder": f"dateline {__version__}",
        "has_event": True,  # the manual's "an event has been coded" (False only for pre-processing records)
    })


def _in_order(fields: tuple[str, ...], record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with exactly ``fields``, in their order (KeyError when one is missing)."""
    return {field: record[field] for field in fields}


@register("plover", summary="PLOVER JSON Lines event records (dated to the day, with a coded actor)")
def write_plover(store: Any, stream: IO[str], filters: dict[str, Any], options: ExportOptions | None = None) -> int:
    options = options_or_default(options)
    articles = article_rows(store)
    n = 0
    for event in standard_events(store, filters, options):
        if not _plover_entities(event.actor):
            options.tally[LEFT_OUT_NO_ACTOR] += 1
            continue
        day = event_day(event, options)
        if not day:
            continue
        record = plover_record(event, sources_of(store, event.id), day, articles)
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n
