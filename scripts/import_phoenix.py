"""Import the Phoenix / PETRARCH-2 actor, agent and discard dictionaries as dateline's own tables.

    python scripts/import_phoenix.py [SOURCE_FOLDER] [--out REPO_ROOT]

SOURCE_FOLDER (default ``../shared/third_party/phoenix-dictionaries``) holds the dictionaries copied
unchanged from openeventdata/petrarch2 (commit 676801cd9cb2924bbbad09f86d15c9323e7097bf, folder
petrarch2/data/dictionaries/, MIT licence). The file formats are the ones that repository documents
(``dictionaries-format.rst`` beside the files); this parser is written for dateline from that
description, not ported. It writes:

* ``dateline/lang/en/actors/phoenix/actors.tsv.gz``: country actors and persons (Phoenix.Countries);
* ``.../international.tsv(.gz)``, ``.../nonstate.tsv(.gz)``: international organisations, armed groups;
  each row: phrase, code, date_from, date_to, dictionary, line (the source line of the entry);
* ``.../agents.tsv``: role nouns with singular, plural and substitution forms -> sector code;
* ``.../discards.txt``: phrases that mark a sentence (or, with ``+``, a story) as not codeable;
* ``.../LICENSE.phoenix.txt``: the dictionaries' MIT licence;
* ``dateline/ontology/data/phoenix_country_codes.tsv``: the CAMEO country codes the dictionary gives
  whole countries (the codes that can open an actor code as its country).

Run it again after updating the source folder; the output is deterministic.
"""

from __future__ import annotations

import argparse
import calendar
import gzip
import io
import re
import shutil
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared/third_party/phoenix-dictionaries"
PHOENIX_DIR = Path("dateline/lang/en/actors/phoenix")
ONTOLOGY_DIR = Path("dateline/ontology/data")

SOURCE_NOTE = (
    "# Source: openeventdata/petrarch2, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf, folder\n"
    "# petrarch2/data/dictionaries/ (file {source}), derived by scripts/import_phoenix.py.\n"
    "# Licence: MIT, Copyright (c) 2014 Open Event Data Alliance (LICENSE.phoenix.txt in\n"
    "# dateline/lang/en/actors/phoenix/).\n"
)
GZIP_ABOVE = 300_000  # bytes: larger tables are installed gzipped (the reader handles both)
YEAR_PIVOT = 30  # two-digit years 00-30 are 2000-2030, 31-99 are 1931-1999 (the files span 1897-2015)

AGENTS_WHAT = "Role nouns (agents) of the Phoenix dictionaries and their CAMEO sector codes."
AGENT_COLUMNS = (
    "phrase = role noun phrase, lower case; code = the sector code it gives (GOV, COP, GOVFRM...);\n"
    "# attach = after: the code follows a country code (IRN + GOV = IRNGOV), before: it precedes\n"
    "# it (NGO~); form = singular, plural (regular plurals generated: -s, -es, consonant+y -> -ies;\n"
    "# {...} forms as given; {} none) or substitution (!PERSON!, !MINIST! sets expanded);\n"
    "# line = source line. Words separated by a blank in the source are taken as consecutive."
)
DISCARDS_HEADER = (
    "# Discard phrases of the Phoenix dictionaries: a sentence containing one is not coded (sports,\n"
    "# entertainment, history). A leading + means the whole story is not coded; a trailing _ means\n"
    "# the phrase must end at a word boundary (otherwise it is a stem). Matching ignores case.\n"
)
COUNTRY_CODES_HEADER = (
    "# CAMEO country codes: the 3-letter codes the Phoenix country dictionary gives whole countries\n"
    "# (mostly ISO 3166-1 alpha-3; KSV Kosovo, historical states such as SUN, DDR, CSK, SCG). An actor\n"
    "# code opening with one of them names that country (USAGOV -> USA).\n"
    "# Columns: code; name = the dictionary's primary phrase for it.\n"
)
COUNTRIES_WHAT = (
    "Country actors of the Phoenix dictionaries: countries, their places, leaders, officials, bodies."
)
INTERNATIONAL_WHAT = "International actors of the Phoenix dictionaries: IGOs, NGOs, companies, media."
NONSTATE_WHAT = "Armed non-state groups of the Phoenix dictionaries."

_BRACKET = re.compile(r"\[([^\]\}]*)[\]\}]")
_PLURAL = re.compile(r"\{([^}]*)\}")
_SUBSTITUTION = re.compile(r"!([A-Z]+)!")
_SUBSTITUTION_DEF = re.compile(r"^!([A-Z]+)!\s*=\s*(.+)$")
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")


# --- reading the dictionaries ------------------------------------------------------------------------


@dataclass(frozen=True)
class Restriction:
    """One ``[CODE dates]`` of an actor entry; empty dates = the entry's default code."""

    code: str
    date_from: str = ""
    date_to: str = ""


@dataclass
class ActorEntry:
    """A record of an actor dictionary: its phrases (primary first) share its code restrictions."""

    line: int
    phrases: list[str] = field(default_factory=list)
    restrictions: list[Restriction] = field(default_factory=list)


@dataclass
class Problems:
    """What the importer skipped, reported in the output headers."""

    bad_dates: int = 0
    no_code: int = 0


def _without_comment(raw: str) -> str:
    return raw.split("#", 1)[0].rstrip()


def phrase_of(text: str) -> str:
    """A dictionary phrase as dateline writes it: lower case, words separated by single spaces."""
    return " ".join(text.replace("_", " ").lower().split())


def _date(text: str) -> str | None:
    """YYMMDD or YYYYMMDD -> YYYY-MM-DD (day clamped to the month's end); None when malformed."""
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        century = 2000 if int(text[:2]) <= YEAR_PIVOT else 1900
        text = f"{century + int(text[:2])}{text[2:]}"
    year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
    if not 1 <= month <= 12 or day < 1:
        return None
    day = min(day, calendar.monthrange(year, month)[1])
    return f"{year:04d}-{month:02d}-{day:02d}"


def restriction_of(inside: str, problems: Problems) -> Restriction | None:
    """``USAGOV 090120-170120`` / ``IGOUNO >070201`` / ``ELI`` -> a Restriction (None if malformed)."""
    parts = inside.split()
    if not parts or not re.fullmatch(r"[A-Z~-]+", parts[0]):
        problems.bad_dates += 1
        return None
    code, dates = parts[0], "".join(parts[1:])
    if not dates:
        return Restriction(code)
    if dates[0] in "<>":
        bound = _date(dates[1:])
        if bound is None:
            problems.bad_dates += 1
            return None
        return Restriction(code, bound, "") if dates[0] == ">" else Restriction(code, "", bound)
    start, _, end = dates.partition("-")
    first, last = _date(start), _date(end or start)  # a single date: that day only
    if first is None or last is None:
        problems.bad_dates += 1
        return None
    return Restriction(code, first, last)


def _restrictions_in(text: str, problems: Problems) -> list[Restriction]:
    found = (restriction_of(inside, problems) for inside in _BRACKET.findall(text))
    return [r for r in found if r is not None]


def read_actor_entries(lines: Iterable[str], problems: Problems) -> Iterator[ActorEntry]:
    """The records of an actor dictionary: primary line, ``+`` synonyms, tab-indented restrictions.

    A restriction may also follow a phrase on its own line. A ``+`` inside a synonym line separates
    two synonyms (a slip of the source files).
    """
    entry: ActorEntry | None = None
    for number, raw in enumerate(lines, start=1):
        text = _without_comment(raw)
        stripped = text.strip()
        if not stripped:
            continue
        if stripped.startswith("["):
            if entry is not None:
                entry.restrictions += _restrictions_in(stripped, problems)
            continue
        phrase_part = stripped.split("[", 1)[0]
        if stripped.startswith("+") and entry is not None:
            entry.phrases += [p for p in map(phrase_of, phrase_part[1:].split("+")) if p]
            entry.restrictions += _restrictions_in(stripped, problems)
            continue
        if entry is not None:
            yield entry
        entry = ActorEntry(number, [phrase_of(phrase_part.lstrip("+"))], _restrictions_in(stripped, problems))
    if entry is not None:
        yield entry


@dataclass(frozen=True)
class AgentForm:
    """One phrase of the agents dictionary with its code and the source line."""

    phrase: str
    code: str
    attach: str  # "after": the code follows a country (~GOV); "before": it precedes it (NGO~)
    form: str  # singular / plural / substitution
    line: int


def plural_of(phrase: str) -> str:
    """The regular English plural of a phrase's last word."""
    head, _, last = phrase.rpartition(" ")
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", last):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}".strip()


def read_agents(lines: Iterable[str], problems: Problems) -> Iterator[AgentForm]:
    """Expand the agents dictionary: ``!SET!`` substitutions, ``{plural}`` forms, automatic plurals."""
    substitutions: dict[str, list[str]] = {}
    for number, raw in enumerate(lines, start=1):
        text = _without_comment(raw).strip()
        definition = _SUBSTITUTION_DEF.match(text)
        if definition:
            substitutions[definition[1]] = [item.strip() for item in definition[2].split(",")]
            continue
        bracket = _BRACKET.search(text)
        if not text or bracket is None:
            problems.no_code += bool(text)
            continue
        head = text[: bracket.start()]
        plural = _PLURAL.search(head)
        root = head[: plural.start()] if plural else head
        yield from _agent_forms(
            root, plural[1] if plural else None, substitutions, _agent_maker(bracket[1].strip(), number)
        )


def _attach(raw_code: str) -> str:
    """``~GOV``: the role follows a country code (after); ``NGO~``: it precedes it (before)."""
    return "before" if raw_code.endswith("~") else "after"


def _agent_maker(raw_code: str, number: int):
    code, attach = raw_code.strip("~"), _attach(raw_code)
    return lambda phrase, form: AgentForm(phrase, code, attach, form, number)


def _agent_forms(
    root: str, plural: str | None, substitutions: dict[str, list[str]], make
) -> Iterator[AgentForm]:
    marker = _SUBSTITUTION.search(root)
    if marker and marker[1] in substitutions:
        for item in substitutions[marker[1]]:
            yield make(phrase_of(root[: marker.start()] + item + root[marker.end() :]), "substitution")
        return
    singular = phrase_of(root)
    if not singular:
        return
    yield make(singular, "singular")
    if plural is None and not re.search(r"[^s]s$", singular):  # "troops", "forces": already plural
        yield make(plural_of(singular), "plural")
    elif plural is not None and plural.strip():
        yield make(phrase_of(plural), "plural")


def read_discards(lines: Iterable[str]) -> Iterator[str]:
    """Discard phrases, lower-cased, keeping the source's marks (leading ``+``, trailing ``_``)."""
    for raw in lines:
        text = _without_comment(raw).strip()
        if text:
            marked_story = text.startswith("+")
            body = " ".join(text.lstrip("+").lower().split())
            yield ("+" if marked_story else "") + body


# --- writing the tables ------------------------------------------------------------------------------


def _header(what: str, columns: str, source: str, problems: Problems | None = None) -> str:
    left_out = ""
    if problems is not None and (problems.bad_dates or problems.no_code):
        left_out = (
            f"# Left out: {problems.bad_dates} malformed code restrictions, "
            f"{problems.no_code} entries or lines without a code.\n"
        )
    return f"# {what}\n# Columns: {columns}\n{left_out}" + SOURCE_NOTE.format(source=source)


def _write(path: Path, text: str) -> Path:
    """Write ``text`` to ``path``, gzipped (``path`` + ``.gz``) when it is large; remove the other form."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    gz_path = path.with_name(path.name + ".gz")
    if len(data) > GZIP_ABOVE:
        buffer = io.BytesIO()
        with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as out:  # mtime 0: reproducible bytes
            out.write(data)
        gz_path.write_bytes(buffer.getvalue())
        path.unlink(missing_ok=True)
        return gz_path
    path.write_bytes(data)
    gz_path.unlink(missing_ok=True)
    return path


def actor_rows(entries: Iterable[ActorEntry], dictionary: str, problems: Problems) -> Iterator[str]:
    """One row per phrase and restriction (primary phrase first); entries without a code are left out.

    A phrase with a parenthetical (``... army (aaia)``) is also listed without it.
    """
    for entry in entries:
        if not entry.restrictions:
            problems.no_code += 1
            continue
        phrases = []
        for phrase in entry.phrases:
            phrases.append(phrase)
            bare = " ".join(_PARENTHETICAL.sub("", phrase).split())
            if bare and bare != phrase:
                phrases.append(bare)
        for phrase in dict.fromkeys(phrases):
            for r in entry.restrictions:
                yield f"{phrase}\t{r.code}\t{r.date_from}\t{r.date_to}\t{dictionary}\t{entry.line}\n"


ACTOR_COLUMNS = (
    "phrase = lower-cased words of a name (spaces between words); code = CAMEO actor code "
    "(--- = no code);\n# date_from / date_to = the period the code applies (YYYY-MM-DD, "
    "inclusive; empty = open; both empty = the entry's\n# default code); dictionary = source "
    "file; line = the entry's line there: rows with the same line are one\n# entry, its "
    "primary phrase first, and share its codes."
)


def import_actors(source: Path, out: Path, file_name: str, table: str, what: str) -> Path:
    problems = Problems()
    entries = list(read_actor_entries(_source_lines(source, file_name), problems))
    body = "".join(actor_rows(entries, file_name, problems))
    return _write(
        out / PHOENIX_DIR / f"{table}.tsv",
        _header(what, ACTOR_COLUMNS, file_name, problems)
        + "phrase\tcode\tdate_from\tdate_to\tdictionary\tline\n"
        + body,
    )


def _source_lines(source: Path, file_name: str) -> list[str]:
    return (source / file_name).read_text(encoding="utf-8").splitlines()


def import_agents(source: Path, out: Path) -> Path:
    problems = Problems()
    forms = list(dict.fromkeys(read_agents(_source_lines(source, "Phoenix.agents.txt"), problems)))
    body = "".join(f"{f.phrase}\t{f.code}\t{f.attach}\t{f.form}\t{f.line}\n" for f in forms)
    return _write(
        out / PHOENIX_DIR / "agents.tsv",
        _header(AGENTS_WHAT, AGENT_COLUMNS, "Phoenix.agents.txt", problems)
        + "phrase\tcode\tattach\tform\tline\n"
        + body,
    )


def import_discards(source: Path, out: Path) -> Path:
    body = "".join(
        f"{phrase}\n"
        for phrase in dict.fromkeys(read_discards(_source_lines(source, "Phoenix.discards.txt")))
    )
    return _write(
        out / PHOENIX_DIR / "discards.txt",
        DISCARDS_HEADER + SOURCE_NOTE.format(source="Phoenix.discards.txt") + body,
    )


def import_country_codes(source: Path, out: Path) -> Path:
    """The 3-letter codes the Countries dictionary gives whole countries, with the entry's name."""
    names: dict[str, str] = {}
    for entry in read_actor_entries(_source_lines(source, "Phoenix.Countries.actors.txt"), Problems()):
        for r in entry.restrictions:
            if re.fullmatch(r"[A-Z]{3}", r.code):
                names.setdefault(r.code, entry.phrases[0])
    body = "".join(f"{code}\t{name}\n" for code, name in sorted(names.items()))
    return _write(
        out / ONTOLOGY_DIR / "phoenix_country_codes.tsv",
        COUNTRY_CODES_HEADER
        + SOURCE_NOTE.format(source="Phoenix.Countries.actors.txt")
        + "code\tname\n"
        + body,
    )


def copy_licence(source: Path, out: Path) -> Path:
    target = out / PHOENIX_DIR / "LICENSE.phoenix.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / "LICENSE", target)
    return target


def run(source: Path, out: Path) -> list[Path]:
    """Write every derived table; returns their paths."""
    written: list[Path] = []
    written.append(import_actors(source, out, "Phoenix.Countries.actors.txt", "actors", COUNTRIES_WHAT))
    written.append(import_country_codes(source, out))
    written.append(
        import_actors(source, out, "Phoenix.International.actors.txt", "international", INTERNATIONAL_WHAT)
    )
    written.append(import_actors(source, out, "Phoenix.MilNonState.actors.txt", "nonstate", NONSTATE_WHAT))
    written.append(import_agents(source, out))
    written.append(import_discards(source, out))
    written.append(copy_licence(source, out))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "source",
        type=Path,
        nargs="?",
        default=DEFAULT_SOURCE,
        help="folder of the Phoenix dictionaries (default: %(default)s)",
    )
    parser.add_argument("--out", type=Path, default=ROOT, help="repository root to write under")
    args = parser.parse_args(argv)
    if not (args.source / "Phoenix.Countries.actors.txt").is_file():
        parser.error(f"{args.source}: no Phoenix.Countries.actors.txt there")
    for path in run(args.source, args.out):
        print(f"{path.stat().st_size:>9,}  {path.relative_to(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
