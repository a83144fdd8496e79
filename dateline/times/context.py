"""What a rule needs besides its match: the reference date, the tense around the match, and the document's
recent temporal anchors (for "the quarter", "a year earlier", "two days later")."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import lang
from .lexicon import cue, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["FORWARD", "PRESENT", "Context"]

# Tense cues are "future", "present" or "past"; the first two look forward from the reference.
PRESENT = "present"
FORWARD = frozenset({"future", PRESENT})
_EN = lang.load()
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])|\n\s*\n")


@dataclass(slots=True)
class Context:
    """Per-document state shared by the rules while a text is scanned left to right."""

    text: str
    reference: dt.date | None
    last_day: dt.date | None = None
    last_quarter: tuple[int, int] | None = None
    last_values: list[str] = field(default_factory=list)
    doc: Doc | None = None

    def direction(self, start: int, end: int) -> str:
        """``"future"`` when the nearest tense cue in the sentence points forward, else ``"past"``.

        News reports mostly look back, so past is the default.
        """
        return "future" if self.cue(start, end) in FORWARD else "past"

    def cue(self, start: int, end: int) -> str | None:
        """``"future"`` or ``"past"`` from the tense of the governing verb when a parse is at hand, else the
        nearest tense cue word in the sentence; None when nothing says."""
        if cue("target_before").search(self.text[max(0, start - 10) : start]):
            future = self._cue_word(start, end) == "future"
            return "future" if future else None  # "extended to Nov. 16", "by Jan. 14": a deadline
        if self.doc is not None:
            return _parsed_tense(self.doc, start, end)
        return self._cue_word(start, end)

    def _cue_word(self, start: int, end: int) -> str | None:
        left = self.text[max(0, start - 80) : start]
        cut = list(_SENTENCE_END.finditer(left))
        if cut:
            left = left[cut[-1].end() :]
        right = self.text[end : end + 40]
        stop = _SENTENCE_END.search(right)
        if stop:
            right = right[: stop.start()]
        best: tuple[int, str] | None = None
        for label in ("future", "past"):
            pattern = cue(label)
            for hit in pattern.finditer(left):
                distance = len(left) - hit.end()
                if best is None or distance < best[0]:
                    best = (distance, label)
            for hit in pattern.finditer(right):
                # a cue after the expression weighs less: "Friday's attack was ..." vs "Friday, he will"
                distance = hit.start() + 15
                if best is None or distance < best[0]:
                    best = (distance, label)
        return best[1] if best else None

    def remember(self, value: str | None) -> None:
        """Note a resolved value so later anaphoric expressions can lean on it."""
        if not value:
            return
        self.last_values.append(value)
        quarter = re.fullmatch(r"(\d{4})-Q([1-4])", value)
        if quarter:
            self.last_quarter = (int(quarter.group(1)), int(quarter.group(2)))
        day = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
        if day:
            with contextlib.suppress(ValueError):
                self.last_day = dt.date(*map(int, day.groups()))


def _parsed_tense(doc: Doc, start: int, end: int) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if span.root.dep_ in _EN.labels("date_modifier_deps"):
        return None  # "the Sunday attack", "Friday's purchases": a noun's modifier, not the verb's time
    verb = _governing_verb(span.root)
    return _tense_of(verb) if verb is not None else None


def _governing_verb(token: Token) -> Token | None:
    for _ in range(8):
        if token.pos_ in _EN.labels("verbal"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _tense_of(verb: Any) -> str | None:
    for _ in range(4):
        auxes = {child.lower_ for child in verb.children if child.dep_ in _EN.labels("auxiliaries")}
        governs_future = verb.lemma_.lower() in words("future_governors") - words("neutral_governors")
        if auxes & words("future_auxiliaries") or governs_future:
            return "future"  # "planned a rally on Saturday": the plan's date lies ahead of the planning
        if auxes & words("past_auxiliaries") or verb.tag_ == "VBD":
            return "past"
        if auxes & words("perfect_auxiliaries"):
            return "past"
        if "to" in auxes or verb.tag_ == "VB":
            governor = verb.head
            if governor.i == verb.i:
                return "future"
            if verb.dep_ == "conj" and governor.pos_ in _EN.labels("verbal"):
                verb = governor  # "met and agreed to ...": the conjunct shares the first verb's tense
                continue
            return "future"  # an infinitive looks ahead of its governor ("subpoenaed him to testify on Feb. 10")
        if verb.tag_ in _EN.labels("present_tense_tags"):
            # a present-tense verb with a date is a schedule ("meets Monday"), except when reporting
            return None if verb.lemma_.lower() in _EN.words("reporting_verbs") else PRESENT
        if verb.tag_ == "VBG":
            if auxes & words("progressive_auxiliaries"):
                return PRESENT
            if verb.dep_ in _EN.labels("verb_attachments") and verb.head.i != verb.i:
                verb = verb.head
                continue
            return None
        if verb.tag_ == "VBN":
            return "past"
        return None
    return None
