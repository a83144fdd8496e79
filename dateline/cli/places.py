"""``dateline places PATH... --format jsonl``: every resolved toponym, one per line, to stdout."""

from __future__ import annotations

import json
import sys

import click

from ..models import Failure

__all__ = ["command"]


@click.command("places")
@click.argument("inputs", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True,
              help="jsonl: one {doc_id, start, end, text, name, lat, lon, geonameid, country_code, "
                   "feature_code} object per line.")
@click.option("--demonyms/--no-demonyms", default=True, show_default=True,
              help="Report nationality words ('Russian troops') as toponyms of their country.")
@click.option("--facilities/--no-facilities", default=True, show_default=True,
              help="Report named streets, buildings and areas no gazetteer has at their town's point "
                   "(geonameid and feature_code null).")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write to this file instead of stdout.")
def command(inputs: tuple[str, ...], fmt: str, demonyms: bool, facilities: bool, output) -> None:
    """Place names in PATH... (files, folders, '-', JSON Lines, URLs), resolved to GeoNames places.

    Names the gazetteer cannot resolve are left out (a named street or building counts as resolved to its
    town, see --facilities). Inputs that cannot be read are reported on stderr
    and make the exit code 1. The first run builds the gazetteer (see 'dateline gazetteer build').

    \b
    Example:
        dateline places story.txt
        dateline places docs.jsonl -o toponyms.jsonl
    """
    from ..ingest import ingest
    from ..nlp import load_nlp
    from ..places import Geoparser

    nlp = load_nlp()
    geoparser = Geoparser(Geoparser.default().gazetteer, demonyms=demonyms, facilities=facilities)
    failed = 0
    for item in ingest(list(inputs)):
        if isinstance(item, Failure):
            failed += 1
            click.echo(f"failed: {item.message()}", err=True)
            continue
        doc = nlp(item.text)
        for toponym in geoparser.toponyms(doc, doc_id=item.id):
            output.write(json.dumps(toponym.to_dict(), ensure_ascii=False) + "\n")
    output.flush()
    if failed:
        sys.exit(1)
