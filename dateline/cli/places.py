"""``dateline places PATH... --format jsonl``: every resolved toponym, one per line, to stdout."""

from __future__ import annotations

import click

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
    from ..nlp import load_nlp
    from ..places import Geoparser
    from .lines import write_article_lines

    nlp = load_nlp()
    geoparser = Geoparser(Geoparser.default().gazetteer, demonyms=demonyms, facilities=facilities)
    write_article_lines(
        inputs, output, lambda article: (t.to_dict() for t in geoparser.toponyms(nlp(article.text), doc_id=article.id))
    )
