"""The plain formats: csv, jsonl, parquet, geojson (one flat row per linked event) and mentions.

``FLAT_COLUMNS`` is the one column list of csv, parquet and the GeoJSON properties; lists and nested
records (actors) are JSON text in csv and GeoJSON, and native lists/strings in parquet. ``jsonl`` is
the full ``StoredEvent`` plus its ``sources`` (one entry per mention).
"""

from __future__ import annotations

import csv
import json
from typing import IO, Any

from . import register

__all__ = ["FLAT_COLUMNS", "flat_row", "sources_of"]

FLAT_COLUMNS = (
    "id", "event_type", "mode", "cameo", "quad_class", "goldstein", "acled_event_type",
    "acled_sub_event_type", "date", "date_precision", "location_name", "lat", "lon", "country_code", "admin1",
    "geonameid", "resolution", "dead", "dead_min", "dead_max", "injured", "injured_min", "injured_max",
    "arrested", "arrested_min", "arrested_max", "actor_names", "actor_codes", "recipient_names",
    "recipient_codes", "actor", "recipient", "modality", "confidence", "n_mentions", "n_articles",
    "first_seen", "last_seen", "summary", "urls", "first_mention_id",
)  # fmt: skip
_LIST_COLUMNS = ("actor_names", "actor_codes", "recipient_names", "recipient_codes", "urls")
_JSON_COLUMNS = ("actor", "recipient")
_INT_COLUMNS = (
    "quad_class", "geonameid", "dead", "dead_min", "dead_max", "injured", "injured_min", "injured_max",
    "arrested", "arrested_min", "arrested_max", "n_mentions", "n_articles",
)  # fmt: skip
_FLOAT_COLUMNS = ("goldstein", "lat", "lon", "confidence")


def _names(entities: list[dict[str, Any]]) -> list[str]:
    return [e.get("name") or e.get("text") or "" for e in entities]


def sources_of(store: Any, event_id: str) -> list[dict[str, Any]]:
    """One entry per mention: where the event was read and the words that say so."""
    return [
        {"mention_id": m.id, "article_id": m.article_id, "outlet": m.outlet, "url": m.url,
         "published": m.published,
         "trigger": {"start": m.trigger_start, "end": m.trigger_end, "text": m.trigger_text},
         "evidence": {"start": m.evidence_start, "end": m.evidence_end, "text": m.evidence_text},
         "modality": m.modality, "confidence": m.confidence}
        for m in store.mentions(event_id)
    ]  # fmt: skip


def flat_row(event: Any, sources: list[dict[str, Any]]) -> dict[str, Any]:
    """The flat record of one event (lists as Python lists; writers encode them)."""
    data = event.to_dict()
    row = {c: data.get(c) for c in FLAT_COLUMNS}
    row["actor_names"] = _names(event.actor)
    row["recipient_names"] = _names(event.recipient)
    row["urls"] = sorted({s["url"] for s in sources if s.get("url")})
    return row


def _rows(store: Any, filters: dict[str, Any]):
    for event in store.events(**filters):
        yield event, flat_row(event, sources_of(store, event.id))


def _text_cell(column: str, value: Any) -> Any:
    if column in _LIST_COLUMNS or column in _JSON_COLUMNS:
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


@register("csv", summary="one linked event per row, lists as JSON text")
def write_csv(store: Any, stream: IO[str], filters: dict[str, Any]) -> int:
    out = csv.DictWriter(stream, fieldnames=FLAT_COLUMNS, lineterminator="\n")
    out.writeheader()
    n = 0
    for _, row in _rows(store, filters):
        out.writerow({c: _text_cell(c, row[c]) for c in FLAT_COLUMNS})
        n += 1
    return n


@register("jsonl", summary="one linked event per line, with every source")
def write_jsonl(store: Any, stream: IO[str], filters: dict[str, Any]) -> int:
    n = 0
    for event in store.events(**filters):
        record = event.to_dict()
        record["sources"] = sources_of(store, event.id)
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def arrow_schema() -> Any:
    import pyarrow as pa

    def kind(column: str) -> Any:
        if column in _LIST_COLUMNS:
            return pa.list_(pa.string())
        if column in _INT_COLUMNS:
            return pa.int64()
        if column in _FLOAT_COLUMNS:
            return pa.float64()
        return pa.string()

    return pa.schema([(c, kind(c)) for c in FLAT_COLUMNS])


@register("parquet", summary="the csv columns, typed (lists as list<string>)", binary=True)
def write_parquet(store: Any, stream: IO[bytes], filters: dict[str, Any]) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        from ..errors import MissingDependency

        raise MissingDependency("pyarrow", "parquet") from exc
    rows = []
    for _, row in _rows(store, filters):
        rows.append({c: json.dumps(row[c], ensure_ascii=False) if c in _JSON_COLUMNS else row[c]
                     for c in FLAT_COLUMNS})  # fmt: skip
    table = pa.Table.from_pylist(rows, schema=arrow_schema())
    pq.write_table(table, stream)
    return len(rows)


@register("geojson", summary="a FeatureCollection of Point features (events with coordinates)")
def write_geojson(store: Any, stream: IO[str], filters: dict[str, Any]) -> int:
    features = []
    for _, row in _rows(store, filters):
        if row["lat"] is None or row["lon"] is None:
            continue
        properties = {c: row[c] for c in FLAT_COLUMNS if c not in ("lat", "lon")}
        features.append({
            "type": "Feature", "id": row["id"],
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": properties,
        })  # fmt: skip
    json.dump({"type": "FeatureCollection", "features": features}, stream, ensure_ascii=False)
    stream.write("\n")
    return len(features)


def _trigger_spans(mention: Any) -> list[tuple[int, int]]:
    """The trigger of a stored mention and of every repeat of it within its article, in text order."""
    spans = {(mention.trigger_start, mention.trigger_end)}
    for repeat in mention.record.get("mentions") or []:
        trigger = repeat.get("trigger") or {}
        if isinstance(trigger.get("start"), int) and isinstance(trigger.get("end"), int):
            spans.add((trigger["start"], trigger["end"]))
    return sorted(spans)


@register("mentions", summary="one line per event mention: {doc_id, start, end, event_id}")
def write_mentions(store: Any, stream: IO[str], filters: dict[str, Any]) -> int:
    # Repeats within one article (the extracted event's own ``mentions``) are written too: they are
    # the same happening, so they carry the same linked event id.
    n = 0
    for event in store.events(**filters):
        for m in store.mentions(event.id):
            for start, end in _trigger_spans(m):
                line = {"doc_id": m.article_id, "start": start, "end": end, "event_id": m.event_id}
                stream.write(json.dumps(line, ensure_ascii=False) + "\n")
                n += 1
    return n
