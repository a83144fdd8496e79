"""The weapon a trigger's context names: the first weapon class of ``lang/en/coding.json`` whose cues
are among the words of the clause, else of the sentence."""

from __future__ import annotations

from collections.abc import Set

from ..extract.coding import EN, TriggerContext
from ..extract.lexicon import WeaponClass, coding_cues

__all__ = ["weapon_of"]


def weapon_of(context: TriggerContext) -> WeaponClass | None:
    """The weapon named by the clause (else the sentence); an unspecified explosion gives way to a device
    the neighbouring sentences name ("an explosion took place" after "militants detonated a car bomb")."""
    found = _first_weapon(context.local) or _first_weapon(context.wide)
    if found is not None and found.weak and context.article:
        scope = _without_launchers(context.article)
        named = next((w for w in coding_cues().weapon_classes if not w.weak and w.name != "firearms"
                      and w.acled is not None and not scope.isdisjoint(w.cues)), None)
        return named or found
    return found


def _first_weapon(words: Set[str]) -> WeaponClass | None:
    scope = _without_launchers(words)
    return next((w for w in coding_cues().weapon_classes if not scope.isdisjoint(w.cues)), None)


def _without_launchers(words: Set[str]) -> Set[str]:
    """A "grenade launcher" is a weapon that fires, not a thrown grenade; a "water cannon" is no gun."""
    for phrase, word in EN.data("coding")["not_the_weapon"].items():
        if phrase in words:
            words = words - {word}
    return words
