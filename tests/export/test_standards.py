"""Each standard export means what its standard means: schema conformance per format (the column tables of
``ontology/data/columns``), modality, dates, actor codes and names, geography. The ``rich_store`` fixture
(conftest.py) holds the store tests' stories plus one with a protest, an appeal, a negated attack, a
region, a month- and a year-precision event."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from dateline import ontology
from dateline.errors import ExportError
from dateline.export import export
from dateline.export.coded import phoenix_actor, plover_contexts_of
from dateline.export.common import numeric_id
from dateline.export.gdelt import GDELT_COLUMNS, GDELT_MENTION_COLUMNS, gdelt_actor_code
from dateline.export.tabular import date_range


def _text(store, fmt: str, **options) -> tuple[str, list[str]]:
    out, lines = io.StringIO(), []
    export(store, fmt, out, report=lines.append, **options)
    return out.getvalue(), lines


def _schema(layout: str) -> list[dict[str, str]]:
    return list(ontology.table(f"columns/{layout}"))


def _conforms(layout: str, rows: list[list[str]]) -> None:
    """Every row has the layout's columns, required ones filled, each value of its kind and pattern."""
    schema = _schema(layout)
    assert rows
    for row in rows:
        assert len(row) == len(schema), layout
        for spec, value in zip(schema, row, strict=True):
            if not value:
                assert spec["required"] != "yes", (layout, spec["column"], row)
                continue
            if spec["pattern"]:
                assert re.fullmatch(spec["pattern"], value), (layout, spec["column"], value)
            if spec["kind"] == "int":
                int(value)
            elif spec["kind"] == "float":
                float(value)


def _tsv(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines()]


# --- conformance per format ----------------------------------------------------------------------


def test_gdelt_rows_conform_to_the_written_schema(rich_store):
    text, _ = _text(rich_store, "gdelt", date_fallback="published", all_modalities=True)
    _conforms("gdelt", _tsv(text))
    assert len(GDELT_COLUMNS) == 61


def test_gdelt_mentions_conform_to_the_written_schema(rich_store):
    text, _ = _text(rich_store, "gdelt-mentions")
    rows = _tsv(text)
    _conforms("gdelt_mentions", rows)
    assert len(GDELT_MENTION_COLUMNS) == 16
    events = {r[0]: r for r in _tsv(_text(rich_store, "gdelt")[0])}
    assert {r[0] for r in rows} == set(events)  # the mentions of exactly the events of the gdelt export
    for row in rows:  # EventTimeDate is the event's DATEADDED
        assert row[1] == events[row[0]][GDELT_COLUMNS.index("DATEADDED")]
    kirkuk = [dict(zip(GDELT_MENTION_COLUMNS, r, strict=True)) for r in rows if r[5].endswith("/bomb")]
    assert kirkuk[0]["MentionType"] == "1" and kirkuk[0]["MentionSourceName"] == "Wire A"
    assert kirkuk[0]["Confidence"] == "80" and kirkuk[0]["InRawText"] == "1"


def test_phoenix_rows_conform_to_the_written_schema(rich_store):
    text, _ = _text(rich_store, "phoenix")
    _conforms("phoenix", _tsv(text))


def test_acled_rows_conform_to_the_written_schema(rich_store):
    text, _ = _text(rich_store, "acled")
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == ontology.columns("acled")
    _conforms("acled", rows[1:])


def test_plover_records_conform_to_the_written_schema(rich_store):
    text, _ = _text(rich_store, "plover", date_fallback="published")
    json_kinds = {"string": str, "int": int, "float": (int, float), "bool": bool, "list": list, "object": dict}
    records = [json.loads(line) for line in text.splitlines()]
    assert records
    for record in records:
        assert tuple(record) == ontology.columns("plover")
        for spec in _schema("plover"):
            value = record[spec["column"]]
            if value in (None, [], ""):
                assert spec["required"] != "yes", (spec["column"], record)
                continue
            assert isinstance(value, json_kinds[spec["kind"]]), (spec["column"], value)
            if spec["pattern"]:
                assert re.fullmatch(spec["pattern"], str(value))
        assert record["modality"] in {row["modality"] for row in ontology.table("modalities")}
        assert all(actor["code"] for actor in record["actor"])
        assert set(record["context"]) <= set(ontology.plover_contexts())


# --- modality ------------------------------------------------------------------------------------


def test_standard_formats_hold_only_happened_records_unless_all_modalities(rich_store):
    negated = next(e for e in rich_store.events() if e.modality == "negated")
    marks = (negated.id, str(numeric_id(negated.id)))  # phoenix writes the id, the others its number
    for fmt in ("gdelt", "phoenix", "acled", "gdelt-mentions"):
        text, lines = _text(rich_store, fmt)
        assert not any(mark in text for mark in marks), fmt
        assert any("not reported as having happened" in line for line in lines), fmt
        text, _ = _text(rich_store, fmt, all_modalities=True)
        assert any(mark in text for mark in marks), fmt
    for fmt in ("csv", "jsonl", "geojson"):  # dateline's own formats hold every record, with its modality
        text, lines = _text(rich_store, fmt)
        assert negated.id in text and not lines


# --- dates ---------------------------------------------------------------------------------------


def test_gdelt_leaves_out_undated_events_or_dates_them_by_publication(rich_store):
    text, lines = _text(rich_store, "gdelt")
    days = [r[1] for r in _tsv(text)]
    assert all(len(d) == 8 for d in days)
    assert lines == ["gdelt: 5 events left out: no day-precision date (--date-fallback published dates them)",
                     "gdelt: 1 events left out: not reported as having happened (--all-modalities includes them)"]
    text, lines = _text(rich_store, "gdelt", date_fallback="published")
    assert len(_tsv(text)) == len(days) + 5
    assert any("dated by their first article's publication day" in line for line in lines)
    with pytest.raises(ExportError, match="date fallback"):
        _text(rich_store, "gdelt", date_fallback="today")


def test_acled_dates_a_month_mid_month_and_leaves_out_a_year(rich_store):
    rows = list(csv.DictReader(io.StringIO(_text(rich_store, "acled")[0])))
    assert all(r["event_date"] for r in rows)
    arrests = next(r for r in rows if r["actor1"] == "Police Forces of Kenya")
    assert (arrests["event_date"], arrests["time_precision"], arrests["year"]) == ("2021-03-15", "3", "2021")
    _, lines = _text(rich_store, "acled")
    assert any("no day or month" in line for line in lines)


def test_csv_has_date_start_and_end_beside_the_mixed_precision_date():
    assert date_range("2021-04") == ("2021-04-01", "2021-04-30")
    assert date_range("2020") == ("2020-01-01", "2020-12-31")
    assert date_range("2021-05-10") == ("2021-05-10", "2021-05-10")
    assert date_range(None) == (None, None)


# --- codes, actors, geography --------------------------------------------------------------------


def _gdelt_rows(rich_store, **options) -> list[dict[str, str]]:
    text, _ = _text(rich_store, "gdelt", **options)
    return [dict(zip(GDELT_COLUMNS, row, strict=True)) for row in _tsv(text)]


def test_gdelt_quad_class_comes_from_the_cameo_root(rich_store):
    appeal = next(r for r in _gdelt_rows(rich_store) if r["EventCode"] == "020")
    assert appeal["QuadClass"] == "1"  # the event record's own quad class is PLOVER REQUEST's, 3
    assert next(e for e in rich_store.events() if e.cameo == "020").quad_class == 3


def test_gdelt_actor_codes_have_no_placeholders(rich_store):
    assert gdelt_actor_code({"code": "---GOV"}) == "GOV" and gdelt_actor_code({"code": "IRQGOV"}) == "IRQGOV"
    assert gdelt_actor_code({"country": "KEN", "sector": "REB"}) == "KENREB"
    rows = _gdelt_rows(rich_store, all_modalities=True, date_fallback="published")
    assert not any("-" in r["Actor1Code"] + r["Actor2Code"] for r in rows)
    appeal = next(r for r in rows if r["EventCode"] == "020")
    assert (appeal["Actor1Code"], appeal["Actor1Type1Code"], appeal["Actor1CountryCode"]) == ("GOV", "GOV", "")


def test_gdelt_action_geography_only_for_real_places(rich_store):
    rows = _gdelt_rows(rich_store, date_fallback="published")  # the region and the coast have no day of their own
    mideast = next(r for r in rows if r["Actor1Code"] == "KENMIL")
    assert mideast["ActionGeo_Type"] == "0" and not mideast["ActionGeo_ADM1Code"] and not mideast["ActionGeo_Lat"]
    west_coast = next(r for r in rows if r["ActionGeo_CountryCode"] == "US")  # no state of that name: a country
    assert (west_coast["ActionGeo_Type"], west_coast["ActionGeo_ADM1Code"], west_coast["ActionGeo_Lat"]) == (
        "1", "US", "")
    kirkuk = next(r for r in rows if r["ActionGeo_Fullname"] == "Kirkuk, Iraq")
    assert (kirkuk["ActionGeo_Type"], kirkuk["ActionGeo_ADM1Code"]) == ("4", "IZ13")


def test_gdelt_is_root_event_marks_the_lead(rich_store):
    rows = _gdelt_rows(rich_store, date_fallback="published")
    talks = next(r for r in rows if r["EventCode"] == "040")  # the last sentence of its story
    protest = next(r for r in rows if r["EventCode"] == "141")  # the first
    assert (protest["IsRootEvent"], talks["IsRootEvent"]) == ("1", "0")


def test_acled_actor_names_follow_acled_conventions(rich_store):
    rows = list(csv.DictReader(io.StringIO(_text(rich_store, "acled", all_modalities=True)[0])))
    protest = next(r for r in rows if r["event_type"] == "Protests")
    assert (protest["actor1"], protest["inter1"], protest["interaction"]) == ("Protesters (Kenya)", "6", "60")
    assert (protest["source"], protest["admin1"]) == ("Daily K", "Nairobi")
    assert protest["notes"].startswith("Hundreds of traders protested")
    rebels = next(r for r in rows if r["actor1"].startswith("Unidentified Armed Group (Kenya)"))
    assert rebels["inter1"] == "3"  # unnamed rebels: ACLED names no group it cannot identify
    for row in rows:
        assert row["actor1"] and row["interaction"] != "70"
        assert int(row["inter1"]) in ontology.acled_inter_codes()


def test_phoenix_splits_actor_codes_as_phoenix_does():
    assert phoenix_actor("IRQMILREB") == ["IRQMILREB", "IRQ", "MIL", "REB"]
    assert phoenix_actor("---GOV") == ["---GOV", "", "GOV", ""]
    assert phoenix_actor("IGOUNO") == ["IGOUNO", "IGO", "", "UNO"]
    assert phoenix_actor("") == ["", "", "", ""]


def test_plover_contexts_come_from_the_code_and_the_reporting_sentence():
    assert plover_contexts_of("190", ["Troops clashed near the border on Monday."]) == ["military", "territory"]
    assert plover_contexts_of("141", ["Hundreds marched before the ballot."]) == ["election"]
    assert plover_contexts_of("141", ["Hundreds marched."]) == []


class _Journaled:
    """A store whose ``changes()`` journal says every mention was stored at one moment."""

    def __init__(self, store, time: str) -> None:
        self._store, self._time = store, time

    def changes(self):
        for mention in self._store.mentions():
            yield {"mention_id": mention.id, "event_id": mention.event_id, "time": self._time, "kind": "new"}

    def __getattr__(self, name):
        return getattr(self._store, name)


def test_gdelt_dateadded_is_the_store_time_when_the_store_keeps_it(rich_store):
    without = _gdelt_rows(rich_store)
    assert {r["DATEADDED"][:8] for r in without} <= {"20210302", "20210303", "20210406", "20210407", "20210511"}
    journaled = _Journaled(rich_store, "2026-12-08T01:02:03.456789Z")
    assert {r["DATEADDED"] for r in _gdelt_rows(journaled)} == {"20261208010203"}
    mentions = _tsv(_text(journaled, "gdelt-mentions")[0])
    assert {(r[1], r[2]) for r in mentions} == {("20261208010203", "20261208010203")}


def test_cli_export_flags_and_gdelt_mentions(rich_db, tmp_path):
    from click.testing import CliRunner

    from dateline.cli import cli

    out = tmp_path / "events.gdelt"
    plain = CliRunner().invoke(cli, ["export", "gdelt", "--db", rich_db, "-o", str(out)])
    assert plain.exit_code == 0, plain.output
    assert "events left out: no day-precision date" in plain.stderr
    n_plain = len(out.read_text().splitlines())
    every = CliRunner().invoke(cli, ["export", "gdelt", "--db", rich_db, "-o", str(out), "--all-modalities",
                                     "--date-fallback", "published"])  # fmt: skip
    assert every.exit_code == 0 and len(out.read_text().splitlines()) > n_plain
    assert "dated by their first article's publication day" in every.stderr
    mentions = CliRunner().invoke(cli, ["export", "gdelt-mentions", "--db", rich_db])
    assert mentions.exit_code == 0 and all(len(line.split("\t")) == 16 for line in mentions.stdout.splitlines())
    assert CliRunner().invoke(cli, ["export", "gdelt", "--db", rich_db, "--date-fallback", "today"]).exit_code == 2
