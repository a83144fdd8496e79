"""Who acts and who is acted on, read from the dependency parse around an event trigger.

``find_roles(trigger)`` returns ``(actor phrases, recipient phrases)`` as spaCy spans for a verb trigger
("accused", "fired", "were killed") or an event noun ("attack", "strike"). The rules, in order:

- verbs: ``nsubj`` -> actor; ``nsubjpass`` -> recipient and the passive ``by`` agent -> actor; ``dobj`` and
  ``dative`` -> recipient; prepositions that point at a target ("on", "against", "at") -> recipient, "with"
  for two-sided verbs ("clashed with") and "to" for verbs of giving and speaking;
- a verb without its own subject borrows one: control ("vowed to attack": the subject of "vowed"; "urged
  X to leave": X), coordination and participle clauses (the governing verb's subject), "X accused Y of
  attacking" (Y), relative clauses and participles ("militias that attacked", "militias targeting": the
  noun they modify; "people killed by": the noun is the recipient);
- nouns: "by X" and possessors ("X's attack") -> actor, "on/against X" and "of X" -> recipient, a country
  or armed-body modifier ("Israeli air strike", "militia attack") -> actor; "X carried out an attack"
  gives the light verb's subject;
- phrases are the full noun phrase (determiners, modifiers, "of"/"in" phrases) without relative clauses,
  appositions, time phrases or role phrases; coordination gives one phrase per conjunct ("the United
  States and Jordan"; "Hungarian and Romanian officials" -> "Hungarian", "Romanian").
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from .. import lang
from .actor_lexicon import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["find_roles", "noun_phrase"]

# The word lists are in lang/en (each file's header says what it holds).
_EN = lang.load()
TARGET_PREPS = _EN.words("recipient_prepositions")
PARTICIPANT_PREPS = TARGET_PREPS | _EN.words("participant_prepositions")
TWO_SIDED_VERBS = _EN.words("two_sided_verbs")
TWO_SIDED_NOUNS = _EN.words("two_sided_nouns")
TO_VERBS = _EN.words("to_recipient_verbs")
ACCUSE_VERBS = _EN.words("accusation_verbs")
OBJECT_CONTROL = _EN.words("object_control_verbs")
LIGHT_VERBS = _EN.words("light_verbs")
HARM_VERBS = _EN.words("harm_verbs")
INJURY_VERBS = HARM_VERBS | _EN.words("injury_verbs")
# Verbs whose subject undergoes the event: "three civilians died" names victims, not attackers.
UNDERGOER_VERBS = _EN.words("undergoer_verbs")
SUFFERING_VERBS = _EN.words("suffering_verbs")
SETTING_PREPS = _EN.words("setting_prepositions")
DOCUMENT_NOUNS = _EN.words("document_nouns")
QUANTITY_NOUNS = _EN.words("event_series_nouns")
PROJECTILE_VERBS = _EN.words("projectile_verbs")
DEMAND_WORDS = _EN.words("demand_words")
# First-person pronouns are kept: inside a quote they are the speaker, whom the caller knows.
SPEAKER_PRONOUNS = _EN.words("speaker_pronouns")
RELATIVIZERS = _EN.words("relativizers")
UNRESOLVED_PRONOUNS = _EN.words("unresolved_pronouns")
RECIPROCAL_PRONOUNS = frozenset(_EN.data("reciprocals")["pronouns"])
RECIPROCAL_DETERMINERS = frozenset(_EN.data("reciprocals")["determiners"])
PHRASE_ENDING_PREPS = _EN.words("phrase_ending_prepositions")


def _time_words() -> frozenset[str]:
    """Weekday names and the other nouns of time (``weekdays.tsv``, ``time_nouns.txt``)."""
    weekdays = frozenset(row["name"] for row in _EN.rows("weekdays"))
    return weekdays | _EN.words("time_nouns")


TIME_WORDS = _time_words()

SUBJECTS = _EN.labels("active_subjects")
TIME_ENTS = _EN.labels("time_entities")
_VERBAL = _EN.labels("verbal")
_NOMINAL = _EN.labels("nominal")
_NOMINAL_OR_NUMBER = _EN.labels("nominal_or_number")
_NAME_POS = _EN.labels("name_or_adjective")
_PARTICIPLES = _EN.labels("participle_tags")
_ALL_SUBJECTS = _EN.labels("subjects")
_VERB_OBJECTS = _EN.labels("verb_objects")
_OBJECTS_AND_PASSIVE_SUBJECTS = _EN.labels("objects_and_passive_subjects")
_PREPOSITIONAL_OBJECTS = _EN.labels("prepositional_objects")
_NOUN_MODIFIERS = _EN.labels("noun_modifiers")
_RIGHT_MODIFIERS = _EN.labels("phrase_right_modifiers")
_COORDINATION = _EN.labels("coordination_deps")
_CLAUSE_CHAINS = _EN.labels("clause_chains")
_EMBEDDED_CLAUSES = _EN.labels("embedded_clauses")
_CONTENT_CLAUSES = _EN.labels("content_clauses")
_NOUN_CLAUSES = _EN.labels("noun_clauses")
_GROUP_ENTITIES = _EN.labels("group_entities")


def find_roles(trigger: SpacySpan) -> tuple[list[SpacySpan], list[SpacySpan]]:
    """(actor phrases, recipient phrases) for an event trigger, read from the dependency parse."""
    head = trigger.root
    if head.pos_ in _VERBAL or head.tag_.startswith("VB"):
        actors, recipients = _verb_roles(head, depth=0)
    else:
        actors, recipients = _noun_roles(head)
    return _phrases(actors, trigger), _phrases(recipients, trigger, exclude=actors)


# --- verbs ------------------------------------------------------------------------------------------


def _verb_roles(verb: Token, depth: int) -> tuple[list[Token], list[Token]]:
    actors: list[Token] = []
    recipients: list[Token] = []
    for child in verb.children:
        dep = child.dep_
        if dep in SUBJECTS and verb.lemma_ in UNDERGOER_VERBS:
            recipients.append(_antecedent(_resolve_relativizer(child, verb), verb))  # "three civilians died"
        elif dep in SUBJECTS:
            actors.append(_antecedent(_resolve_relativizer(child, verb), verb))
        elif dep == "nsubjpass":
            recipients.append(_antecedent(_resolve_relativizer(child, verb), verb))
        elif dep == "agent":
            actors += _objects(child)
        elif dep in _VERB_OBJECTS:
            recipients += _object_participants(child)
        elif dep == "prep":
            recipients += _prep_recipients(child, verb)
    if not actors and depth < 4:
        actors += _borrowed_subject(verb, depth)
    # (a participle modifying a noun is passive; the small model sometimes tags it VBD)
    if verb.dep_ == "acl" and verb.tag_ in _PARTICIPLES and verb.head.pos_ in _NOMINAL_OR_NUMBER:
        recipients.append(verb.head)  # "fishermen detained by the navy"
    if not recipients and depth < 4:
        recipients += _complement_recipients(verb, depth) or _shared_object(verb)
    if verb.lemma_ in PROJECTILE_VERBS:
        recipients = _drop_instruments(verb, recipients)
    return actors, recipients


def _shared_object(verb: Token) -> list[Token]:
    """"shot and killed a soldier": the first verb shares the object of its conjunct."""
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ == "VERB" and _first(child, SUBJECTS) is None:
            obj = _first(child, {"dobj"})
            if obj is not None:
                return _object_participants(obj)
    return []


def _drop_instruments(verb: Token, recipients: list[Token]) -> list[Token]:
    """"fired rockets at the embassy", "pelted stones at police": with a target named, the object is
    what was thrown, not who was hit."""
    targets = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS and not _is_time(c)
               for o in _objects(c)]
    if not targets:
        return recipients
    return [r for r in recipients if not (r.dep_ == "dobj" and r.head.i == verb.i)]


def _antecedent(subject: Token, verb: Token) -> Token:
    """"Syria says it will withdraw": a pronoun subject of a reported or embedded clause stands for the
    nearest governing clause's noun subject (a one-step, same-sentence coreference)."""
    if subject.pos_ != "PRON" or subject.lower_ in RELATIVIZERS or subject.lower_ in UNRESOLVED_PRONOUNS:
        return subject
    clause = verb
    for _ in range(4):
        if clause.dep_ not in _EMBEDDED_CLAUSES or clause.head.i == clause.i:
            break
        clause = clause.head
        noun = next((c for c in clause.children if c.dep_ in _ALL_SUBJECTS and c.pos_ != "PRON"), None)
        if noun is not None:
            return noun
    return subject


def _object_participants(obj: Token) -> list[Token]:
    """A direct object is the recipient, unless it is the thing done to someone: "condemned the attack
    by militias" (the attackers), "imposed sanctions on X", "lodged a protest with X" (X)."""
    by_agent = _agent_of_event(obj)
    if by_agent is not None:
        return [by_agent]
    inner = [o for prep in obj.children if prep.dep_ == "prep" and not _is_time(prep)
             and prep.lower_ in PARTICIPANT_PREPS for o in _objects(prep)]
    return inner or [obj]


def _complement_recipients(verb: Token, depth: int) -> list[Token]:
    """"threatened to ban X", "agreed to allow X": the recipient of the complement verb; "demanded
    that X withdraw", "reiterated its demand that X ease": X, who is asked to act."""
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ in _VERBAL:
            return _verb_roles(child, depth + 1)[1]
    hosts = [verb] if verb.lemma_ in DEMAND_WORDS else []
    hosts += [c for c in verb.children if c.dep_ == "dobj" and c.lemma_ in DEMAND_WORDS]
    for host in hosts:
        for clause in host.children:
            if clause.dep_ in _CONTENT_CLAUSES and clause.pos_ in _VERBAL:
                addressee = _first(clause, {"nsubj"})
                if addressee is not None and addressee.pos_ != "PRON":
                    return [addressee]
    return []


def _resolve_relativizer(subject: Token, verb: Token) -> Token:
    """"militias that attacked": the relative pronoun stands for the noun the clause modifies."""
    if subject.lower_ in RELATIVIZERS and verb.dep_ == "relcl":
        return verb.head
    return subject


def _objects(prep: Token) -> list[Token]:
    return [t for t in prep.children if t.dep_ in _PREPOSITIONAL_OBJECTS and t.pos_ != "VERB"]


def _prep_recipients(prep: Token, verb: Token) -> list[Token]:
    word = prep.lower_
    if word in TARGET_PREPS and not _is_time(prep):
        return _objects(prep)
    if word == "with" and verb.lemma_ in TWO_SIDED_VERBS:
        return _objects(prep)
    if word == "to" and verb.lemma_ in TO_VERBS:
        return _objects(prep)
    return []


def _agent_of_event(obj: Token) -> Token | None:
    """"condemned the attack by militias": the recipient of a condemnation is who attacked."""
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            objects = _objects(prep)
            if objects:
                return objects[0]
    return None


def _borrowed_subject(verb: Token, depth: int) -> list[Token]:
    """Actors of a verb that has no subject of its own."""
    dep, governor = verb.dep_, verb.head
    if governor.i == verb.i:
        return []
    if dep == "xcomp":
        controller = _first(governor, {"dobj"}) if governor.lemma_ in OBJECT_CONTROL else None
        return [controller] if controller is not None else _verb_roles(governor, depth + 1)[0]
    if dep in _CLAUSE_CHAINS:
        return _verb_roles(governor, depth + 1)[0]
    if dep == "pcomp" and governor.dep_ == "prep":
        return _pcomp_subject(governor.head, depth)
    if dep in _NOUN_CLAUSES and governor.pos_ in _NOMINAL and not (dep == "acl" and verb.tag_ in _PARTICIPLES):
        if dep == "acl" and governor.dep_ == "dobj" and _is_document(governor):
            return _verb_roles(governor.head, depth + 1)[0]  # "X issued a statement demanding ..."
        return [governor]  # "militias targeting the embassy"
    return []


def _is_document(noun: Token) -> bool:
    """A text someone issues ("statement", "declaration", "letter"), not someone who acts."""
    return noun.pos_ == "NOUN" and not noun.ent_type_ and noun.lemma_ in DOCUMENT_NOUNS


def _pcomp_subject(host: Token, depth: int) -> list[Token]:
    """"accused militias of carrying out": the accused; "after attacking": the main verb's subject."""
    if host.pos_ in _NOMINAL:
        if host.dep_ in _OBJECTS_AND_PASSIVE_SUBJECTS and host.head.lemma_ in ACCUSE_VERBS:
            return [host]
        return []
    if host.lemma_ in ACCUSE_VERBS:
        accused = _first(host, _OBJECTS_AND_PASSIVE_SUBJECTS)
        return [accused] if accused is not None else []
    return _verb_roles(host, depth + 1)[0]


def _first(token: Token, deps: Collection[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


# --- nouns ------------------------------------------------------------------------------------------


def _noun_roles(noun: Token) -> tuple[list[Token], list[Token]]:
    actors: list[Token] = []
    recipients: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in _NOUN_MODIFIERS and child.i < noun.i and _names_actor(child)):
            actors.append(child)
        elif child.dep_ == "prep":
            _noun_prep(child, noun, actors, recipients)
    if not actors:
        actors += _light_verb_subject(_through_quantity(noun))
    if noun.dep_ == "nsubj" and noun.head.lemma_ in HARM_VERBS:
        recipients += [c for c in noun.head.children if c.dep_ == "dobj"]
    if not recipients:
        recipients += _victims_of_setting(noun)
    return actors, recipients


def _through_quantity(noun: Token) -> Token:
    """"launched a series of attacks": the event noun stands where its quantity noun stands."""
    while (noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i != noun.head.i
           and noun.head.head.lemma_ in QUANTITY_NOUNS):
        noun = noun.head.head
    return noun


def _victims_of_setting(noun: Token) -> list[Token]:
    """"Scores died in the attacks", "two were killed in the raid": who suffered in the event."""
    if noun.dep_ == "dobj" and noun.head.lemma_ in SUFFERING_VERBS:
        return [c for c in noun.head.children if c.dep_ in SUBJECTS]  # "13 people suffered injuries"
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in SETTING_PREPS or prep.head.i == prep.i:
        return []
    verb = prep.head
    if verb.lemma_ in UNDERGOER_VERBS:
        return [c for c in verb.children if c.dep_ in SUBJECTS]
    if verb.tag_ == "VBN" and verb.lemma_ in INJURY_VERBS:
        return [c for c in verb.children if c.dep_ == "nsubjpass"]
    return []


def _noun_prep(prep: Token, noun: Token, actors: list[Token], recipients: list[Token]) -> None:
    word = prep.lower_
    objects = _objects(prep)
    if word == "by":
        actors += objects
        for obj in objects:  # "the attack by militias on the Zone": "on" hangs off "militias"
            for inner in obj.children:
                if inner.dep_ == "prep" and inner.lower_ in TARGET_PREPS and not _is_time(inner):
                    recipients += _objects(inner)
    elif word in TARGET_PREPS and not _is_time(prep) and not (noun.lemma_ in TWO_SIDED_NOUNS and word == "on"):
        recipients += objects  # ("agreement on X", "talks on X": X is the topic)
    elif word == "of":
        recipients += [o for o in objects if not _is_time_word(o)]
    elif word == "between" and noun.lemma_ in TWO_SIDED_NOUNS:
        actors += objects
    elif word == "with" and noun.lemma_ in TWO_SIDED_NOUNS:
        recipients += objects


def _names_actor(token: Token) -> bool:
    """Does a pre-modifier of an event noun name who acted ("Israeli strike", "militia attack")?"""
    if token.ent_type_ in TIME_ENTS or token.like_num:
        return False
    lexicon = load_lexicon()
    if lexicon.place(token.text) is not None or lexicon.org(token.text) is not None:
        return True
    word = lexicon.sector(token.lemma_.lower())
    if word is not None and word.sector is not None and word.strong:
        return True
    return token.ent_type_ in _GROUP_ENTITIES and token.pos_ in _NAME_POS


def _light_verb_subject(noun: Token) -> list[Token]:
    """"X carried out an attack", "X claimed responsibility for the attack": the verb's actor."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.head.lemma_ == "responsibility":
        verb = verb.head.head
    elif noun.dep_ not in _OBJECTS_AND_PASSIVE_SUBJECTS:
        return []
    if verb.pos_ not in _VERBAL or verb.lemma_ not in LIGHT_VERBS:
        return []
    return _verb_roles(verb, depth=1)[0]


def _is_time(prep: Token) -> bool:
    return any(_is_time_word(o) for o in prep.children if o.dep_ == "pobj")


def _is_time_word(token: Token) -> bool:
    return token.ent_type_ in TIME_ENTS or token.lower_ in TIME_WORDS


# --- phrases ----------------------------------------------------------------------------------------


def _phrases(heads: list[Token], trigger: SpacySpan,
             exclude: list[Token] | None = None) -> list[SpacySpan]:
    taken = {t.i for t in exclude or ()}
    spans: list[SpacySpan] = []
    seen: set[tuple[int, int]] = set()
    for head, first in _merge_split_heads(heads):
        for conjunct in _conjuncts(head):
            if _is_reciprocal(conjunct) and exclude:
                spans += [s for s in _phrases(exclude, trigger) if (s.start, s.end) not in seen]
                continue
            if conjunct.pos_ == "PRON" and conjunct.lower_ not in SPEAKER_PRONOUNS:
                continue
            if conjunct.i in taken or _is_time_word(conjunct):
                continue
            for span in _split_modifiers(conjunct, first if conjunct.i == head.i else conjunct):
                key = (span.start, span.end)
                overlaps_trigger = span.start < trigger.end and trigger.start < span.end
                if key not in seen and not overlaps_trigger and len(span):
                    seen.add(key)
                    spans.append(span)
    return spans


def _merge_split_heads(heads: list[Token]) -> list[tuple[Token, Token]]:
    """The small model sometimes makes every piece of one noun a subject ("ex", "-", "soldiers"):
    adjacent heads with the same relation to the same word are one phrase, headed by the last.
    Returns (head, first piece) pairs, in the order the heads were found."""
    merged: list[tuple[Token, Token]] = []
    for head in heads:
        if merged:
            last, first = merged[-1]
            if head.i == last.i + 1 and head.dep_ == last.dep_ and head.head.i == last.head.i:
                merged[-1] = (head, first)
                continue
        merged.append((head, head))
    return merged


def _is_reciprocal(token: Token) -> bool:
    """"clashed with each other": the other side is the actor itself."""
    return token.lower_ in RECIPROCAL_PRONOUNS and any(c.lower_ in RECIPROCAL_DETERMINERS for c in token.children)


def _conjuncts(head: Token) -> list[Token]:
    """"the United States and Jordan" -> [States, Jordan] (nested conjunctions included)."""
    out = [head]
    doc = head.doc
    conjuncts = [c for c in head.children if c.dep_ == "conj" and c.pos_ in _NOMINAL_OR_NUMBER]
    if not conjuncts:
        return out
    # Only a real coordination ("men, women and children"): the small model also links parts of long
    # names as "conj", with no conjunction anywhere in the list.
    last = max(c.right_edge.i for c in conjuncts)
    if any(doc[i].pos_ == "CCONJ" for i in range(head.i, last)):
        for child in conjuncts:
            out += _conjuncts(child)
    return out


def _split_modifiers(head: Token, first: Token) -> list[SpacySpan]:
    """"Hungarian and Romanian officials" names two actors: one span per country modifier."""
    lexicon = load_lexicon()
    for child in head.children:
        if child.dep_ not in _NOUN_MODIFIERS or child.i > head.i:
            continue
        group = [child] + [c for c in child.children if c.dep_ == "conj"]
        countries = {p.country for p in map(lexicon.place, (t.text for t in group)) if p is not None}
        if len(group) > 1 and len(countries) > 1:
            return [head.doc[t.i:t.i + 1] for t in group]
    return [noun_phrase(head, first)]


def noun_phrase(head: Token, first: Token | None = None) -> SpacySpan:
    """The noun phrase headed by ``head``: its pre-modifiers and "of/in/from" phrases, without clauses,
    appositions, time or role phrases, and without quotes or punctuation at either edge. ``first``: an
    earlier piece of the same noun that the parser split off ("ex" of "ex-soldiers")."""
    start = head.i if first is None else min(head.i, first.left_edge.i)
    for child in head.lefts:
        if child.dep_ in _COORDINATION or _is_time_word(child):
            continue
        start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if not _keeps(child):
            break
        end = child.right_edge.i + 1
    doc = head.doc
    # A phrase never crosses a line break: a title without a full stop is often parsed into the next line.
    for i in range(start, head.i):
        if "\n" in doc[i].text_with_ws:
            start = i + 1
    for i in range(head.i, end):
        if "\n" in doc[i].text_with_ws and i + 1 < end:
            end = i + 1
            break
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    end = _balance_brackets(doc, start, end, head)
    return doc[start:end]


def _balance_brackets(doc, start: int, end: int, head: Token) -> int:
    """"the Sirwah (Marib" -> take the closing bracket when it follows, else stop before the opening one."""
    depth = 0
    opened = None
    for i in range(start, end):
        if doc[i].text == "(":
            depth, opened = depth + 1, (i if depth == 0 else opened)
        elif doc[i].text == ")" and depth:
            depth -= 1
    if not depth or opened is None:
        return end
    if end < len(doc) and doc[end].text == ")" and depth == 1:
        return end + 1
    return max(opened, head.i + 1)


def _keeps(child: Token) -> bool:
    """Right dependents that belong in the phrase: "of State", "in the Ivory Coast", "loyal to X"."""
    if child.dep_ in _RIGHT_MODIFIERS:
        return True
    if child.dep_ != "prep" or child.lower_ in TARGET_PREPS or child.lower_ in PHRASE_ENDING_PREPS:
        return False
    objects = [o for o in child.children if o.dep_ in _PREPOSITIONAL_OBJECTS]
    return bool(objects) and all(o.dep_ == "pobj" and not _is_time_word(o) for o in objects)
