"""The plain formats: csv, jsonl, parquet, geojson (one flat row per linked event) and mentions.

``FLAT_COLUMNS`` (the ``events`` layout of ``dateline.ontology``, which also gives each column's kind) is
the one column list of csv, parquet and the GeoJSON properties; lists and nested records (actors) are
JSON text in csv and GeoJSON, and native lists/strings in parquet. ``jsonl`` is the full ``StoredEvent``
plus its ``sources`` (one entry per mention). These are dateline's own formats: they hold every record,
whatever its modality. ``pandas_dtypes()`` gives the dtypes that read the csv without losing codes
(``cameo`` "060" stays a string).
"""

from __future__ import annotations

import calendar
import csv
import json
from typing import IO, Any

from .. import ontology
from . import ExportOptions, register

__all__ = ["FLAT_COLUMNS", "date_range", "duckdb_types", "flat_row", "pandas_dtypes", "sources_of"]

FLAT_COLUMNS = ontology.columns("events")
_KINDS = ontology.column_kinds("events")  # string, date, int, float, list (of strings), json (nested records)
_JSON_TEXT = frozenset(("list", "json"))  # kinds written as JSON text in csv
_MENTION_FIELDS = ontology.columns("mentions")


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


def date_range(value: str | None) -> tuple[str | None, str | None]:
    """(first day, last day) of a day-, month- or year-precision ISO date ("2020-12" -> 2020-12-01,
    2020-12-31); (None, None) for no date."""
    if not value:
        return None, None
    parts = value.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    if len(parts) == 2:
        month = int(parts[1])
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    return value, value


def pandas_dtypes() -> dict[str, str]:
    """Column -> pandas dtype that reads dateline's csv export as written: text columns (codes such as
    ``cameo`` "060") as ``string``, counts as nullable ``Int64``, reals as ``float64``; parse ``date_start``
    and ``date_end`` with ``parse_dates``. ``pd.read_csv(path, dtype=pandas_dtypes())``."""
    return _typed("pandas")


def duckdb_types() -> dict[str, str]:
    """Column -> DuckDB type of dateline's csv export: ``read_csv(path, types=duckdb_types())``."""
    return _typed("duckdb")


def _typed(tool: str) -> dict[str, str]:
    by_kind = {row["kind"]: row[tool] for row in ontology.table("column_kinds")}
    return {column: by_kind[kind] for column, kind in _KINDS.items()}


def flat_row(event: Any, sources: list[dict[str, Any]]) -> dict[str, Any]:
    """The flat record of one event (lists as Python lists; writers encode them)."""
    data = event.to_dict()
    data["date_start"], data["date_end"] = date_range(event.date)
    row = {c: data.get(c) for c in FLAT_COLUMNS}
    row["actor_names"] = _names(event.actor)
    row["recipient_names"] = _names(event.recipient)
    row["urls"] = sorted({s["url"] for s in sources if s.get("url")})
    return row


def _rows(store: Any, filters: dict[str, Any]):
    for event in store.events(**filters):
        yield event, flat_row(event, sources_of(store, event.id))


def _text_cell(column: str, value: Any) -> Any:
    if _KINDS[column] in _JSON_TEXT:
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


@register("csv", summary="one linked event per row, lists as JSON text")
def write_csv(store: Any, stream: IO[str], filters: dict[str, Any], options: ExportOptions | None = None) -> int:
    out = csv.DictWriter(stream, fieldnames=FLAT_COLUMNS, lineterminator="\n")
    out.writeheader()
    n = 0
    for _, row in _rows(store, filters):
        out.writerow({c: _text_cell(c, row[c]) for c in FLAT_COLUMNS})
        n += 1
    return n


@register("jsonl", summary="one linked event per line, with every source")
def write_jsonl(store: Any, stream: IO[str], filters: dict[str, Any], options: ExportOptions | None = None) -> int:
    n = 0
    for event in store.events(**filters):
        record = event.to_dict()
        record["sources"] = sources_of(store, event.id)
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def arrow_schema() -> Any:
    import pyarrow as pa

    def arrow_type(kind: str) -> Any:
        if kind == "list":
            return pa.list_(pa.string())
        if kind == "int":
            return pa.int64()
        if kind == "float":
            return pa.float64()
        if kind == "date":
            return pa.date32()
        return pa.string()  # string, and json (nested records as JSON text)

    return pa.schema([(c, arrow_type(_KINDS[c])) for c in FLAT_COLUMNS])


@register("parquet", summary="the csv columns, typed (lists as list<string>)", binary=True)
def write_parquet(store: Any, stream: IO[bytes], filters: dict[str, Any], options: ExportOptions | None = None) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        from ..errors import MissingDependency

        raise MissingDependency("pyarrow", "parquet") from exc
    from datetime import date

    rows = []
    for _, row in _rows(store, filters):
        values = {c: json.dumps(row[c], ensure_ascii=False) if _KINDS[c] == "json" else row[c] for c in FLAT_COLUMNS}
        for column in (c for c in FLAT_COLUMNS if _KINDS[c] == "date" and values[c]):
            values[column] = date.fromisoformat(values[column])
        rows.append(values)
    table = pa.Table.from_pylist(rows, schema=arrow_schema())
    pq.write_table(table, stream)
    return len(rows)


def _geometry(lat: float | None, lon: float | None) -> dict[str, Any] | None:
    """A GeoJSON Point, or null for an unlocated event (RFC 7946 section 3.2 allows a null geometry)."""
    if lat is None or lon is None:
        return None
    return {"type": "Point", "coordinates": [lon, lat]}


@register("geojson", summary="a FeatureCollection: one feature per event, null geometry when unlocated")
def write_geojson(store: Any, stream: IO[str], filters: dict[str, Any], options: ExportOptions | None = None) -> int:
    features = []
    for _, row in _rows(store, filters):
        properties = dict(row)  # every column but the coordinates, which make the geometry
        lat, lon = properties.pop("lat"), properties.pop("lon")
        features.append({"type": "Feature", "id": row["id"], "geometry": _geometry(lat, lon),
                         "properties": properties})  # fmt: skip
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
def write_mentions(store: Any, stream: IO[str], filters: dict[str, Any], options: ExportOptions | None = None) -> int:
    # Repeats within one article (the extracted event's own ``mentions``) are written too: they are
    # the same happening, so they carry the same linked event id.
    n = 0
    for event in store.events(**filters):
        for m in store.mentions(event.id):
            for start, end in _trigger_spans(m):
                line = dict(zip(_MENTION_FIELDS, (m.article_id, start, end, m.event_id), strict=True))
                stream.write(json.dumps(line, ensure_ascii=False) + "\n")
                n += 1
    return n
