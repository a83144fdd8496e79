"""``dateline config show``: every effective setting and where it came from."""

from __future__ import annotations

import json

import click

from .. import settings

__all__ = ["command"]


@click.group("config")
def command() -> None:
    """Inspect dateline's settings (defaults, --config FILE, DATELINE_* variables, --set).

    Every setting, its default and its meaning: docs/settings.md.

    \b
    Example:
        dateline config show
        dateline --config site.toml --set linking.max_km=100 config show
    """


@command.command("show")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per setting instead of a table.")
@click.pass_context
def show(ctx: click.Context, as_json: bool) -> None:
    """Print every effective setting, its value and where it came from (default, file, env or flag).

    \b
    Example:
        dateline config show
        DATELINE_LINKING__MAX_KM=100 dateline --config site.toml config show
    """
    loaded = (ctx.obj or {}).get("settings") or settings.load_with_sources()
    values = loaded.settings.model_dump()
    names = [name for name, _, _ in settings.documentation()]
    width = max(len(name) for name in names)
    for name in names:
        section, _, key = name.partition(".")
        value, source = values[section][key], loaded.sources[name]
        if as_json:
            click.echo(json.dumps(dict(name=name, value=value, source=source.kind, detail=source.detail)))
        else:
            click.echo(f"{name.ljust(width)}  {json.dumps(value)}  ({source})")
