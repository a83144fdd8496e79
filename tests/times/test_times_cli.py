from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import cli

DATA = Path(__file__).resolve().parent.parent / "data" / "times"


def run(*args: str) -> tuple[int, list[dict], str]:
    result = CliRunner().invoke(cli, ["times", *args])
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result.exit_code, lines, result.stderr


def test_cli_times_writes_one_timex_per_line_from_jsonl():
    code, lines, _ = run(str(DATA / "docs.jsonl"), "--no-parse")
    assert code == 0
    assert all(set(line) == {"doc_id", "start", "end", "text", "type", "value"} for line in lines)
    by_doc = {}
    for line in lines:
        by_doc.setdefault(line["doc_id"], {})[line["text"]] = line["value"]
    assert by_doc["late-filing"]["next Tuesday"] is not None
    assert by_doc["bare-date"] == {"Thursday": "1998-01-08", "December 1997": "1997-12"}
    assert by_doc["undated"]["yesterday"] is None
    assert by_doc["undated"]["three weeks"] == "P3W"
    assert "2019-03-04" in by_doc["undated"].values()


def test_cli_times_offsets_index_the_input_text():
    code, lines, _ = run(str(DATA / "docs.jsonl"), "--no-parse")
    texts = {json.loads(row)["id"]: json.loads(row)["text"] for row in (DATA / "docs.jsonl").read_text().splitlines()}
    assert code == 0 and lines
    for line in lines:
        assert texts[line["doc_id"]][line["start"] : line["end"]] == line["text"]


@pytest.mark.model  # parses with the trained model
def test_cli_times_reads_a_plain_text_file_with_the_parse():
    code, lines, _ = run(str(DATA / "story.txt"))
    assert code == 0
    assert [line["text"] for line in lines] == ["Friday", "two days", "next week"]
    assert [line["type"] for line in lines] == ["DATE", "DURATION", "DATE"]


def test_cli_times_missing_input_fails_with_exit_1(tmp_path):
    code, lines, stderr = run(str(tmp_path / "absent.txt"), "--no-parse")
    assert code == 1
    assert lines == []
    assert "absent.txt" in stderr


@pytest.mark.model  # parses with the trained model
def test_cli_times_touches_no_network(monkeypatch):
    attempts = []

    def refuse(self, address):
        attempts.append(address)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a))
    code, lines, _ = run(str(DATA / "docs.jsonl"), str(DATA / "story.txt"))
    assert code == 0 and lines
    assert attempts == []
