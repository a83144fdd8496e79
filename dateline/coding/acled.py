"""ACLED's sub-event type of a coded event, from the ordered rules of ``ontology/data/acled_rules.tsv``.

Each rule names the CAMEO codes it applies to and the conditions that must hold: cue words in a part of
the context (``LIST@SCOPE``), the weapon named (``weapon=NAME``) or a fact of the text (``victims``,
``left_place``, ...: readings of ``extract.coding.TriggerContext`` and ``Sides``). The first rule that
holds gives the sub-type; the table's header says the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..errors import ConfigError
from ..extract.coding import EN, Sides, TriggerContext, cue_words, has_fact
from ..extract.lexicon import WeaponClass
from ..lang import LanguageDataError
from .tables import table

__all__ = ["AcledRule", "acled_rules", "sub_event_type"]

NO_TYPE = "-"  # the sub_event column's "no ACLED type"
FROM_WEAPON = "=weapon"  # the sub_event column's "the weapon class's ACLED type"


@dataclass(frozen=True, slots=True)
class AcledRule:
    codes: tuple[str, ...]  # patterns: "173", "14*", "*"
    excluded: tuple[str, ...]  # "!" patterns
    conditions: tuple[tuple[bool, str], ...]  # (wanted, condition)
    sub_event: str

    def applies_to(self, code: str) -> bool:
        if any(_matches(p, code) for p in self.excluded):
            return False
        return not self.codes or any(_matches(p, code) for p in self.codes)


def sub_event_type(code: str, context: TriggerContext, weapon: WeaponClass | None) -> str | None:
    """The ACLED sub-event type of an event coded ``code``, None when ACLED's typology has none."""
    for rule in acled_rules():
        if rule.applies_to(code) and all(_holds(c, context, weapon) == wanted for wanted, c in rule.conditions):
            if rule.sub_event == FROM_WEAPON:
                return weapon.acled[1] if weapon is not None and weapon.acled is not None else None
            return None if rule.sub_event == NO_TYPE else rule.sub_event
    return None


@cache
def acled_rules() -> tuple[AcledRule, ...]:
    """The rules of ``acled_rules.tsv``, in order; a condition the code cannot read is an error."""
    rules = []
    for row in table("acled_rules"):
        patterns = row["codes"].split()
        conditions = tuple(_condition(c) for c in row["when"].split())
        for _, condition in conditions:
            _check(condition)
        rules.append(AcledRule(
            codes=tuple(p for p in patterns if not p.startswith("!") and p != "*"),
            excluded=tuple(p[1:] for p in patterns if p.startswith("!")),
            conditions=conditions,
            sub_event=row["sub_event"],
        ))
    return tuple(rules)


def _condition(text: str) -> tuple[bool, str]:
    """(wanted, condition) of a ``when`` entry: "!victims" -> (False, "victims")."""
    return not text.startswith("!"), text.removeprefix("!")


def _matches(pattern: str, code: str) -> bool:
    return code.startswith(pattern[:-1]) if pattern.endswith("*") else code == pattern


def _holds(condition: str, context: TriggerContext, weapon: WeaponClass | None) -> bool:
    cues, at, scope = condition.partition("@")
    if at:
        return not _cues(cues).isdisjoint(getattr(context, scope))
    kind, equals, name = condition.partition("=")
    if equals:
        return weapon is not None and weapon.name == name
    if condition == "weapon_acled":
        return weapon is not None and weapon.acled is not None
    return context.fact(condition)


def _cues(name: str) -> frozenset[str]:
    """A cue list of ``coding.json``, else a list file of the language (``protester_nouns``)."""
    return cue_words(name) if name in EN.data("coding") else EN.words(name)


def _check(condition: str) -> None:
    cues, at, scope = condition.partition("@")
    if at:
        try:
            _cues(cues)
        except LanguageDataError:
            raise ConfigError(f"acled_rules.tsv: no cue list {cues!r}") from None
        if not has_fact(TriggerContext, scope):
            raise ConfigError(f"acled_rules.tsv: no scope {scope!r} (see the table's header)")
        return
    if condition.startswith("weapon=") or condition == "weapon_acled":
        return
    if not (has_fact(TriggerContext, condition) or has_fact(Sides, condition)):
        raise ConfigError(f"acled_rules.tsv: no fact {condition!r} (see the table's header)")
