from __future__ import annotations

import json
from itertools import pairwise

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.places import Geoparser


@pytest.mark.model
def test_places_cli_writes_one_resolved_toponym_per_line(tmp_path, monkeypatch, mini_geoparser):
    monkeypatch.setattr(Geoparser, "_default", mini_geoparser)
    story = tmp_path / "docs.jsonl"
    text = "Flooding hit Paris, Texas, and crews from Atlanta helped. Nothing happened in Zzyzxville."
    story.write_text(json.dumps({"id": "doc-1", "text": text}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["places", str(story), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    by_text = {row["text"]: row for row in rows}
    assert set(by_text) == {"Paris", "Texas", "Atlanta"}
    paris = by_text["Paris"]
    assert text[paris["start"] : paris["end"]] == "Paris"
    assert paris["doc_id"] == "doc-1"
    assert paris["country_code"] == "USA" and paris["geonameid"] == 4717560
    assert {"name", "lat", "lon", "feature_code"} <= set(paris)


@pytest.mark.model
def test_places_cli_reports_unreadable_input_and_exits_1(tmp_path, monkeypatch, mini_geoparser):
    monkeypatch.setattr(Geoparser, "_default", mini_geoparser)
    good = tmp_path / "good.txt"
    good.write_text("Talks resumed in Tbilisi.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["places", str(good), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "Tbilisi" in result.stdout
    assert "missing.txt" in result.stderr
    assert "missing.txt" not in result.stdout


def test_gazetteer_cli_import_and_info(tmp_path, mini_dump):
    index = tmp_path / "g.sqlite"
    from dateline.places import build_gazetteer

    build_gazetteer(index, rows=[])
    runner = CliRunner()
    result = runner.invoke(cli, ["gazetteer", "import", str(mini_dump), "--path", str(index)])
    assert result.exit_code == 0, result.output
    assert "imported 17 places" in result.stderr
    info = runner.invoke(cli, ["gazetteer", "info", "--path", str(index)])
    assert info.exit_code == 0
    facts = json.loads(info.stdout)
    assert facts["places"] == 17 and facts["path"] == str(index)


def test_gazetteer_cli_info_without_index_is_one_line_error(tmp_path):
    result = CliRunner().invoke(cli, ["gazetteer", "info", "--path", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 1
    assert "dateline gazetteer build" in result.stderr


@pytest.mark.model
def test_places_cli_never_reports_overlapping_toponyms(tmp_path, monkeypatch, mini_geoparser):
    monkeypatch.setattr(Geoparser, "_default", mini_geoparser)
    story = tmp_path / "story.txt"
    story.write_text("Pompeo blames militias for Baghdad Green Zone Attack\n\nRockets hit Baghdad on Sunday.",
                     encoding="utf-8")
    result = CliRunner().invoke(cli, ["places", str(story)])
    assert result.exit_code == 0, result.output
    spans = sorted((row["start"], row["end"]) for row in map(json.loads, result.stdout.splitlines()))
    assert spans, "Baghdad must be found"
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairwise(spans))
