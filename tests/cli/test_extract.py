"""``dateline extract`` as users run it: formats, bad input in a batch, stdin, workers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import cli

STORY = (
    "Rebels attack army post near Timbuktu\n\n"
    "BAMAKO, Mali (Reuters) - Rebels attacked an army post in Timbuktu on Tuesday, killing four soldiers, "
    "a military spokesman said.\n"
)


def _run(args, input=None):
    return CliRunner().invoke(cli, ["extract", *args], input=input)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.mark.model
def test_extract_jsonl_gives_one_event_per_line(story):
    result = _run([str(story), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    attack = next(e for e in events if e["event_type"] == "ASSAULT")
    assert attack["dead"] == 4
    assert attack["location"]["country_code"] == "MLI"
    assert attack["location"]["name"] == "Timbuktu"  # where it happened, not the Bamako dateline
    assert STORY[attack["trigger"]["start"] : attack["trigger"]["end"]] == attack["trigger"]["text"]


@pytest.mark.model
def test_extract_json_gives_one_document_per_input(story, tmp_path):
    second = tmp_path / "again.txt"
    second.write_text(STORY, encoding="utf-8")
    result = _run([str(story), str(second), "--format", "json"])
    assert result.exit_code == 0
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(documents) == 2  # identical inputs are both emitted: de-duplication is the store's job
    assert documents[0]["article"]["id"] == documents[1]["article"]["id"]
    assert set(documents[0]) == {"article", "events", "quotes", "timexes"}


@pytest.mark.model
def test_extract_csv_flattens_nested_fields(story):
    result = _run([str(story), "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and "location.lat" in rows[0] and "trigger.start" in rows[0]
    attack = next(r for r in rows if r["event_type"] == "ASSAULT")
    assert float(attack["location.lat"]) == pytest.approx(16.77, abs=0.3)  # Timbuktu, not Bamako


@pytest.mark.model
def test_extract_reads_json_lines_with_ids_and_published(tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [
        {"id": "first", "text": "Police arrested 30 protesters in Lagos on Monday.", "published": "2021-03-03"},
        {"id": "second", "text": "The two presidents met in Geneva.", "unknown_key": 1},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = _run([str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["article"]["id"] for d in documents] == ["first", "second"]
    arrest = next(e for e in documents[0]["events"] if e["event_type"] == "COERCE")
    assert arrest["arrested"] == 30 and arrest["date"] == "2021-03-01"


@pytest.mark.model
def test_extract_bad_inputs_fail_one_line_each_and_good_ones_go_through(tmp_path, story):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.dat").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "huge.txt").write_bytes(b"word " * 5_000_000)
    (tmp_path / "docs.jsonl").write_text(
        '{"id": "ok", "text": "Soldiers clashed with rebels in Kidal."}\n{not json\n', encoding="utf-8"
    )
    (tmp_path / "latin1.txt").write_bytes("Police arrested five men in São Paulo on Monday.".encode("latin-1"))
    names = ["empty.txt", "binary.dat", "huge.txt", "docs.jsonl", "latin1.txt"]
    result = _run([*(str(tmp_path / n) for n in names), str(story), "--format", "json"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert len(errors) == 4
    assert "Traceback" not in result.stderr
    ids = [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()]
    assert "ok" in ids and len(ids) == 3  # the good JSONL line, the latin-1 text, the story
    latin = json.loads(result.stdout.splitlines()[1])
    assert "São Paulo" in latin["article"]["body"]["text"]


@pytest.mark.model
def test_extract_reads_stdin():
    result = _run(["-", "--format", "jsonl"], input=STORY)
    assert result.exit_code == 0
    assert any(json.loads(line)["event_type"] == "ASSAULT" for line in result.stdout.splitlines())


@pytest.mark.model
def test_extract_with_two_workers_gives_the_same_output(tmp_path):
    path = tmp_path / "docs.jsonl"
    texts = [STORY, "Protesters rallied in Dhaka on Friday.", "The ministers met in Paris.", STORY] * 5
    path.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts)))
    one = _run([str(path), "--format", "jsonl"])
    two = _run([str(path), "--format", "jsonl", "--workers", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and one.stdout


def test_extract_usage_error_exits_2():
    assert _run(["--format", "xml", "x.txt"]).exit_code == 2
    assert _run([]).exit_code == 2
