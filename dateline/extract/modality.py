"""Modality of each trigger: asserted, negated, uncertain, hypothetical, future, historical, alleged.

Decided per trigger from the parse: negation of the trigger or its governing verb, conditional clauses
("if attacks persist"), the content of threats and plans ("would close the embassy"), modal verbs and
hedges, and allegations. A definite noun phrase inside an accusation ("accused X of carrying out the
attack") presupposes the happening: the attack stays asserted, only its perpetrator is alleged.
"""

from __future__ import annotations

from spacy.tokens import Token

from .. import lang
from ..models import Modality

__all__ = ["has_condition", "is_obliged", "is_presupposed", "modality_of"]

_EN = lang.load()


def _cues(name: str) -> frozenset[str]:
    """A word list of ``lang/en/modality_cues.toml``."""
    return frozenset(_EN.data("modality_cues")[name])


_UNCERTAIN_AUX = _cues("uncertain_modals")
_UNCERTAIN_WORDS = _cues("hedges")
_ALLEGED_WORDS = _cues("allegation_modifiers")
_HISTORICAL_WORDS = _cues("historical_modifiers")
# Governors whose complement has not happened (yet): plans, threats, intentions.
_FUTURE_GOVERNORS = _cues("future_governors")
_THREAT_GOVERNORS = _cues("threat_governors")
# Attempts leave open whether the act happened: "efforts to ease", "a bid to take over".
_ATTEMPT_GOVERNORS = _cues("attempt_governors")
_CANCELLED = _cues("cancelled_modifiers")
# Reporting words whose "would" clause is a future in the past: "announced that it would buy".
_REPORTING = _EN.words("reporting_verbs") | _cues("future_in_past_governors")
# Governors that undo what they govern: "refused to ...", "cancelled a planned visit", "ended mediation".
_FAILED_GOVERNORS = _cues("undoing_governors")
_ENDING_VERBS = _cues("ending_verbs")
_BREAKING_OFF_VERBS = _cues("breaking_off_verbs")
_ALLEGATION_GOVERNORS = _cues("allegation_governors")
_CONDITIONAL_MARKS = _cues("conditional_marks")
_CONDITIONAL_AUX = _cues("conditional_auxiliaries")
_FUTURE_AUX = _cues("future_auxiliaries")
_OBLIGATION_MODALS = _cues("obligation_modals")
# "the attack" refers to a known happening; "nobody was hurt" denies the act (function_words.toml)
_DEFINITE_DETERMINERS = frozenset(_EN.data("function_words")["definite_determiners"])
_NOBODY = frozenset(_EN.data("function_words")["negative_pronouns"])
_RULING_OUT = tuple(_EN.data("modality_cues")["ruling_out_phrases"])
# spaCy label groups (lang/en/syntax.toml)
_VERBAL = _EN.labels("verbal")
_NOMINAL = _EN.labels("nominal")
_SUBJECTS = _EN.labels("subjects")
_DIRECT_OBJECTS = _EN.labels("direct_objects")
_AUXILIARIES = _EN.labels("auxiliaries")
_PREPOSITIONAL_OBJECTS = _EN.labels("prepositional_objects")
_CLAUSAL_DEPENDENTS = _EN.labels("clausal_dependents")
_MODALITY_MODIFIERS = _EN.labels("modality_modifiers")
_PHRASE_INTERNAL = _EN.labels("phrase_internal_links")
_ACTIVE_SUBJECTS = _EN.labels("clausal_and_active_subjects")
_GOVERNED_CLAUSES = _EN.labels("governed_clauses")


def modality_of(trigger: Token) -> Modality:
    """The modality of the event the trigger expresses (see the module docs for the rules)."""
    chain = _governors(trigger)
    if _negated(trigger, chain):
        return Modality.NEGATED
    if _cancelled(chain):
        return Modality.NEGATED  # "the now-cancelled deal to lease"
    if _conditional(trigger, chain):
        return Modality.HYPOTHETICAL
    for below, gov in zip(chain, chain[1:], strict=False):
        if below.dep_ == "conj":
            continue  # "set off bombs and exchanged gunfire": a coordinated verb is no complement of "set"
        lemma = gov.lemma_.lower()
        if lemma in _THREAT_GOVERNORS:
            return Modality.HYPOTHETICAL
        if lemma in _ATTEMPT_GOVERNORS and below.dep_ in _CLAUSAL_DEPENDENTS:
            return Modality.UNCERTAIN
        if lemma == "commit" and below.dep_ in _DIRECT_OBJECTS:
            continue  # "committed rape": done, not promised ("committed to withdrawing" is)
        if lemma in _FUTURE_GOVERNORS:
            return Modality.FUTURE
        if lemma in _ALLEGATION_GOVERNORS and not is_presupposed(trigger):
            return Modality.ALLEGED
    if _future(chain):
        return Modality.FUTURE
    words = {c.lower_ for t in chain[:2] for c in t.children if c.dep_ in _MODALITY_MODIFIERS}
    if words & _ALLEGED_WORDS:
        return Modality.ALLEGED
    if words & _UNCERTAIN_AUX or words & _UNCERTAIN_WORDS:
        return Modality.UNCERTAIN
    if words & _HISTORICAL_WORDS:
        return Modality.HISTORICAL
    return Modality.ASSERTED


def has_condition(trigger: Token) -> bool:
    """The act's verb carries an "unless"/"if" clause: "will withdraw its force unless a ceasefire is
    arranged" makes the withdrawal a condition put to someone (a threat), not a plan."""
    verb = _local_verb(_governors(trigger))
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL_MARKS for m in c.children)
        for c in verb.children
    )


def is_obliged(trigger: Token) -> bool:
    """"X must agree", "Y should release them": an obligation put on someone, i.e. a demand."""
    verb = _local_verb(_governors(trigger))
    while (verb.dep_ == "conj" and verb.head.pos_ in _VERBAL
           and not any(c.dep_ == "aux" for c in verb.children)):
        verb = verb.head  # "must ensure security and provide amenities": the modal is on the first verb
    return any(c.dep_ == "aux" and c.lower_ in _OBLIGATION_MODALS for c in verb.children)


def is_presupposed(trigger: Token) -> bool:
    """A definite or possessed event noun ("the attack", "Sunday's attack") refers to a known happening."""
    if trigger.pos_ not in _NOMINAL:
        return False
    return any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS) or c.dep_ == "poss"
        for c in trigger.children
    )


def _governors(trigger: Token) -> list[Token]:
    """The trigger and the words governing it up to the sentence root (nouns climb to their verb)."""
    chain = [trigger]
    token = trigger
    while token.dep_ != "ROOT" and token.head.i != token.i and len(chain) < 8:
        token = token.head
        chain.append(token)
    return chain


def _local_verb(chain: list[Token]) -> Token:
    for token in chain:
        if token.pos_ in _VERBAL:
            return token
    return chain[-1]


def _negated(trigger: Token, chain: list[Token]) -> bool:
    scope = chain[:2] if trigger.pos_ in _VERBAL else chain[:3]
    verb = _local_verb(chain)
    if verb not in scope:
        scope = [*scope, verb]
    for token in scope:
        negated = any(c.dep_ == "neg" for c in token.children)
        if negated and token.i != trigger.i and token.lemma_.lower() in _ENDING_VERBS:
            return False  # "will not end the strike": the strike goes on
        if negated:
            return True
        if ((token.lemma_.lower() in _FAILED_GOVERNORS or _broke_off(token)) and token.i != trigger.i
                and token.lemma_.lower() != "deny" and not _is_subject_of(token, chain)):
            return True  # "cancelled the visit" undoes the visit; "the fighting ended" does not undo the fighting
    if _ruled_out(trigger):
        return True
    if _without(trigger):
        return True  # "entered the town without fighting"
    # "no one was hurt", "no attack took place"
    for token in (trigger, verb):
        for child in token.children:
            if child.dep_ in _SUBJECTS and (
                child.lower_ in _NOBODY
                or any(g.dep_ == "det" and g.lower_ == "no" for g in child.children)
            ):
                return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children)


def _without(trigger: Token) -> bool:
    node = trigger
    if node.dep_ == "conj":
        node = node.head  # "without resistance or firing a shot"
    return node.dep_ in _PREPOSITIONAL_OBJECTS and node.head.lower_ == "without"


def _ruled_out(trigger: Token) -> bool:
    """"lifting the ban is out of the question": the act is the subject of a predicate that excludes it."""
    node = trigger
    while node.dep_ in _PHRASE_INTERNAL and node.head.i != node.i:
        node = node.head
    if node.dep_ not in _ACTIVE_SUBJECTS:
        return False
    words = " ".join(t.lower_ for t in node.head.subtree if t.i > node.i)
    return any(phrase in words for phrase in _RULING_OUT)


def _broke_off(token: Token) -> bool:
    """"broke off talks", "called off the strike": a particle verb that ends what it governs."""
    return token.lemma_.lower() in _BREAKING_OFF_VERBS and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in token.children
    )


def _is_subject_of(governor: Token, chain: list[Token]) -> bool:
    below = next((t for t in chain if t.head.i == governor.i and t.i != governor.i), None)
    return below is not None and below.dep_ in _SUBJECTS


def _conditional(trigger: Token, chain: list[Token]) -> bool:
    for token in chain:
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in token.children):
            return True
    verb = _local_verb(chain)
    has_would = any(c.dep_ == "aux" and c.lower_ in _CONDITIONAL_AUX for c in verb.children)
    has_if_clause = any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL_MARKS for m in c.children)
        for c in verb.children
    )
    return has_would and has_if_clause


def _cancelled(chain: list[Token]) -> bool:
    return any(
        c.dep_ == "amod" and c.lower_.split("-")[-1] in _CANCELLED
        for t in chain[:3]
        if t.pos_ in _NOMINAL
        for c in t.children
    )


def _future(chain: list[Token]) -> bool:
    verb = _local_verb(chain)
    auxes = [c for c in verb.children if c.dep_ in _AUXILIARIES]
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return True
    if any(a.lower_ in _CONDITIONAL_AUX for a in auxes) and verb.dep_ in _GOVERNED_CLAUSES:
        return verb.head.lemma_.lower() in _REPORTING
    # "is going to attack", "are to meet"
    return any(a.lemma_ == "be" for a in auxes) and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.tag_ == "VB"
