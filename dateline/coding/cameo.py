"""The most specific CAMEO code the text supports, and what a modality turns it into.

The lexicon gives each trigger a base code ("attack" -> 190); the words of its clause then specialise
it: a weapon ("rocket attack" -> 194), the content of an accusation or a threat ("accused X of carrying
out the attack" -> 1123, "warned it would close the embassy" -> 1313; ``lang/en/speech_content_cues.tsv``).
A modality recodes the act (``ontology/data/cameo_recodings.tsv``): "will release" is an intent to
release (0353), "refused to withdraw" a rejection (1246), "will withdraw unless ..." a threat.
"""

from __future__ import annotations

from functools import cache

from ..extract.coding import EN, TriggerContext, cue_words
from ..extract.lexicon import trigger_entries
from ..ontology import cameo_codes
from .tables import cameo_group, recoding
from .weapons import weapon_of

__all__ = ["by_prefix", "recoded", "specialise"]


def specialise(base: str, context: TriggerContext) -> str:
    """The most specific code of a trigger whose lexicon code is ``base``."""
    if base[:2] in cameo_group("assault_roots") and base not in cameo_group("weaponless_codes"):
        weapon = weapon_of(context)
        if weapon is not None and weapon.cameo in cameo_codes():
            return weapon.cameo if base in cameo_group("weapon_specialised_codes") else base
        return base
    content = context.content
    if base == "112" and content & _violent_lemmas():
        return "1123"  # accused of an attack: of war crimes, in CAMEO's terms
    easing = cue_words("easing_words")
    if base == "020" and cue_words("punishment_words") & context.asked_for and not content & easing:
        return "100"  # "called for sanctions": a demand to punish ("urged them to lift sanctions" is an appeal)
    if base == "154":
        content = content | context.local  # "deployed 230 troops on a peacekeeping mission": the clause says why
    for cues, code in _content_codes().get(base, ()):
        if content & cues:
            return code
    return base


def recoded(code: str, context: TriggerContext, modality: str, conditional: bool, obliged: bool) -> str | None:
    """The code a modality turns ``code`` into; ``code`` itself when the act stands as coded but asserted
    ("decided to grant asylum" is the grant itself); None when the modality changes nothing."""
    cooperative = code[:2] in cameo_group("cooperative_roots")
    if obliged and modality != "negated" and cooperative:
        return by_prefix(recoding("demand"), code)
    if modality == "negated" and code[:2] == "14" and context.halted:
        return "082"  # "called off the strike", "ended their sit-in": dissent eased
    if modality == "negated" and code in recoding("halt") and context.halted:
        return recoding("halt")[code]  # "ended mediation efforts", "broke off talks": relations reduced, not refused
    if modality == "negated" and cooperative:
        return by_prefix(recoding("refusal"), code)
    if modality == "future" and cooperative and context.decided:
        return code  # "decided to grant asylum": the decision is the act (asserted), not an intent
    if modality == "future" and conditional and not (cooperative and context.offered_if):
        return "131" if cooperative else by_prefix(recoding("threat"), code)
    if modality == "future" and cooperative:
        # "is willing to withdraw if it can keep ...": an offer with a condition is still an intent
        intent = recoding("intent")
        return intent.get(code) or intent.get(code[:3])
    if modality == "future":
        return by_prefix(recoding("threat"), code)
    return None


def by_prefix(table: dict[str, str], code: str) -> str | None:
    """The entry of the code's longest prefix (four, three or two digits) in ``table``."""
    for length in (4, 3, 2):
        if code[:length] in table:
            return table[code[:length]]
    return None


@cache
def _content_codes() -> dict[str, tuple[tuple[frozenset[str], str], ...]]:
    """Base code -> (cue lemmas, specific code) rows, in file order: the first match wins."""
    codes: dict[str, list[tuple[frozenset[str], str]]] = {}
    for row in EN.rows("speech_content_cues"):
        codes.setdefault(row["base"], []).append((frozenset(row["cues"].split()), row["code"]))
    return {base: tuple(rows) for base, rows in codes.items()}


@cache
def _violent_lemmas() -> frozenset[str]:
    """Trigger lemmas of assaults: an accusation of one is an accusation of violence."""
    return frozenset(
        k for k, entries in trigger_entries().items()
        if any(e.is_violent and e.cameo[:2] in cameo_group("assault_roots") for e in entries)
    )
