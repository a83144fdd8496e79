"""Commands that read a database refuse a path with no database behind it: exit 2, nothing created."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from dateline.cli import cli


@pytest.mark.parametrize(
    "args",
    [
        ["events", "--db", "{db}"],
        ["show", "ev0000000000000000", "--db", "{db}"],
        ["export", "jsonl", "--db", "{db}", "-o", "{out}"],
    ],
)
def test_a_mistyped_database_is_a_usage_error_and_is_not_created(tmp_path, args):
    db, out = tmp_path / "evnets.db", tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, [a.format(db=db, out=out) for a in args])
    assert result.exit_code == 2, result.output
    assert "no database at" in result.output and len(result.output.strip().splitlines()) == 1
    assert not db.exists() and not out.exists()


def test_run_still_creates_the_database_it_writes(tmp_path):
    from dateline.store import open_store

    db = tmp_path / "new.db"
    with open_store(str(db)):
        pass
    assert db.is_file()
    result = CliRunner().invoke(cli, ["events", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0 and result.output == ""
