"""Finding temporal expressions: run every rule, keep the longest non-overlapping matches, normalise them in
reading order (so "the quarter" and "a year earlier" can lean on what came before)."""

from __future__ import annotations

import copy
import datetime as dt
import logging
import re
from typing import TYPE_CHECKING

from ..doctext import text_of
from ..models import Timex
from .context import Context
from .lexicon import cue
from .rules import RULES, Rule

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..models import Article
    from .reference import Reference

__all__ = ["find_timexes", "timexes_of_article"]

log = logging.getLogger(__name__)

_LOOKS_BACK = cue("looks_back")

_BEFORE_ANCHOR = 90
_AFTER_ANCHOR = 60

_Candidate = tuple[int, int, Rule, re.Match[str]]


def find_timexes(text: str, reference: Reference | None, *, doc: Doc | None = None) -> list[Timex]:
    """Every temporal expression in ``text``, with its TIMEX3 type and value.

    Args:
        text: the document text; offsets in the result are character offsets into it.
        reference: the article's reference time; None (or a Reference without a date) leaves relative
            expressions unresolved (value None) while explicit dates still resolve.
        doc: the spaCy Doc of ``text``, when the caller has one: the tense of the verb governing a bare
            "Friday" or "Jan. 14" then decides past or future (without it, nearby cue words do).

    Returns:
        Timex records in text order, non-overlapping.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_timexes needs a str, got {type(text).__name__}")
    reference_date = reference.date if reference is not None else None
    if doc is not None and text_of(doc) != text:
        # offsets would not line up with the parse: fall back to cue words rather than mis-read the tense
        log.debug("find_timexes: the doc given is not a parse of the text; ignoring it")
        doc = None
    chosen = _choose(_candidates(text), text, reference_date)
    context = Context(text=text, reference=reference_date, doc=doc)
    timexes: list[Timex] = []
    for start, end, rule, match in chosen:
        result = rule.normalise(match, context)
        if result is None:
            continue
        kind, value = result
        if not _LOOKS_BACK.search(match.group(0)):
            # "a year earlier" names a comparison period; the story's own period stays the anchor
            context.remember(value)
        timexes.append(Timex(start=start, end=end, text=text[start:end], type=kind, value=value))
    return timexes


def timexes_of_article(article: Article, *, nlp: Language | None = None, doc: Doc | None = None) -> list[Timex]:
    """``find_timexes`` over an article, against its reference time (published read at its dateline).

    Args:
        article: the ingested article (its ``text``, ``published``, ``dateline``, ``outlet``).
        nlp: a spaCy pipeline to parse the text with when no ``doc`` is given (None: rules only).
        doc: the article's parse, when the caller has one already.
    """
    from .reference import reference_time

    reference = reference_time(article.published, dateline=article.dateline, outlet=article.outlet)
    if doc is None and nlp is not None:
        doc = nlp(article.text)
    return find_timexes(article.text, reference, doc=doc)


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    windows_by_gate: dict[int, list[tuple[int, int]]] = {}
    for rule in RULES:
        if rule.gate is None:
            windows = [(0, len(text))]
        else:
            key = id(rule.gate)
            if key not in windows_by_gate:
                windows_by_gate[key] = _windows(rule.gate, text)
            windows = windows_by_gate[key]
        for window_start, window_end in windows:
            for match in rule.pattern.finditer(text, window_start, window_end):
                start, end = match.span(rule.span_group) if rule.span_group else match.span()
                start, end = _trim(text, start, end)
                if end > start:
                    found.append((start, end, rule, match))
    return found


def _windows(gate: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Stretches of text around the gate's hits, merged: wide enough for any expression around its anchor
    ("about the past twenty-five *years*")."""
    merged: list[tuple[int, int]] = []
    for hit in gate.finditer(text):
        start, end = max(0, hit.start() - _BEFORE_ANCHOR), min(len(text), hit.end() + _AFTER_ANCHOR)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    while start < end and text[start] in " \t\n,":
        start += 1
    return start, end


def _choose(candidates: list[_Candidate], text: str, reference: dt.date | None) -> list[_Candidate]:
    """Longest first, then leftmost; a candidate its rule rejects leaves room for shorter ones."""
    probe = Context(text=text, reference=reference)
    taken = bytearray(len(text) + 1)
    chosen: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0], RULES.index(c[2]))):
        start, end, rule, match = candidate
        if any(taken[start:end]):
            continue
        if rule.normalise(match, copy.copy(probe)) is None:
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append(candidate)
    chosen.sort(key=lambda c: c[0])
    return chosen
