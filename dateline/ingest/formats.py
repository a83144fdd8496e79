"""What ingest knows about inputs that is not language: file formats, markup, record fields, time zones.

Read once from the files of ``data/`` (``formats.toml``, ``timezones.tsv``); see their headers.
"""

from __future__ import annotations

import csv
import tomllib
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["entries", "rows", "section", "word_set"]


def _text(file: str) -> str:
    return resources.files(__package__).joinpath(f"data/{file}").read_text(encoding="utf-8")


@cache
def _formats() -> dict[str, Any]:
    return tomllib.loads(_text("formats.toml"))


def section(name: str) -> dict[str, Any]:
    """A section of ``formats.toml`` (``decode``, ``sniff``, ``html``...)."""
    found: dict[str, Any] = _formats()[name]
    return found


def entries(name: str, key: str) -> tuple[str, ...]:
    """A list of ``formats.toml`` in file order."""
    return tuple(section(name)[key])


@cache
def word_set(name: str, key: str) -> frozenset[str]:
    """A list of ``formats.toml`` as a set."""
    return frozenset(section(name)[key])


@cache
def rows(file: str) -> tuple[dict[str, str], ...]:
    """The rows of a ``data/`` TSV file (``#`` lines are comments; the first other line names the columns)."""
    lines = [line for line in _text(file).splitlines() if line.strip() and not line.startswith("#")]
    return tuple(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
