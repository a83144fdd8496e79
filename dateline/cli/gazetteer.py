"""``dateline gazetteer build|import FILE|info``: the place-name index the geoparser reads."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

__all__ = ["command"]


def _path_option(function):
    return click.option(
        "--path", "path", type=click.Path(dir_okay=False, path_type=Path), default=None,
        help="Index file (default: the places.gazetteer setting, else gazetteer-<version>.sqlite in "
        "$DATELINE_HOME or ~/.cache/dateline).",
    )(function)


def _resolve(path: Path | None) -> Path:
    from ..places import default_path

    return path or default_path()


@click.group("gazetteer")
def command() -> None:
    """Build, extend and inspect the gazetteer (GeoNames data, CC BY 4.0).

    \b
    Example:
        dateline gazetteer build
        dateline gazetteer import cities500.zip
        dateline gazetteer info
    """


@command.command("build")
@_path_option
def build(path: Path | None) -> None:
    """Build the index from the packaged GeoNames data (replaces an existing one atomically)."""
    from ..places import build_gazetteer

    target = _resolve(path)
    started = time.perf_counter()
    meta = build_gazetteer(target)
    size = target.stat().st_size
    click.echo(f"built {target}: {meta['places']} places, {size / 1e6:.1f} MB in "
               f"{time.perf_counter() - started:.1f}s", err=True)


@command.command("import")
@click.argument("dump", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_path_option
def import_(dump: Path, path: Path | None) -> None:
    """Add a GeoNames dump (allCountries.txt, cities500.txt, XX.txt, or their .zip) to the index."""
    from ..places import build_gazetteer, import_geonames

    target = _resolve(path)
    if not target.is_file():
        click.echo(f"building {target} first", err=True)
        build_gazetteer(target)
    count = import_geonames(target, dump)
    click.echo(f"imported {count} places from {dump} into {target}", err=True)


@command.command("info")
@_path_option
def info(path: Path | None) -> None:
    """Print the index's location, size and provenance as one JSON object."""
    from ..places import Gazetteer

    gazetteer = Gazetteer(_resolve(path))
    try:
        click.echo(json.dumps({"path": str(gazetteer.path), **gazetteer.stats(), "meta": gazetteer.meta()}))
    finally:
        gazetteer.close()
