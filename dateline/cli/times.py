"""``dateline times PATH... --format jsonl``: every temporal expression, one per line, to stdout."""

from __future__ import annotations

import click

__all__ = ["command"]


@click.command("times")
@click.argument("inputs", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True,
              help="jsonl: one {doc_id, start, end, text, type, value} object per line.")
@click.option("--parse/--no-parse", default=True, show_default=True,
              help="Parse with spaCy so verb tense decides past or future for a bare 'Friday' (slower).")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write to this file instead of stdout.")
def command(inputs: tuple[str, ...], fmt: str, parse: bool, output) -> None:
    """Temporal expressions (TIMEX3 type and value) in PATH... (files, folders, '-', JSON Lines, URLs).

    Values are resolved against each article's publication date, read in the dateline's time zone; a
    document without one keeps relative expressions unresolved (value null). Inputs that cannot be read are
    reported on stderr and make the exit code 1.

    \b
    Example:
        dateline times story.txt
        dateline times docs.jsonl -o timexes.jsonl
    """
    from ..times import timexes_of_article
    from .lines import write_article_lines

    nlp = None
    if parse:
        from ..nlp import load_nlp

        nlp = load_nlp()
    write_article_lines(
        inputs, output,
        lambda article: ({"doc_id": article.id, **t.to_dict()} for t in timexes_of_article(article, nlp=nlp)),
    )
