"""The trigger lexicon (``lang/en/triggers*.tsv``) and the coding cues, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from .. import lang, ontology

__all__ = ["CodingCues", "TriggerEntry", "cameo_group", "code_group", "coding_cues", "trigger_entries"]

# triggers.tsv is the core lexicon; triggers_*.tsv files beside it add domains (economy, ...) in its format
_CORE_LEXICON = "triggers"
_DOMAIN_LEXICONS = "triggers_*.tsv"
_NEEDS_SEPARATOR, _FORBIDDEN = "|", "!"
_WEAPON_CLASSES = "weapon_classes"


@dataclass(frozen=True, slots=True, kw_only=True)
class TriggerEntry:
    """One row of ``triggers.tsv``: a lemma (or lemma phrase) that can express an event."""

    lemmas: tuple[str, ...]
    pos: frozenset[str]
    cameo: str
    needs: tuple[tuple[str, str], ...]
    flags: frozenset[str]
    forbids: tuple[tuple[str, str], ...] = ()  # dependents that make the word no event of this row

    @property
    def is_speech(self) -> bool:
        return "speech" in self.flags

    @property
    def is_violent(self) -> bool:
        return "violent" in self.flags

    @property
    def is_generic(self) -> bool:
        return "generic" in self.flags

    @property
    def plover(self) -> tuple[str, str | None] | None:
        """The PLOVER (type, mode) a ``plover=TYPE/mode`` flag sets, else None."""
        for flag in self.flags:
            if flag.startswith("plover="):
                kind, _, mode = flag[len("plover=") :].partition("/")
                return kind, mode or None
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class WeaponClass:
    name: str
    cues: tuple[str, ...]
    cameo: str
    mode: str
    acled: tuple[str, str] | None
    weak: bool = False  # an unspecified explosion: says less than any named weapon

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WeaponClass:
        """One object of coding.json's ``weapon_classes``."""
        acled = data["acled"]
        return cls(name=data["name"], cues=tuple(data["cues"]), cameo=data["cameo"], mode=data["mode"],
                   acled=(acled[0], acled[1]) if acled else None, weak=bool(data.get("weak", False)))


@dataclass(frozen=True, slots=True, kw_only=True)
class CodingCues:
    weapon_classes: tuple[WeaponClass, ...]
    lists: dict[str, frozenset[str]]

    def has(self, name: str, words: set[str]) -> bool:
        """Whether any cue of list ``name`` is among ``words`` (lemmas and lemma phrases)."""
        return not self.lists[name].isdisjoint(words)


def _lexicon_names(language: lang.Language) -> list[str]:
    """The core lexicon, then the domain lexicons in name order."""
    domains = sorted(p.name.removesuffix(".tsv") for p in language.folder.glob(_DOMAIN_LEXICONS))
    return [_CORE_LEXICON, *domains]


@cache
def trigger_entries() -> dict[str, tuple[TriggerEntry, ...]]:
    """Entries keyed by their first lemma."""
    english = lang.load()
    parts_of_speech = english.data("trigger_syntax")["parts_of_speech"]
    index: dict[str, list[TriggerEntry]] = {}
    for name in _lexicon_names(english):
        for line in english.lines(name):
            entry = _entry(line, parts_of_speech)
            index.setdefault(entry.lemmas[0], []).append(entry)
    return {k: tuple(v) for k, v in index.items()}


def _entry(line: str, parts_of_speech: dict[str, list[str]]) -> TriggerEntry:
    """One lexicon row: lemma, pos, cameo, needs, flags (tab-separated; the last two may be empty)."""
    cells = [*line.split("\t"), "", "", "", "", ""]
    lemma, pos, code, needs, flags = (c.strip() for c in cells[:5])
    alternatives = [alt for alt in needs.split(_NEEDS_SEPARATOR) if alt]
    return TriggerEntry(
        lemmas=tuple(lemma.lower().split()),
        pos=frozenset(p for key in pos.split() for p in parts_of_speech[key]),
        cameo=code,
        needs=tuple(_relation(alt) for alt in alternatives if not alt.startswith(_FORBIDDEN)),
        forbids=tuple(_relation(alt[1:]) for alt in alternatives if alt.startswith(_FORBIDDEN)),
        flags=frozenset(flags.split()),
    )


def _relation(alternative: str) -> tuple[str, str]:
    """"prep:for" -> ("prep", "for")."""
    rel, _, lemma = alternative.partition(":")
    return rel, lemma


@cache
def coding_cues() -> CodingCues:
    data = lang.load().data("coding")  # lang/en/coding.json (shared, cached: read, never changed)
    classes = tuple(WeaponClass.from_json(c) for c in data[_WEAPON_CLASSES])
    lists = {k: frozenset(w.lower() for w in v) for k, v in data.items() if isinstance(v, list) and k != _WEAPON_CLASSES}
    return CodingCues(weapon_classes=classes, lists=lists)


def code_group(scheme: str, group: str) -> frozenset[str]:
    """A group of ontology codes from ``ontology/data/code_groups.tsv`` ("plover_type", "content_only")."""
    return _code_groups()[scheme, group]


def cameo_group(group: str) -> frozenset[str]:
    """A group of CAMEO codes or roots from ``ontology/data/cameo_groups.tsv`` (the coding stage's groups)."""
    return _cameo_groups()[group]


@cache
def _cameo_groups() -> dict[str, frozenset[str]]:
    return {row["group"]: frozenset(row["codes"].split()) for row in ontology.table("cameo_groups")}


@cache
def _code_groups() -> dict[tuple[str, str], frozenset[str]]:
    return {(row["scheme"], row["group"]): frozenset(row["codes"].split()) for row in ontology.table("code_groups")}
