"""From a trigger in context to codes: the most specific CAMEO code the text supports, PLOVER type and
mode, and ACLED event and sub-event type where ACLED's typology covers the event.

The lexicon gives each trigger a base code ("attack" -> 190); the words of the trigger's clause then
specialise it: weapons ("rocket attack" -> 194, ACLED shelling), victims (civilians -> violence against
civilians), the content of an accusation or a threat ("accused X of carrying out the attack" -> 1123,
"warned it would close the embassy" -> 1313). No fallback code: a trigger that cannot be coded is no event.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from ..ontology import acled_event_type_of, cameo_codes, plover_of
from .lexicon import coding_cues, trigger_entries
from .triggers import Trigger, is_crowd_control, is_trigger_word

__all__ = ["Coding", "clause_words", "code_trigger", "is_claimed", "recode_for_modality"]

# PLOVER modes of the current manual, by type: crosswalk modes outside these are dropped.
_MANUAL_MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"},
}  # fmt: skip

_PUNISHMENTS = frozenset("sanction sanctions embargo boycott punishment".split())
_EASING = frozenset("lift ease remove end scrap".split())
# Content cues of speech acts: (cue lemmas, code) per base code, first match wins.
_CONTENT_CODES: dict[str, tuple[tuple[frozenset[str], str], ...]] = {
    "112": (
        (frozenset("war crime genocide atrocity".split()), "1124"),
        (frozenset("spy spying espionage treason".split()), "1125"),
        (frozenset("rights abuse torture repression".split()), "1122"),
        (frozenset("corruption fraud bribery crime embezzlement theft steal smuggling".split()), "1121"),
    ),
    "130": (
        (frozenset("sanction embargo boycott tariff".split()), "1312"),
        (frozenset("embassy relation tie ambassador diplomat consulate".split()), "1313"),
        (frozenset("aid assistance funding".split()), "1311"),
        (frozenset("talk negotiation".split()), "134"),
        (frozenset("curfew".split()), "1323"),
        (frozenset("emergency".split()), "1324"),
        (frozenset("war attack strike retaliate retaliation force invade military bomb".split()), "138"),
        (frozenset("arrest crackdown repression".split()), "137"),
    ),
    "020": (
        (_EASING, "0254"),  # "called for lifting sanctions"
        (frozenset("ceasefire truce restraint calm de-escalation de-escalate".split()), "0256"),
        (frozenset("release free".split()), "0253"),
        (frozenset("aid assistance help donation".split()), "023"),
        (frozenset("talk negotiation dialogue negotiate meet".split()), "026"),
        (frozenset("resign resignation".split()), "0241"),
        (frozenset("reform".split()), "024"),
        (frozenset("justice prosecute investigation".split()), "0213"),
        (frozenset("support sovereignty".split()), "022"),
    ),
    "100": (
        (frozenset("release free".split()), "1053"),
        (frozenset("resign resignation".split()), "1041"),
        (frozenset("ceasefire withdrawal withdraw truce".split()), "1056"),
        (frozenset("talk negotiation dialogue".split()), "106"),
        (frozenset("aid assistance".split()), "103"),
        (frozenset("right rights".split()), "1043"),
    ),
    "111": (),
    "070": (
        (frozenset("asylum refuge".split()), "075"),
        (frozenset("peacekeeper peacekeeping protection".split()), "074"),
        (frozenset("weapon arm ammunition military troop firearm rifle gun".split()), "072"),
        (frozenset("food humanitarian medicine medical relief refugee grain water shelter tent flour vaccine".split()),
         "073"),
        (frozenset("loan grant credit dollar million billion fund funding money budget economic".split()), "071"),
    ),
    "154": (
        (frozenset("peacekeeper peacekeeping observer monitor monitoring".split()), "074"),
        (frozenset("rescue medical humanitarian doctor relief".split()), "073"),
        (frozenset("fund funding money".split()), "071"),  # "mobilised funds"
        (frozenset("train training instructor".split()), "062"),  # troops sent to train an ally's army
    ),
    "160": (
        (frozenset("aid assistance funding".split()), "162"),
        (frozenset("talk negotiation".split()), "164"),
        (frozenset("relation tie".split()), "161"),
    ),
    "030": (
        (frozenset("aid assistance donation funding".split()), "033"),
        (frozenset("release free".split()), "0353"),
        (frozenset("ceasefire truce withdraw withdrawal".split()), "0356"),
        (frozenset("talk negotiation negotiate meet dialogue".split()), "036"),
    ),
}
# Future or intended cooperation is an intent to cooperate (CAMEO 03x), by the code of the act intended.
_INTENT_CODES = {
    "0841": "0353", "084": "0353", "0842": "0353", "085": "0354", "081": "0351", "0811": "0351",
    "0813": "0351", "082": "0352", "083": "034", "0831": "0341", "086": "0355", "0861": "0355",
    "0863": "0355", "087": "0356", "0871": "0356", "0872": "0356", "0873": "0356", "0874": "0356",
    "070": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "033",
    "060": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "040": "036", "042": "036", "043": "036", "046": "036", "045": "039", "057": "037",
    "051": "032", "052": "032", "054": "032",  # "will support the resolution": intent to give policy support
}  # fmt: skip
# Refused or negated cooperation is a rejection (CAMEO 12x), by root (or code) of the act refused.
_REFUSAL_CODES = {
    "03": "120", "04": "125", "057": "127", "06": "121", "07": "122", "0841": "1243", "084": "1243",
    "085": "1244", "086": "1245", "087": "1246", "0871": "1246", "08": "124",
}  # fmt: skip
# A material conflict act announced for the future, or made conditional, is a threat (CAMEO 13x).
_THREAT_CODES = {
    "166": "136", "163": "1312", "16": "1313", "14": "133", "1723": "1323", "1724": "1324", "17": "137", "15": "138",
    "18": "138", "19": "138", "20": "1383",
}  # fmt: skip
# An act someone "must" or "should" do is demanded of them (CAMEO 10x), by the act demanded.
_DEMAND_CODES = {
    "0841": "1053", "084": "1053", "085": "1054", "081": "1051", "086": "1055", "087": "1056", "0871": "1056",
    "083": "104", "08": "105", "04": "106", "07": "103", "06": "101", "057": "107", "03": "107", "05": "102",
}  # fmt: skip
_COOPERATIVE_ROOTS = frozenset("03 04 05 06 07 08".split())
_ASSAULT_ROOTS = ("18", "19", "20")


@dataclass(frozen=True, slots=True, kw_only=True)
class Coding:
    cameo: str
    event_type: str
    mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    weapon: str | None = None
    weapon_strength: int = 0  # 2 a named weapon, 1 an unspecified explosion, 0 none


def clause_words(token: Token) -> set[str]:
    """Lemmas (and two-word lemma phrases) of the clause a trigger lives in, lower-cased."""
    anchor = token
    while anchor.pos_ not in ("VERB", "AUX") and anchor.head.i != anchor.i and anchor.dep_ != "ROOT":
        anchor = anchor.head
    return words_of(anchor.subtree) | words_of(token.subtree)


def words_of(tokens) -> set[str]:
    lemmas = [t.lemma_.lower() for t in tokens]
    words = set(lemmas)
    words.update(f"{a} {b}" for a, b in zip(lemmas, lemmas[1:]))
    return words


def code_trigger(trigger: Trigger, *, sentence: Span, victims: bool, armed_sides: int,
                 mob_actor: bool = False, protester_actor: bool = False, state_actor: bool = False) -> Coding | None:
    """Code one trigger. ``victims``: the recipients are unarmed people or property; ``armed_sides``:
    how many sides of the event are armed groups (0–2)."""
    local = clause_words(trigger.head) | words_of(trigger.span)
    wide = words_of(sentence)
    article = words_of(_neighbourhood(sentence))
    code = _specialise(trigger.entry.cameo, trigger, local, wide, article)
    if is_crowd_control(trigger):
        code = "175"  # "police fired tear gas at the crowd": violent repression of a gathering
    if _is_protest_aim(trigger):
        code = "141"  # "residents blocked the road to demand elections": the blockade is a protest
    event_type, mode = plover_of(code)
    if trigger.entry.plover is not None and code == trigger.entry.cameo:
        event_type, mode = trigger.entry.plover  # "resign": the manual's RETREAT/resign, not the crosswalk's
    if event_type is None:
        return None
    weapon = _weapon(local, wide, article) if code[:2] in _ASSAULT_ROOTS else None
    if weapon is not None:
        mode = weapon.mode
    if mode not in _MANUAL_MODES.get(event_type, set()):
        mode = None
    acled = None if is_claimed(trigger.head) or _is_reason_of_sanction(trigger.head) else _acled(
        code, trigger, local, wide, weapon=weapon, victims=victims, armed_sides=armed_sides,
        mob_actor=mob_actor, protester_actor=protester_actor, state_actor=state_actor)
    return Coding(
        cameo=code,
        event_type=event_type,
        mode=mode,
        acled_event_type=acled_event_type_of(acled) if acled else None,
        acled_sub_event_type=acled,
        weapon=weapon.name if weapon else None,
        weapon_strength=0 if weapon is None else (1 if weapon.weak else 2),
    )


_RESPONSIBILITY = frozenset("responsibility responsible credit".split())
_CLAIM_VERBS = frozenset("claim deny admit accept disown".split())


def is_claimed(token: Token) -> bool:
    """The act is what someone claims (or denies) responsibility for: "claimed responsibility for the
    rocket attack", "claimed the killing of", "denied it was responsible for the bombing". Such a
    sentence reports a claim, not the attack (ACLED codes the attack from its own report)."""
    below = token
    for node in token.ancestors:
        lemma = node.lemma_.lower()
        if lemma in _RESPONSIBILITY or node.lower_ in _RESPONSIBILITY:
            return True
        if node.pos_ in ("VERB", "AUX") and any(c.lemma_.lower() in _RESPONSIBILITY for c in node.children):
            return True  # "was responsible for the attack", "claimed responsibility ... that killed eight"
        if lemma in _CLAIM_VERBS and node.pos_ == "VERB":
            return below.i == token.i and token.dep_ in ("dobj", "obj")
        if node.pos_ == "VERB" and below.dep_ != "conj":
            return False  # ("killing and wounding": a coordinated verb shares its partner's clause)
        below = node
    return False
    return False


_SANCTION_ROOTS = ("11", "12", "16")


def _is_reason_of_sanction(token: Token) -> bool:
    """"expelled diplomats for taking part in protests", "criticised them for the attack": the happening
    is the reason given for a diplomatic act, which is what the sentence reports."""
    for node in token.ancestors:
        if node.dep_ == "prep" and node.lower_ == "for":
            verb = node.head
            return verb.pos_ == "VERB" and any(
                e.cameo[:2] in _SANCTION_ROOTS and not e.is_violent for e in trigger_entries().get(verb.lemma_.lower(), ()))
        if node.pos_ == "VERB" and node.dep_ not in ("pcomp", "xcomp"):
            return False
    return False


def recode_for_modality(coding: Coding, trigger: Trigger, modality: str, conditional: bool, *,
                        obliged: bool = False) -> Coding | None:
    """The act a modality turns a trigger into: "will release" is an intent to release (0353), "refused
    to withdraw" a rejection (1246), "will withdraw its inspectors unless ..." a threat (136).

    Returns None when the coding stands as it is. ``modality`` is the ``Modality`` value string.
    """
    code = coding.cameo
    if trigger.entry.is_speech:
        return None
    if obliged and modality != "negated" and code[:2] in _COOPERATIVE_ROOTS:
        new = _by_prefix(_DEMAND_CODES, code)
    elif modality == "negated" and code[:2] == "14" and _halted(trigger.head):
        new = "082"  # "called off the strike", "ended their sit-in": dissent eased
    elif modality == "negated" and code in _HALTABLE and _halted(trigger.head):
        new = _HALTABLE[code]  # "ended mediation efforts", "broke off talks": relations reduced, not refused
    elif modality == "negated" and code[:2] in _COOPERATIVE_ROOTS:
        new = _by_prefix(_REFUSAL_CODES, code)
    elif modality == "future" and code[:2] in _COOPERATIVE_ROOTS and _decided(trigger.head):
        return coding  # "decided to grant asylum": the decision is the act (asserted), not an intent
    elif modality == "future" and conditional and not (code[:2] in _COOPERATIVE_ROOTS and _offered_if(trigger.head)):
        new = "131" if code[:2] in _COOPERATIVE_ROOTS else _by_prefix(_THREAT_CODES, code)
    elif modality == "future" and code[:2] in _COOPERATIVE_ROOTS:
        # "is willing to withdraw if it can keep ...": an offer with a condition is still an intent
        new = _INTENT_CODES.get(code) or _INTENT_CODES.get(code[:3])
    elif modality == "future":
        new = _by_prefix(_THREAT_CODES, code)
    else:
        return None
    if new is None or new not in cameo_codes():
        return None
    event_type, mode = plover_of(new)
    if event_type is None:
        return None
    return Coding(cameo=new, event_type=event_type, mode=mode if mode in _MANUAL_MODES.get(event_type, set()) else None,
                  acled_event_type=None, acled_sub_event_type=None)


def _decided(token: Token) -> bool:
    """The act is the complement of "decided" ("has decided to lift the sanctions")."""
    return token.dep_ == "xcomp" and token.head.lemma_.lower() == "decide"


def _offered_if(token: Token) -> bool:
    """A cooperative act offered on an "if" condition (an "unless" condition makes it a threat)."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children)
               for c in verb.children)


# Talks and mediation that were going on and are stopped: CAMEO 164 halt negotiations, 165 halt mediation.
_HALTABLE = {"040": "164", "046": "164", "045": "165"}
_HALT_VERBS = frozenset("end halt suspend stop break freeze abandon terminate".split())


def _halted(token: Token) -> bool:
    """The talks (or the strike) are the object or passive subject of a verb that stops them, itself not
    negated ("will not end the strike" goes on striking)."""
    if any(c.dep_ == "neg" for c in token.head.children):
        return False
    return token.dep_ in ("dobj", "obj", "nsubjpass") and token.head.lemma_.lower() in _HALT_VERBS | {"call"} or any(
        c.dep_ in ("dobj", "obj", "nsubjpass") and c.head.lemma_.lower() in _HALT_VERBS
        for c in [token.head] if token.dep_ == "compound")


def _by_prefix(table: dict[str, str], code: str) -> str | None:
    for length in (4, 3, 2):
        if code[:length] in table:
            return table[code[:length]]
    return None


def _neighbourhood(sentence: Span) -> list[Token]:
    """The sentence with the one before and the one after: where a report names the device it tells of."""
    doc = sentence.doc
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    end = doc[sentence.end].sent.end if sentence.end < len(doc) else sentence.end
    return list(doc[start:end])


def _specialise(base: str, trigger: Trigger, local: set[str], wide: set[str], article: set[str] = frozenset()) -> str:
    codes = cameo_codes()
    if base[:2] in _ASSAULT_ROOTS and base not in ("181", "1821", "1822", "186", "185", "202"):
        weapon = _weapon(local, wide, article)
        if weapon is not None and weapon.cameo in codes:
            return weapon.cameo if base in ("190", "183", "193", "1823", "182") else base
        return base
    content = _content_words(trigger.head)
    if base == "112" and content & _violent_lemmas():
        return "1123"
    if base == "020" and _PUNISHMENTS & _asked_for(trigger.head) and not content & _EASING:
        return "100"  # "called for sanctions": a demand to punish ("urged them to lift sanctions" is an appeal)
    if base == "154":
        content |= local  # "deployed 230 troops to Liberia on a peacekeeping mission": the whole clause says why
    for cues, code in _CONTENT_CODES.get(base, ()):
        if content & cues:
            return code
    return base


def _asked_for(token: Token) -> set[str]:
    """What an appeal names as its object: "called for sanctions", "asked for an embargo"."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
                if g.dep_ == "pobj"]
    objects += [g for o in list(objects) for g in o.children if g.dep_ == "conj"]
    return {o.lemma_.lower() for o in objects} | {o.lower_ for o in objects}


def _content_words(token: Token) -> set[str]:
    """Lemmas of what a speech act is about: its complements, objects and "of/for/to" phrases."""
    words: set[str] = set()
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp", "dobj", "prep", "advcl", "dative", "attr", "obj", "pcomp"):
            words |= {t.lemma_.lower() for t in child.subtree}
    return words


@cache
def _violent_lemmas() -> frozenset[str]:
    return frozenset(
        k for k, entries in trigger_entries().items() if any(e.is_violent and e.cameo[:2] in _ASSAULT_ROOTS for e in entries)
    )


def _weapon(local: set[str], wide: set[str], article: set[str] = frozenset()):
    found = None
    for scope in (local, wide):
        scope = _without_launchers(scope)
        for weapon in coding_cues().weapon_classes:
            if not scope.isdisjoint(weapon.cues):
                found = weapon
                break
        if found is not None:
            break
    if found is not None and found.weak and article:
        # "an explosion took place" after "militants detonated a car bomb": the article names the device
        scope = _without_launchers(set(article))
        named = next((w for w in coding_cues().weapon_classes if not w.weak and w.name != "firearms"
                      and w.acled is not None and not scope.isdisjoint(w.cues)), None)
        return named or found
    return found


def _without_launchers(words: set[str]) -> set[str]:
    """A "grenade launcher" is a weapon that fires, not a thrown grenade; a "water cannon" is no gun."""
    if "grenade launcher" in words:
        words = words - {"grenade"}
    if "water cannon" in words:
        words = words - {"cannon"}  # riot control, not artillery
    return words


def _acled(code: str, trigger: Trigger, local: set[str], wide: set[str], *, weapon, victims: bool,
           armed_sides: int, mob_actor: bool = False, protester_actor: bool = False,
           state_actor: bool = False) -> str | None:
    cues = coding_cues()
    root = code[:2]
    if root == "14":
        return _protest_subtype(code, trigger)
    if code == "173" or code == "174":
        return "Arrests"
    if code == "175" and is_crowd_control(trigger):
        # ACLED codes the gathering that was dispersed: with intervention, or met with lethal force
        excessive = coding_cues().has("excessive_force_cues", _action_words(trigger) - {"shot", "shoot"})
        return "Excessive force against protesters" if excessive or "rubber bullet" in local else "Protest with intervention"
    if code in ("171", "1711") and cues.has("weapon_words", _object_words(trigger)):
        return "Disrupted weapons use"  # arms caches found or seized, bombs defused
    if code in ("171", "1712") and (protester_actor or (mob_actor and not local.isdisjoint(_CROWD_WORDS))):
        # ACLED codes destruction by demonstrators or an unarmed crowd as a riot, not a strategic development
        return "Violent demonstration" if protester_actor else "Mob violence"
    if code in ("171", "1711", "1712"):
        return "Looting/property destruction"
    if code == "181":
        return "Abduction/forced disappearance"
    if code == "1821":
        return "Sexual violence"
    if code == "080" and cues.has("territory_words", local):
        return "Non-violent transfer of territory"  # a town or base handed over
    if code in ("057", "0871") or (root == "03" and trigger.entry.lemmas[0] in ("agree", "agreement", "deal")):
        return "Agreement"
    if code == "0841" and trigger.entry.lemmas[0] == "exchange":
        return "Agreement"  # a prisoner exchange is carried out under an agreement
    if code == "087" and _left_place(trigger):
        return "Non-violent transfer of territory"  # "forces withdrew from the town": handed over without a fight
    if root == "15":
        # troop movements, reinforcements, patrols, new positions: ACLED's strategic developments
        built = trigger.entry.lemmas[0] in _BUILD_VERBS  # rows that ask for a base, camp or post as object
        return "Headquarters or base established" if built or cues.has("hq_cues", local) else "Change to group/activity"
    if root not in _ASSAULT_ROOTS and code != "175":
        return None
    if cues.has("weapons_disrupted_cues", local):
        return "Disrupted weapons use"
    if code == "192":
        regained = cues.has("regain_cues", local) or state_actor
        return "Government regains territory" if regained else "Non-state actor overtakes territory"
    if protester_actor and code not in ("195", "1831", "2041"):
        return "Violent demonstration"  # "rioters clashed with police", "protesters attacked a police post"
    if not local.isdisjoint(_MOB_TARGETS) and code not in ("195", "1831", "2041"):
        return "Mob violence"  # "police fired shots to disperse the mob": a mob is one side
    if mob_actor and code not in ("195", "1831", "2041") and not _firearms(code, trigger, weapon):
        return "Mob violence"  # villagers, rival groups or a crowd fighting, even against the police
    if " ".join(trigger.entry.lemmas) in cues.lists["clash_triggers"]:
        if not local.isdisjoint(_DEMONSTRATION_WORDS):
            return "Violent demonstration"  # "a clash between demonstrators and the police"
        return "Armed clash"  # "clashed with heavy artillery fire": the clash is the event, the weapon its means
    if weapon is not None and weapon.name in _DECISIVE_WEAPONS:
        return weapon.acled[1]  # "set off suicide bombs and exchanged gunfire": the suicide attack is the event
    if weapon is not None and weapon.acled is not None and not cues.has("exchange_cues", local | wide):
        return weapon.acled[1]
    if cues.has("clash_cues", local) or armed_sides >= 2:
        return "Armed clash"
    if victims:
        return "Attack"
    if armed_sides == 1 and _object_target(trigger):
        return "Attack"  # "gunmen opened fire on a plane": one armed side and an unarmed target
    if armed_sides >= 1 or (trigger.head.pos_ == "NOUN" and not _has_target(trigger)):
        return "Armed clash"  # shots or explosions with neither victims nor a target: an exchange of fire
    return "Attack"


_MOB_TARGETS = frozenset("mob rioter rioters lynch".split())
_FIREARM_LEMMAS = frozenset("shoot fire gun gunfire".split())


def _firearms(code: str, trigger: Trigger, weapon) -> bool:
    """Shooting or a named weapon: a group with guns is an armed group, not a mob."""
    return code == "193" or (weapon is not None and weapon.name == "firearms") or trigger.entry.lemmas[0] in _FIREARM_LEMMAS


_BUILD_VERBS = frozenset("establish set build create".split())
_DECISIVE_WEAPONS = frozenset({"suicide", "chemical"})  # their use names the event whatever else happened
_AIM_ROOTS = ("02", "10", "11")  # appeals, demands, complaints


def _is_protest_aim(trigger: Trigger) -> bool:
    """A demand or denunciation that is the aim ("to demand", "to denounce") of something a crowd of
    people did with no event word of its own ("padlocked the office", "blocked the bridge"): a protest."""
    head = trigger.head
    if not trigger.entry.is_speech or trigger.entry.cameo[:2] not in _AIM_ROOTS:
        return False
    if head.dep_ not in ("advcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return False
    action = head.head
    if action.pos_ != "VERB" or is_trigger_word(action):
        return False
    doer = action.head if action.dep_ == "relcl" else next(
        (c for c in action.children if c.dep_ == "nsubj"), None)
    if doer is None:
        return False
    crowd = coding_cues().lists["mob_actor_words"] | _PROTESTER_WORDS | _CIVIL_GROUPS
    counted = [g for p in doer.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]  # "dozens of"
    return any(t.lemma_.lower() in crowd or t.lower_ in crowd for t in [doer, *counted])


# people who protest at their workplace or in their town ("nurses padlocked the office to demand ...")
_CIVIL_GROUPS = frozenset("nurse doctor teacher staff employee trader vendor driver parent activist citizen "
                          "inhabitant shopkeeper merchant miner".split())


def _left_place(trigger: Trigger) -> bool:
    """A withdrawal from a named place or a town, area or base ("pulled out of the coastal town")."""
    head = trigger.head
    places = [c for c in head.children if c.dep_ in ("dobj", "obj")]
    places += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "out")
               for g in c.subtree if g.dep_ == "pobj"]
    territory = coding_cues().lists["territory_words"]
    return any(p.ent_type_ in ("GPE", "LOC", "FAC") or p.lemma_.lower() in territory for p in places)


def _object_words(trigger: Trigger) -> set[str]:
    """What was seized or destroyed: "destroyed caches of weapons" (the object's whole phrase)."""
    head = trigger.head
    objects = [c for c in head.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    return set().union(*(words_of(o.subtree) for o in objects)) if objects else set()


def _object_target(trigger: Trigger) -> bool:
    """The act has a civilian place or vehicle as its object or "on/at" target ("opened fire on a plane")."""
    head = trigger.head
    nouns = [c for c in head.children if c.dep_ in ("dobj", "obj")]
    nouns += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "against")
              for g in c.children if g.dep_ == "pobj"]
    armed = coding_cues().lists["armed_words"]
    return any(n.lemma_.lower() in _CIVILIAN_TARGETS and not any(m.lemma_.lower() in armed for m in n.children)
               for n in nouns)


# Things whose attack is an attack on civilians (a "police station" or "army truck" is not: its modifier is armed)
_CIVILIAN_TARGETS = frozenset(
    "plane aircraft airliner bus vehicle car truck lorry taxi boat ship hotel hospital clinic school university "
    "church mosque temple shrine house home market shop store restaurant bar cafe office building village "
    "residence bank farm wedding funeral".split()
)


def _has_target(trigger: Trigger) -> bool:
    head = trigger.head
    return any(c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "targeting") for c in head.children)


def _protest_subtype(code: str, trigger: Trigger) -> str:
    """Peaceful, with intervention, met with excessive force, or violent: read from what the protesters
    and the police did, not from the protest's topic ("against the arrest of ...")."""
    cues = coding_cues()
    own = words_of(_action_tokens(trigger, following=False))
    action = _action_words(trigger)
    if code.startswith("145") or cues.has("riot_cues", own):
        return "Violent demonstration"
    if cues.has("excessive_force_cues", action):
        return "Excessive force against protesters"
    if cues.has("intervention_cues", action) or _authorities_intervened(trigger):
        return "Protest with intervention"
    return "Peaceful protest"


# a crowd as such, not any group of people (a named militia's "group of" members destroying houses is not a riot)
_CROWD_WORDS = frozenset("mob crowd rioter lynch villager resident".split())
_DEMONSTRATION_WORDS = frozenset("demonstrator protester protestor rioter demonstration protest rally".split())
_PROTESTER_WORDS = frozenset("protester protestor demonstrator participant marcher picketer striker rally protest "
                             "demonstration crowd".split())


def _authorities_intervened(trigger: Trigger) -> bool:
    """An arrest, a block or a removal is an intervention only when the authorities do it to the
    protest: police as the doer, or protesters (or a counted group) as the ones stopped or arrested.
    The protesters' own road blocks and the arrest the protest is about are not."""
    verbs = coding_cues().lists["intervention_verbs"]
    for token in _action_tokens(trigger):
        if token.pos_ != "VERB" or token.lemma_.lower() not in verbs:
            continue
        doers = [c for c in token.children if c.dep_ == "nsubj"]
        doers += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if any(_is_authority(d) for d in doers):
            return True
        done_to = [c for c in token.children if c.dep_ in ("nsubjpass", "dobj")]
        if any(_is_protesters(t) for t in done_to):
            return True
    return False


def _is_authority(token: Token) -> bool:
    armed = coding_cues().lists["armed_words"]
    words = {t.lemma_.lower() for t in token.subtree} | {t.lower_ for t in token.subtree}
    return bool(words & armed) or "authority" in words or "authorities" in words


def _is_protesters(token: Token) -> bool:
    if token.lemma_.lower() in _PROTESTER_WORDS or token.lower_ in _PROTESTER_WORDS:
        return True
    # "20 people were arrested", "dozens were detained": a counted group at a protest
    return token.pos_ in ("NOUN", "NUM") and any(c.dep_ == "nummod" for c in token.children) or token.pos_ == "NUM"


_TOPIC_PREPS = frozenset("against over about for demanding protesting".split())


def _action_tokens(trigger: Trigger, *, following: bool = True) -> list[Token]:
    """The protest's sentence (and the next one), without the subtrees that state its topic."""
    sent = trigger.head.sent
    tokens = list(sent)
    if following:
        tokens += _next_sentence(sent)
    topic: set[int] = set()
    for token in tokens:
        if token.lower_ in _TOPIC_PREPS or (token.dep_ == "advcl" and token.tag_ == "VBG"):
            topic.update(t.i for t in token.subtree if t.i != token.head.i)
    return [t for t in tokens if t.i not in topic]


def _next_sentence(sent: Span) -> list[Token]:
    doc = sent.doc
    if sent.end >= len(doc):
        return []
    return list(doc[sent.end].sent)


def _action_words(trigger: Trigger) -> set[str]:
    return words_of(_action_tokens(trigger))


def _verb_lemmas(trigger: Trigger) -> set[str]:
    return {t.lemma_.lower() for t in _action_tokens(trigger) if t.pos_ == "VERB"}
