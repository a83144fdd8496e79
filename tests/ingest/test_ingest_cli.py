from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from dateline.cli import cli

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"


def test_ingest_command_prints_one_article_per_line_and_failures_on_stderr(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(DATA / "ap_layout.txt"), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    article = json.loads(lines[0])
    assert article["outlet"] == "AP" and article["published"] == "2020-12-21T14:02:00Z"
    assert article["language"] == "en" and article["skip_reason"] is None
    assert set(article) >= {
        "id",
        "title",
        "outlet",
        "dateline",
        "published",
        "url",
        "language",
        "body",
        "removed",
    }
    assert "text" not in article
    assert "missing.txt: no such file or directory" in result.stderr


def test_ingest_command_exits_0_and_maps_fields(tmp_path):
    result = CliRunner().invoke(
        cli,
        [
            "ingest",
            str(DATA / "docs.csv"),
            "--field-map",
            "text=body",
            "--field-map",
            "published=date",
            "--with-text",
            "-o",
            str(tmp_path / "out.jsonl"),
        ],
    )
    assert result.exit_code == 1  # the CSV has two bad rows
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["id"] for r in rows] == ["c-1", "c-2"] and rows[0]["text"].startswith("Firefighters")


def test_ingest_command_exit_0_when_everything_reads():
    result = CliRunner().invoke(cli, ["ingest", str(DATA / "feed.atom")])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["title"] == "Ferry service restored"


def test_ingest_command_rejects_a_bad_field_map():
    result = CliRunner().invoke(cli, ["ingest", str(DATA / "docs.csv"), "--field-map", "text"])
    assert result.exit_code == 2


def test_ingest_command_unknown_field_map_target_is_a_usage_error():
    result = CliRunner().invoke(cli, ["ingest", str(DATA / "docs.csv"), "--field-map", "body=text"])
    assert result.exit_code == 2
    assert "unknown field in field_map: body" in result.output + result.stderr
