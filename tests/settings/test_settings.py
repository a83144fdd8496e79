"""Settings: the packaged defaults, their overrides and where each value came from (``dateline.settings``)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from dateline import settings
from dateline.errors import ConfigError

DOCS = Path(__file__).resolve().parents[2] / "docs" / "settings.md"


def test_defaults_load_into_the_frozen_model():
    loaded = settings.load_with_sources(environ={})
    assert loaded.settings.linking.link_threshold == 2.0
    assert {source.kind for source in loaded.sources.values()} == {"default"}
    with pytest.raises(ValueError):
        loaded.settings.linking.max_km = 1.0  # type: ignore[misc]


def test_every_setting_is_declared_in_the_model_and_commented_in_the_defaults():
    documented = {name: comment for name, _, comment in settings.documentation()}
    model = settings.Settings.model_fields
    declared = {f"{section}.{key}" for section, field in model.items() for key in field.annotation.model_fields}  # type: ignore[union-attr]
    assert set(documented) == declared
    assert all(comment for comment in documented.values()), [n for n, c in documented.items() if not c]
    with settings.DEFAULTS.open("rb") as handle:
        assert sum(len(keys) for keys in tomllib.load(handle).values()) == len(documented)


def test_the_settings_page_is_generated_from_the_defaults():
    assert DOCS.read_text(encoding="utf-8") == settings.reference(), (
        "docs/settings.md is stale: python -c \"from dateline import settings; "
        "open('docs/settings.md','w').write(settings.reference())\""
    )


def test_file_then_environment_then_flags_override(tmp_path):
    user = tmp_path / "site.toml"
    user.write_text("[linking]\nmax_km = 120.0\nday_window = 3\n", encoding="utf-8")
    environ = {"DATELINE_LINKING__MAX_KM": "100", "DATELINE_HOME": "/elsewhere"}
    loaded = settings.load_with_sources(user, {"linking.day_window": "4"}, environ)
    assert (loaded.settings.linking.max_km, loaded.settings.linking.day_window) == (100.0, 4)
    assert loaded.sources["linking.max_km"].kind == "env"
    assert loaded.sources["linking.day_window"].kind == "flag"
    assert loaded.sources["linking.link_threshold"].kind == "default"


def test_the_config_environment_variable_names_the_user_file(tmp_path):
    user = tmp_path / "site.toml"
    user.write_text("[run]\nworkers = 3\n", encoding="utf-8")
    loaded = settings.load_with_sources(environ={"DATELINE_CONFIG": str(user)})
    assert loaded.settings.run.workers == 3
    assert loaded.sources["run.workers"] == settings.Source("file", str(user))


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"DATELINE_LINKING__MAX_KM": "far"}, "bad setting linking.max_km = 'far' from env"),
        ({"DATELINE_RUN__WORKERS": "0"}, "bad setting run.workers = '0'"),
        ({"DATELINE_LINKING__MAXKM": "1"}, "unknown setting 'linking.maxkm'"),
        ({"DATELINE_CONFIG": "/no/such/file.toml"}, "cannot read settings file"),
    ],
)
def test_bad_values_are_one_line_config_errors(environ, message):
    with pytest.raises(ConfigError, match=message) as caught:
        settings.load(environ=environ)
    assert "\n" not in str(caught.value)


def test_a_file_that_is_not_toml_is_a_config_error(tmp_path):
    user = tmp_path / "bad.toml"
    user.write_text("[linking\nmax_km = ", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        settings.load(user, environ={})


def test_activate_makes_settings_current_and_none_restores_the_defaults():
    custom = settings.load(overrides={"linking.max_km": "10"}, environ={})
    settings.activate(custom)
    try:
        assert settings.current().linking.max_km == 10.0
    finally:
        settings.activate(None)
    assert settings.current() is not custom
