"""Quotations and reported speech: ``find_claims(doc)`` lists who says what in a parsed document.

Direct quotes are found from the quote marks in the text, not from the tokenizer: straight
marks toggle open/closed within a paragraph (so the ``"`` in ``violence, "Pompeo said`` closes
the quote even though a space precedes it), typographic marks say which way they face, and a
quote left open at a paragraph's end continues only when the next paragraph opens with a quote
mark (the multi-paragraph convention); otherwise it ends with its paragraph, so an unbalanced
mark never swallows the rest of the document.  A quote is tied to the cue verb right after it
(``"...," Pompeo said``) or right before it (``Pompeo said: "..."``); a quote standing as its own
sentence with no cue continues the previous direct speaker.  Quoted fragments inside a
paraphrase (``accused "Iran-backed militias" of ...``) stay part of the paraphrase.

Indirect speech, "according to" and "citing" come from the dependency parse (see
``attribution.py``, which also resolves speakers and fills the relay chains).
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline import lang
from dateline.doctext import declare, text_of
from dateline.extract.attribution import (
    Claim,
    CueLexicon,
    Draft,
    load_cues,
    reported_drafts,
    resolve_claims,
    speaker_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["Claim", "QuoteRegion", "find_claims", "quote_regions"]

log = logging.getLogger(__name__)

_MARK = re.compile(r"''|``|[\"“”«»„]")
_EN = lang.load()


def _marks(group: str) -> tuple[str, ...]:
    """A group of ``lang/en/quote_marks.toml``."""
    return tuple(_EN.data("quote_marks")[group])


_OPENING = frozenset(_marks("opening"))
_CLOSING = frozenset(_marks("closing"))
_SENTENCE_END = _marks("sentence_end")
_QUOTE_ENDING = _marks("quote_endings")
_STARTS_AFTER = _marks("starts_after")
_CUE_GAP_ENDS = frozenset(_marks("cue_gap_ends"))
_WINDOW = 30
_MAX_GAP = 10
_MIN_CONTINUATION_WORDS = 4
_TOKEN_STARTS_KEY = declare("dateline_token_starts")  # doc._.dateline_token_starts (see _token_starts)
# A line opening with a short capitalised label and a colon: "PENCE: Well, ...", "Poll: ...".
_LABEL = re.compile(
    r"^[ \t]*[\"“]?(?P<label>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})"
    r"(?P<colon>:)[ \t]+(?P<content>\S[^\n]*)",
    re.MULTILINE,
)
_NOT_SPEAKERS = _EN.labels("non_speaker_entities")
_NOMINAL = _EN.labels("nominal")
_TRAILING = frozenset(" \t\"”.,")


@dataclass(frozen=True, slots=True)
class QuoteRegion:
    """One quotation: ``inner`` excludes the outer marks; ``outer`` includes them."""

    outer_start: int
    inner_start: int
    inner_end: int
    outer_end: int
    closed: bool = True


def find_claims(doc: Doc) -> list[Claim]:
    """Every attributed content in ``doc``: direct quotes, reported speech, according-to.

    Args:
        doc: a parsed spaCy ``Doc`` (tagger, parser, NER, lemmatizer), ``doc.text`` the input text.

    Returns:
        Claims in text order; spans are offsets into ``doc.text``.
    """
    cues = load_cues()
    drafts = reported_drafts(doc, cues)
    regions = quote_regions(text_of(doc))
    labelled = _labelled_lines(doc)
    regions = [r for r in regions if not any(_overlaps(r.inner_start, r.inner_end, d) for d in labelled)]
    drafts = _with_direct_quotes(doc, regions, drafts, cues) + labelled
    claims = resolve_claims(doc, drafts)
    log.debug("%d claims from %d quotations in %d characters", len(claims), len(regions), len(text_of(doc)))
    return claims


# ---------------------------------------------------------------- quote marks


def quote_regions(text: str) -> list[QuoteRegion]:
    """Pair the quote marks of ``text`` (see the module docstring for the rules)."""
    regions: list[QuoteRegion] = []
    carried: int | None = None
    for paragraph in re.finditer(r"[^\n]+", text):
        marks = list(_MARK.finditer(text, paragraph.start(), paragraph.end()))
        opened: int | None = None
        if carried is not None:
            leads = marks and not text[paragraph.start() : marks[0].start()].strip()
            if leads and marks[0].group() not in _CLOSING:
                opened = carried
                marks = marks[1:]
        carried = None
        for mark in marks:
            symbol = mark.group()
            if symbol in _OPENING:
                opened = mark.start()
            elif symbol in _CLOSING or opened is not None:
                if opened is not None:
                    regions.append(_region(text, opened, mark.start(), mark.end()))
                    opened = None
            else:
                opened = mark.start()
        if opened is not None:
            if _continues(text, paragraph.end()):
                carried = opened
            else:
                regions.append(_region(text, opened, paragraph.end(), paragraph.end(), closed=False))
    return [r for r in regions if r.inner_end > r.inner_start]


def _region(text: str, opened: int, close_start: int, close_end: int, *, closed: bool = True) -> QuoteRegion:
    mark = _MARK.match(text, opened)
    inner_start = opened + (len(mark.group()) if mark else 1)
    start, end = inner_start, close_start
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return QuoteRegion(opened, start, end, close_end, closed)


def _continues(text: str, paragraph_end: int) -> bool:
    """Whether the next non-blank paragraph opens with a quote mark."""
    rest = text[paragraph_end:].lstrip()
    mark = _MARK.match(rest)
    return mark is not None and mark.group() not in _CLOSING


# ---------------------------------------------------------------- "NAME: words" lines


def _labelled_lines(doc: Doc) -> list[Draft]:
    """Transcript and headline lines 'PENCE: Well, ...' / 'Poll: Voters abandon ...'."""
    drafts: list[Draft] = []
    for match in _LABEL.finditer(text_of(doc)):
        label = _group_span(doc, match, "label")
        if label is None or not all(_can_label(t) for t in label):
            continue
        end = match.end("content")
        while end > match.start("content") and text_of(doc)[end - 1] in _TRAILING:
            end -= 1
        if end <= match.start("content"):
            continue
        drafts.append(
            Draft(
                start=match.start("content"),
                end=end,
                speaker=label,
                cue=doc.char_span(match.start("colon"), match.end("colon")),
                kind="direct",
                attribution_kind="statement",
            )
        )
    return drafts


def _group_span(doc: Doc, match: re.Match[str], group: str) -> SpacySpan | None:
    """The tokens covering a regex group's characters."""
    return doc.char_span(match.start(group), match.end(group), alignment_mode="expand")


def _can_label(token: Token) -> bool:
    return token.ent_type_ not in _NOT_SPEAKERS and token.pos_ in _NOMINAL


def _overlaps(start: int, end: int, draft: Draft) -> bool:
    return start < draft.end and draft.start < end


# ---------------------------------------------------------------- direct quotes to claims


def _with_direct_quotes(
    doc: Doc, regions: list[QuoteRegion], drafts: list[Draft], cues: CueLexicon
) -> list[Draft]:
    """Tie quotations to their cues; parsed claims a quotation replaces or contains are dropped."""
    by_cue = {d.cue_token: d for d in drafts if d.cue_token is not None}
    direct: list[Draft] = []
    taken: set[int] = set()
    for region in regions:
        verb = (
            _cue_after(doc, region, cues)
            or _cue_before(doc, region, cues)
            or _cue_by_parse(doc, region, drafts)
        )
        if verb is not None and verb.i not in taken:
            taken.add(verb.i)
            direct.append(_direct_draft(region, verb, cues, by_cue.get(verb.i)))
            continue
        follow = _continuation(text_of(doc), region, direct)
        if follow is not None:
            direct.append(follow)
    kept = [
        d
        for d in drafts
        if d.cue_token not in taken and not _inside_direct(d, direct) and not _nested(d, regions)
    ]
    return kept + _merge_runs(text_of(doc), direct)


def _direct_draft(region: QuoteRegion, verb: Token, cues: CueLexicon, parsed: Draft | None) -> Draft:
    speaker = parsed.speaker if parsed is not None else speaker_of(verb)
    return Draft(
        start=region.inner_start,
        end=region.inner_end,
        speaker=speaker,
        cue=verb.doc[verb.i : verb.i + 1],
        kind="direct",
        attribution_kind=cues.kind_of(verb) or "statement",
        sources=parsed.sources if parsed is not None else [],
        cue_token=verb.i,
    )


def _cue_after(doc: Doc, region: QuoteRegion, cues: CueLexicon) -> Token | None:
    """'"...," Pompeo said': the quote opens a sentence and a cue verb follows closely."""
    text = text_of(doc)
    paragraph_start = text.rfind("\n", 0, region.outer_start) + 1
    before = text[paragraph_start : region.outer_start].rstrip()
    if before and not before.endswith(_STARTS_AFTER):
        return None
    inner = text[region.inner_start : region.outer_end]
    if not region.closed or not inner.rstrip("”\"' »").endswith(_QUOTE_ENDING):
        return None
    for token in _tokens_from(doc, region.outer_end):
        if cues.kind_of(token) and speaker_of(token) is not None:
            return token
    return None


def _cue_before(doc: Doc, region: QuoteRegion, cues: CueLexicon) -> Token | None:
    """'Pompeo said: "..."': a cue verb just before the quote, and the quote ends the sentence."""
    text = text_of(doc)
    tail = text[region.outer_end : _sentence_end(text, region.outer_end)]
    ends_sentence = not re.search(r"\w", tail)
    inner = text[region.inner_start : region.inner_end].rstrip()
    if not ends_sentence and not inner.endswith(_SENTENCE_END):
        return None
    gap: list[Token] = []
    for token in _tokens_before(doc, region.outer_start):
        if cues.kind_of(token):
            if not gap or (len(gap) <= _MAX_GAP and gap[-1].text in _CUE_GAP_ENDS):
                return token
            return None
        gap.insert(0, token)
    return None


def _cue_by_parse(doc: Doc, region: QuoteRegion, drafts: list[Draft]) -> Token | None:
    """A cue outside the quote whose parsed content lies inside it ('"A. B," X, who ..., said')."""
    if not region.closed:
        return None
    for draft in drafts:
        if draft.cue_token is None or draft.kind != "indirect":
            continue
        cue_char = doc[draft.cue_token].idx
        if region.outer_start <= cue_char < region.outer_end:
            continue
        if region.inner_start <= draft.start and draft.end <= region.inner_end + 1:
            return doc[draft.cue_token]
    return None


def _tokens_from(doc: Doc, char: int) -> list[Token]:
    """Tokens from ``char`` to the end of its sentence (at most ``_WINDOW``)."""
    out: list[Token] = []
    first = _first_token_at(doc, char)
    for token in doc[first : first + _WINDOW]:
        if _stops_window(token):
            break
        out.append(token)
    return out


def _tokens_before(doc: Doc, char: int) -> list[Token]:
    """Tokens before ``char`` in the same sentence, nearest first (at most ``_WINDOW``)."""
    out: list[Token] = []
    stop = _first_token_at(doc, char)
    for token in reversed(doc[max(0, stop - _WINDOW) : stop]):
        if token.idx + len(token.text) > char:
            continue
        if _stops_window(token):
            break
        out.append(token)
    return out


def _first_token_at(doc: Doc, char: int) -> int:
    """Index of the first token starting at or after ``char``."""
    return bisect_left(_token_starts(doc), char)


def _token_starts(doc: Doc) -> list[int]:
    """Token start offsets, computed once per Doc (creating spaCy Tokens is the costly part) and kept in the
    declared extension ``doc._.dateline_token_starts`` (read where spaCy stores it: this is a hot path)."""
    starts = doc.user_data.get(_TOKEN_STARTS_KEY)
    if starts is None:
        starts = doc.user_data[_TOKEN_STARTS_KEY] = [t.idx for t in doc]
    return starts


def _stops_window(token: Token) -> bool:
    return "\n" in token.text or token.text in _SENTENCE_END or bool(_MARK.fullmatch(token.text))


def _sentence_end(text: str, start: int) -> int:
    match = re.compile(r"[.!?\n]").search(text, start)
    return match.start() if match else len(text)


def _continuation(text: str, region: QuoteRegion, direct: list[Draft]) -> Draft | None:
    """A quote standing as its own sentence continues the last direct speaker."""
    if not direct or not region.closed:
        return None
    paragraph_start = text.rfind("\n", 0, region.outer_start) + 1
    before = text[paragraph_start : region.outer_start].rstrip()
    inner = text[region.inner_start : region.inner_end]
    if before and not before.endswith(_STARTS_AFTER):
        return None
    if not inner.rstrip().endswith(_SENTENCE_END) or len(inner.split()) < _MIN_CONTINUATION_WORDS:
        return None
    previous = direct[-1]
    if region.outer_start - previous.end > 1500:
        return None
    return Draft(
        start=region.inner_start,
        end=region.inner_end,
        speaker=previous.speaker,
        cue=None,
        kind="direct",
        attribution_kind=previous.attribution_kind,
    )


def _merge_runs(text: str, direct: list[Draft]) -> list[Draft]:
    """A cue-less continuation in the same paragraph extends the quote before it."""
    merged: list[Draft] = []
    for draft in direct:
        previous = merged[-1] if merged else None
        same_paragraph = previous is not None and "\n" not in text[previous.end : draft.start]
        continues = same_paragraph and draft.cue is None
        if previous is not None and continues and previous.speaker is draft.speaker:
            previous.end = draft.end
            continue
        merged.append(draft)
    return merged


def _nested(draft: Draft, regions: list[QuoteRegion]) -> bool:
    """A claim made inside someone's quotation ("I think ...") is the speaker's words, not a
    separate attribution (PolNeAR, like most attribution schemes, does not annotate them)."""
    anchor = draft.cue.start_char if draft.cue is not None else draft.start
    return any(
        r.inner_start <= draft.start and draft.end <= r.inner_end and r.inner_start <= anchor < r.inner_end
        for r in regions
    )


def _inside_direct(draft: Draft, direct: list[Draft]) -> bool:
    """A parsed claim whose cue sits outside a quote but whose content is only that quote."""
    for quote in direct:
        inside = quote.start <= draft.start and draft.end <= quote.end
        cue_outside = draft.cue is None or not (quote.start <= draft.cue.start_char < quote.end)
        if inside and cue_outside:
            return True
    return False
