"""Language knowledge as data: word lists, patterns and lexicons in ``dateline/lang/<code>/``.

A language is a folder plus the spaCy model that parses it (``language.toml``). Code never holds word
lists; it asks the language object, which reads each file once::

    from dateline import lang

    en = lang.load("en")
    en.words("reporting_verbs")      # frozenset of a .txt list
    en.list("months")                # the same entries, in file order
    en.rows("demonyms")              # a .tsv: one dict per row, keyed by its header line
    en.mapping("demonyms")           # a .tsv's first column -> second column
    en.data("coding")                # a .json or .toml file, parsed
    en.alternation("months")         # "january|february|...": a regex alternation of a list, escaped
    en.labels("subjects")            # a group of the spaCy pipeline's labels, from syntax.toml
    lang.of(doc)                     # the language of a spaCy Doc (English when unknown)

File formats (every file starts with ``#`` lines saying what it holds and where its rows came from):

* ``NAME.txt``: one entry per line. Blank lines and lines starting with ``#`` are skipped; an entry
  keeps its case and inner spaces. ``NAME.re.txt`` holds regular-expression fragments instead of words
  (``alternation`` joins them unescaped).
* ``NAME.tsv``: tab-separated; the first line that is not a ``#`` comment names the columns.
* ``NAME.json`` / ``NAME.toml``: structured data (``_comment`` keys are for readers).

Names may contain ``/`` for subfolders (``actors/sectors``). A second language is a new folder beside
``en/`` (or under ``root``) with its own ``language.toml``: see ``docs/languages.md``.
"""

from __future__ import annotations

import csv
import json
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["DEFAULT", "Language", "LanguageDataError", "available", "load", "of"]

DEFAULT = "en"
_HERE = Path(__file__).resolve().parent
_LISTS = (".txt", ".re.txt")
_STRUCTURED = (".json", ".toml")
_SUFFIXES = (*_LISTS, ".tsv", *_STRUCTURED)


class LanguageDataError(ConfigError):
    """A language folder, or a file a mechanism asks it for, is missing or malformed."""

    code = "language-data"


@dataclass(frozen=True, slots=True)
class Language:
    """One language's knowledge: a folder of data files and the spaCy models that parse it."""

    code: str
    name: str
    folder: Path
    spacy_models: tuple[str, ...]

    # --- typed readers -------------------------------------------------------------------------

    def list(self, name: str) -> tuple[str, ...]:
        """The entries of ``NAME.txt`` (or ``NAME.re.txt``), in file order, duplicates dropped."""
        return _entries(self._path(name, _LISTS))

    def words(self, name: str) -> frozenset[str]:
        """The entries of ``NAME.txt`` as a set."""
        return _word_set(self._path(name, (".txt",)))

    def rows(self, name: str) -> tuple[dict[str, str], ...]:
        """The rows of ``NAME.tsv``, each a dict keyed by the header line's column names."""
        return _rows(self._path(name, (".tsv",)))

    def mapping(self, name: str, key: str | None = None, value: str | None = None) -> dict[str, str]:
        """``NAME.tsv`` as a dict from column ``key`` (default: the first) to ``value`` (the second)."""
        return _mapping(self._path(name, (".tsv",)), key, value)

    def data(self, name: str) -> Any:
        """``NAME.json`` or ``NAME.toml``, parsed."""
        return _structured(self._path(name, _STRUCTURED))

    def lines(self, name: str) -> tuple[str, ...]:
        """The raw non-comment, non-blank lines of a text file (for formats with their own reader)."""
        return _lines(self._path(name, (".tsv", *_LISTS)))

    def alternation(self, name: str) -> str:
        """A regex alternation of a list: words escaped, ``.re.txt`` fragments as written.

        Longer entries are not reordered: the file's order is the alternation's order.
        """
        path = self._path(name, _LISTS)
        entries = _entries(path)
        if path.name.endswith(".re.txt"):
            return "|".join(entries)
        return "|".join(re.escape(entry) for entry in entries)

    def labels(self, group: str) -> frozenset[str]:
        """A group of the spaCy pipeline's labels (POS, tags, dependencies, entities) from ``syntax.toml``."""
        groups = _label_groups(self._path("syntax", (".toml",)))
        if group not in groups:
            raise LanguageDataError(f"language {self.code!r} has no label group {group!r} in syntax.toml")
        return groups[group]

    def has(self, name: str) -> bool:
        """Whether this language has a data file called ``name``."""
        return any((self.folder / f"{name}{suffix}").is_file() for suffix in _SUFFIXES)

    def path(self, name: str) -> Path:
        """The file behind ``name`` (any format)."""
        return self._path(name, _SUFFIXES)

    def __getattr__(self, name: str) -> Any:
        """``lang.reporting_verbs``: a .txt list as a set, a .tsv as rows, a .json/.toml parsed."""
        if name.startswith("_"):
            raise AttributeError(name)
        path = self._path(name, _SUFFIXES)
        if path.name.endswith(".txt"):
            return _word_set(path)
        if path.suffix == ".tsv":
            return _rows(path)
        return _structured(path)

    def _path(self, name: str, suffixes: tuple[str, ...]) -> Path:
        path = _find(self.folder, name, suffixes)
        if path is None:
            wanted = " or ".join(f"{name}{s}" for s in suffixes)
            raise LanguageDataError(f"language {self.code!r} has no {wanted} in {self.folder}")
        return path


# --- loading -------------------------------------------------------------------------------------


def available(root: Path | None = None) -> tuple[str, ...]:
    """Codes of the languages under ``root`` (default: the packaged ``dateline/lang``)."""
    folder = root or _HERE
    return tuple(sorted(p.name for p in folder.iterdir() if (p / "language.toml").is_file()))


def load(code: str = DEFAULT, root: Path | None = None) -> Language:
    """The language ``code`` from ``root/<code>/`` (default: the packaged folder), read once.

    Raises:
        LanguageDataError: no such folder, or its ``language.toml`` is missing or malformed.
    """
    return _load(code, root)


@cache
def _load(code: str, root: Path | None) -> Language:
    folder = (root or _HERE) / code
    meta_path = folder / "language.toml"
    if not meta_path.is_file():
        known = ", ".join(available(root)) or "none"
        raise LanguageDataError(f"no language {code!r} (no {meta_path}); available: {known}")
    try:
        meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
        models = tuple(str(m) for m in meta["spacy_models"])
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise LanguageDataError(f"{meta_path}: needs code, name and spacy_models ({exc})") from exc
    return Language(code=code, name=str(meta.get("name", code)), folder=folder, spacy_models=models)


def of(doc: Doc) -> Language:
    """The language of ``doc`` (its ``lang_``), or the default when dateline has no such folder."""
    code = doc.lang_
    return load(code) if code in _packaged() else load(DEFAULT)


@cache
def _packaged() -> frozenset[str]:
    return frozenset(available())


# --- file readers (cached per path: every list is read once per process) ------------------------


@cache
def _find(folder: Path, name: str, suffixes: tuple[str, ...]) -> Path | None:
    """The file behind a name, looked up once: mechanisms ask for their lists in hot loops."""
    for suffix in suffixes:
        path = folder / f"{name}{suffix}"
        if path.is_file():
            return path
    return None


@cache
def _lines(path: Path) -> tuple[str, ...]:
    text = path.read_text(encoding="utf-8")
    return tuple(line.rstrip("\r\n") for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def _entries(path: Path) -> tuple[str, ...]:
    return tuple(dict.fromkeys(line.strip() for line in _lines(path)))


@cache
def _word_set(path: Path) -> frozenset[str]:
    return frozenset(_entries(path))


@cache
def _rows(path: Path) -> tuple[dict[str, str], ...]:
    lines = _lines(path)
    if not lines:
        return ()
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, restval="")
    return tuple({k: (v or "") for k, v in row.items() if k is not None} for row in reader)


@cache
def _mapping(path: Path, key: str | None, value: str | None) -> dict[str, str]:
    rows = _rows(path)
    if not rows:
        return {}
    columns = list(rows[0])
    key, value = key or columns[0], value or columns[1]
    return {row[key]: row[value] for row in rows}


@cache
def _label_groups(path: Path) -> dict[str, frozenset[str]]:
    return {name: frozenset(values) for name, values in _structured(path).items() if isinstance(values, list)}


@cache
def _structured(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    try:
        return tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise LanguageDataError(f"{path}: {exc}") from exc
