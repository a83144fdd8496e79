"""What the text says around one trigger, for the coding stage (``dateline.coding``) to map onto codes.

``TriggerContext`` reads, on demand, the words of the trigger's clause, sentence and neighbourhood,
the content of a speech act ("accused X of *war crimes*"), what a protest's sentence says the
protesters and the police did, what was seized or attacked, and facts of the parse ("claimed
responsibility for", "pulled out of the town", "to demand elections"). It holds no codes: which CAMEO,
PLOVER and ACLED codes these readings select is the rule tables' business (``dateline/coding``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property

from spacy.tokens import Span, Token

from .. import lang
from .triggers import Trigger, is_crowd_control, is_trigger_word

__all__ = ["Sides", "TriggerContext", "clause_words", "cue_words", "has_fact", "is_claimed", "words_of"]

EN = lang.load()


@cache
def cue_words(name: str) -> frozenset[str]:
    """A cue list of ``lang/en/coding.json`` (lemmas and lemma phrases, lower case)."""
    return frozenset(word.lower() for word in EN.data("coding")[name])


@cache
def _protesters() -> frozenset[str]:
    """People at a protest and the gathering itself ("protesters", "the crowd", "the rally")."""
    return EN.words("protester_nouns") | cue_words("gathering_nouns")


def clause_words(token: Token) -> set[str]:
    """Lemmas (and two-word lemma phrases) of the clause a trigger lives in, lower-cased."""
    anchor = token
    while anchor.pos_ not in EN.labels("verbal") and anchor.head.i != anchor.i and anchor.dep_ != "ROOT":
        anchor = anchor.head
    return words_of(anchor.subtree) | words_of(token.subtree)


def words_of(tokens: Iterable[Token]) -> set[str]:
    """Lemmas and two-word lemma phrases of ``tokens``, lower-cased."""
    lemmas = [t.lemma_.lower() for t in tokens]
    words = set(lemmas)
    words.update(f"{a} {b}" for a, b in zip(lemmas, lemmas[1:], strict=False))
    return words


@dataclass(frozen=True, slots=True, kw_only=True)
class Sides:
    """What the roles of the event say about its sides (read by the mention reader)."""

    victims: bool = False  # the recipients are unarmed people or property
    armed_sides: int = 0  # how many sides are armed groups (0-2)
    mob_actor: bool = False
    protester_actor: bool = False
    state_actor: bool = False

    @property
    def armed_side(self) -> bool:
        return self.armed_sides >= 1

    @property
    def one_armed_side(self) -> bool:
        return self.armed_sides == 1

    @property
    def two_armed_sides(self) -> bool:
        return self.armed_sides >= 2


class TriggerContext:
    """One trigger in its text. Every reading is computed once, when a rule first asks for it."""

    def __init__(self, trigger: Trigger, sides: Sides | None = None, sentence: Span | None = None) -> None:
        self.trigger = trigger
        self.sides = sides or Sides()
        self.sentence = sentence if sentence is not None else trigger.head.sent

    @property
    def head(self) -> Token:
        return self.trigger.head

    # --- words of the context ------------------------------------------------------------------

    @cached_property
    def local(self) -> set[str]:
        """The trigger's clause and phrase."""
        return clause_words(self.head) | words_of(self.trigger.span)

    @cached_property
    def wide(self) -> set[str]:
        """The trigger's sentence."""
        return words_of(self.sentence)

    @cached_property
    def article(self) -> set[str]:
        """The sentence with the one before and the one after: where a report names the device it tells of."""
        return words_of(_neighbourhood(self.sentence))

    @cached_property
    def content(self) -> set[str]:
        """Lemmas of what a speech act is about: its complements, objects and "of/for/to" phrases."""
        words: set[str] = set()
        for child in self.head.children:
            if child.dep_ in EN.labels("content_dependents"):
                words |= {t.lemma_.lower() for t in child.subtree}
        return words

    @cached_property
    def asked_for(self) -> set[str]:
        """What an appeal names as its object: "called for sanctions", "asked for an embargo"."""
        head = self.head
        objects = [c for c in head.children if c.dep_ in EN.labels("direct_objects")]
        objects += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
                    if g.dep_ == "pobj"]
        objects += [g for o in list(objects) for g in o.children if g.dep_ == "conj"]
        return {o.lemma_.lower() for o in objects} | {o.lower_ for o in objects}

    @cached_property
    def objects(self) -> set[str]:
        """What was seized or destroyed: "destroyed caches of weapons" (the object's whole phrase)."""
        found = [c for c in self.head.children if c.dep_ in EN.labels("objects_and_passive_subjects")]
        return set().union(*(words_of(o.subtree) for o in found)) if found else set()

    @cached_property
    def own_actions(self) -> set[str]:
        """The protest's own sentence, without the subtrees that state its topic."""
        return words_of(_action_tokens(self.trigger, following=False))

    @cached_property
    def actions(self) -> set[str]:
        """The protest's sentence and the next one, without the subtrees that state its topic."""
        return words_of(_action_tokens(self.trigger))

    @property
    def lemmas(self) -> tuple[str, ...]:
        return self.trigger.entry.lemmas

    @property
    def trigger_lemma(self) -> set[str]:
        """The trigger's first lemma (the lexicon row's key)."""
        return {self.lemmas[0]}

    @property
    def trigger_phrase(self) -> set[str]:
        """The trigger's lemmas as one phrase ("open fire")."""
        return {" ".join(self.lemmas)}

    @property
    def local_and_wide(self) -> set[str]:
        return self.local | self.wide

    @property
    def actions_unshot(self) -> set[str]:
        """The protest's actions without shooting words ("shots of tear gas" are no excessive force)."""
        return self.actions - cue_words("shot_words")

    # --- facts of the parse --------------------------------------------------------------------

    @cached_property
    def crowd_control(self) -> bool:
        """"police fired tear gas at the crowd": the act disperses a gathering."""
        return is_crowd_control(self.trigger)

    @cached_property
    def claimed(self) -> bool:
        return is_claimed(self.head)

    @cached_property
    def reason_verb(self) -> Token | None:
        """The verb whose "for" phrase the act is ("expelled diplomats for taking part in protests")."""
        for node in self.head.ancestors:
            if node.dep_ == "prep" and node.lower_ == "for":
                return node.head if node.head.pos_ == "VERB" else None
            if node.pos_ == "VERB" and node.dep_ not in EN.labels("verb_complements"):
                return None
        return None

    @cached_property
    def aim_of_crowd_action(self) -> bool:
        """The act is the aim ("to demand", "to denounce") of something a crowd of people did with no event
        word of its own ("padlocked the office", "blocked the bridge")."""
        head = self.head
        if head.dep_ not in EN.labels("purpose_clauses") or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
            return False
        action = head.head
        if action.pos_ != "VERB" or is_trigger_word(action):
            return False
        doer = action.head if action.dep_ == "relcl" else next(
            (c for c in action.children if c.dep_ == "nsubj"), None)
        if doer is None:
            return False
        crowd = cue_words("mob_actor_words") | _protesters() | cue_words("civil_groups")
        counted = [g for p in doer.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]  # "dozens of"
        return any(t.lemma_.lower() in crowd or t.lower_ in crowd for t in [doer, *counted])

    @cached_property
    def halted(self) -> bool:
        """The talks (or the strike) are the object or passive subject of a verb that stops them, itself not
        negated ("will not end the strike" goes on striking)."""
        token = self.head
        if any(c.dep_ == "neg" for c in token.head.children):
            return False
        halts = cue_words("halt_verbs")
        stopped = EN.labels("objects_and_passive_subjects")
        return token.dep_ in stopped and token.head.lemma_.lower() in halts | cue_words("call_off_verbs") or any(
            c.dep_ in stopped and c.head.lemma_.lower() in halts
            for c in [token.head] if token.dep_ == "compound")

    @cached_property
    def decided(self) -> bool:
        """The act is the complement of "decided" ("has decided to lift the sanctions")."""
        return self.head.dep_ == "xcomp" and self.head.head.lemma_.lower() == "decide"

    @cached_property
    def offered_if(self) -> bool:
        """A cooperative act offered on an "if" condition (an "unless" condition makes it a threat)."""
        token = self.head
        verb = token if token.pos_ in EN.labels("verbal") else token.head
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children)
                   for c in verb.children)

    @cached_property
    def left_place(self) -> bool:
        """A withdrawal from a named place or a town, area or base ("pulled out of the coastal town")."""
        head = self.head
        places = [c for c in head.children if c.dep_ in EN.labels("direct_objects")]
        places += [g for c in head.children if c.dep_ == "prep" and c.lower_ in cue_words("departure_prepositions")
                   for g in c.subtree if g.dep_ == "pobj"]
        territory = cue_words("territory_words")
        return any(p.ent_type_ in EN.labels("place_entities") or p.lemma_.lower() in territory for p in places)

    @cached_property
    def object_target(self) -> bool:
        """The act has a civilian place or vehicle as its object or "on/at" target ("opened fire on a plane")."""
        head = self.head
        nouns = [c for c in head.children if c.dep_ in EN.labels("direct_objects")]
        nouns += [g for c in head.children if c.dep_ == "prep" and c.lower_ in cue_words("target_prepositions")
                  for g in c.children if g.dep_ == "pobj"]
        armed, civilian = cue_words("armed_words"), cue_words("civilian_targets")
        return any(n.lemma_.lower() in civilian and not any(m.lemma_.lower() in armed for m in n.children)
                   for n in nouns)

    @cached_property
    def has_target(self) -> bool:
        markers = cue_words("target_markers")
        return any(c.dep_ == "prep" and c.lower_ in markers for c in self.head.children)

    @property
    def noun_trigger(self) -> bool:
        return self.head.pos_ == "NOUN"

    @cached_property
    def authorities_intervened(self) -> bool:
        """An arrest, a block or a removal is an intervention only when the authorities do it to the
        protest: police as the doer, or protesters (or a counted group) as the ones stopped or arrested.
        The protesters' own road blocks and the arrest the protest is about are not."""
        verbs = cue_words("intervention_verbs")
        for token in _action_tokens(self.trigger):
            if token.pos_ != "VERB" or token.lemma_.lower() not in verbs:
                continue
            doers = [c for c in token.children if c.dep_ == "nsubj"]
            doers += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if any(_is_authority(d) for d in doers):
                return True
            done_to = [c for c in token.children if c.dep_ in EN.labels("passive_subject_or_object")]
            if any(_is_protesters(t) for t in done_to):
                return True
        return False

    def fact(self, name: str) -> bool:
        """A fact by the name the rule tables give it: a reading of this context or of its sides."""
        return bool(getattr(self.sides, name) if has_fact(Sides, name) else getattr(self, name))


def has_fact(kind: type, name: str) -> bool:
    """Whether ``name`` is a fact ``kind`` (``TriggerContext`` or ``Sides``) can be asked for."""
    return not name.startswith("_") and hasattr(kind, name)


def is_claimed(token: Token) -> bool:
    """The act is what someone claims (or denies) responsibility for: "claimed responsibility for the
    rocket attack", "claimed the killing of", "denied it was responsible for the bombing". Such a
    sentence reports a claim, not the attack (ACLED codes the attack from its own report)."""
    responsibility, claim_verbs = cue_words("responsibility_words"), cue_words("claim_verbs")
    below = token
    for node in token.ancestors:
        lemma = node.lemma_.lower()
        if lemma in responsibility or node.lower_ in responsibility:
            return True
        if node.pos_ in EN.labels("verbal") and any(c.lemma_.lower() in responsibility for c in node.children):
            return True  # "was responsible for the attack", "claimed responsibility ... that killed eight"
        if lemma in claim_verbs and node.pos_ == "VERB":
            return below.i == token.i and token.dep_ in EN.labels("direct_objects")
        if node.pos_ == "VERB" and below.dep_ != "conj":
            return False  # ("killing and wounding": a coordinated verb shares its partner's clause)
        below = node
    return False


def _neighbourhood(sentence: Span) -> list[Token]:
    doc = sentence.doc
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    end = doc[sentence.end].sent.end if sentence.end < len(doc) else sentence.end
    return list(doc[start:end])


def _is_authority(token: Token) -> bool:
    words = {t.lemma_.lower() for t in token.subtree} | {t.lower_ for t in token.subtree}
    return bool(words & cue_words("armed_words")) or bool(words & cue_words("authority_words"))


def _is_protesters(token: Token) -> bool:
    protesters = _protesters()
    if token.lemma_.lower() in protesters or token.lower_ in protesters:
        return True
    # "20 people were arrested", "dozens were detained": a counted group at a protest
    return token.pos_ in EN.labels("counted_nouns") and any(c.dep_ == "nummod" for c in token.children) \
        or token.pos_ == "NUM"


def _action_tokens(trigger: Trigger, *, following: bool = True) -> list[Token]:
    """The protest's sentence (and the next one), without the subtrees that state its topic."""
    sent = trigger.head.sent
    tokens = list(sent)
    if following:
        tokens += _next_sentence(sent)
    topic: set[int] = set()
    topic_words = cue_words("topic_prepositions")
    for token in tokens:
        if token.lower_ in topic_words or (token.dep_ == "advcl" and token.tag_ == "VBG"):
            topic.update(t.i for t in token.subtree if t.i != token.head.i)
    return [t for t in tokens if t.i not in topic]


def _next_sentence(sent: Span) -> list[Token]:
    doc = sent.doc
    if sent.end >= len(doc):
        return []
    return list(doc[sent.end].sent)

