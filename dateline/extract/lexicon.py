"""The trigger lexicon and the coding cues, loaded once from ``extract/patterns``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["CodingCues", "TriggerEntry", "coding_cues", "trigger_entries"]

_POS = {"V": ("VERB", "AUX"), "N": ("NOUN", "PROPN"), "A": ("ADJ",)}


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


@dataclass(frozen=True, slots=True, kw_only=True)
class CodingCues:
    weapon_classes: tuple[WeaponClass, ...]
    lists: dict[str, frozenset[str]]

    def has(self, name: str, words: set[str]) -> bool:
        """Whether any cue of list ``name`` is among ``words`` (lemmas and lemma phrases)."""
        return not self.lists[name].isdisjoint(words)


def _patterns(name: str) -> str:
    return (resources.files(__package__) / "patterns" / name).read_text(encoding="utf-8")


@cache
def trigger_entries() -> dict[str, tuple[TriggerEntry, ...]]:
    """Entries keyed by their first lemma."""
    index: dict[str, list[TriggerEntry]] = {}
    # triggers.tsv is the core lexicon; triggers_*.tsv add domains (economy, ...) in the same format
    folder = resources.files(__package__) / "patterns"
    names = ["triggers.tsv"] + sorted(
        p.name for p in folder.iterdir() if p.name.startswith("triggers_") and p.name.endswith(".tsv")
    )
    lines = [line for name in names for line in _patterns(name).splitlines()]
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t") + [""] * 5
        lemma, pos, code, needs, flags = (c.strip() for c in cells[:5])
        entry = TriggerEntry(
            lemmas=tuple(lemma.lower().split()),
            pos=frozenset(p for key in pos.split() for p in _POS[key]),
            cameo=code,
            needs=tuple(tuple(alt.split(":", 1)) for alt in needs.split("|") if alt and not alt.startswith("!")),  # type: ignore[misc]
            forbids=tuple(tuple(alt[1:].split(":", 1)) for alt in needs.split("|") if alt.startswith("!")),  # type: ignore[misc]
            flags=frozenset(flags.split()),
        )
        index.setdefault(entry.lemmas[0], []).append(entry)
    return {k: tuple(v) for k, v in index.items()}


@cache
def coding_cues() -> CodingCues:
    data = json.loads(_patterns("coding.json"))
    classes = tuple(
        WeaponClass(
            name=c["name"],
            cues=tuple(c["cues"]),
            cameo=c["cameo"],
            mode=c["mode"],
            acled=tuple(c["acled"]) if c["acled"] else None,  # type: ignore[arg-type]
            weak=bool(c.get("weak", False)),
        )
        for c in data["weapon_classes"]
    )
    lists = {k: frozenset(w.lower() for w in v) for k, v in data.items() if isinstance(v, list) and k != "weapon_classes"}
    return CodingCues(weapon_classes=classes, lists=lists)
