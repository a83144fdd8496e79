"""The loop shared by the per-article JSON Lines commands (``places``, ``times``)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from typing import IO, Any

import click

from ..models import Article, Failure
from . import configured

__all__ = ["write_article_lines"]


def write_article_lines(
    inputs: Iterable[str], output: IO[str], records_of: Callable[[Article], Iterable[dict[str, Any]]]
) -> None:
    """Ingest ``inputs``; write ``records_of(article)`` as JSON lines; report failures on stderr (one line
    each) and exit 1 when any input failed."""
    from ..ingest import ingest

    failed = 0
    for item in ingest(list(inputs), limits=configured.ingest_limits()):
        if isinstance(item, Failure):
            failed += 1
            click.echo(f"failed: {item.message()}", err=True)
            continue
        for record in records_of(item):
            output.write(json.dumps(record, ensure_ascii=False) + "\n")
    output.flush()
    if failed:
        sys.exit(1)
