"""``dateline run``: ingest -> extract -> link -> store, with the contract's summary and exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.store import open_store

INPUT = Path(__file__).resolve().parent.parent / "data" / "store" / "run_input.jsonl"
N_INPUT = sum(1 for line in INPUT.read_text(encoding="utf-8").splitlines() if line.strip())
ROOT = Path(__file__).resolve().parent.parent.parent


def _accounted(db: str) -> tuple[set[str], int]:
    """(stored article ids, inputs recorded as failed): together they must cover every input."""
    with open_store(db) as store:
        return {a["id"] for a in store.articles()}, len(list(store.failures()))


@pytest.mark.model
def test_run_twice_leaves_the_same_database(tmp_path):
    db = str(tmp_path / "events.db")
    first = CliRunner().invoke(cli, ["run", str(INPUT), "--db", db])
    assert first.exit_code in (0, 1), first.output
    assert "articles read: " in first.output and "failures: " in first.output
    with open_store(db) as store:
        before = store.dump()
    second = CliRunner().invoke(cli, ["run", str(INPUT), "--db", db])
    assert second.exit_code == first.exit_code
    with open_store(db) as store:
        assert store.dump() == before
    stored, failed = _accounted(db)
    assert len(stored) + failed == N_INPUT
    if first.exit_code == 0:
        assert "duplicate articles (skipped): 5" in second.output


def test_run_reports_a_missing_input_and_exits_1(tmp_path):
    db = str(tmp_path / "events.db")
    missing = str(tmp_path / "no-such-file.txt")
    result = CliRunner().invoke(cli, ["run", missing, "--db", db])
    assert result.exit_code == 1
    assert "no-such-file.txt" in result.stderr and "no-such-file.txt" not in result.stdout
    with open_store(db) as store:
        (failure,) = store.failures()
    assert failure["input"] == missing and failure["stage"] == "ingest"


def test_run_without_db_is_a_usage_error():
    assert CliRunner().invoke(cli, ["run", str(INPUT)]).exit_code == 2


def test_run_rejects_an_unusable_database(tmp_path):
    result = CliRunner().invoke(cli, ["run", str(INPUT), "--db", str(tmp_path / "missing" / "x.db")])
    assert result.exit_code == 1 and "does not exist" in result.stderr


@pytest.mark.slow
@pytest.mark.model
def test_two_run_processes_on_one_sqlite_file_lose_and_duplicate_nothing(tmp_path):
    db = str(tmp_path / "events.db")
    with open_store(db):
        pass
    command = [sys.executable, "-m", "dateline", "run", str(INPUT), "--db", db]
    procs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]  # fmt: skip
    outputs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode in (0, 1) for p in procs), [err[-400:] for _, err in outputs]
    stored, failed = _accounted(db)
    assert len(stored) + failed == N_INPUT
    with open_store(db) as store:
        counts = store.counts()
        assert counts["articles"] == len(stored)
        assert sum(e.n_mentions for e in store.events()) == counts["event_mentions"]


@pytest.mark.model
def test_run_no_text_keeps_no_article_text(tmp_path):
    db = str(tmp_path / "events.db")
    result = CliRunner().invoke(cli, ["run", str(INPUT), "--db", db, "--no-text"])
    assert result.exit_code in (0, 1), result.output
    with open_store(db) as store:
        stored = [a["id"] for a in store.articles()]
        assert stored and [store.article_text(article_id) for article_id in stored] == [None] * len(stored)


def test_no_text_turns_the_keep_text_setting_off_and_nothing_else():
    from dateline.cli.configured import stored_settings
    from dateline.settings import current

    assert stored_settings(no_text=False) == current() and current().store.keep_text
    bare = stored_settings(no_text=True)
    assert not bare.store.keep_text
    assert bare.model_copy(update={"store": current().store}) == current()
