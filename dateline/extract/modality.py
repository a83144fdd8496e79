"""Modality of each trigger: asserted, negated, uncertain, hypothetical, future, historical, alleged.

Decided per trigger from the parse: negation of the trigger or its governing verb, conditional clauses
("if attacks persist"), the content of threats and plans ("would close the embassy"), modal verbs and
hedges, and allegations. A definite noun phrase inside an accusation ("accused X of carrying out the
attack") presupposes the happening: the attack stays asserted, only its perpetrator is alleged.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..models import Modality

__all__ = ["has_condition", "is_obliged", "is_presupposed", "modality_of"]

_UNCERTAIN_AUX = frozenset("may might could can".split())
_UNCERTAIN_WORDS = frozenset(
    "possibly perhaps probably likely apparently possible probable suspected apparent unconfirmed "
    "potential presumably seemingly".split()
)
_ALLEGED_WORDS = frozenset("allegedly alleged purported purportedly".split())
_HISTORICAL_WORDS = frozenset("previously formerly once earlier".split())
# Governors whose complement has not happened (yet): plans, threats, intentions.
_FUTURE_GOVERNORS = frozenset(
    "plan intend aim prepare schedule expect vow promise pledge seek hope want agree decide propose "
    "consider set willing ready prepared determined commit need".split()
)
_THREAT_GOVERNORS = frozenset("threaten warn".split())
# Attempts leave open whether the act happened: "efforts to ease", "a bid to take over".
_ATTEMPT_GOVERNORS = frozenset("effort attempt try bid push struggle".split())
_CANCELLED = frozenset("cancelled canceled scrapped abandoned failed aborted".split())
# Reporting words whose "would" clause is a future in the past: "announced that it would buy".
_REPORTING = frozenset(
    "say announce announcement state tell report add confirm decide agree expect statement predict promise "
    "insist warn claim".split()
)
# Governors that undo what they govern: "refused to ...", "cancelled a planned visit", "ended mediation".
_FAILED_GOVERNORS = frozenset("fail refuse deny decline cancel scrap postpone abandon halt end violate".split())
_ALLEGATION_GOVERNORS = frozenset("accuse allege claim blame charge suspect".split())
_CONDITIONAL_MARKS = frozenset("if unless".split())


def modality_of(trigger: Token) -> Modality:
    """The modality of the event the trigger expresses (see the module docs for the rules)."""
    chain = _governors(trigger)
    if _negated(trigger, chain):
        return Modality.NEGATED
    if _cancelled(chain):
        return Modality.NEGATED  # "the now-cancelled deal to lease"
    if _conditional(trigger, chain):
        return Modality.HYPOTHETICAL
    for below, gov in zip(chain, chain[1:]):
        if below.dep_ == "conj":
            continue  # "set off bombs and exchanged gunfire": a coordinated verb is no complement of "set"
        lemma = gov.lemma_.lower()
        if lemma in _THREAT_GOVERNORS:
            return Modality.HYPOTHETICAL
        if lemma in _ATTEMPT_GOVERNORS and below.dep_ in ("xcomp", "acl", "relcl", "advcl"):
            return Modality.UNCERTAIN
        if lemma == "commit" and below.dep_ in ("dobj", "obj"):
            continue  # "committed rape": done, not promised ("committed to withdrawing" is)
        if lemma in _FUTURE_GOVERNORS:
            return Modality.FUTURE
        if lemma in _ALLEGATION_GOVERNORS and not is_presupposed(trigger):
            return Modality.ALLEGED
    if _future(chain):
        return Modality.FUTURE
    words = {c.lower_ for t in chain[:2] for c in t.children if c.dep_ in ("advmod", "amod", "aux")}
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
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not any(c.dep_ == "aux" for c in verb.children):
        verb = verb.head  # "must ensure security and provide amenities": the modal is on the first verb
    return any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in verb.children)


def is_presupposed(trigger: Token) -> bool:
    """A definite or possessed event noun ("the attack", "Sunday's attack") refers to a known happening."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")) or c.dep_ == "poss"
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
        if token.pos_ in ("VERB", "AUX"):
            return token
    return chain[-1]


def _negated(trigger: Token, chain: list[Token]) -> bool:
    scope = chain[:2] if trigger.pos_ in ("VERB", "AUX") else chain[:3]
    verb = _local_verb(chain)
    if verb not in scope:
        scope = [*scope, verb]
    for token in scope:
        negated = any(c.dep_ == "neg" for c in token.children)
        if negated and token.i != trigger.i and token.lemma_.lower() in ("end", "halt", "stop", "cancel", "abandon"):
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
            if child.dep_ in ("nsubj", "nsubjpass") and (
                child.lower_ in ("nobody", "none")
                or any(g.dep_ == "det" and g.lower_ == "no" for g in child.children)
            ):
                return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children)


def _without(trigger: Token) -> bool:
    node = trigger
    if node.dep_ == "conj":
        node = node.head  # "without resistance or firing a shot"
    return node.dep_ in ("pobj", "pcomp") and node.head.lower_ == "without"


def _ruled_out(trigger: Token) -> bool:
    """"lifting the ban is out of the question": the act is the subject of a predicate that excludes it."""
    node = trigger
    while node.dep_ in ("pobj", "prep", "dobj", "compound") and node.head.i != node.i:
        node = node.head
    if node.dep_ not in ("csubj", "nsubj", "csubjpass"):
        return False
    words = " ".join(t.lower_ for t in node.head.subtree if t.i > node.i)
    return "out of the question" in words or "out of question" in words


def _broke_off(token: Token) -> bool:
    """"broke off talks", "called off the strike": a particle verb that ends what it governs."""
    return token.lemma_.lower() in ("break", "call") and any(c.dep_ == "prt" and c.lower_ == "off" for c in token.children)


def _is_subject_of(governor: Token, chain: list[Token]) -> bool:
    below = next((t for t in chain if t.head.i == governor.i and t.i != governor.i), None)
    return below is not None and below.dep_ in ("nsubj", "nsubjpass")


def _conditional(trigger: Token, chain: list[Token]) -> bool:
    for token in chain:
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in token.children):
            return True
    verb = _local_verb(chain)
    has_would = any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in verb.children)
    has_if_clause = any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL_MARKS for m in c.children)
        for c in verb.children
    )
    return has_would and has_if_clause


def _cancelled(chain: list[Token]) -> bool:
    return any(
        c.dep_ == "amod" and c.lower_.split("-")[-1] in _CANCELLED
        for t in chain[:3]
        if t.pos_ in ("NOUN", "PROPN")
        for c in t.children
    )


def _future(chain: list[Token]) -> bool:
    verb = _local_verb(chain)
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "shall", "'ll") for a in auxes):
        return True
    if any(a.lower_ in ("would", "'d") for a in auxes) and verb.dep_ in ("ccomp", "acl"):
        return verb.head.lemma_.lower() in _REPORTING
    # "is going to attack", "are to meet"
    return any(a.lemma_ == "be" for a in auxes) and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.tag_ == "VB"
