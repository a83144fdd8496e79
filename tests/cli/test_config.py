"""``dateline config show`` and the group's ``--config`` / ``--set`` options."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dateline.cli import cli


def _show(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, [*args, "config", "show", "--json"], env=env or {})


def test_config_show_lists_every_setting_with_its_source(tmp_path):
    user = tmp_path / "site.toml"
    user.write_text("[linking]\nday_window = 3\n", encoding="utf-8")
    result = _show("--config", str(user), "--set", "run.workers=2", env={"DATELINE_LINKING__MAX_KM": "90"})
    assert result.exit_code == 0, result.output
    rows = {row["name"]: row for row in map(json.loads, result.output.splitlines())}
    assert rows["linking.day_window"]["source"] == "file" and rows["linking.day_window"]["value"] == 3
    assert rows["linking.max_km"] == {"name": "linking.max_km", "value": 90.0, "source": "env",
                                      "detail": "DATELINE_LINKING__MAX_KM"}  # fmt: skip
    assert rows["run.workers"]["source"] == "flag" and rows["run.workers"]["value"] == 2
    assert rows["linking.link_threshold"]["source"] == "default"


def test_config_show_table_names_the_source():
    result = CliRunner().invoke(cli, ["config", "show"], env={"DATELINE_RUN__WORKERS": "2"})
    assert result.exit_code == 0
    assert any(line.startswith("run.workers") and "env (DATELINE_RUN__WORKERS)" in line
               for line in result.output.splitlines())  # fmt: skip


def test_bad_setting_is_a_one_line_error_with_exit_2():
    result = _show(env={"DATELINE_LINKING__MAX_KM": "far"})
    assert result.exit_code == 2
    assert result.output.strip().startswith("Error: bad setting linking.max_km = 'far'")
    assert "Traceback" not in result.output
    assert _show("--set", "linking.max_km").exit_code == 2
    assert _show("--config", "/no/such/settings.toml").exit_code == 2
