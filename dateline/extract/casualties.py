"""Casualty, arrest and other counts, read from the parse and linked to events by the caller.

A count is found from its *casualty word* ("killed", "dead", "wounded", "casualty", "fatalities",
"arrested"): the victims are the verb's passive subject or object, the noun the participle modifies,
or the noun's own number ("3 fatalities"). Negated harm ("no one was hurt", "no Embassy personnel
were harmed", "neither fatalities nor injuries") is a count of 0, never an injury.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..doctext import text_of
from .numbers import number_of, value_of_phrase

__all__ = ["Count", "QUANTITY_NOUNS", "find_counts", "find_quantities"]

_KINDS = {
    "kill": "dead", "die": "dead", "dead": "dead", "death": "dead", "fatality": "dead", "murder": "dead",
    "behead": "dead", "execute": "dead", "assassinate": "dead", "slay": "dead", "massacre": "dead", "lynch": "dead", "body": "dead",
    "injure": "injured", "wound": "injured", "hurt": "injured", "injury": "injured", "casualty": "injured",
    "harm": "injured", "injured": "injured", "wounded": "injured", "hospitalize": "injured",
    "hospitalise": "injured", "maim": "injured",
    "arrest": "arrested", "detain": "arrested", "apprehend": "arrested", "nab": "arrested",
    "arrested": "arrested", "detained": "arrested",
}  # fmt: skip
# Things counted in `quantities` (not people): weapons, vehicles, buildings.
QUANTITY_NOUNS = frozenset(
    "rocket missile mortar shell bomb drone grenade round bullet projectile explosive mine ied vehicle car "
    "truck tank bus boat ship aircraft plane helicopter jet house home building shop school church mosque "
    "village checkpoint base post tent tyre tire stone".split()
)
_SPLIT = re.compile(r"split (?:up )?(?:between|among|across) (\w+) events", re.I)


@dataclass(frozen=True, slots=True, kw_only=True)
class Count:
    kind: str  # dead | injured | arrested
    value: int
    negated: bool
    anchor: Token  # the casualty word
    summary: bool  # a total stated as such ("3 fatalities", "the death toll")
    coded: bool = False  # the coder's own figure ("fatalities coded as 0"): it overrides the text's counts

    @property
    def sentence_start(self) -> int:
        return self.anchor.sent.start_char


_CODED = re.compile(r"fatalit(?:y|ies) (?:are |were |is |was )?coded as (\d+)", re.I)
_SPLIT_FIGURE = re.compile(r"split (?:up )?(?:between|among|across) \w+ events \((\d+)\)", re.I)


def find_counts(doc: Doc) -> list[Count]:
    """Every casualty/arrest count in ``doc`` with the word that states it."""
    counts: list[Count] = _coded_counts(doc)
    for token in doc:
        kind = _KINDS.get(token.lemma_.lower()) or _KINDS.get(token.lower_)
        if kind is None:
            continue
        count = _count_at(token, kind)
        if count is not None:
            counts.append(count)
    return counts


def _coded_counts(doc: Doc) -> list[Count]:
    """Figures a coder states for the record: "Fatalities coded as 0 (X reported 1)", "split across
    2 events (4)". They are the record's count, whatever the sentences before say."""
    found = []
    for pattern in (_CODED, _SPLIT_FIGURE):
        for match in pattern.finditer(text_of(doc)):
            anchor = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if anchor is not None:
                found.append(Count(kind="dead", value=int(match.group(1)), negated=False, anchor=anchor[0],
                                   summary=True, coded=True))
    return found


def _count_at(token: Token, kind: str) -> Count | None:
    negated = _negated(token)
    victims = _victims(token)
    value = None
    for victim in victims:
        value = number_of(victim)
        if value is not None:
            break
        if victim.lower_ in ("nobody", "none") or (victim.lower_ == "one" and _has_no(victim)):
            negated = True
    if negated:
        return Count(kind=kind, value=0, negated=True, anchor=token, summary=False)
    if value is None:
        return None
    summary = token.pos_ == "NOUN" and token.lemma_.lower() in ("fatality", "death", "casualty", "injury")
    split = _SPLIT.search(token.sent.text)
    if summary and split:
        parts = value_of_phrase(split.group(1))
        if parts:
            value = round(value / parts)
    return Count(kind=kind, value=value, negated=False, anchor=token, summary=summary)


def _victims(token: Token) -> list[Token]:
    """Who the casualty word counts, most specific first."""
    children = list(token.children)
    found = [c for c in children if c.dep_ in ("nsubjpass",)]
    if token.pos_ == "VERB" and token.dep_ == "conj" and token.tag_ == "VBN" and not _has_subject(token):
        # "a man was attacked and killed": the coordinated participle shares the passive subject
        found += [c for c in token.head.children if c.dep_ == "nsubjpass"]
    if token.pos_ in ("VERB", "AUX"):
        if token.lemma_.lower() == "die" or token.lemma_.lower() == "hurt" and not _has_object(token):
            found += [c for c in children if c.dep_ == "nsubj"]
        found += [c for c in children if c.dep_ in ("dobj", "obj")]
        if not _has_object(token):
            found += [c for c in children if c.dep_ == "nsubj" and c.pos_ == "NUM"]  # "1 killed, 7 injured"
        if token.dep_ in ("acl", "amod") and token.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            found.append(token.head)  # "20 elements killed", "those hurt"
        if token.dep_ in ("oprd", "xcomp", "acomp") and token.head.pos_ == "VERB":
            found += [c for c in token.head.children if c.dep_ in ("dobj", "nsubjpass")]
    elif token.pos_ == "ADJ":
        if token.dep_ == "amod":
            found.append(token.head)  # "two dead soldiers"
        found += [c for c in children if c.dep_ in ("nummod", "npadvmod")]
        if token.dep_ in ("acomp", "oprd", "xcomp"):
            found += [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    else:
        found.append(token)  # "3 fatalities", "one Iraqi civilian casualty"
        if token.lemma_.lower() == "body":
            found = [token]
    return found


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _has_object(token: Token) -> bool:
    return any(c.dep_ in ("dobj", "obj") for c in token.children)


def _has_no(token: Token) -> bool:
    return any(c.lower_ == "no" for c in token.children)


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    for child in token.children:
        if child.dep_ in ("nsubjpass", "nsubj", "dobj") and (
            child.lower_ in ("nobody", "none") or any(g.dep_ == "det" and g.lower_ == "no" for g in child.children)
        ):
            return True
        if child.dep_ in ("nsubjpass", "nsubj") and child.lower_ == "one" and _has_no(child):
            return True
    if token.pos_ == "NOUN":
        if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in token.children):
            return True
        if any(c.dep_ in ("preconj", "cc") and c.lower_ in ("neither", "nor") for c in token.children):
            return True
        if token.dep_ == "conj" and any(c.lower_ == "neither" for c in token.head.children):
            return True
        head = token.head
        if token.dep_ == "pobj" and head.head.pos_ == "NOUN":
            return any(c.dep_ == "det" and c.lower_ == "no" for c in head.head.children)  # "no reports of casualties"
    return False


def find_quantities(doc: Doc) -> list[tuple[str, int, Token]]:
    """Counted things that are not people: ``(what, value, noun)`` ("three rockets" -> rocket, 3)."""
    found = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" and lemma in QUANTITY_NOUNS and any(c.dep_ == "nummod" for c in token.children):
            value = number_of(token)
            if value is not None and value > 0:
                found.append((lemma, value, token))
    return found
