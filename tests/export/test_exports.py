"""Every export format re-reads with its documented columns and without loss of what it carries."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))

from store_factory import all_documents  # noqa: E402

from dateline import ontology  # noqa: E402
from dateline.errors import ExportError  # noqa: E402
from dateline.export import FORMATS, export  # noqa: E402
from dateline.export.coded import ACLED_COLUMNS, GDELT_COLUMNS, PHOENIX_COLUMNS, numeric_id  # noqa: E402
from dateline.export.tabular import FLAT_COLUMNS  # noqa: E402
from dateline.store import open_store  # noqa: E402


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "events.db")
    with open_store(path) as store:
        for doc in all_documents():
            store.write_document(doc)
    return path


@pytest.fixture
def store(db):
    with open_store(db) as opened:
        yield opened


def _text(store, fmt: str, **filters) -> str:
    out = io.StringIO()
    export(store, fmt, out, **filters)
    return out.getvalue()


def test_csv_round_trip_keeps_every_column(store):
    import pandas as pd

    frame = pd.read_csv(io.StringIO(_text(store, "csv")), dtype={"cameo": str})
    assert tuple(frame.columns) == FLAT_COLUMNS
    events = {e.id: e for e in store.events()}
    assert set(frame["id"]) == set(events)
    for row in frame.to_dict("records"):
        event = events[row["id"]]
        assert row["cameo"] == event.cameo and row["n_mentions"] == event.n_mentions
        assert json.loads(row["actor"]) == event.actor and json.loads(row["recipient"]) == event.recipient
        assert (pd.isna(row["dead"]) and event.dead is None) or row["dead"] == event.dead
        assert (pd.isna(row["lat"]) and event.lat is None) or row["lat"] == pytest.approx(event.lat)


def test_jsonl_round_trip_is_the_stored_event_plus_sources(store):
    lines = [json.loads(line) for line in _text(store, "jsonl").splitlines()]
    for line in lines:
        sources = line.pop("sources")
        assert line == store.event(line["id"]).to_dict()
        assert len(sources) == line["n_mentions"]
        assert all(s["trigger"]["text"] and s["evidence"]["text"] for s in sources)


def test_parquet_round_trip_is_typed(store):
    import pyarrow.parquet as pq

    out = io.BytesIO()
    assert export(store, "parquet", out) == 4
    table = pq.read_table(io.BytesIO(out.getvalue()))
    assert tuple(table.column_names) == FLAT_COLUMNS
    rows = {r["id"]: r for r in table.to_pylist()}
    kirkuk = next(store.events(near=(35.47, 44.39, 10.0)))
    assert rows[kirkuk.id]["dead"] == kirkuk.dead and rows[kirkuk.id]["dead_max"] == kirkuk.dead_max
    assert len(rows[kirkuk.id]["urls"]) == 3
    assert json.loads(rows[kirkuk.id]["recipient"]) == kirkuk.recipient


def test_geojson_has_a_feature_per_event_and_null_geometry_when_unlocated(store):
    data = json.loads(_text(store, "geojson"))
    events = list(store.events())
    located = [e for e in events if e.lat is not None]
    assert data["type"] == "FeatureCollection" and len(data["features"]) == len(events) > len(located)
    feature = next(f for f in data["features"] if f["id"] == located[0].id)
    assert feature["geometry"] == {"type": "Point", "coordinates": [located[0].lon, located[0].lat]}
    assert feature["properties"]["event_type"] == located[0].event_type
    unlocated = next(f for f in data["features"] if f["id"] not in {e.id for e in located})
    assert unlocated["geometry"] is None and "lat" not in unlocated["properties"]


def test_gdelt_has_61_columns_in_order(store):
    import pandas as pd

    frame = pd.read_csv(io.StringIO(_text(store, "gdelt")), sep="\t", header=None, names=GDELT_COLUMNS,
                        dtype={"EventCode": str, "EventRootCode": str, "Day": str})  # fmt: skip
    assert len(GDELT_COLUMNS) == 61 and GDELT_COLUMNS[-1] == "SOURCEURL" and GDELT_COLUMNS[26] == "EventCode"
    events = {numeric_id(e.id): e for e in store.events()}
    assert len(frame) == sum(1 for e in events.values() if e.date_precision == "day")  # GDELT: dated events only
    for row in frame.to_dict("records"):
        event = events[row["GLOBALEVENTID"]]
        assert row["EventCode"] == event.cameo and row["EventRootCode"] == event.cameo[:2]
        assert row["NumMentions"] == event.n_mentions and row["QuadClass"] == ontology.gdelt_quad_class(event.cameo)
        assert row["Day"] == event.date.replace("-", "")
    kirkuk = frame[frame["ActionGeo_Lat"].round(2) == 35.47].iloc[0]
    assert kirkuk["ActionGeo_Type"] == 4 and kirkuk["ActionGeo_CountryCode"] == "IZ"  # FIPS 10-4
    assert (kirkuk["ActionGeo_ADM1Code"], kirkuk["ActionGeo_Fullname"]) == ("IZ13", "Kirkuk, Iraq")
    assert kirkuk["ActionGeo_FeatureID"] == 94787 and kirkuk["Actor1Geo_Type"] == 0
    assert frame["AvgTone"].isna().all()  # dateline measures no tone: empty, never a made-up number


def test_phoenix_has_26_columns(store):
    rows = list(csv.reader(io.StringIO(_text(store, "phoenix")), delimiter="\t"))
    assert all(len(r) == len(PHOENIX_COLUMNS) == 26 for r in rows)
    by_id = {r[0]: dict(zip(PHOENIX_COLUMNS, r, strict=True)) for r in rows}
    gunmen = next(store.events(actor="gunmen"))
    row = by_id[gunmen.id]
    assert (row["date"], row["code"], row["quad_class"], row["target_root"]) == ("20210405", "190", "4", "IRQ")
    assert (row["target"], row["target_agent"], row["target_others"]) == ("IRQCOP", "COP", "")
    assert all(len(r[1]) == 8 for r in rows)


def test_plover_records_carry_the_manual_fields(store):
    # PLOVER requires a day and a coded actor: the bombings have no actor, the gunmen no country, and the
    # officials' accusation no date of its own, so only the publication day dates it
    assert _text(store, "plover") == ""
    records = [json.loads(line) for line in _text(store, "plover", date_fallback="published").splitlines()]
    assert {"id", "date", "actor", "recipient", "event", "event_loc", "quad_code", "event_text", "size"} <= set(records[0])
    assert all(tuple(r) == ontology.columns("plover") for r in records)  # the layout table, in its order
    (accusation,) = records
    assert (accusation["date"], accusation["event"], accusation["actor"][0]["code"]) == ("2021-03-03", ["ACCUSE"], "IRQ")
    assert accusation["has_event"] is True and accusation["modality"] == "asserted"
    assert accusation["text_info"][0]["text_story"] == accusation["event_text"]


def test_acled_uses_acled_columns_and_only_acled_typed_events(store):
    rows = list(csv.DictReader(io.StringIO(_text(store, "acled"))))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert len(rows) == sum(1 for e in store.events() if e.acled_event_type)
    kirkuk = next(r for r in rows if r["location"] == "Kirkuk")
    assert (kirkuk["fatalities"], kirkuk["iso"], kirkuk["country"], kirkuk["time_precision"]) == ("7", "368", "Iraq", "1")
    assert kirkuk["civilian_targeting"] == "Civilian targeting"
    assert {r["region"] for r in rows if r["country"] == "Iraq"} == {"Middle East"}
    # ACLED's names: the unnamed bombers of civilians are an unidentified armed group (37, never 70)
    assert (kirkuk["actor1"], kirkuk["inter1"], kirkuk["actor2"], kirkuk["inter2"], kirkuk["interaction"]) == (
        "Unidentified Armed Group (Iraq)", "3", "Civilians (Iraq)", "7", "37")
    assert (kirkuk["source"], kirkuk["admin1"]) == ("Paper B; Site C; Wire A", "Kirkuk")
    gunmen = next(r for r in rows if r["sub_event_type"] == "Attack")
    assert (gunmen["actor1"], gunmen["actor2"], gunmen["interaction"]) == (
        "Unidentified Armed Group (Iraq)", "Police Forces of Iraq", "13")


def test_mentions_point_at_trigger_spans_of_stored_events(store):
    texts = {d.article.id: d.article.text for d in all_documents()}
    lines = [json.loads(line) for line in _text(store, "mentions").splitlines()]
    assert all(set(line) == {"doc_id", "start", "end", "event_id"} for line in lines)
    assert len(lines) == store.counts()["event_mentions"]
    triggers = {m.trigger_text for m in store.mentions()}
    assert {texts[x["doc_id"]][x["start"]:x["end"]] for x in lines} == triggers
    kirkuk = next(store.events(near=(35.47, 44.39, 10.0))).id
    assert sorted(x["doc_id"] for x in lines if x["event_id"] == kirkuk) == ["paper-b", "site-c", "wire-a"]


def test_export_filters_apply_to_every_format(store):
    assert _text(store, "jsonl", event_type="PROTEST") == ""
    assert len(_text(store, "mentions", event_type="ACCUSE").splitlines()) == 1


def test_export_unknown_format_is_an_error(store):
    with pytest.raises(ExportError, match="unknown export format"):
        export(store, "xml", io.StringIO())
    assert len(FORMATS) == 10 and "gdelt-mentions" in FORMATS


def test_cli_export_writes_file_and_reports_count(db, tmp_path):
    from click.testing import CliRunner

    from dateline.cli import cli

    out = tmp_path / "events.geojson"
    result = CliRunner().invoke(cli, ["export", "geojson", "--db", db, "-o", str(out), "--country", "IRQ"])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        expected = len(list(store.events(country="IRQ")))  # unlocated events too, with a null geometry
    assert len(json.loads(out.read_text())["features"]) == expected >= 3
    assert CliRunner().invoke(cli, ["export", "xml", "--db", db]).exit_code == 2
    assert CliRunner().invoke(cli, ["export", "parquet", "--db", db]).exit_code == 2
    result = CliRunner().invoke(cli, ["export", "mentions", "--db", db])
    assert result.exit_code == 0 and len(result.output.splitlines()) == 6
