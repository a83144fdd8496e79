"""The coding stage: from what the text says about a trigger to CAMEO, PLOVER, ACLED, Goldstein and quad class.

``extract`` finds triggers, roles, entities, numbers, modality and attribution and reads a trigger's
context (``extract.coding.TriggerContext``); this stage maps those readings to codes with rule tables:

* CAMEO: the lexicon's base code, specialised by weapon and content cues (``cameo.py``), recoded by
  modality (``ontology/data/cameo_recodings.tsv``);
* PLOVER type and mode: the CAMEO->PLOVER crosswalk (``dateline.ontology``), with the manual's modes
  (``ontology/data/plover_modes.tsv``);
* ACLED sub-event type: the ordered rules of ``ontology/data/acled_rules.tsv`` (``acled.py``);
* Goldstein value and quad class: properties of ``Coding`` (the ontology's tables).

No fallback code: a trigger that cannot be coded is no event. Assembly reads only ``Coding``.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..extract.coding import Sides, TriggerContext
from ..extract.lexicon import trigger_entries
from ..extract.triggers import Trigger
from ..ontology import acled_event_type_of, cameo_codes, plover_of
from .acled import sub_event_type
from .cameo import recoded, specialise
from .codes import Coding
from .tables import cameo_group, plover_modes
from .weapons import weapon_of

__all__ = ["Coding", "code_trigger", "recode_for_modality"]

CROWD_CONTROL = "175"  # "police fired tear gas at the crowd": violent repression of a gathering
PROTEST = "141"  # "residents blocked the road to demand elections": the blockade is a protest


def code_trigger(trigger: Trigger, *, sentence: Span, victims: bool, armed_sides: int,
                 mob_actor: bool = False, protester_actor: bool = False, state_actor: bool = False) -> Coding | None:
    """Code one trigger. ``victims``: the recipients are unarmed people or property; ``armed_sides``:
    how many sides of the event are armed groups (0-2)."""
    sides = Sides(victims=victims, armed_sides=armed_sides, mob_actor=mob_actor,
                  protester_actor=protester_actor, state_actor=state_actor)
    context = TriggerContext(trigger, sides, sentence)
    code = specialise(trigger.entry.cameo, context)
    if context.crowd_control:
        code = CROWD_CONTROL
    if _is_protest_aim(trigger, context):
        code = PROTEST
    event_type, mode = plover_of(code)
    if trigger.entry.plover is not None and code == trigger.entry.cameo:
        event_type, mode = trigger.entry.plover  # "resign": the manual's RETREAT/resign, not the crosswalk's
    if event_type is None:
        return None
    weapon = weapon_of(context) if code[:2] in cameo_group("assault_roots") else None
    if weapon is not None:
        mode = weapon.mode
    if mode not in plover_modes(event_type):
        mode = None
    acled = None if context.claimed or _is_reason_of_sanction(context) else sub_event_type(code, context, weapon)
    return Coding(
        cameo=code,
        event_type=event_type,
        mode=mode,
        acled_event_type=acled_event_type_of(acled) if acled else None,
        acled_sub_event_type=acled,
        weapon=weapon.name if weapon else None,
        weapon_strength=0 if weapon is None else (1 if weapon.weak else 2),
    )


def recode_for_modality(coding: Coding, trigger: Trigger, modality: str, conditional: bool, *,
                        obliged: bool = False) -> Coding | None:
    """The act a modality turns a trigger into: "will release" is an intent to release (0353), "refused
    to withdraw" a rejection (1246), "will withdraw its inspectors unless ..." a threat (136).

    Returns None when the coding stands as it is. ``modality`` is the ``Modality`` value string.
    """
    if trigger.entry.is_speech:
        return None
    new = recoded(coding.cameo, TriggerContext(trigger), modality, conditional, obliged)
    if new == coding.cameo:
        return coding  # the act as coded, asserted ("decided to grant asylum")
    if new is None or new not in cameo_codes():
        return None
    event_type, mode = plover_of(new)
    if event_type is None:
        return None
    return Coding(cameo=new, event_type=event_type, mode=mode if mode in plover_modes(event_type) else None,
                  acled_event_type=None, acled_sub_event_type=None)


def _is_protest_aim(trigger: Trigger, context: TriggerContext) -> bool:
    """A demand or denunciation that is the aim ("to demand", "to denounce") of something a crowd of
    people did with no event word of its own ("padlocked the office", "blocked the bridge"): a protest."""
    entry = trigger.entry
    return entry.is_speech and entry.cameo[:2] in cameo_group("aim_roots") and context.aim_of_crowd_action


def _is_reason_of_sanction(context: TriggerContext) -> bool:
    """"expelled diplomats for taking part in protests", "criticised them for the attack": the happening
    is the reason given for a diplomatic act, which is what the sentence reports."""
    verb = context.reason_verb
    return verb is not None and any(
        e.cameo[:2] in cameo_group("sanction_roots") and not e.is_violent
        for e in trigger_entries().get(verb.lemma_.lower(), ()))
