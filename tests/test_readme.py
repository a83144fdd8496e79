"""Docs and CLI are checked against each other: every command is documented and helped."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from dateline.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def test_every_command_is_in_the_readme_and_has_help_with_an_example():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    runner = CliRunner()
    for name, command in cli.commands.items():
        assert f"dateline {name}" in readme, f"README does not mention `dateline {name}`"
        result = runner.invoke(cli, [name, "-h"])
        assert result.exit_code == 0, name
        assert "Example" in (command.help or "") or "example" in result.output.lower(), name


def test_readme_starts_with_the_two_commands():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    first_block = "\n".join(lines[:15])
    assert "pip install . && dateline run examples/" in first_block
    assert "bash scripts/test.sh" in first_block
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test.sh" in ci


def test_docs_links_resolve():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for part in readme.split("](")[1:]:
        target = part.split(")")[0]
        if target.startswith(("http", "#")):
            continue
        assert (ROOT / target).exists(), target
