"""``dateline events`` and ``dateline show`` over a store filled with hand-built documents."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from store_factory import all_documents

from dateline.cli import cli
from dateline.cli.show import highlight
from dateline.store import open_store


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "events.db")
    with open_store(path) as store:
        for doc in all_documents():
            store.write_document(doc)
    return path


def _run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_events_table_lists_linked_events(db):
    result = _run("events", "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:4] == ["id", "date", "type", "cameo"]
    assert len(lines) == 1 + 4
    assert "Kirkuk" in lines[1] and "2021-03-01" in lines[1]


def test_events_jsonl_json_csv_agree(db):
    filters = ["--type", "ASSAULT", "--country", "IRQ", "--since", "2021-04"]
    jsonl = [json.loads(x) for x in _run("events", "--db", db, *filters, "--format", "jsonl").output.splitlines()]
    array = json.loads(_run("events", "--db", db, *filters, "--format", "json").output)
    rows = list(csv.DictReader(io.StringIO(_run("events", "--db", db, *filters, "--format", "csv").output)))
    assert [e["id"] for e in jsonl] == [e["id"] for e in array] == [r["id"] for r in rows]
    assert [e["date"] for e in array] == ["2021-04-05", "2021-04-06"]


def test_events_near_and_text_filters(db):
    near = _run("events", "--db", db, "--near", "35.47,44.39,15", "--format", "json")
    assert [e["location_name"] for e in json.loads(near.output)] == ["Kirkuk"]
    text = _run("events", "--db", db, "--text", "checkpoint", "--format", "json")
    assert [e["date"] for e in json.loads(text.output)] == ["2021-04-05"]
    limited = _run("events", "--db", db, "--limit", "1", "--format", "json")
    assert len(json.loads(limited.output)) == 1


def test_events_bad_filters_are_usage_errors(db):
    assert _run("events", "--db", db, "--since", "yesterday").exit_code == 2
    assert _run("events", "--db", db, "--near", "95,10,5").exit_code == 2
    assert _run("events", "--db", db, "--near", "a,b").exit_code == 2
    assert _run("events").exit_code == 2


def test_show_prints_every_mention_with_the_trigger_bracketed(db):
    with open_store(db) as store:
        event = next(store.events(near=(35.47, 44.39, 10.0)))
    result = _run("show", event.id, "--db", db)
    assert result.exit_code == 0, result.output
    assert "3 mentions in 3 articles" in result.output
    assert "dead:       7 (reported 7-9)" in result.output
    assert "A car bomb [exploded] in a crowded vegetable market" in result.output
    assert result.output.count("[killed]") == 2


def test_show_unknown_event_fails_with_one_line(db):
    result = _run("show", "ev-nope", "--db", db)
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("Error: no event 'ev-nope'") and result.stdout == ""


def test_highlight_styles_on_a_terminal_and_brackets_otherwise():
    assert highlight("a bomb went off", 2, 6, color=False) == "a [bomb] went off"
    styled = highlight("a bomb went off", 2, 6, color=True)
    assert "\x1b[" in styled and "bomb" in styled and "[bomb]" not in styled
    assert highlight("short", 3, 99, color=False) == "short"
