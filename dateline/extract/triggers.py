"""Finding event triggers: words of the lexicon in the roles that make them events.

A trigger is a verb or event noun whose lemma is in ``lang/en/triggers.tsv`` with the part of speech
and the dependents the row asks for. Words that only describe a habit or a kind ("such assaults",
"rockets are frequently fired", "militias targeting facilities") are not events and are left out here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from .. import lang
from .lexicon import TriggerEntry, cameo_group, code_group, coding_cues, trigger_entries

__all__ = ["Trigger", "find_triggers", "is_crowd_control", "is_trigger_word"]

# The word lists are in lang/en (each file's header says what it holds); bound once for the hot paths.
_EN = lang.load()
_PHRASE_MODIFIERS = _EN.words("event_phrase_modifiers")
_NOT_EVENT_COMPOUNDS = _EN.words("non_event_compounds")
_HABITUAL_ADVERBS = _EN.words("habitual_adverbs")
_NON_AGENT_SUBJECTS = _EN.words("market_subjects")
_CROWD_CONTROL = _EN.words("crowd_control_words")
_ABSTRACT_TARGETS = _EN.words("abstract_targets")
_ABSTRACT_DOERS = _EN.words("abstract_doers")
_NON_EVENT_OBJECTS = _EN.words("non_event_objects")
_QUANTITY_NOUNS = _EN.words("counting_nouns")
_MISHAPS = _EN.words("mishap_verbs")
_CAUSE_PREPS = _EN.words("cause_prepositions")
_DELIBERATE_CAUSES = _EN.words("deliberate_cause_words")
_DELIBERATE_DEEDS = _EN.words("deliberate_cause_verbs")
_DEAD_FOUND = _EN.words("dead_found_words")
_REFUSALS = _EN.words("refusal_verbs")
_TARGET_PREPS = _EN.words("target_prepositions")
_MONEY_WORDS = _EN.words("money_words")
# How the lexicon's needs and forbids columns name the pipeline's dependency labels
_NEEDS = _EN.data("trigger_syntax")["needs"]
_FORBIDS = _EN.data("trigger_syntax")["forbids"]
_OBJECT_RELATIONS = frozenset(_EN.data("trigger_syntax")["object_relations"])
_PRECEDING_WORD_RELATIONS = frozenset(_EN.data("trigger_syntax")["preceding_word_relations"])

_VERBAL = _EN.labels("verbal")
_NOMINAL = _EN.labels("nominal")
_VERB_OR_NOUN = _EN.labels("verb_or_noun")
_PRESENT_TENSE = _EN.labels("present_tense_tags")
_NONFINITE = _EN.labels("nonfinite_tags")
_SUBJECTS = _EN.labels("subjects")
_DIRECT_OBJECTS = _EN.labels("direct_objects")
_OBJECTS_AND_PASSIVE_SUBJECTS = _EN.labels("objects_and_passive_subjects")
_ACTED_ON = _EN.labels("objects_and_prepositional_objects")
_NOUN_ARGUMENTS = _EN.labels("noun_arguments")
_AUXILIARIES = _EN.labels("auxiliaries")
_PRENOMINAL = _EN.labels("prenominal_modifiers")
_NAME_MODIFIERS = _EN.labels("name_modifiers")
_OBJECT_EXTENSIONS = _EN.labels("object_extensions")
_DETERMINING = _EN.labels("determining_deps")
_CLAUSE_CHAINS = _EN.labels("clause_chains")
_PURPOSE_CLAUSES = _EN.labels("purpose_clauses")
_ATTACHED_CLAUSES = _EN.labels("attached_clauses")
_MAIN_CLAUSES = _EN.labels("main_clauses")
_NAMED_ACTORS = _EN.labels("named_actor_entities")

_HARM_ROOTS = cameo_group("assault_roots")
_ANSWER_ROOTS = code_group("cameo_root", "answers_to_demands")
# Acts whose object can be a report or a statement: investigating, criticising or rejecting it
_ABOUT_REPORTS = code_group("cameo_root", "about_reports")
_PURPOSE_ROOTS = code_group("cameo_root", "purposes")  # appeals and demands


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
    if not trigger.entry.is_speech or head.pos_ not in _NOMINAL:
        return False
    governor = head.head.head if head.dep_ == "pobj" else head.head
    return head.dep_ in _ACTED_ON and any(
        t.head.i == governor.i and not t.entry.is_speech and t.entry.cameo[:2] in _ANSWER_ROOTS for t in found)


def is_crowd_control(trigger: Trigger) -> bool:
    """"police fired tear gas", "used water cannon and pepper spray": dispersing a crowd."""
    objects = [c for c in trigger.head.children if c.dep_ in _DIRECT_OBJECTS]
    objects += [g for o in objects for g in o.children if g.dep_ in _OBJECT_EXTENSIONS]
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
    if head.pos_ not in _VERBAL or trigger.entry.is_speech:
        return []
    names = set(_named_object_lemmas(trigger.entry))
    objects = [c for c in head.children if c.dep_ in _OBJECTS_AND_PASSIVE_SUBJECTS]
    objects += [g for c in objects for g in c.children if g.dep_ == "compound"]
    return [c for c in objects if c.lemma_.lower() in names or c.lower_ in names]


def _lemma_keys(token: Token) -> set[str]:
    """The token's lemma and form, and for verbs the regular stems of its form: the lemmatizer sometimes
    gets a word wrong ("raped" -> "rap"); a stem only counts when the lexicon has it."""
    keys = {token.lemma_.lower(), token.lower_}
    word = token.lower_
    if token.pos_ in _VERBAL and len(word) > 4:
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
    deps = _NEEDS[rel]  # an unknown relation is a lexicon error: KeyError
    if rel == "gov":
        return token.head.lemma_.lower() == lemma
    objects = rel in _OBJECT_RELATIONS
    for child in token.children:
        if child.dep_ in deps and (lemma == "*" or child.lemma_.lower() == lemma or child.lower_ == lemma):
            return True
        if objects and child.dep_ in deps and _compound_names(child, lemma):
            return True  # "eased curfew hours", "lifted the sanctions regime"
        if rel == "nsubj" and child.dep_ in deps and _counted_group_of(child, lemma):
            return True  # "hundreds of protesters gathered"
        if objects and (child.dep_ in deps or child.dep_ == "nsubjpass") and _is_quantity_word(child) \
                and _counted_group_of(child, lemma):
            return True  # "established a number of barracks", "defused hundreds of landmines"
    if rel == "obj" and any(_is_passive_mark(c) for c in token.children):
        # a passive verb has its object as subject
        return lemma == "*" or any(c.dep_ == "nsubjpass" and lemma in (c.lemma_.lower(), c.lower_)
                                   for c in token.children)
    if rel == "obj" and token.dep_ == "acl" and token.tag_ == "VBN":
        return True  # "shells fired by ...": the participle modifies its object
    if rel in _PRECEDING_WORD_RELATIONS and token.i > 0:
        return token.doc[token.i - 1].lower_ == lemma
    return False


def _is_passive_mark(child: Token) -> bool:
    """A passive subject or auxiliary: the verb's object stands as its subject."""
    return child.dep_ == "nsubjpass" or child.dep_ == "auxpass"


def _named_object_lemmas(entry: TriggerEntry) -> list[str]:
    """The object lemmas a row asks for by name ("obj:sanction"), not any object ("obj:*")."""
    return [lemma for rel, lemma in entry.needs if rel in _OBJECT_RELATIONS and lemma != "*"]


def _has_child(token: Token, rel: str, lemma: str) -> bool:
    """A direct dependent of that relation and lemma ("returned fire": obj fire)."""
    deps = _FORBIDS.get(rel, [rel])
    return any(c.dep_ in deps and lemma in (c.lemma_.lower(), c.lower_) for c in token.children)


def _compound_names(noun: Token, lemma: str) -> bool:
    return lemma != "*" and any(c.dep_ == "compound" and lemma in (c.lemma_.lower(), c.lower_) for c in noun.children)


def _is_quantity_word(token: Token) -> bool:
    return token.lemma_.lower() in _QUANTITY_NOUNS or token.lower_ in _QUANTITY_NOUNS or token.pos_ == "NUM"


def _counted_group_of(subject: Token, lemma: str) -> bool:
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(g.lemma_.lower() == lemma for g in p.children)
               for p in subject.children)


def _phrase_start(token: Token) -> int:
    if token.pos_ not in _NOMINAL:
        return token.i
    start = token.i
    while start > 0:
        left = token.doc[start - 1]
        if left.head.i == token.i and left.dep_ in _PRENOMINAL and left.lower_ in _PHRASE_MODIFIERS:
            start -= 1
        else:
            break
    return start


_MONTH_NAMES = frozenset(row["name"] for row in _EN.rows("months"))  # "in March": no protest march


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
    subjects = [c for c in children if c.dep_ in _SUBJECTS]
    if any(s.lemma_.lower() in _NON_AGENT_SUBJECTS for s in subjects) and not trigger.entry.is_speech:
        return False
    objects = [c for c in children if c.dep_ in _DIRECT_OBJECTS]
    if any(o.lemma_.lower() in _NON_EVENT_OBJECTS for o in objects) and not _asks_for_object(trigger.entry) \
            and trigger.entry.cameo[:2] not in _ABOUT_REPORTS:
        return False
    if trigger.entry.cameo[:2] in _HARM_ROOTS and _figurative_target(token):
        return False
    if trigger.entry.is_violent and _natural_cause(token):
        return False
    if trigger.entry.cameo == "183" and _accidental(token):
        return False
    if trigger.entry.is_violent and token.dep_ in _CLAUSE_CHAINS and _is_explosion(token.head) \
            and _accidental(token.head):
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
    # a "negonly" row is an event only when negated
    return "negonly" not in trigger.entry.flags or _is_negated(token)


def _is_purpose_of_event(trigger: Trigger) -> bool:
    """An appeal or demand in a "to" purpose clause of another event ("staged demonstrations to demand",
    "began a hunger strike to demand"): the event's aim, coded with that event."""
    token = trigger.head
    if trigger.entry.cameo[:2] not in _PURPOSE_ROOTS or token.dep_ not in _PURPOSE_CLAUSES:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    governor = token.head
    candidates = [governor] + [c for c in governor.children if c.dep_ in _DIRECT_OBJECTS]
    return any(is_trigger_word(t) for t in candidates if t.i != token.i)


def is_trigger_word(token: Token) -> bool:
    """Whether a non-speech lexicon row matches the token (its lemma, part of speech and needs)."""
    return any(_match(token, e) is not None for e in _entries_for(token) if not e.is_speech)


def _figurative_target(token: Token) -> bool:
    targets = [c for c in token.children if c.dep_ in _DIRECT_OBJECTS]
    targets += _prepositional_objects(token, _TARGET_PREPS)
    doers = [c for c in token.children if c.dep_ == "nsubj"] + _agents(token)
    means = _prepositional_objects(token, {"with"})
    return any(t.lemma_.lower() in _ABSTRACT_TARGETS for t in targets) or any(
        d.lemma_.lower() in _ABSTRACT_DOERS for d in doers + means  # "targeted Russia with sanctions"
    )


def _prepositional_objects(token: Token, prepositions: frozenset[str] | set[str]) -> list[Token]:
    """The objects of the token's prepositions of those words ("against corruption")."""
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ in prepositions
            for g in c.children if g.dep_ == "pobj"]


def _agents(token: Token) -> list[Token]:
    """The "by" agents of a passive verb."""
    return [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


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
    causes = _prepositional_objects(token, _CAUSE_PREPS)
    if any(c.lemma_.lower() in hazards for c in causes) and _is_harm(token):
        return True
    if token.lemma_.lower() in _DEAD_FOUND and any(t.lemma_.lower() in hazards for t in token.sent):
        return True  # "bodies of 99 people have been found ... following the eruption"
    doers = [c for c in token.children if c.dep_ == "nsubj"] + _agents(token)
    if token.dep_ in _ATTACHED_CLAUSES and token.head.pos_ in _VERB_OR_NOUN:
        doers += [c for c in token.head.children if c.dep_ == "nsubj"]
        if token.dep_ == "acl":
            doers.append(token.head)
    return any(d.lemma_.lower() in hazards for d in doers)


def _is_harm(token: Token) -> bool:
    """Killing, wounding or finding the dead (not protests or arrests "during the pandemic")."""
    return any(e.cameo[:2] in _HARM_ROOTS for e in _entries_for(token) if _match(token, e) is not None)


def _explosion_clause(token: Token) -> bool:
    """"a boiler exploded" or "an explosion ripped through a warehouse"."""
    return _is_explosion(token) or any(c.dep_ == "nsubj" and _is_explosion(c) for c in token.children)


def _is_explosion(token: Token) -> bool:
    return any(e.cameo == "183" for e in _entries_for(token) if _match(token, e) is not None)


def _accidental(token: Token) -> bool:
    """An explosion at a plant, of a boiler or a gas cylinder, with nobody said to have caused it."""
    words = {t.lemma_.lower() for t in token.sent}
    words |= {f"{a.lemma_.lower()} {b.lemma_.lower()}" for a, b in zip(token.sent, token.sent[1:], strict=False)}
    if not coding_cues().has("accident_cues", words):
        return False
    # "a mine planted by ...", "detonated": someone caused it (the verb, unlike the noun "plant", names a deed)
    deed = any(t.pos_ == "VERB" and t.lemma_.lower() in _DELIBERATE_DEEDS for t in token.sent)
    return not (words & _DELIBERATE_CAUSES) and not deed


def _asks_for_object(entry: TriggerEntry) -> bool:
    """The row names its object ("share information"): that object makes the event, not a report."""
    return bool(_named_object_lemmas(entry))


def _is_negated(token: Token) -> bool:
    """"will not accept", "refused to accept": the word is only an event as a refusal."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    head = token.head
    return token.dep_ == "xcomp" and (
        head.lemma_.lower() in _REFUSALS or any(c.dep_ == "neg" for c in head.children)
    )


def _is_habitual(token: Token) -> bool:
    """Habits and descriptions, not happenings: frequency adverbs, simple-present action verbs,
    noun-modifying participles ("militias targeting facilities")."""
    verb = token if token.pos_ in _VERBAL else None
    scope = [token] + ([token.head] if token.dep_ in _NOUN_ARGUMENTS else [])
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
    if verb.tag_ in _PRESENT_TENSE and not any(c.dep_ in _AUXILIARIES for c in verb.children):
        return not _named_doer(verb)  # "Pompeo lifts restrictions": a headline's present, not a habit
    if verb.tag_ == "VBG" and _present_progressive(verb):
        # "militias are stealing ..., attacking protesters": an ongoing practice; "Britain is deploying
        # 300 troops": a named state doing one thing now
        return not (_named_doer(verb) and verb.dep_ in _MAIN_CLAUSES)
    auxes = [c for c in verb.children if c.dep_ in _AUXILIARIES]
    if verb.tag_ in _NONFINITE and auxes and all(a.tag_ in _PRESENT_TENSE for a in auxes):
        # "get fired at", "are being fired": present-tense passives/progressives describe states
        return verb.tag_ == "VBN" and any(a.lemma_ == "get" for a in auxes)
    return False


def _named_doer(verb: Token) -> bool:
    """The verb's subject is a named state, organisation or person (not "militias", "they")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    words = subjects + [m for s in subjects for m in s.children if m.dep_ in _NAME_MODIFIERS]
    return any(s.pos_ == "PROPN" or s.ent_type_ in _NAMED_ACTORS for s in words)


def _present_progressive(verb: Token) -> bool:
    head = verb
    while head.dep_ in _CLAUSE_CHAINS and head.head.tag_ == "VBG" and head.head.i != head.i:
        head = head.head
    auxes = [c for c in head.children if c.dep_ == "aux"]
    return any(a.lemma_ == "be" and a.tag_ in _PRESENT_TENSE for a in auxes)


def _entries_keys(token: Token) -> tuple[str, ...]:
    return (token.lemma_.lower(), token.lower_)


@cache
def _speech_lemmas() -> frozenset[str]:
    return frozenset(k for k, entries in trigger_entries().items() if any(e.is_speech for e in entries))


def _is_specific_noun(token: Token) -> bool:
    """A generic noun ("aid", "cooperation") is an event only as a light verb's object or when determined."""
    if any(c.dep_ in _DETERMINING for c in token.children):
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "in" and _is_amount(token.head.head):
        return True  # "$33 million in assistance"
    return token.dep_ in _DIRECT_OBJECTS and token.head.pos_ == "VERB"


def _is_amount(token: Token) -> bool:
    return token.ent_type_ == "MONEY" or token.lower_ in _MONEY_WORDS
