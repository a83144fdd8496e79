"""Finding event triggers: words of the lexicon in the roles that make them events.

A trigger is a verb or event noun whose lemma is in ``patterns/triggers.tsv`` with the part of speech
and the dependents the row asks for. Words that only describe a habit or a kind ("such assaults",
"rockets are frequently fired", "militias targeting facilities") are not events and are left out here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from .lexicon import TriggerEntry, coding_cues, trigger_entries

__all__ = ["Trigger", "find_triggers", "is_crowd_control", "is_trigger_word"]

# Left modifiers that belong to the event phrase: "rocket attack", "suicide bombing", "hunger strike".
_PHRASE_MODIFIERS = frozenset(
    "rocket missile mortar artillery suicide car bomb air drone aerial grenade gun terror terrorist "
    "militant hunger general military armed chemical gas knife acid mob arson sniper naval ground "
    "cross-border border insurgent rebel airstrike shelling tank road roadside ied".split()
)
# Compounds that turn an event noun into something else: "heart attack", "panic attack".
_NOT_EVENT_COMPOUNDS = frozenset("heart panic asthma anxiety price brain migraine seizure".split())
_HABITUAL_ADVERBS = frozenset(
    "frequently often rarely repeatedly regularly usually routinely sometimes constantly occasionally "
    "periodically habitually seldom always".split()
)
# Subjects that make a movement verb a market report: "stocks rallied", "prices fell".
_NON_AGENT_SUBJECTS = frozenset("stock share price market index currency dollar euro oil gold bond yield".split())
_CROWD_CONTROL = frozenset("gas teargas canister cannon smoke flare pellet spray".split())
# Objects that make a fighting word figurative: "fight the epidemic", "battle against corruption".
_ABSTRACT_TARGETS = frozenset(
    "epidemic pandemic disease virus coronavirus covid ebola malaria cancer outbreak illness corruption poverty "
    "hunger crime inflation unemployment climate change wildfire flood drought addiction "
    "disinformation misinformation impunity fraud freedom right democracy liberty press sovereignty "
    "constitution dignity independence journalism value cause problem extremism racism discrimination inequality "
    "injustice migration radicalization radicalisation".split()
)
# Doers that make a violent word figurative: "targeted by this law", "a policy that attacks the poor".
_ABSTRACT_DOERS = frozenset(
    "law policy measure rule legislation decision decree regulation bill tax sanction embargo resolution".split()
)
_NON_EVENT_OBJECTS = frozenset(
    "statement report video album data figure film book result footage photo image detail information "
    "document budget plan list song record version update recording movie trailer product software "
    "sdk app application phone smartphone device model edition earnings figures guidance forecast "
    "specification game feature patch".split()
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon match in a doc: the head token, the phrase's token range and the lexicon row."""

    head: Token
    start: int
    end: int
    entry: TriggerEntry

    @property
    def span(self) -> Span:
        return self.head.doc[self.start : self.end]


def find_triggers(doc: Doc, *, keep: Callable[[int, int], bool] = lambda s, e: True) -> list[Trigger]:
    """Every trigger in ``doc`` whose character range ``keep(start, end)`` accepts, in text order."""
    found: list[Trigger] = []
    taken: set[int] = set()
    for token in doc:
        if token.i in taken:
            continue
        for entry in _entries_for(token):
            trigger = _match(token, entry)
            if trigger is None or not keep(trigger.span.start_char, trigger.span.end_char):
                continue
            if _is_event_use(trigger):
                found.append(trigger)
                taken.update(range(trigger.start, trigger.end))
            break
    named = {o.i: t.entry.cameo[:2] for t in found for o in _named_objects(t)}
    found = [t for t in found if named.get(t.head.i, t.entry.cameo[:2]) == t.entry.cameo[:2]]
    found = [t for t in found if not _acceded_to(t, found)]
    return [t for t in found if not is_crowd_control(t) or _only_force_of_sentence(t, found)]


def _acceded_to(trigger: Trigger, found: list[Trigger]) -> bool:
    """"accepted the demands", "conceded to the demands of the drivers": the demand noun is what the
    other act answers, not a demand made in this sentence."""
    head = trigger.head
    if not trigger.entry.is_speech or head.pos_ not in ("NOUN", "PROPN"):
        return False
    governor = head.head.head if head.dep_ == "pobj" else head.head
    return head.dep_ in ("dobj", "obj", "nsubjpass", "pobj") and any(
        t.head.i == governor.i and not t.entry.is_speech and t.entry.cameo[:2] in ("08", "12") for t in found)


def is_crowd_control(trigger: Trigger) -> bool:
    """"police fired tear gas", "used water cannon and pepper spray": dispersing a crowd."""
    objects = [c for c in trigger.head.children if c.dep_ in ("dobj", "obj")]
    objects += [g for o in objects for g in o.children if g.dep_ in ("conj", "nmod", "compound")]
    return trigger.entry.is_violent and any(_is_crowd_control_word(o) for o in objects)


def _is_crowd_control_word(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma == "cannon":  # a water cannon, not "cannon shells"
        return token.i > 0 and token.doc[token.i - 1].lower_ == "water"
    return lemma in _CROWD_CONTROL


def _only_force_of_sentence(trigger: Trigger, found: list[Trigger]) -> bool:
    """Tear gas in a sentence that tells of a protest or a fight is how that event went, not an event of its
    own; alone, it is the dispersal of a crowd (coded as such: ``coding``)."""
    sent = trigger.head.sent
    return not any(o is not trigger and o.entry.is_violent and not _is_detention(o) and sent.start <= o.head.i < sent.end
                   for o in found)


def _is_detention(trigger: Trigger) -> bool:
    # "fired tear gas and arrested 20": the arrests are part of the dispersal, not the fight it belongs to
    return trigger.entry.cameo.startswith("173")


def _named_objects(trigger: Trigger) -> list[Token]:
    """The objects a verb row asks for by name ("lifted sanctions", "violated the ceasefire"): of another
    kind than the verb's act, they are what the act is done to, not events of their own."""
    head = trigger.head
    if head.pos_ not in ("VERB", "AUX") or trigger.entry.is_speech:
        return []
    names = {lemma for rel, lemma in trigger.entry.needs if rel in ("obj", "dobj") and lemma != "*"}
    objects = [c for c in head.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    objects += [g for c in objects for g in c.children if g.dep_ == "compound"]
    return [c for c in objects if c.lemma_.lower() in names or c.lower_ in names]


def _lemma_keys(token: Token) -> set[str]:
    """The token's lemma and form, and for verbs the regular stems of its form: the lemmatizer sometimes
    gets a word wrong ("raped" -> "rap"); a stem only counts when the lexicon has it."""
    keys = {token.lemma_.lower(), token.lower_}
    word = token.lower_
    if token.pos_ in ("VERB", "AUX") and len(word) > 4:
        if word.endswith("ed"):
            keys |= {word[:-1], word[:-2]}
        elif word.endswith("ing"):
            keys |= {word[:-3], word[:-3] + "e"}
        elif word.endswith("s"):
            keys.add(word[:-1])
    return keys


def _entries_for(token: Token) -> Iterator[TriggerEntry]:
    keys = _lemma_keys(token)
    entries = trigger_entries()
    # Longer phrases first so "open fire" wins over "fire".
    candidates = [e for k in keys for e in entries.get(k, ())]
    yield from sorted(candidates, key=lambda e: -len(e.lemmas))


def _match(token: Token, entry: TriggerEntry) -> Trigger | None:
    doc = token.doc
    n = len(entry.lemmas)
    if token.i + n > len(doc):
        return None
    words = doc[token.i : token.i + n]
    if entry.lemmas[0] not in _lemma_keys(token) or any(
            entry.lemmas[k] not in (w.lemma_.lower(), w.lower_) for k, w in enumerate(words) if k > 0):
        return None
    if token.pos_ not in entry.pos:
        return None
    if entry.needs and not any(_has_dependent(token, rel, lemma) for rel, lemma in entry.needs):
        return None
    if any(_has_child(token, rel, lemma) for rel, lemma in entry.forbids):
        return None
    start = _phrase_start(token) if n == 1 else token.i
    return Trigger(head=token, start=start, end=token.i + n, entry=entry)


def _has_dependent(token: Token, rel: str, lemma: str) -> bool:
    deps = {
        "prt": ("prt",),
        "prep": ("prep", "agent", "dative"),
        "obj": ("dobj", "obj", "attr", "dative"),
        "xcomp": ("xcomp", "ccomp"),
        "compound": ("compound",),
        "amod": ("amod", "compound"),
        "dobj": ("dobj", "obj"),
        "conj": ("conj",),
        "nummod": ("nummod",),
        "nsubj": ("nsubj", "nsubjpass"),
        "advcl": ("advcl",),
        "gov": (),
    }[rel]
    if rel == "gov":
        return token.head.lemma_.lower() == lemma
    for child in token.children:
        if child.dep_ in deps and (lemma == "*" or child.lemma_.lower() == lemma or child.lower_ == lemma):
            return True
        if rel in ("obj", "dobj") and child.dep_ in deps and _compound_names(child, lemma):
            return True  # "eased curfew hours", "lifted the sanctions regime"
        if rel == "nsubj" and child.dep_ in deps and _counted_group_of(child, lemma):
            return True  # "hundreds of protesters gathered"
        if rel in ("obj", "dobj") and child.dep_ in deps + ("nsubjpass",) and _is_quantity_word(child) \
                and _counted_group_of(child, lemma):
            return True  # "established a number of barracks", "defused hundreds of landmines"
    if rel == "obj" and any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
        # a passive verb has its object as subject
        return lemma == "*" or any(c.dep_ == "nsubjpass" and lemma in (c.lemma_.lower(), c.lower_)
                                   for c in token.children)
    if rel == "obj" and token.dep_ == "acl" and token.tag_ == "VBN":
        return True  # "shells fired by ...": the participle modifies its object
    if rel in ("compound", "amod") and token.i > 0:
        return token.doc[token.i - 1].lower_ == lemma
    return False


def _has_child(token: Token, rel: str, lemma: str) -> bool:
    """A direct dependent of that relation and lemma ("returned fire": obj fire)."""
    deps = {"obj": ("dobj", "obj", "nsubjpass"), "prep": ("prep",), "prt": ("prt",)}.get(rel, (rel,))
    return any(c.dep_ in deps and lemma in (c.lemma_.lower(), c.lower_) for c in token.children)


def _compound_names(noun: Token, lemma: str) -> bool:
    return lemma != "*" and any(c.dep_ == "compound" and lemma in (c.lemma_.lower(), c.lower_) for c in noun.children)


_QUANTITY_NOUNS = frozenset("number dozen dozens hundred hundreds thousand thousands batch lot lots quantity "
                            "series set couple pair pile stockpile".split())


def _is_quantity_word(token: Token) -> bool:
    return token.lemma_.lower() in _QUANTITY_NOUNS or token.lower_ in _QUANTITY_NOUNS or token.pos_ == "NUM"


def _counted_group_of(subject: Token, lemma: str) -> bool:
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(g.lemma_.lower() == lemma for g in p.children)
               for p in subject.children)


def _phrase_start(token: Token) -> int:
    if token.pos_ not in ("NOUN", "PROPN"):
        return token.i
    start = token.i
    while start > 0:
        left = token.doc[start - 1]
        if left.head.i == token.i and left.dep_ in ("compound", "amod") and left.lower_ in _PHRASE_MODIFIERS:
            start -= 1
        else:
            break
    return start


_MONTH_NAMES = frozenset("march may".split())


def _is_event_use(trigger: Trigger) -> bool:
    token = trigger.head
    if token.lower_ in _MONTH_NAMES and (token.text[:1].isupper() or token.ent_type_ == "DATE") and token.pos_ != "VERB":
        return False  # "in March" is a month, not a protest march
    children = list(token.children)
    if any(c.dep_ == "compound" and c.lower_ in _NOT_EVENT_COMPOUNDS for c in children):
        return False
    if token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.text[:1].isupper():
        return False  # "the Israel Boycott Law": part of a name
    if any(c.dep_ == "det" and c.lower_ == "such" for c in children):
        return False
    if _is_habitual(token):
        return False
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s.lemma_.lower() in _NON_AGENT_SUBJECTS for s in subjects) and not trigger.entry.is_speech:
        return False
    objects = [c for c in children if c.dep_ in ("dobj", "obj")]
    if any(o.lemma_.lower() in _NON_EVENT_OBJECTS for o in objects) and not _asks_for_object(trigger.entry) \
            and trigger.entry.cameo[:2] not in _ABOUT_REPORTS:
        return False
    if trigger.entry.cameo[:2] in ("18", "19", "20") and _figurative_target(token):
        return False
    if trigger.entry.is_violent and _natural_cause(token):
        return False
    if trigger.entry.cameo == "183" and _accidental(token):
        return False
    if trigger.entry.is_violent and token.dep_ in ("advcl", "conj") and _is_explosion(token.head):
        if _accidental(token.head):
            return False  # "a boiler exploded, injuring four": the injuries of an accident
    if trigger.entry.is_violent and any(c.lemma_.lower() in _MISHAPS for c in _clauses_of(token)):
        return False  # "nineteen were killed when their bus plunged off a bridge"
    if trigger.entry.is_violent and any(_explosion_clause(c) and _accidental(c) for c in _clauses_of(token)):
        return False  # "a worker was killed (and two hurt) when a boiler exploded": the toll of an accident
    if token.dep_ == "amod" and (trigger.entry.is_speech or trigger.entry.cameo[:2] == "17"):
        return False  # "the long-threatened invasion", "alleged crimes", "the jailed activists": modifiers
    if _is_purpose_of_event(trigger):
        return False  # "protested to demand reforms": the demand is what the protest was for, not a second event
    if trigger.entry.is_generic and not _is_specific_noun(token):
        return False
    if "negonly" in trigger.entry.flags and not _is_negated(token):
        return False
    return True


# Acts whose object can be a report or a statement: investigating, criticising or rejecting it
_ABOUT_REPORTS = ("09", "11", "12")
_PURPOSE_ROOTS = ("02", "10")  # appeals and demands


def _is_purpose_of_event(trigger: Trigger) -> bool:
    """An appeal or demand in a "to" purpose clause of another event ("staged demonstrations to demand",
    "began a hunger strike to demand"): the event's aim, coded with that event."""
    token = trigger.head
    if trigger.entry.cameo[:2] not in _PURPOSE_ROOTS or token.dep_ not in ("advcl", "xcomp"):
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    governor = token.head
    candidates = [governor] + [c for c in governor.children if c.dep_ in ("dobj", "obj")]
    return any(is_trigger_word(t) for t in candidates if t.i != token.i)


def is_trigger_word(token: Token) -> bool:
    """Whether a non-speech lexicon row matches the token (its lemma, part of speech and needs)."""
    return any(_match(token, e) is not None for e in _entries_for(token) if not e.is_speech)


def _figurative_target(token: Token) -> bool:
    targets = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    targets += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("against", "on")
                for g in c.children if g.dep_ == "pobj"]
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    doers += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    means = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
             if g.dep_ == "pobj"]
    return any(t.lemma_.lower() in _ABSTRACT_TARGETS for t in targets) or any(
        d.lemma_.lower() in _ABSTRACT_DOERS for d in doers + means  # "targeted Russia with sanctions"
    )


def _clauses_of(token: Token) -> list[Token]:
    """Adverbial clauses of the token and of the verbs coordinated with it ("killed and injured when ...")."""
    verbs = [token] + [c for c in token.children if c.dep_ == "conj"]
    if token.dep_ == "conj":
        verbs.append(token.head)
    return [c for v in verbs for c in v.children if c.dep_ == "advcl"]


def _natural_cause(token: Token) -> bool:
    """"An earthquake killed eight", "floods struck the region", "bodies found after the eruption": a
    disaster, not an attack."""
    hazards = coding_cues().lists["natural_hazards"]
    causes = [g for c in token.children if c.dep_ == "prep" and c.lower_ in _CAUSE_PREPS
              for g in c.children if g.dep_ == "pobj"]
    if any(c.lemma_.lower() in hazards for c in causes) and _is_harm(token):
        return True
    if token.lemma_.lower() in ("find", "dead") and any(t.lemma_.lower() in hazards for t in token.sent):
        return True  # "bodies of 99 people have been found ... following the eruption"
    doers = [c for c in token.children if c.dep_ in ("nsubj",)]
    doers += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if token.dep_ in ("acl", "advcl", "conj") and token.head.pos_ in ("VERB", "NOUN"):
        doers += [c for c in token.head.children if c.dep_ == "nsubj"]
        if token.dep_ == "acl":
            doers.append(token.head)
    return any(d.lemma_.lower() in hazards for d in doers)


# Verbs of mishaps: killings told with them are accidents ("killed when the bus overturned")
_MISHAPS = frozenset("plunge crash collide capsize collapse overturn derail sink topple skid".split())
_CAUSE_PREPS = frozenset("in by after following from".split())


def _is_harm(token: Token) -> bool:
    """Killing, wounding or finding the dead (not protests or arrests "during the pandemic")."""
    return any(e.cameo[:2] in ("18", "19", "20") for e in _entries_for(token) if _match(token, e) is not None)


def _explosion_clause(token: Token) -> bool:
    """"a boiler exploded" or "an explosion ripped through a warehouse"."""
    return _is_explosion(token) or any(c.dep_ == "nsubj" and _is_explosion(c) for c in token.children)


def _is_explosion(token: Token) -> bool:
    return any(e.cameo == "183" for e in _entries_for(token) if _match(token, e) is not None)


def _accidental(token: Token) -> bool:
    """An explosion at a plant, of a boiler or a gas cylinder, with nobody said to have caused it."""
    words = {t.lemma_.lower() for t in token.sent}
    words |= {f"{a.lemma_.lower()} {b.lemma_.lower()}" for a, b in zip(token.sent, token.sent[1:])}
    if not coding_cues().has("accident_cues", words):
        return False
    agents = ("bomber", "militant", "attacker", "terrorist", "gunman", "insurgent", "rebel", "bomb", "ied",
              "landmine", "explosive")
    # "a mine planted by ...", "detonated": someone caused it (the verb, unlike the noun "plant", names a deed)
    deed = any(t.pos_ == "VERB" and t.lemma_.lower() in ("plant", "detonate", "hurl", "throw") for t in token.sent)
    return not (words & set(agents)) and not deed


def _asks_for_object(entry: TriggerEntry) -> bool:
    """The row names its object ("share information"): that object makes the event, not a report."""
    return any(rel in ("obj", "dobj") and lemma != "*" for rel, lemma in entry.needs)


def _is_negated(token: Token) -> bool:
    """"will not accept", "refused to accept": the word is only an event as a refusal."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    head = token.head
    return token.dep_ == "xcomp" and (
        head.lemma_.lower() in ("refuse", "decline", "fail") or any(c.dep_ == "neg" for c in head.children)
    )


def _is_habitual(token: Token) -> bool:
    """Habits and descriptions, not happenings: frequency adverbs, simple-present action verbs,
    noun-modifying participles ("militias targeting facilities")."""
    verb = token if token.pos_ in ("VERB", "AUX") else None
    scope = [token] + ([token.head] if token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") else [])
    speech = verb is not None and bool(set(_entries_keys(verb)) & _speech_lemmas())
    for word in scope:
        if not speech and any(c.dep_ == "advmod" and c.lower_ in _HABITUAL_ADVERBS for c in word.children):
            return True  # "has repeatedly threatened" still reports threats made
    if verb is None:
        return False
    if speech:
        # "condemns", "calls on" in a statement are performative, not habits; "a declaration demanding
        # that ..." states the declaration's content, not a practice
        return False
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return True
    if verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return not _named_doer(verb)  # "Pompeo lifts restrictions": a headline's present, not a habit
    if verb.tag_ == "VBG" and _present_progressive(verb):
        # "militias are stealing ..., attacking protesters": an ongoing practice; "Britain is deploying
        # 300 troops": a named state doing one thing now
        return not (_named_doer(verb) and verb.dep_ in ("ROOT", "ccomp"))
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBN", "VBG") and auxes and all(a.tag_ in ("VBZ", "VBP") for a in auxes):
        # "get fired at", "are being fired": present-tense passives/progressives describe states
        return verb.tag_ == "VBN" and any(a.lemma_ == "get" for a in auxes)
    return False


def _named_doer(verb: Token) -> bool:
    """The verb's subject is a named state, organisation or person (not "militias", "they")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    words = subjects + [m for s in subjects for m in s.children if m.dep_ in ("compound", "amod", "poss")]
    return any(s.pos_ == "PROPN" or s.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") for s in words)


def _present_progressive(verb: Token) -> bool:
    head = verb
    while head.dep_ in ("conj", "advcl") and head.head.tag_ == "VBG" and head.head.i != head.i:
        head = head.head
    auxes = [c for c in head.children if c.dep_ == "aux"]
    return any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes)


def _entries_keys(token: Token) -> tuple[str, ...]:
    return (token.lemma_.lower(), token.lower_)


@cache
def _speech_lemmas() -> frozenset[str]:
    return frozenset(k for k, entries in trigger_entries().items() if any(e.is_speech for e in entries))


def _is_specific_noun(token: Token) -> bool:
    """A generic noun ("aid", "cooperation") is an event only as a light verb's object or when determined."""
    if any(c.dep_ in ("det", "nummod", "poss") for c in token.children):
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "in" and _is_amount(token.head.head):
        return True  # "$33 million in assistance"
    return token.dep_ in ("dobj", "obj") and token.head.pos_ == "VERB"


def _is_amount(token: Token) -> bool:
    return token.ent_type_ == "MONEY" or token.lower_ in ("$", "dollars", "euros", "million", "billion")
