"""Who says so: the cue lexicon, reported speech read off the parse, and speaker resolution.

A *claim* is one attributed piece of content: what is said (a span), who says it (an entity, or
``None`` for "it was reported"), the cue that marks it ("said", "according to") and two labels:
``kind`` (the contract's quote kind: direct, indirect, according_to) and ``attribution_kind``
(statement, report, allegation, claim, denial; from ``lang/en/attribution_cues.json``).

Chains.  ``via`` lists the relays outward: a claim whose cue lies inside another claim's content
is relayed by that claim's speaker ("According to Sputnik, the embassy said ..." gives the
embassy's claim ``via=("Sputnik",)``), and a paragraph that opens with "According to X," puts
the later claims of that paragraph under X too.  The inward direction, sources the speaker
relies on ("The Wall Street Journal reported, citing sources in the administration, that ..."),
is kept in ``sources``: the WSJ stays the speaker, ``sources=("sources in the administration",)``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

from dateline import lang
from dateline.doctext import text_of
from dateline.models import Attribution, Entity, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "KINDS",
    "Claim",
    "CueLexicon",
    "Draft",
    "QuoteKind",
    "load_cues",
    "reported_drafts",
    "resolve_claims",
    "speaker_of",
]

log = logging.getLogger(__name__)


class QuoteKind(StrEnum):
    """The contract's quote kinds (CONTRACT.md, quote.kind)."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    ACCORDING_TO = "according_to"


KINDS = tuple(kind.value for kind in QuoteKind)
_EN = lang.load()
CUES_PATH = _EN.path("attribution_cues")


def _function_words(group: str) -> frozenset[str]:
    return frozenset(_EN.data("function_words")[group])


_RELATIVE_PRONOUNS = _function_words("speaker_relative_pronouns")
_PERSON_PRONOUNS = _function_words("person_pronouns")
_GROUP_PRONOUNS = _function_words("group_pronouns")
# spaCy label groups (lang/en/syntax.toml)
_VERBAL = _EN.labels("verbal")
_NOMINAL = _EN.labels("nominal")
_SUBJECTS = _EN.labels("subjects")
_CONTENT_DEPS = _EN.labels("complement_clauses")
_OBJECT_DEPS = _EN.labels("cue_objects")
_INHERIT_SUBJECT_DEPS = _EN.labels("verb_attachments")
_SPEAKER_KEEP_DEPS = _EN.labels("speaker_name_parts")
_ATTRIBUTIVE = _EN.labels("prenominal_modifiers")
_EVIDENTIAL_PARTS = _EN.labels("evidential_parts")
_ADDRESSEES = _EN.labels("verb_objects")
_FRAMING_CLAUSES = _EN.labels("framing_clauses")
_FINITE_TAGS = _EN.labels("finite_verb_tags")
_SPEECH_CLAUSES = _EN.labels("speech_clauses")
_PARENTHETICAL_CLAUSES = _EN.labels("parenthetical_clauses")
_CITED_OBJECTS = _EN.labels("citing_objects")
_CLAUSE_HEADS = _EN.labels("clause_heads")
_PASSIVE_MARKERS = _EN.labels("passive_markers")
_TIME_ENTITIES = _EN.labels("time_entities")
_NAMED_ENTITIES = _EN.labels("named_actor_entities")


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """One attributed piece of content in a document.

    ``speaker.text`` is the source as written ("he"), ``speaker.name`` whom it denotes
    ("Michael Pompeo").  ``content`` excludes quote marks.  ``sources`` are what the speaker
    cites (inward), ``via`` who relays the speaker (outward).
    """

    speaker: Entity | None
    content: Span
    cue: str | None
    cue_span: Span | None
    kind: str
    attribution_kind: str
    via: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    def to_quote(self) -> Quote:
        """The contract's quote object."""
        return Quote(speaker=self.speaker, content=self.content, cue=self.cue, kind=self.kind)

    def to_attribution(self, *, about: str = "event") -> Attribution:
        """The contract's attribution object for an event this claim supports."""
        claimant = ""
        if self.speaker is not None:
            claimant = self.speaker.name or self.speaker.text
        return Attribution(
            claimant=claimant,
            kind=self.attribution_kind,
            cue=self.cue,
            about=about,
            via=self.via,
            span=self.content,
        )


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """``lang/en/attribution_cues.json``, read once."""

    verbs: dict[str, str]
    object_verbs: frozenset[str]
    listener_verbs: frozenset[str]
    clause_only_verbs: frozenset[str]
    evidential_verbs: dict[str, str]
    relays: dict[str, str]
    citing: dict[str, str]
    report_nouns: frozenset[str]
    object_prepositions: frozenset[str]
    naming_prepositions: frozenset[str]

    def kind_of(self, token: Token) -> str | None:
        """The attribution kind when ``token`` is a cue verb, else None."""
        if token.pos_ not in _VERBAL or token.dep_ in _ATTRIBUTIVE:
            return None
        return self.verbs.get(token.lemma_.lower())


@cache
def load_cues() -> CueLexicon:
    """The packaged cue lexicon."""
    data = _EN.data("attribution_cues")
    return CueLexicon(
        verbs=dict(data["verbs"]),
        object_verbs=frozenset(data["object_verbs"]),
        listener_verbs=frozenset(data["listener_verbs"]),
        clause_only_verbs=frozenset(data["clause_only_verbs"]),
        evidential_verbs=dict(data["evidential_verbs"]),
        relays=dict(data["relays"]),
        citing=dict(data["citing"]),
        report_nouns=frozenset(data["report_nouns"]),
        object_prepositions=frozenset(data["object_prepositions"]),
        naming_prepositions=frozenset(data["naming_prepositions"]),
    )


@dataclass(slots=True, kw_only=True)
class Draft:
    """A claim before speaker resolution: token-level pieces and the content's char range."""

    start: int
    end: int
    speaker: SpacySpan | None
    cue: SpacySpan | None
    kind: str
    attribution_kind: str
    sources: list[str] = field(default_factory=list)
    cue_token: int | None = None


# ---------------------------------------------------------------- reported speech (the parse)


def reported_drafts(doc: Doc, cues: CueLexicon) -> list[Draft]:
    """Indirect and according-to claims: one per cue verb, relay or citing phrase."""
    by_verb: dict[int, Draft] = {}
    for token in doc:
        kind = cues.kind_of(token) if token.lower_ not in cues.citing else None
        if token.pos_ == "VERB" and token.lemma_.lower() in cues.evidential_verbs:
            draft = _evidential_draft(token, cues)
        else:
            draft = _verb_draft(token, kind, cues) if kind else None
        if draft is not None:
            by_verb[token.i] = draft
    drafts = list(by_verb.values())
    for token in doc:
        lower = token.lower_
        draft = None
        if lower == "according" and any(c.lower_ == "to" for c in token.children):
            draft = _relay_draft(token, cues)
        elif lower in cues.citing and token.dep_ != "ROOT":
            draft = _citing_draft(token, cues, by_verb)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _verb_draft(verb: Token, kind: str, cues: CueLexicon) -> Draft | None:
    tokens = _same_line(_content_tokens(verb, cues), verb)
    if not tokens:
        return None
    bounds = _char_bounds(verb.doc, tokens)
    if bounds is None:
        return None
    speaker = speaker_of(verb)
    if speaker is None and not (_is_passive(verb) or _finite_main_verb(verb)):
        return None
    cue = verb.doc[verb.i : verb.i + 1]
    particle = [c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
    if particle:
        cue = verb.doc[verb.i : verb.i + 2]
    return Draft(
        start=bounds[0],
        end=bounds[1],
        speaker=speaker,
        cue=cue,
        kind="indirect",
        attribution_kind=kind,
        cue_token=verb.i,
    )


def _evidential_draft(verb: Token, cues: CueLexicon) -> Draft | None:
    """'X appears to have fallen' / 'it seems that X': an unattributed, hedged claim; the
    whole proposition (subject included) is the content and nobody is its source."""
    parts = [c for c in verb.children if c.dep_ in _EVIDENTIAL_PARTS and c.lower_ != "it"]
    if not any(c.dep_ in _CONTENT_DEPS for c in parts):
        return None
    tokens = _same_line([t for c in parts for t in c.subtree], verb)
    bounds = _char_bounds(verb.doc, tokens)
    if bounds is None:
        return None
    return Draft(
        start=bounds[0],
        end=bounds[1],
        speaker=None,
        cue=verb.doc[verb.i : verb.i + 1],
        kind="indirect",
        attribution_kind=cues.evidential_verbs[verb.lemma_.lower()],
        cue_token=verb.i,
    )


def _content_tokens(verb: Token, cues: CueLexicon) -> list[Token]:
    """The content governed by a cue verb: its clause, or its object for object verbs."""
    lemma = verb.lemma_.lower()
    children = [
        c
        for c in verb.children
        if c.dep_ in _CONTENT_DEPS
        and not _fronted_cue(c, verb, cues)
        and not (c.dep_ == "xcomp" and lemma in cues.clause_only_verbs)
    ]
    if not children and lemma in cues.object_verbs:
        children = [c for c in verb.rights if _is_object(c, cues)]
        if lemma in cues.listener_verbs:
            children = [c for c in children if c.dep_ not in _ADDRESSEES]
    if lemma in cues.listener_verbs:
        children = [c for c in children if c.dep_ != "dative"]
    if children:
        tokens = [t for c in children for t in c.subtree]
        framed = _framing_clauses(tokens, verb, cues)
        return [t for t in tokens if t.i not in framed]
    return _parenthetical_content(verb, cues)


def _framing_clauses(tokens: list[Token], verb: Token, cues: CueLexicon) -> set[int]:
    """Tokens of another claim's frame caught inside this content (', sources said' after a
    comma): that frame belongs to its own claim, not to what this verb reports."""
    framed: set[int] = set()
    for token in tokens:
        if token.i == verb.i or cues.kind_of(token) is None:
            continue
        if token.dep_ not in _FRAMING_CLAUSES:
            continue
        before = token.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
        has_subject = any(c.dep_ == "nsubj" for c in token.children)
        if has_subject and before is not None and before.text == ",":
            framed.update(t.i for t in token.subtree)
    return framed


def _fronted_cue(child: Token, verb: Token, cues: CueLexicon) -> bool:
    """'X reported, citing Y, that Z warned ...' parsed as 'reported' under 'warned'."""
    return child.i < verb.i and cues.kind_of(child) is not None


def _is_object(child: Token, cues: CueLexicon) -> bool:
    if child.dep_ in _OBJECT_DEPS:
        return True
    return child.dep_ == "prep" and child.lower_ in cues.object_prepositions


def _after_comma(verb: Token) -> bool:
    edge = verb.left_edge.i
    return edge > 0 and verb.doc[edge - 1].text == ","


def _finite_main_verb(verb: Token) -> bool:
    """'says' / 'said' heading its sentence: a speech act even when the parser lost its subject."""
    return verb.tag_ in _FINITE_TAGS and verb.dep_ in _SPEECH_CLAUSES


def _parenthetical_content(verb: Token, cues: CueLexicon) -> list[Token]:
    """'X did Y, officials said' / 'officials said, citing Z, that ...': the cue hangs off the
    clause it reports (a common parse of both orders)."""
    head = verb.head
    if head.i == verb.i or verb.dep_ not in _PARENTHETICAL_CLAUSES:
        return []
    if verb.dep_ == "advcl" and (head.i > verb.i or not _after_comma(verb)):
        return []
    if not any(c.dep_ in _SUBJECTS for c in verb.children):
        return []
    own = {t.i for t in verb.subtree}
    for child in head.children:
        if child.lower_ in cues.citing:
            own.update(t.i for t in child.subtree)
    tokens = [t for t in head.subtree if t.i not in own]
    if head.i < verb.i:
        return [t for t in tokens if t.i < verb.i]
    if any(c.dep_ == "mark" and c.lower_ == "that" and c.i > verb.i for c in head.children):
        # "X reported, citing Y, that Z ...": what precedes the cue is its own framing.
        return [t for t in tokens if t.i > verb.i]
    return tokens


def _relay_draft(according: Token, cues: CueLexicon) -> Draft | None:
    """'According to X, ...' / '..., according to X.'"""
    to = next(c for c in according.children if c.lower_ == "to")
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return None
    speaker = _phrase(objects[0], cues)
    own = {t.i for t in according.subtree}
    clause = _clause_around(according)
    tokens = _same_line([t for t in clause if t.i not in own], according)
    bounds = _char_bounds(according.doc, tokens)
    if bounds is None:
        return None
    return Draft(
        start=bounds[0],
        end=bounds[1],
        speaker=speaker,
        cue=according.doc[according.i : to.i + 1],
        kind="according_to",
        attribution_kind=cues.relays.get("according to", "report"),
    )


def _citing_draft(citing: Token, cues: CueLexicon, by_verb: dict[int, Draft]) -> Draft | None:
    """'Citing X, ...': a source of the reporting verb it hangs off, or a claim of its own."""
    objects = [c for c in citing.children if c.dep_ in _CITED_OBJECTS]
    if not objects:
        return None
    source = _phrase(objects[0], cues)
    owner = _adjacent_cue(citing, by_verb) or by_verb.get(citing.head.i)
    if owner is not None:
        owner.sources.append(source.text)
        return None
    own = {t.i for t in citing.subtree}
    tokens = _same_line([t for t in _clause_around(citing) if t.i not in own], citing)
    bounds = _char_bounds(citing.doc, tokens)
    if bounds is None:
        return None
    return Draft(
        start=bounds[0],
        end=bounds[1],
        speaker=source,
        cue=citing.doc[citing.i : citing.i + 1],
        kind="according_to",
        attribution_kind=cues.citing[citing.lower_],
    )


def _adjacent_cue(token: Token, by_verb: dict[int, Draft]) -> Draft | None:
    """'X reported, citing Y, ...' parsed with 'citing' elsewhere: the cue just before it."""
    i = token.i - 1
    while i >= 0 and token.doc[i].is_punct:
        i -= 1
    return by_verb.get(i) if i >= 0 else None


def _clause_around(token: Token) -> list[Token]:
    """The clause a modifier attaches to (the sentence when it hangs off the root)."""
    head = token.head
    while head.dep_ not in _CLAUSE_HEADS and head.head.i != head.i:
        head = head.head
    if head.dep_ == "ROOT":
        return list(head.sent)
    return list(head.subtree)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in _PASSIVE_MARKERS for c in verb.children)


# ---------------------------------------------------------------- speakers (surface phrases)


def speaker_of(verb: Token) -> SpacySpan | None:
    """The source phrase of a cue verb: its subject, passive agent, or an inherited subject."""
    seen = 0
    while seen < 4:
        for child in verb.children:
            if child.dep_ == "nsubj":
                return _phrase(child, None) if _on_line_of(child, verb) else None
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return _phrase(objects[0], None)
        if _is_passive(verb) or verb.dep_ not in _INHERIT_SUBJECT_DEPS or verb.head.i == verb.i:
            return None
        verb = verb.head
        seen += 1
    return None


def _phrase(head: Token, cues: CueLexicon | None) -> SpacySpan:
    """A noun phrase on the head's line, without relative clauses, appositions, parentheses
    or adverbial modifiers ('Pompeo on Sunday' -> 'Pompeo'; 'Secretary of State' stays whole)."""
    doc = head.doc
    start = head.left_edge.i
    end = head.i + 1
    for child in head.rights:
        keep = child.dep_ in _SPEAKER_KEEP_DEPS or _is_naming_prep(child)
        if not keep:
            break
        end = child.right_edge.i + 1
    start = max(start, _line_start_token(head))
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if cues is not None and head.lower_ in cues.report_nouns and start < head.i and end == head.i + 1:
        end = head.i  # "Iraqi TV reports" -> "Iraqi TV": the report is not the source, its author is.
    return doc[start:end]


def _is_naming_prep(child: Token) -> bool:
    """'of State', 'in Baghdad' name the source; 'on Sunday' only dates the saying."""
    if child.dep_ != "prep" or child.lower_ not in load_cues().naming_prepositions:
        return False
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return bool(objects) and objects[0].ent_type_ not in _TIME_ENTITIES


def _line_start_token(token: Token) -> int:
    """Index of the first token of the token's line (a paragraph or headline)."""
    i = token.i
    while i > 0 and "\n" not in token.doc[i - 1].text:
        i -= 1
    return i


def _on_line_of(token: Token, anchor: Token) -> bool:
    low, high = sorted((token.idx, anchor.idx))
    return "\n" not in text_of(token.doc)[low:high]


def _same_line(tokens: list[Token], anchor: Token) -> list[Token]:
    """Keep the tokens on the anchor's line: a parse never carries a claim across paragraphs."""
    text = text_of(anchor.doc)
    line_start = text.rfind("\n", 0, anchor.idx) + 1
    line_end = text.find("\n", anchor.idx)
    line_end = len(text) if line_end < 0 else line_end
    return [t for t in tokens if line_start <= t.idx < line_end]


# ---------------------------------------------------------------- spans


def _char_bounds(doc: Doc, tokens: list[Token]) -> tuple[int, int] | None:
    """Character range covering ``tokens``, trimmed of edge punctuation, spaces and 'that'."""
    kept = sorted({t.i for t in tokens})
    while kept and _trimmable(doc[kept[0]], leading=True):
        kept.pop(0)
    while kept and _trimmable(doc[kept[-1]], leading=False):
        kept.pop()
    if not kept:
        return None
    first, last = doc[kept[0]], doc[kept[-1]]
    return first.idx, last.idx + len(last.text)


def _trimmable(token: Token, *, leading: bool) -> bool:
    if token.is_space or token.is_punct:
        return True
    return leading and token.dep_ == "mark" and token.lower_ == "that"


# ---------------------------------------------------------------- resolution and chains


def resolve_claims(doc: Doc, drafts: list[Draft]) -> list[Claim]:
    """Turn drafts into claims: resolve speaker names, then fill the relay chains."""
    ordered = sorted(drafts, key=lambda d: (d.start, -d.end))
    resolver = _SpeakerResolver(doc)
    claims = [_claim_from(doc, d, resolver) for d in ordered]
    return _with_chains(doc, claims)


def _claim_from(doc: Doc, draft: Draft, resolver: _SpeakerResolver) -> Claim:
    text = text_of(doc)
    speaker = None
    if draft.speaker is not None and len(draft.speaker):
        surface = draft.speaker
        span = Span.of(text, surface.start_char, surface.end_char)
        speaker = Entity(text=span.text, name=resolver.resolve(surface), span=span)
    cue_span = None
    if draft.cue is not None:
        cue_span = Span.of(text, draft.cue.start_char, draft.cue.end_char)
    return Claim(
        speaker=speaker,
        content=Span.of(text, draft.start, draft.end),
        cue=cue_span.text if cue_span else None,
        cue_span=cue_span,
        kind=draft.kind,
        attribution_kind=draft.attribution_kind,
        sources=tuple(draft.sources),
    )


def _with_chains(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """Fill ``via``: enclosing claims first, then a paragraph's opening 'According to X'."""
    out: list[Claim] = []
    for claim in claims:
        via = _enclosing_speakers(claim, claims) or _paragraph_relay(text_of(doc), claim, claims)
        if via:
            claim = Claim(
                speaker=claim.speaker,
                content=claim.content,
                cue=claim.cue,
                cue_span=claim.cue_span,
                kind=claim.kind,
                attribution_kind=claim.attribution_kind,
                via=via,
                sources=claim.sources,
            )
        out.append(claim)
    return out


def _anchor(claim: Claim) -> int:
    if claim.cue_span is not None:
        return claim.cue_span.start
    return claim.speaker.span.start if claim.speaker and claim.speaker.span else claim.content.start


def _enclosing_speakers(claim: Claim, claims: list[Claim]) -> tuple[str, ...]:
    """Speakers of the claims whose content holds this claim's cue, innermost first."""
    anchor = _anchor(claim)
    outer = [
        c
        for c in claims
        if c is not claim
        and c.speaker is not None
        and c.content.start <= anchor < c.content.end
        and not (c.content.start <= _anchor(c) < c.content.end)
    ]
    outer.sort(key=lambda c: c.content.end - c.content.start)
    names = [_display(c.speaker) for c in outer]
    own = _display(claim.speaker) if claim.speaker else None
    return tuple(dict.fromkeys(n for n in names if n and n != own))


def _paragraph_relay(text: str, claim: Claim, claims: list[Claim]) -> tuple[str, ...]:
    """A paragraph opened by 'According to X,' relays the later claims of the paragraph."""
    anchor = _anchor(claim)
    paragraph_start = text.rfind("\n", 0, anchor) + 1
    for other in claims:
        if other is claim or other.kind != "according_to" or other.speaker is None:
            continue
        cue = other.cue_span
        if cue is None or not cue.text.lower().startswith("according"):
            continue
        opens_paragraph = cue.start >= paragraph_start and not text[paragraph_start : cue.start].strip()
        if opens_paragraph and cue.start < anchor and claim.content.start >= other.content.end:
            name = _display(other.speaker)
            own = _display(claim.speaker) if claim.speaker else None
            return (name,) if name and name != own else ()
    return ()


def _display(entity: Entity | None) -> str | None:
    if entity is None:
        return None
    return entity.name or entity.text


class _SpeakerResolver:
    """Names for speaker phrases: pronouns, relative pronouns and role nouns to people named earlier."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.people = [e for e in doc.ents if e.label_ == "PERSON"]
        self.named = [e for e in doc.ents if e.label_ in _NAMED_ENTITIES]

    def resolve(self, phrase: SpacySpan) -> str:
        head = phrase.root
        lower = head.lower_
        if head.pos_ == "PRON" or lower in _RELATIVE_PRONOUNS:
            return self._pronoun(head) or phrase.text
        person = self._person_in(phrase) or self._apposed_person(head)
        if person is not None:
            return self._full_name(person)
        if head.pos_ == "PROPN":
            surname = self._by_surname(head)
            if surname:
                return surname
        if head.pos_ in _NOMINAL and head.ent_type_ not in _NAMED_ENTITIES:
            return self._role_holder(phrase) or phrase.text
        return phrase.text

    def _apposed_person(self, head: Token) -> SpacySpan | None:
        """'The director, Omar Haddad, denied ...': the person in apposition."""
        for appos in (c for c in head.children if c.dep_ == "appos"):
            for ent in self.people:
                if ent.start <= appos.i < ent.end:
                    return ent
        return None

    def _by_surname(self, head: Token) -> str | None:
        """A bare surname the tagger did not label, matched to a person named earlier."""
        earlier = [p for p in self.people if p.end_char <= head.idx and p[-1].lower_ == head.lower_]
        return max(earlier, key=len).text if earlier else None

    def _pronoun(self, head: Token) -> str | None:
        lower = head.lower_
        if lower in _RELATIVE_PRONOUNS:
            clause = head.head
            if clause.dep_ == "relcl" and clause.head.i != clause.i:
                return self.resolve(_phrase(clause.head, None))
            return None
        if lower in _PERSON_PRONOUNS:
            before = [p for p in self.people if p.end_char <= head.idx]
            return self._full_name(before[-1]) if before else None
        if lower in _GROUP_PRONOUNS:
            before = [e for e in self.named if e.end_char <= head.idx and e.label_ != "GPE"]
            return before[-1].text if before else None
        return None

    def _person_in(self, phrase: SpacySpan) -> SpacySpan | None:
        for ent in self.people:
            if ent.start >= phrase.start and ent.end <= phrase.end:
                return ent
        return None

    def _full_name(self, person: SpacySpan) -> str:
        """The longest earlier-or-same mention ending in the same surname ('Pompeo' -> 'Michael Pompeo')."""
        last = person[-1].lower_
        same = [
            p for p in self.people if p[-1].lower_ == last and p.start_char <= person.start_char
        ]
        best = max(same, key=len, default=person)
        return best.text

    def _role_holder(self, phrase: SpacySpan) -> str | None:
        """'The US Secretary of State' -> the most recent person introduced with that title."""
        title = phrase.root.lower_
        for person in reversed(self.people):
            if person.end_char > phrase.start_char:
                continue
            window = self.doc[max(person.sent.start, person.start - 6) : person.start]
            if any(t.lower_ == title for t in window):
                return self._full_name(person)
            for appos in (c for c in person.root.children if c.dep_ == "appos"):
                if appos.lower_ == title:
                    return self._full_name(person)
        return None
