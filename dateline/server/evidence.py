"""The evidence of one stored mention as passages of article text with marked spans.

The store keeps, for each mention, the extracted event record: the sentences it was found in (its
own evidence and those of its repeats within the article) and the spans of its trigger, actors,
recipients, place, figures and attributions, all as character offsets into the article. A
``Passage`` is one such sentence with the spans that fall inside it; the API returns passages as
they are, the event page renders ``segments()`` (text runs, each marked with one kind or none).
Where the store kept the article's text, ``article_marks`` marks every mention of the event in the
whole article (its spans marked, its evidence sentences shaded).

Plain dataclasses without web imports, so this module works without the ``serve`` extra.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from itertools import groupby
from typing import Any

from ..store import StoredMention

__all__ = ["MARK_KINDS", "ArticleText", "Mark", "MarkKind", "Passage", "Segment", "article_marks", "passages"]


class MarkKind(StrEnum):
    """What a marked span is (also its CSS class). Where spans overlap ("the explosion" is an actor,
    "explosion" the trigger) the earlier kind wins."""

    TRIGGER = "trigger"
    RECIPIENT = "recipient"
    ACTOR = "actor"
    PLACE = "place"
    QUANTITY = "quantity"
    ATTRIBUTION = "attribution"


MARK_KINDS = tuple(kind.value for kind in MarkKind)


@dataclass(frozen=True, slots=True)
class Mark:
    """One marked span; offsets are into the article, like every offset in dateline."""

    kind: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Passage:
    """One evidence sentence of a mention and the marks inside it."""

    start: int
    end: int
    text: str
    marks: tuple[Mark, ...]

    def segments(self) -> list[tuple[str, str | None]]:
        """The text cut into runs of (text, kind or None), one kind per character by ``MARK_KINDS`` rank."""
        kinds: list[str | None] = [None] * len(self.text)
        for mark in sorted(self.marks, key=lambda m: MARK_KINDS.index(m.kind), reverse=True):
            for i in range(mark.start - self.start, mark.end - self.start):
                kinds[i] = mark.kind
        runs: list[tuple[str, str | None]] = []
        for char, kind in zip(self.text, kinds, strict=True):
            if runs and runs[-1][1] == kind:
                runs[-1] = (runs[-1][0] + char, kind)
            else:
                runs.append((char, kind))
        return runs

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "marks": [m.to_dict() for m in self.marks]}  # fmt: skip


def _span(value: dict[str, Any] | None) -> tuple[int, int, str] | None:
    if not value or value.get("start") is None or value.get("end") is None:
        return None
    return int(value["start"]), int(value["end"]), str(value.get("text") or "")


def _spans(record: dict[str, Any]) -> Iterator[tuple[str, tuple[int, int, str] | None]]:
    """(kind, span) of everything in an extracted event record that points into the text."""
    yield "trigger", _span(record.get("trigger"))
    for repeat in record.get("mentions") or []:
        yield "trigger", _span(repeat.get("trigger"))
    for role in ("actor", "recipient"):
        for entity in record.get(role) or []:
            yield role, _span(entity.get("span"))
    yield "place", _span((record.get("location") or {}).get("span"))
    for quantity in record.get("quantities") or []:
        yield "quantity", _span(quantity.get("span"))
    for attribution in record.get("attribution") or []:
        yield "attribution", _span(attribution.get("span"))


def _sentences(mention: StoredMention) -> list[tuple[int, int, str]]:
    found = {(mention.evidence_start, mention.evidence_end, mention.evidence_text)}
    for repeat in mention.record.get("mentions") or []:
        if span := _span(repeat.get("evidence")):
            found.add(span)
    return sorted(found)


def passages(mention: StoredMention) -> list[Passage]:
    """The mention's evidence sentences in article order, each with the spans that lie inside it.

    A span is kept only where its recorded text is exactly the passage's text at its offsets, so a
    mark can never point at the wrong words (the texts are checked, not trusted).
    """
    spans = [(kind, span) for kind, span in _spans(mention.record) if span and span[0] < span[1]]
    result = []
    for start, end, text in _sentences(mention):
        marks = {
            Mark(kind, s, e, t)
            for kind, (s, e, t) in spans
            if start <= s and e <= end and text[s - start : e - start] == t
        }
        result.append(Passage(start, end, text, tuple(sorted(marks, key=lambda m: (m.start, m.end, m.kind)))))
    return result


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of article text: its mark kind (or None) and whether it lies in an evidence sentence."""

    text: str
    kind: str | None
    evidence: bool


@dataclass(frozen=True, slots=True)
class ArticleText:
    """A stored article's whole text with the marks and evidence sentences of one event's mentions."""

    article_id: str
    text: str
    marks: tuple[Mark, ...]
    sentences: tuple[tuple[int, int], ...]

    def segments(self) -> list[Segment]:
        """The text cut into runs of one kind (by ``MARK_KINDS`` rank) and one shading."""
        kinds: list[str | None] = [None] * len(self.text)
        for mark in sorted(self.marks, key=lambda m: MARK_KINDS.index(m.kind), reverse=True):
            kinds[mark.start : mark.end] = [mark.kind] * (mark.end - mark.start)
        shaded = [False] * len(self.text)
        for start, end in self.sentences:
            shaded[start:end] = [True] * (end - start)
        runs = []
        position = 0
        for (kind, evidence), group in groupby(zip(kinds, shaded, strict=True)):
            length = sum(1 for _ in group)
            runs.append(Segment(self.text[position : position + length], kind, evidence))
            position += length
        return runs


def _found_in(text: str, span: tuple[int, int, str]) -> bool:
    """The span's recorded text is the article's text at its offsets (marks are checked, not trusted)."""
    start, end, recorded = span
    return 0 <= start < end <= len(text) and text[start:end] == recorded


def article_marks(article_id: str, text: str, mentions: Iterable[StoredMention]) -> ArticleText:
    """The article ``text`` with every span and evidence sentence of ``mentions`` (those of one event
    in this article) that the text confirms; overlapping spans are resolved by ``segments``."""
    marks: set[Mark] = set()
    sentences: set[tuple[int, int]] = set()
    for mention in mentions:
        for kind, span in _spans(mention.record):
            if span and _found_in(text, span):
                marks.add(Mark(kind, *span))
        sentences.update((s, e) for s, e, t in _sentences(mention) if _found_in(text, (s, e, t)))
    ordered = tuple(sorted(marks, key=lambda m: (m.start, m.end, m.kind)))
    return ArticleText(article_id, text, ordered, tuple(sorted(sentences)))
