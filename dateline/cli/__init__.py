"""The ``dateline`` command line: a thin click shell over the library.

Each command lives in its own module in this package and calls one library function. Errors of the
``DatelineError`` tree become one line on stderr without a traceback (``--debug`` shows it); exit codes
follow CONTRACT.md: 0 every input processed, 1 some inputs failed, 2 usage error.
"""

from __future__ import annotations

import importlib
import logging
import sys

import click

from ..errors import DatelineError
from ..version import __version__

__all__ = ["cli", "main"]

# Command modules, each exposing ``command`` (a click command or group). Registered in this order.
COMMAND_MODULES = (
    "extract",
    "run",
    "places",
    "times",
    "events",
    "show",
    "export",
    "gazetteer",
    "ingest",
    "serve",
)


class _Group(click.Group):
    """Turns library errors into one-line messages and the contract's exit codes."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except DatelineError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"Error: {exc}", err=True)
            sys.exit(2 if exc.code in ("config", "dependency") else 1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-v, -vv).")
@click.pass_context
def cli(ctx: click.Context, debug: bool, verbose: int) -> None:
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


def _register() -> None:
    for name in COMMAND_MODULES:
        cli.add_command(importlib.import_module(f"{__name__}.{name}").command)


_register()


def main() -> None:
    cli(prog_name="dateline")
