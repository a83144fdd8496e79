"""``dateline ingest``: read inputs and print one article JSON object per line."""

from __future__ import annotations

import json
import sys

import click

from ..models import Article
from . import configured

__all__ = ["command"]


def _field_map(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str] | None:
    mapping = {}
    for value in values:
        field, sep, key = value.partition("=")
        if not sep or not field or not key:
            raise click.BadParameter(f"expected FIELD=KEY, got {value!r}", ctx=ctx, param=param)
        mapping[field.strip()] = key.strip()
    return mapping or None


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--field-map",
    "field_map",
    multiple=True,
    callback=_field_map,
    metavar="FIELD=KEY",
    help="Read record FIELD (id, text, published, title, url) from KEY in JSONL/JSON/CSV; repeatable.",
)
@click.option("--follow-links", is_flag=True, help="Read symbolic links in folders that lead outside them.")
@click.option("--with-text", is_flag=True, help="Include each article's input text.")
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal)."
)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write to FILE.")
@click.pass_context
def command(
    ctx: click.Context,
    inputs: tuple[str, ...],
    field_map: dict[str, str] | None,
    follow_links: bool,
    with_text: bool,
    progress: bool | None,
    output,
) -> None:
    """Read files, folders, - (stdin), URLs, feeds and archives; print one article per line.

    Each line is the contract's article object plus "language", "skip_reason", "source" and
    "fingerprint". Inputs that cannot be read are reported on stderr; the exit code is then 1.

    \b
    Example:
        dateline ingest story.txt articles/ feed.xml
        dateline ingest corpus.jsonl --field-map text=body --field-map published=date
    """
    from ..ingest import ingest

    show_progress = sys.stderr.isatty() if progress is None else progress
    failed = 0
    items = ingest(inputs, progress=show_progress, field_map=field_map, limits=configured.ingest_limits(),
                   follow_links=follow_links)  # fmt: skip
    for item in items:
        if isinstance(item, Article):
            output.write(json.dumps(_article_json(item, with_text=with_text), ensure_ascii=False) + "\n")
        else:
            failed += 1
            click.echo(f"ingest failed: {item.message()}", err=True)
    output.flush()
    if failed:
        ctx.exit(1)


def _article_json(article: Article, *, with_text: bool) -> dict:
    data = article.to_dict()
    data["skip_reason"] = article.skip_reason
    data["source"] = article.source
    data["fingerprint"] = article.fingerprint
    if with_text:
        data["text"] = article.text
    return data
