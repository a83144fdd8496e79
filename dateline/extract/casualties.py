"""Casualty, arrest and other counts, read from the parse and linked to events by the caller.

A count is found from its *casualty word* ("killed", "dead", "wounded", "casualty", "fatalities",
"arrested"): the victims are the verb's passive subject or object, the noun the participle modifies,
or the noun's own number ("3 fatalities"). Negated harm ("no one was hurt", "no Embassy personnel
were harmed", "neither fatalities nor injuries") is a count of 0, never an injury. A named singular
victim counts one ("killed the chief", "killing him", "beaten to death"); an unrealised or alternative
harm ("threatened to kill", "killed, injured or captured") and a killing told about other people
("relatives of bandits who killed a farmer") count nothing. ACLED's coder figures ("fatalities coded
as 10") override the text, and a total spread over several records is divided among them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Token

from .. import lang
from ..doctext import text_of
from .numbers import number_of, value_of_phrase

__all__ = ["COUNT_KINDS", "QUANTITY_NOUNS", "Count", "find_counts", "find_quantities"]

EN = lang.load()
_CUES = EN.data("casualties")
_KINDS: dict[str, str] = _CUES["kinds"]  # casualty word -> dead | injured | arrested
COUNT_KINDS = tuple(dict.fromkeys(_KINDS.values()))  # the kinds of count, each an Event field
# Things counted in `quantities` (not people): weapons, vehicles, buildings.
QUANTITY_NOUNS = frozenset(_CUES["words"]["counted_things"])
# ACLED's notes spread one total over several records ("20 fatalities split between 3 events").
_SPLIT = re.compile(_CUES["notes"]["split"], re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Count:
    kind: str  # dead | injured | arrested
    value: int
    negated: bool
    anchor: Token  # the casualty word
    summary: bool  # a total stated as such ("3 fatalities", "the death toll")
    coded: bool = False  # the coder's own figure ("fatalities coded as 0"): it overrides the text's counts
    additional: bool = False  # victims besides those already counted ("3 others were also killed"): they add up

    @property
    def sentence_start(self) -> int:
        return self.anchor.sent.start_char


_CODED = re.compile(_CUES["notes"]["coded"], re.IGNORECASE)  # "fatalities coded as 10"


@cache
def _words(group: str) -> frozenset[str]:
    """A casualty word list of ``casualties.toml``."""
    return frozenset(_CUES["words"][group])


@cache
def _month_words() -> frozenset[str]:
    """Month names and their abbreviations: "around 8 May 2020" names a day, not a count."""
    return frozenset(word for row in EN.rows("months") for word in (row["name"], *row["abbreviations"].split()))


@cache
def _function_words(group: str) -> frozenset[str]:
    """A group of function words from ``function_words.toml``."""
    return frozenset(EN.data("function_words")[group])


def find_counts(doc: Doc) -> list[Count]:
    """Every casualty/arrest count in ``doc`` with the word that states it. When the text spreads its
    total over several records ("split between 3 events"), each count is this record's share."""
    counts: list[Count] = _coded_counts(doc)
    for token in doc:
        kind = _kind_of(token)
        if kind is None:
            continue
        count = _count_at(token, kind)
        if count is not None:
            counts.append(count)
    return _shared_out(counts, doc)


def _kind_of(token: Token) -> str | None:
    kind = _KINDS.get(token.lemma_.lower()) or _KINDS.get(token.lower_)
    if token.lemma_.lower() in _words("fatal_verbs") and any(c.lower_ in _words("fatal_adverbs") for c in token.children):
        return "dead"
    return kind


def _coded_counts(doc: Doc) -> list[Count]:
    """Figures a coder states for the record: "Fatalities coded as 0 (X reported 1)", "split across
    2 events (4)". They are the record's count, whatever the sentences before say."""
    found = []
    text = text_of(doc)
    figures = [(m, 1) for m in _CODED.finditer(text)]
    figures += [(m, 3) for m in _SPLIT.finditer(text) if m.group(3)]
    figures += [(m, 4) for m in _SPLIT.finditer(text) if m.group(4)]
    for match, group in figures:
        anchor = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if anchor is not None:
            found.append(Count(kind="dead", value=int(match.group(group)), negated=False, anchor=anchor[0],
                               summary=True, coded=True))
    return found


def _shared_out(counts: list[Count], doc: Doc) -> list[Count]:
    """This record's share of a total the text spreads over several: "10 fatalities split between 3
    locations in two days" -> 10 / 6, rounded. A figure given for the record itself ("(4)") is kept."""
    match = _SPLIT.search(text_of(doc))
    if match is None or match.group(3) or match.group(4):
        return counts
    parts = value_of_phrase(match.group(1)) or 1
    days = value_of_phrase(match.group(2)) if match.group(2) else 1
    share = parts * (days or 1)
    if share <= 1:
        return counts
    return [replace(c, value=round(c.value / share)) if c.kind == "dead" else c for c in counts]


def _count_at(token: Token, kind: str) -> Count | None:
    if _unrealised(token) or _background_deed(token) or _alternative(token):
        return None
    negated = _negated(token)
    victims = _victims(token)
    summary = _is_total(token)
    value = None
    victims = [v for v in victims if not _a_date(v)]
    # a stated number first; only then a named person ("killed the chief" = 1), so that the subject of
    # "the raid left 14 bandits dead" is never taken for a victim
    for fallback in (None, _one_person):
        for victim in victims:
            value = number_of(victim, fallback=fallback, skip=_counts_something_else(summary))
            if value is not None:
                # with its named conjuncts too: "killed the teacher and a nephew" = 2
                value = number_of(victim, fallback=_one_person, skip=_counts_something_else(summary)) or value
                value += _parallel_subjects(victim, victims, summary)
                break
            if victim.lower_ in _function_words("negative_pronouns") or (victim.lower_ == "one" and _has_no(victim)):
                negated = True
        if value is not None:
            break
    if negated:
        return Count(kind=kind, value=0, negated=True, anchor=token, summary=False)
    if value is None:
        return None
    if summary and token.dep_ == "conj" and _uncounted_head(token.head):
        # "resulting in 25 fighters and 6 military fatalities": the first conjunct is counted by this noun
        value += number_of(token.head, skip=lambda _: True) or 0
    return Count(kind=kind, value=value, negated=False, anchor=token, summary=summary,
                 additional=_additional(token, victims))


def _is_total(token: Token) -> bool:
    """A noun that states a total ("3 fatalities", "the death toll"); "beaten to death" tells none."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in _words("total_nouns") \
        and not (token.dep_ == "pobj" and token.head.lower_ == "to")


def _a_date(token: Token) -> bool:
    """ "Around 8 May 2020, 7 militants were killed": the day misread as the verb's subject."""
    if token.ent_type_ in EN.labels("quantity_entities"):
        return True
    near = [token.doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(token.doc)]
    return token.pos_ == "NUM" and any(t.lower_ in _month_words() for t in near)


def _parallel_subjects(victim: Token, victims: list[Token], summary: bool) -> int:
    """ "12 militants and 3 guards were killed" read as two subjects of one verb: both are counted."""
    if victim.dep_ not in EN.labels("subjects"):
        return 0
    others = [v for v in victims if v.i > victim.i and v.dep_ == victim.dep_ and v.head.i == victim.head.i
              and v not in victim.conjuncts]
    return sum(number_of(v, skip=_counts_something_else(summary)) or 0 for v in others)


def _one_person(noun: Token) -> int | None:
    """A singular person named as a victim counts one: "killed the father", "the other died", "killing him"."""
    if noun.lower_ in _function_words("singular_person_pronouns"):
        return 1
    if noun.tag_ not in EN.labels("person_noun_tags") or noun.pos_ not in EN.labels("person_noun_pos"):
        return None
    if noun.lemma_.lower() == "body":  # "a man's body was found"; not "the government body"
        return 1 if noun.tag_ == "NN" and noun.head.lemma_.lower() in _words("body_verbs") else None
    if noun.dep_ == "conj" and not any(c.dep_ in EN.labels("determining_deps") for c in noun.children):
        return None  # "a social leader and president of the council": one person
    if noun.lemma_.lower() in _words("not_one_person") or noun.lemma_.lower() in _KINDS:
        return None
    if noun.head.lemma_.lower() in _words("not_counting_verbs"):
        return None
    if noun.ent_type_ in EN.labels("non_person_entities"):
        return None
    if noun.pos_ == "ADJ" and noun.lower_ != "other":
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children) and noun.lower_ in _function_words("one_or_other"):
        return None
    return 1


def _counts_something_else(summary: bool):
    """Conjuncts that are not more victims: another casualty word ("1 fatality and 2 injured") or, after
    a total noun, a bare number belonging to the next figure."""
    def skip(token: Token) -> bool:
        if _KINDS.get(token.lemma_.lower()) or _KINDS.get(token.lower_):
            return True
        return summary and token.pos_ == "NUM"
    return skip


def _uncounted_head(noun: Token) -> bool:
    return noun.pos_ in EN.labels("nominal") and not _KINDS.get(noun.lemma_.lower()) and any(
        c.dep_ == "nummod" for c in noun.children)


def _unrealised(token: Token) -> bool:
    """ "Threatened to kill a soldier", "tried to lynch a man": the killing did not happen."""
    if token.pos_ not in EN.labels("verbal") or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children):
        return False
    return token.head.lemma_.lower() in _words("unrealised_heads")


def _alternative(token: Token) -> bool:
    """ "2 militants were killed, injured or captured": none of the alternatives is a count of its own."""
    if token.pos_ not in EN.labels("predicative_pos"):
        return False
    for step in (1, -1):  # a run of participles joined by "or", on either side of the word
        i = token.i + step
        while 0 <= i < len(token.doc) and abs(i - token.i) <= 6:
            word = token.doc[i]
            if word.lower_ == "or":
                other = token.doc[i + step] if 0 <= i + step < len(token.doc) else None
                return other is not None and other.tag_ in EN.labels("participle_and_adjective_tags")  # not "drowned or their fate ..."
            if not (word.is_punct or word.tag_ in EN.labels("participle_and_adjective_tags") or word.lower_ == "and"):
                break
            i += step
    return False


def _background_deed(token: Token) -> bool:
    """ "Relatives of cultists who killed a resident": a killing told to describe people the event concerns,
    not a victim of this event."""
    if token.dep_ != "relcl" or token.head.dep_ not in EN.labels("object_nouns"):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in _function_words("relative_pronouns") for c in token.children)


def _additional(token: Token, victims: list[Token]) -> bool:
    """Victims besides those counted before: "also", "others", "another", or a coordinated clause of the
    same kind ("6 were killed by fire and 3 were killed by mines")."""
    if any(c.dep_ == "advmod" and c.lower_ == "also" for c in token.children):
        return True
    for victim in victims[:1]:
        if victim.lower_ == "others" or any(c.lower_ in _function_words("other_determiners") for c in victim.children):
            return True
    kind = _kind_of(token)
    return token.pos_ == "VERB" and any(t.i < token.i and t.pos_ == "VERB" and _kind_of(t) == kind
                                        for t in token.conjuncts)


def _victims(token: Token) -> list[Token]:
    """Who the casualty word counts, most specific first."""
    children = list(token.children)
    found = [c for c in children if c.dep_ in ("nsubjpass",)]
    dies = token.lemma_.lower() in _words("dying_verbs")
    if token.pos_ == "VERB" and token.dep_ == "conj" and (token.tag_ == "VBN" or dies) and not _has_subject(token):
        # "a man was attacked and killed", "a suspect was shot and died": the coordinated verb shares the subject
        found += [c for c in token.head.children if c.dep_ in EN.labels("subjects")]
    if token.pos_ in EN.labels("verbal"):
        if dies or token.lemma_.lower() == "hurt" and not _has_object(token):
            found += [c for c in children if c.dep_ == "nsubj"]
        found += [c for c in children if c.dep_ in EN.labels("direct_objects") and not _owned_by_other_kind(c, token)]
        if not any(c.dep_ in EN.labels("direct_objects") and not _owned_by_other_kind(c, token) for c in children):
            # "1 killed, 7 injured", "Four people killed and twenty wounded": a counted subject with no object
            found += [c for c in children if c.dep_ == "nsubj" and (
                c.pos_ == "NUM" or any(g.dep_ == "nummod" for g in c.children))]
        if token.dep_ in EN.labels("participle_modifiers") and token.head.pos_ in EN.labels("countable_heads"):
            found.append(token.head)  # "20 elements killed", "those hurt"
        if token.dep_ in EN.labels("predicative_complements") and token.head.pos_ == "VERB":
            found += [c for c in token.head.children if c.dep_ in EN.labels("passive_subject_or_object")]
    elif token.pos_ == "ADJ":
        if token.dep_ == "amod":
            found.append(token.head)  # "two dead soldiers"
        found += [c for c in children if c.dep_ in EN.labels("number_modifiers")]
        if token.dep_ in EN.labels("predicative_complements"):
            found += [c for c in token.head.children if c.dep_ in EN.labels("subjects_and_direct_object")]
    else:
        found.append(token)  # "3 fatalities", "one Iraqi civilian casualty"
        if token.lemma_.lower() == "body":  # "3 bodies", "the bodies of 2 civilians were found"
            found = [token]
            if token.head.lemma_.lower() in _words("body_verbs"):
                found += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"]
        found += _death_of(token)
    if token.dep_ == "relcl" and found and found[0].lower_ in _function_words("relative_pronouns"):
        found.insert(0, token.head)  # "a man who was killed"
    if not found and token.i > 0 and token.tag_ in EN.labels("adjectival_tags"):
        before = token.doc[token.i - 1]  # telegraphic lists: "resulted in 23 rebels dead, 12 captured"
        if before.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in before.children):
            found.append(before)
    return found


def _death_of(token: Token) -> list[Token]:
    """ "Beaten to death": the verb's victims; "the death of a local man": the "of" object."""
    if token.lemma_.lower() != "death":
        return []
    if token.dep_ == "pobj" and token.head.lower_ in _words("cause_prepositions"):
        return []  # "protested over the death of a student": the occasion, not this event's victim
    verb = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "to" else None
    if verb is not None and verb.lemma_.lower() in _words("to_death_verbs"):
        own = [c for c in verb.children if c.dep_ in EN.labels("passive_subject_or_object")]
        if not own and verb.dep_ == "conj":
            own = [c for c in verb.head.children if c.dep_ in EN.labels("passive_subject_or_object")]
        return own
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _owned_by_other_kind(noun: Token, verb: Token) -> bool:
    """ "1 killed 3 injured": the object "3" is the injured's count, not the killed's."""
    mine = _kind_of(verb)
    return any(c.dep_ in EN.labels("participle_modifiers") and _kind_of(c) not in (None, mine) for c in noun.children)


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in EN.labels("subjects") for c in token.children)


def _has_object(token: Token) -> bool:
    return any(c.dep_ in EN.labels("direct_objects") for c in token.children)


def _has_no(token: Token) -> bool:
    return any(c.lower_ == "no" for c in token.children)


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    for child in token.children:
        if child.dep_ in EN.labels("subjects_and_direct_object") and (
            child.lower_ in _function_words("negative_pronouns") or any(g.dep_ == "det" and g.lower_ == "no" for g in child.children)
        ):
            return True
        if child.dep_ in EN.labels("subjects") and child.lower_ == "one" and _has_no(child):
            return True
    if token.pos_ == "NOUN":
        if any(c.dep_ == "det" and c.lower_ in _function_words("negative_determiners") for c in token.children):
            return True
        if any(c.dep_ in EN.labels("coordinators") and c.lower_ in _function_words("negative_correlatives") for c in token.children):
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
