"""CAMEO actor codes from the actor dictionaries: the Phoenix tables plus dateline's additions.

``lookup(tokens, date)`` finds the longest dictionary name in a phrase's tokens and the longest role
noun (agent), and codes the phrase the way a CAMEO coder does:

* a person or body with its own code (``USAGOV``, ``IGOUNO``) keeps it; a date-ranged entry takes the
  code whose period holds the date (the event's date, else the article's: pass ``article_date``);
  with no date, or none that applies, the entry's undated code if it has one; else the country and
  role its codes share (the person-specific part dropped);
* a country or region name with a role noun is country + role (``Iranian`` + ``police`` = ``IRNCOP``);
* a role noun alone is the role-only code (``COP``): CAMEO's rule where no country is named.

The tables are read once, then matching is a few dict probes per token (about 10-40 microseconds a
phrase; building the index about a second). Names: ``lang/en/actors/additions.tsv`` (hand-written,
sourced rows; a name listed there is looked up there only), the Phoenix tables under
``lang/en/actors/phoenix/`` (written by scripts/import_phoenix.py), then dateline's ``demonyms.tsv``
with regular plurals ("Peruvians") for names the others lack. Role nouns:
``lang/en/actors/agent_additions.tsv``, then the Phoenix agents. Country and region codes:
``ontology/data/phoenix_country_codes.tsv`` and ``cameo_region_codes.tsv``. ``discard(text)`` finds
the Phoenix discard phrases (sports, entertainment, history: sentences coders leave uncoded). Names are matched as sequences of lower-cased letter/digit pieces, so
``U.N.`` and ``u.n.`` or ``Ki-moon`` and ``ki moon`` are the same name. A one-piece name of at most
three letters (``US``, ``UN``) only matches when written in capitals, so that "us" is not the USA.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import lang, ontology
from ..extract.actor_lexicon import demonym_forms

__all__ = ["ActorCode", "Discard", "discard", "lookup", "region_codes", "split_code"]

# The actor tables in the order they are consulted for a name: additions first (they correct and
# extend), then the Phoenix dictionaries (countries before international and non-state groups).
ACTOR_TABLES = "actors/additions actors/phoenix/actors actors/phoenix/international actors/phoenix/nonstate"
AGENT_TABLES = "actors/agent_additions actors/phoenix/agents"  # role nouns: additions first
_PHOENIX = "actors/phoenix"
NO_CODE = "---"
_ADDITIONS = "additions.tsv"
_PIECE = re.compile(r"[^\W_]+")
_SHORT = 3  # letters: a one-piece name this short must be written in capitals


@dataclass(frozen=True, slots=True)
class ActorCode:
    """A coded actor: the CAMEO code, its country (or CAMEO region) and sector, and what decided it."""

    code: str
    country: str | None
    sector: str | None
    entry: str  # the dictionary entry, as "phrase [CODE dates]" (two joined by " + " for country + role)
    dictionary: str
    line: int


@dataclass(frozen=True, slots=True)
class _Restriction:
    code: str
    start: int  # YYYYMMDD as a number; 0 = open
    end: int  # 99999999 = open
    text: str  # "CODE 2009-01-20..2017-01-20" for the entry text

    @property
    def dated(self) -> bool:
        return bool(self.start) or self.end != _OPEN_END


@dataclass(frozen=True, slots=True)
class _Entry:
    primary: str
    dictionary: str
    line: int
    restrictions: tuple[_Restriction, ...]


@dataclass(frozen=True, slots=True)
class _Agent:
    phrase: str
    code: str
    before: bool  # the role opens the code (NGO~): NGO + country
    line: int
    table: str


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    size: int

    def overlaps(self, other: _Match) -> bool:
        return self.start < other.start + other.size and other.start < self.start + self.size


_OPEN_END = 99_999_999


# --- reading the tables ------------------------------------------------------------------------------


def _table_path(name: str) -> Path:
    folder = lang.load().folder
    for suffix in (".tsv", ".tsv.gz"):
        path = folder / f"{name}{suffix}"
        if path.is_file():
            return path
    raise lang.LanguageDataError(f"no actor table {name}.tsv or {name}.tsv.gz in {folder}")


def _numbered_rows(name: str) -> Iterator[tuple[int, dict[str, str]]]:
    """A table's rows with their file line numbers (``.tsv`` or ``.tsv.gz``; ``#`` lines skipped)."""
    path = _table_path(name)
    data = path.read_bytes()
    text = (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8")
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if header is None:
            header = line.split("\t")
            continue
        yield number, dict(zip(header, line.split("\t"), strict=False))


def _day(text: str, default: int) -> int:
    return int(text.replace("-", "")) if text else default


def _restriction(row: dict[str, str]) -> _Restriction:
    return _restriction_of(row["code"], row.get("date_from", ""), row.get("date_to", ""))


@cache
def _restriction_of(code: str, start: str, end: str) -> _Restriction:
    """One shared object per distinct (code, period): many entries and phrases repeat them."""
    dates = f" {start}..{end}" if start or end else ""
    return _Restriction(code, _day(start, 0), _day(end, _OPEN_END), code + dates)


def _entry_key(name: str, row: dict[str, str]) -> tuple[str, str]:
    """(dictionary, line) for a Phoenix row; (additions.tsv, phrase) for a row without a line."""
    return row.get("dictionary") or Path(name).name + ".tsv", row.get("line") or row["phrase"]


def _entries(name: str) -> Iterator[tuple[tuple[str, ...], _Entry]]:
    """(name pieces, entry) for every phrase of a table. Phoenix rows sharing a source line are one
    entry; an additions row without a line number is grouped with the rows of the same phrase."""
    groups: dict[tuple[str, str], list[tuple[int, dict[str, str]]]] = {}
    for number, row in _numbered_rows(name):
        groups.setdefault(_entry_key(name, row), []).append((number, row))
    for (dictionary, _), rows in groups.items():
        line = int(rows[0][1].get("line") or rows[0][0])
        phrases = list(dict.fromkeys(row["phrase"] for _, row in rows))
        restrictions = tuple(dict.fromkeys(_restriction(row) for _, row in rows))
        entry = _Entry(phrases[0], dictionary, line, restrictions)
        for phrase in phrases:
            yield pieces(phrase), entry


@dataclass(frozen=True)
class _Index:
    names: dict[tuple[str, ...], tuple[_Entry, ...]]
    agents: dict[tuple[str, ...], _Agent]
    longest: dict[str, int]  # first piece -> longest name or agent phrase opening with it
    countries: frozenset[str]  # CAMEO country and region codes: the blocks that open a code as its country


def pieces(text: str) -> tuple[str, ...]:
    """The lower-cased letter/digit pieces of a name: the unit names are matched on."""
    return tuple(_PIECE.findall(text.lower()))


def _demonym_entries(regions: dict[str, str]) -> Iterator[tuple[tuple[str, ...], _Entry]]:
    """Country-level entries for dateline's demonyms (``demonyms.tsv``) and their regular plurals: the
    Phoenix tables have few plural demonyms ("Iranians"). A regional demonym takes its CAMEO region code."""
    for number, row in enumerate(lang.load().rows("demonyms"), start=1):
        code = row.get("iso3") or regions.get(row.get("region", "").lower(), "")
        if not code:
            continue
        entry = _Entry(row["demonym"].lower(), "demonyms.tsv", number, (_Restriction(code, 0, _OPEN_END, code),))
        for form in demonym_forms(row["demonym"]):  # the actor coder's rule: "Iraqis", no "Chineses"
            yield pieces(form), entry


def _agent(row: dict[str, str], number: int, table: str) -> _Agent:
    return _Agent(row["phrase"], row["code"], row["attach"] == "before", int(row["line"] or number),
                  Path(table).name + ".tsv")


def _region_codes() -> dict[str, str]:
    return {row["name"].lower(): row["code"] for row in ontology.table("cameo_region_codes")}


@cache
def region_codes() -> frozenset[str]:
    """The CAMEO region codes (EUR, MEA, WST...): they stand where a country code stands, but are none."""
    return frozenset(_region_codes().values())


def _country_codes(regions: dict[str, str]) -> frozenset[str]:
    phoenix = {row["code"] for row in ontology.table("phoenix_country_codes")}
    return frozenset(phoenix | _demonym_countries() | set(regions.values()))


def _demonym_countries() -> set[str]:
    return {row["iso3"] for row in lang.load().rows("demonyms") if row.get("iso3")}


@cache
def _index() -> _Index:
    names: dict[tuple[str, ...], list[_Entry]] = {}
    owned: set[tuple[str, ...]] = set()  # names of the additions: their Phoenix entries are not used
    for table in ACTOR_TABLES.split():
        for key, entry in _entries(table):
            if key and (key not in owned or entry.dictionary == _ADDITIONS):
                names.setdefault(key, []).append(entry)
                if entry.dictionary == _ADDITIONS:
                    owned.add(key)
    regions = _region_codes()
    for key, entry in _demonym_entries(regions):
        if key and key not in names:
            names[key] = [entry]
    agents: dict[tuple[str, ...], _Agent] = {}
    for table in AGENT_TABLES.split():
        for number, row in _numbered_rows(table):
            key = pieces(row["phrase"])
            if key and key not in agents:  # the first entry of a phrase wins: additions, then the source order
                agents[key] = _agent(row, number, table)
    longest: dict[str, int] = {}
    for key in (*names, *agents):
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return _Index({k: tuple(v) for k, v in names.items()}, agents, longest, _country_codes(regions))


# --- matching ------------------------------------------------------------------------------------------


def _token_pieces(tokens: Sequence[str]) -> tuple[list[str], list[bool]]:
    """The pieces of all tokens, and for each whether its token was written in capitals."""
    found: list[str] = []
    capitals: list[bool] = []
    for token in tokens:
        for piece in _PIECE.findall(token):
            found.append(piece.lower())
            capitals.append(token.isupper())
    return found, capitals


def _longest(words: list[str], capitals: list[bool], table: dict) -> _Match | None:
    """The longest phrase of ``table`` in ``words`` (the earliest of equally long ones)."""
    best: _Match | None = None
    longest = _index().longest
    for start, word in enumerate(words):
        for size in range(min(longest.get(word, 0), len(words) - start), 0, -1):
            if best is not None and size <= best.size:
                break
            key = tuple(words[start:start + size])
            if key in table and (size > 1 or len(word) > _SHORT or capitals[start]):
                best = _Match(start, size)
                break
    return best


# --- choosing a code -----------------------------------------------------------------------------------


def _as_day(date: dt.date | str | None) -> int | None:
    """YYYYMMDD of a date or ISO string. A partial date stands for the middle of its period
    ("2016" -> 2016-07-01, "2016-05" -> 2016-05-15); an unreadable string is no date."""
    if isinstance(date, dt.date):
        return date.year * 10_000 + date.month * 100 + date.day
    match = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", date or "")
    if match is None:
        return None
    year, month, day = match.groups()
    return int(year) * 10_000 + int(month or 7) * 100 + int(day or (15 if month else 1))


def _shared_part(codes: list[str], countries: frozenset[str], cap: int) -> str:
    """The 3-letter blocks all codes share (at most ``cap`` letters): the country and role without
    the person-specific rest; when they share nothing, the first code's country (if it has one)."""
    shared = ""
    for at in range(0, min(map(len, codes)), 3):
        block = {code[at:at + 3] for code in codes}
        if len(block) > 1 or at >= cap:
            break
        shared += block.pop()
    if not shared and codes[0][:3] in countries:
        return codes[0][:3]
    return shared


def _decide(entries: tuple[_Entry, ...], day: int | None) -> tuple[_Entry, _Restriction, str] | None:
    """(entry, restriction, code) for a name: a dated code holding ``day``, else an undated code, else the
    part of the entry's codes they share (country + role; country only when a date fell outside them)."""
    if day is not None:
        for entry in entries:
            for r in entry.restrictions:
                if r.dated and r.start <= day <= r.end:
                    return entry, r, r.code
    for entry in entries:
        for r in entry.restrictions:
            if not r.dated:
                return entry, r, r.code
    entry = entries[0]
    codes = [r.code for r in entry.restrictions if r.code != NO_CODE]
    if not codes:
        return None
    shared = _shared_part(codes, _index().countries, 3 if day is not None else 6)
    latest = max(entry.restrictions, key=lambda r: r.end)
    return (entry, latest, shared) if shared else None


def split_code(code: str) -> tuple[str | None, str | None]:
    """(country, sector) of a CAMEO actor code: its opening country/region block and the block after it;
    a code without a country (``IGOUNO``, ``COP``) has its first block as sector."""
    countries = _index().countries
    if code[:3] in countries:
        return code[:3], code[3:6] or None
    return None, code[:3] or None


def _code(code: str, entry: str, dictionary: str, line: int) -> ActorCode:
    country, sector = split_code(code)
    return ActorCode(code, country, sector, entry, dictionary, line)


def _agent_text(agent: _Agent) -> str:
    return f"{agent.phrase} [{agent.code + '~' if agent.before else '~' + agent.code}]"


def _source_name(table: str) -> str:
    """The Phoenix source file of a derived agents table (the dictionary a coded entity cites)."""
    return "Phoenix.agents.txt" if table == "agents.tsv" else table


def lookup(phrase_tokens: Sequence[str], date: dt.date | str | None = None,
           article_date: dt.date | str | None = None) -> ActorCode | None:
    """The CAMEO actor code of a phrase (its tokens' texts), or None when no name or role noun is in it.

    ``date`` is the event's date, ``article_date`` the article's (used when the event has none); both
    may be ``datetime.date`` or ISO strings.
    """
    index = _index()
    words, capitals = _token_pieces(phrase_tokens)
    name, role = _longest(words, capitals, index.names), _longest(words, capitals, index.agents)
    agent = index.agents[tuple(words[role.start:role.start + role.size])] if role else None
    if name is not None and not (role is not None and role.overlaps(name) and role.size > name.size):
        decided = _decide(index.names[tuple(words[name.start:name.start + name.size])],
                          _as_day(date or article_date))
        if decided is not None:
            entry, restriction, code = decided
            text = f"{entry.primary} [{restriction.text}]"
            if code != restriction.code:
                text += f" -> {code} (no code of the entry applies: the part its codes share)"
            if code == NO_CODE:
                return None
            if agent is not None and role is not None and not role.overlaps(name) and code in index.countries:
                combined = agent.code + code if agent.before else code + agent.code
                return _code(combined, f"{text} + {_agent_text(agent)}", entry.dictionary, entry.line)
            return _code(code, text, entry.dictionary, entry.line)
    if agent is None:
        return None
    return _code(agent.code, _agent_text(agent), _source_name(agent.table), agent.line)


# --- discards ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Discard:
    """A discard phrase found in a text: coders do not code the sentence (or, ``story``, the article)."""

    phrase: str
    story: bool


@dataclass(frozen=True, slots=True)
class _DiscardRule:
    discard: Discard
    whole_word: bool  # the source phrase ended in "_": it must end at a word boundary, else it is a stem


@cache
def _discard_rules() -> dict[str, tuple[_DiscardRule, ...]]:
    """The discard phrases by their first three characters, longest first."""
    rules: dict[str, _DiscardRule] = {}
    for raw in lang.load().list(f"{_PHOENIX}/discards"):
        phrase = raw.lstrip("+").rstrip("_").strip()
        if phrase and phrase not in rules:
            rules[phrase] = _DiscardRule(Discard(phrase, raw.startswith("+")), raw.endswith("_"))
    by_start: dict[str, list[_DiscardRule]] = {}
    for rule in sorted(rules.values(), key=lambda r: -len(r.discard.phrase)):
        by_start.setdefault(rule.discard.phrase[:3], []).append(rule)
    return {start: tuple(group) for start, group in by_start.items()}


def discard(text: str) -> Discard | None:
    """The first discard phrase (Phoenix.discards) in ``text``, matched without regard to case; every
    phrase starts at a word boundary, and ends at one when the source says so (else it is a stem)."""
    lowered = text.lower()
    rules = _discard_rules()
    for word in re.finditer(r"\w+", lowered):
        at = word.start()
        for rule in rules.get(lowered[at:at + 3], ()):
            end = at + len(rule.discard.phrase)
            if lowered.startswith(rule.discard.phrase, at) and not (
                    rule.whole_word and end < len(lowered) and (lowered[end].isalnum() or lowered[end] == "_")):
                return rule.discard
    return None
