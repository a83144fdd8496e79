"""Reading one story: which of its mentions are happenings of their own, which characters belong to the
story, its main country, and where a speech act took place when the text does not say "said in X".

Used by the ``dateline_mentions``, ``dateline_claims`` and ``dateline_counts`` components
(``components.py``); every function reads the parsed Doc and the article only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span, Token

from .. import lang
from ..models import Article, Modality, Place, Toponym
from .mentions import MentionDraft, content_parent

__all__ = [
    "is_own_happening",
    "main_country",
    "said_somewhere",
    "speakers_scene",
    "story_filter",
    "told_around_the_speech",
]

_EN = lang.load()


def _function_words(group: str) -> frozenset[str]:
    return frozenset(_EN.data("function_words")[group])


_PERSONAL_PRONOUNS = _function_words("anaphoric_subject_pronouns")
_WISH_VERBS = _EN.words("wish_verbs")
# Where the speech act or its scene was: "said in Baghdad"; "On 7 May, in Santa Rosa, merchants gathered".
_SPEECH_PREPS = _function_words("speech_place_prepositions")
_SCENE_PREPS = _function_words("scene_prepositions")
# spaCy label groups (lang/en/syntax.toml)
_NOMINAL = _EN.labels("nominal")
_SUBJECTS = _EN.labels("subjects")
_PLACE_ENTITIES = _EN.labels("place_entities")
_ALONGSIDE = _EN.labels("accompanying_clauses")

Keep = Callable[[int, int], bool]


def story_filter(article: Article) -> Keep:
    """Accept character ranges inside the story body and outside the removed parts."""
    body = article.body
    removed = [(r.span.start, r.span.end) for r in article.removed]

    def keep(start: int, end: int) -> bool:
        if body is not None and not (body.start <= start and end <= body.end):
            return False
        return not any(s <= start < e for s, e in removed)

    return keep


def main_country(toponyms: Iterable[Toponym]) -> str | None:
    """The country most of the story's resolved place names are in."""
    counts: dict[str, int] = {}
    for toponym in toponyms:
        if toponym.country_code:
            counts[toponym.country_code] = counts.get(toponym.country_code, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def is_own_happening(draft: MentionDraft, drafts: list[MentionDraft]) -> bool:
    """The content of a threat, appeal or plan is not an event of its own; nor is a hypothetical."""
    if draft.modality == Modality.HYPOTHETICAL and not draft.trigger.entry.is_speech:
        return False
    if _is_wish(draft.head):
        return False  # "the attackers wanted to kill as many as possible": a wish, not a happening
    parent = content_parent(draft, drafts)
    return parent is None


def _is_wish(token: Token) -> bool:
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in _WISH_VERBS


def said_somewhere(verb: Token) -> bool:
    """A speech act has a place only when the text says where it was made ("said in Baghdad")."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in _SPEECH_PREPS
        and any(g.ent_type_ in _PLACE_ENTITIES for g in c.subtree)
        for c in verb.children
    )


def told_around_the_speech(draft: MentionDraft, place: Place | None) -> bool:
    """Where a speech act was made, when the text does not say "said in X": where its speakers are
    ("protesters in Diwaniya city rejected the proposal"), where the act it goes with took place ("blocked
    the road in Draa-Ben-Khedda, denouncing ..."), or the scene the sentence opens with ("On 7 May, in
    Santa Rosa, merchants gathered ... to draw attention to their demand"). Never a place inside what was
    said ("condemned the attack in Baghdad") or a speaker that is itself a place ("Moscow blames")."""
    if place is None or place.span is None:
        return False
    sentence = draft.sentence
    named = [t for t in sentence if place.span.start <= t.idx < place.span.end]
    if not named:
        return False
    head = draft.head
    for subject in (c for c in head.children if c.dep_ in _SUBJECTS):
        if subject not in named and all(t in subject.subtree for t in named):
            return True
    related = [c for c in head.children if c.dep_ == "conj"]
    if head.dep_ in _ALONGSIDE:
        related.append(head.head)
    root = sentence.root
    for verb in related + [root]:
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in _SCENE_PREPS:
                continue
            if verb is root and verb not in related and prep.i > root.i:
                continue  # only the opening scene of the sentence, not any place after its main verb
            if all(t in prep.subtree for t in named) and head not in prep.subtree:
                return True
    return False


def speakers_scene(doc: Doc, draft: MentionDraft) -> Span | None:
    """"Merchants gathered in Plaza San Martin in Santa Rosa ... The group demanded ...": speakers told by a
    pronoun or a definite noun the sentence before introduced are where that sentence put them. That
    sentence, whose root is located as an event (None when the speakers are not told so)."""
    previous = _sentence_before(doc, draft.sentence)
    if previous is None or not _speakers_told_before(draft.head, previous):
        return None
    return previous


def _sentence_before(doc: Doc, sentence: Span) -> Span | None:
    if sentence.start == 0:
        return None
    return doc[sentence.start - 1].sent


def _speakers_told_before(verb: Token, previous: Span) -> bool:
    """The speech act's subject is "they"/"he"/"she"/"we", or "the <noun>" / "<noun>s of the ..." whose noun
    the sentence before uses ("a group of merchants ... The group demanded")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    subject = subjects[0]
    if subject.lower_ in _PERSONAL_PRONOUNS:
        return True
    return _is_definite(subject) and any(
        t.lemma_.lower() == subject.lemma_.lower() for t in previous if t.pos_ in _NOMINAL
    )


def _is_definite(subject: Token) -> bool:
    """"the group", "members of the group": the noun or its of-phrase takes "the"."""
    if any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return True
    return any(
        c.dep_ == "prep"
        and any(g.dep_ == "pobj" and any(d.lower_ == "the" for d in g.children) for g in c.children)
        for c in subject.children
    )
