"""Settings: every tunable value of dateline, from one declaration (``defaults.toml``) and its overrides.

::

    from dateline import settings

    s = settings.load()                                  # defaults, DATELINE_CONFIG, DATELINE_* env
    s.linking.max_km                                     # 150.0
    s = settings.load(config="site.toml", overrides={"linking.max_km": "100"})
    settings.sources(...)                                # where each value came from

Precedence, lowest to highest (STYLE.md 3.6): the packaged ``defaults.toml`` -> a user file (``config``
argument, ``dateline --config FILE``, else the ``DATELINE_CONFIG`` environment variable) -> environment
variables ``DATELINE_<SECTION>__<KEY>`` -> flags (``dateline --set section.key=value``). The result is a
frozen ``Settings``; a bad value or an unknown key raises ``ConfigError`` with one line naming the
setting, the value and where it came from.

``current()`` is the process's active settings (what the CLI loaded, else ``load()``); library code that
is not handed settings explicitly reads it, so ``dateline --config`` reaches the linking weights without
threading an argument through every call.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import ConfigError
from .model import (
    DedupSettings,
    LimitsSettings,
    LinkingSettings,
    PlacesSettings,
    RunSettings,
    Settings,
    StoreSettings,
)

__all__ = [
    "DEFAULTS",
    "DedupSettings",
    "LimitsSettings",
    "LinkingSettings",
    "Loaded",
    "PlacesSettings",
    "RunSettings",
    "Settings",
    "StoreSettings",
    "Source",
    "activate",
    "current",
    "documentation",
    "load",
    "load_with_sources",
    "reference",
]

DEFAULTS = Path(__file__).with_name("defaults.toml")
ENV_PREFIX = "DATELINE_"
CONFIG_ENV = ENV_PREFIX + "CONFIG"
_SEPARATOR = "__"


@dataclass(frozen=True, slots=True)
class Source:
    """Where one effective value came from: ``kind`` is default, file, env or flag; ``detail`` says which."""

    kind: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.kind} ({self.detail})" if self.detail else self.kind


@dataclass(frozen=True, slots=True)
class Loaded:
    """Settings and the source of each ``section.key``."""

    settings: Settings
    sources: Mapping[str, Source]


def load(
    config: str | Path | None = None,
    overrides: Mapping[str, object] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """The effective settings (see the module docstring for the precedence). Raises ``ConfigError``."""
    return load_with_sources(config, overrides, environ).settings


def load_with_sources(
    config: str | Path | None = None,
    overrides: Mapping[str, object] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Loaded:
    """``load``, keeping where each value came from (``dateline config show``)."""
    environ = os.environ if environ is None else environ
    values = {section: dict(keys) for section, keys in _defaults().items()}
    sources = {f"{section}.{key}": Source("default") for section, keys in values.items() for key in keys}
    config = config or environ.get(CONFIG_ENV) or None
    if config:
        for name, value in _flatten(_read_user_file(Path(config))):
            _put(values, sources, name, value, Source("file", str(config)))
    for variable, name in _environment_names(environ):
        _put(values, sources, name, environ[variable], Source("env", variable))
    for name, value in (overrides or {}).items():
        _put(values, sources, name, value, Source("flag", f"--set {name}"))
    return Loaded(_validated(values, sources), dict(sources))


_active: Settings | None = None


def current() -> Settings:
    """The active settings: those ``activate`` was given, else ``load()`` (read once)."""
    return _active if _active is not None else _from_environment()


def activate(settings: Settings | None) -> None:
    """Make ``settings`` the process's active settings (None: back to ``load()``'s)."""
    global _active
    _active = settings


@cache
def _from_environment() -> Settings:
    return load()


@cache
def _defaults() -> dict[str, dict[str, Any]]:
    with DEFAULTS.open("rb") as handle:
        return tomllib.load(handle)


def _read_user_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"cannot read settings file {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"settings file {path} is not valid TOML: {exc}") from None


def _flatten(data: Mapping[str, Any]) -> list[tuple[str, Any]]:
    pairs: list[tuple[str, Any]] = []
    for section, keys in data.items():
        if not isinstance(keys, Mapping):
            raise ConfigError(f"settings file: {section!r} must be a [section] of keys, e.g. [linking]")
        pairs.extend((f"{section}.{key}", value) for key, value in keys.items())
    return pairs


def _environment_names(environ: Mapping[str, str]) -> list[tuple[str, str]]:
    """(variable, section.key) of every ``DATELINE_SECTION__KEY`` variable, sorted."""
    found = []
    for variable in sorted(environ):
        if variable.startswith(ENV_PREFIX) and _SEPARATOR in variable:
            section, _, key = variable[len(ENV_PREFIX) :].lower().partition(_SEPARATOR)
            found.append((variable, f"{section}.{key}"))
    return found


def _put(values: dict[str, dict[str, Any]], sources: dict[str, Source], name: str, value: object,
         source: Source) -> None:  # fmt: skip
    section, _, key = name.partition(".")
    if section not in values or key not in values[section]:
        raise ConfigError(f"unknown setting {name!r} from {source}: see `dateline config show` for the names")
    values[section][key] = value
    sources[name] = source


def _validated(values: dict[str, dict[str, Any]], sources: Mapping[str, Source]) -> Settings:
    try:
        return Settings.model_validate(values)
    except ValidationError as exc:
        error = exc.errors()[0]
        name = ".".join(str(part) for part in error["loc"][:2])
        section, _, key = name.partition(".")
        value = values.get(section, {}).get(key)
        raise ConfigError(
            f"bad setting {name} = {value!r} from {sources.get(name, Source('default'))}: {error['msg']}"
        ) from None


def documentation() -> list[tuple[str, str, str]]:
    """(section.key, default as written, comment) of every setting, in ``defaults.toml`` order."""
    rows = []
    section = ""
    comment: list[str] = []
    for line in DEFAULTS.read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if text.startswith("[") and text.endswith("]"):
            section, comment = text[1:-1], []
        elif text.startswith("#"):
            comment.append(text.lstrip("#").strip())
        elif "=" in text and section:
            key, _, value = text.partition("=")
            rows.append((f"{section}.{key.strip()}", value.strip(), " ".join(comment)))
            comment = []
        else:
            comment = []
    return rows


def reference() -> str:
    """The settings reference page (``docs/settings.md``), generated from ``defaults.toml``."""
    lines = [_INTRO.format(config=CONFIG_ENV, prefix=ENV_PREFIX, separator=_SEPARATOR)]
    section = ""
    for name, default, comment in documentation():
        if name.partition(".")[0] != section:
            section = name.partition(".")[0]
            lines.extend(_section_header(section))
        lines.append(f"| `{name}` | `{default}` | {comment} |")
    return "\n".join(lines) + "\n"


def _section_header(section: str) -> list[str]:
    return ["", f"## [{section}]", "", "| setting | default | meaning |", "| --- | --- | --- |"]


_INTRO = """# Settings

<!-- Generated from dateline/settings/defaults.toml by dateline.settings.reference(); do not edit:
     edit the comments there and regenerate (tests/settings checks the two agree). -->

Every tunable value of dateline. Precedence, lowest to highest: the packaged defaults below, a
user file (`dateline --config FILE`, else the `{config}` environment variable), environment
variables `{prefix}<SECTION>{separator}<KEY>` (e.g. `{prefix}LINKING{separator}MAX_KM=100`),
and `dateline --set section.key=value`. `dateline config show` prints every effective value and
where it came from; a bad value or an unknown name is a one-line error (exit 2).

A user file has the same shape as the defaults:

```toml
[linking]
max_km = 100.0
```"""
