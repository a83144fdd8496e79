"""The ``dateline`` command line: a thin click shell over the library.

Each command lives in its own module in this package and calls one library function. Errors of the
``DatelineError`` tree become one line on stderr without a traceback (``--debug`` shows it); exit codes
follow CONTRACT.md: 0 every input processed, 1 some inputs failed, 2 usage error.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import sys

import click

from .. import settings
from ..errors import ConfigError, DatelineError
from ..version import __version__

__all__ = ["cli", "main"]


class _Group(click.Group):
    """Turns library errors into one-line messages and the contract's exit codes."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except DatelineError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"Error: {exc}", err=True)
            sys.exit(exc.exit_status)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-v, -vv).")
@click.option("--config", "config_file", metavar="FILE", type=click.Path(dir_okay=False),
              help=f"Settings file (TOML) over the defaults; else ${settings.CONFIG_ENV}.")  # fmt: skip
@click.option("--set", "assignments", metavar="SECTION.KEY=VALUE", multiple=True,
              help="One setting, over the file and the environment (repeatable).")  # fmt: skip
@click.pass_context
def cli(
    ctx: click.Context, debug: bool, verbose: int, config_file: str | None, assignments: tuple[str, ...]
) -> None:
    """dateline: political and conflict events from news text.

    Who did what to whom, when, where, how many were hurt, and according to whom.

    \b
    Example:
        dateline extract story.txt --format json
        dateline run articles/ --db events.db
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s")
    loaded = settings.load_with_sources(config_file, _parse_assignments(assignments))
    ctx.obj["settings"] = loaded
    settings.activate(loaded.settings)
    ctx.call_on_close(lambda: settings.activate(None))


def _parse_assignments(assignments: tuple[str, ...]) -> dict[str, str]:
    """``--set section.key=value`` flags as {section.key: value}."""
    parsed = {}
    for assignment in assignments:
        name, equals, value = assignment.partition("=")
        if not equals or "." not in name:
            raise ConfigError(f"--set {assignment!r}: write SECTION.KEY=VALUE, e.g. --set linking.max_km=100")
        parsed[name.strip()] = value.strip()
    return parsed


def _register() -> None:
    """Add the ``command`` of every module of this package that has one."""
    for module in pkgutil.iter_modules(__path__):
        command = getattr(importlib.import_module(f"{__name__}.{module.name}"), "command", None)
        if isinstance(command, click.Command):
            cli.add_command(command)


_register()


def main() -> None:
    cli(prog_name="dateline")
