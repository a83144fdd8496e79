"""``dateline serve``: its checks before any server starts (the app itself is tested in-process)."""

from __future__ import annotations

import sys

from click.testing import CliRunner

from dateline.cli import cli
from dateline.cli.serve import _is_loopback


def test_serve_refuses_a_missing_database_and_does_not_create_it(tmp_path):
    missing = tmp_path / "events.db"
    result = CliRunner().invoke(cli, ["serve", "--db", str(missing)])
    assert result.exit_code == 2  # a mistyped --db is a usage error (CONTRACT.md)
    assert result.output.strip().splitlines() == [
        f"Error: no database at {missing}: create it first with `dateline run PATH... --db {missing}`"
    ]
    assert not missing.exists()


def test_serve_names_the_extra_when_uvicorn_is_missing(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # makes `import uvicorn` raise ImportError
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "events.db")])
    assert result.exit_code == 2
    assert result.output.strip() == "Error: uvicorn is not installed: pip install 'dateline[serve]'"


def test_serve_rejects_a_bad_port():
    result = CliRunner().invoke(cli, ["serve", "--db", "events.db", "--port", "70000"])
    assert result.exit_code == 2 and "70000" in result.output


def test_serve_binds_loopback_by_default():
    option = next(p for p in cli.commands["serve"].params if p.name == "host")
    assert option.default == "127.0.0.1" and _is_loopback(option.default)
    assert _is_loopback("localhost") and _is_loopback("::1")
    assert not _is_loopback("0.0.0.0") and not _is_loopback("example.org")
