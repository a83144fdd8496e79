"""What a rule needs besides its match: the reference date, the tense around the match, and the document's
recent temporal anchors (for "the quarter", "a year earlier", "two days later")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Context"]

# Words whose nearness makes a bare "Friday" / "in March" point forward rather than back.
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|'ll|wo\s*n't|going\s+to|scheduled|expected\s+to|expects?\s+to|plans?\s+to|planned|"
    r"set\s+to|due\s+to|is\s+to|are\s+to|would|upcoming|hopes?\s+to|intends?\s+to|next|tomorrow)\b",
    re.IGNORECASE,
)
_PAST_CUE = re.compile(
    r"\b(?:said|was|were|had|did|told|ago|earlier|previously|since|last)\b", re.IGNORECASE
)
_TARGET_BEFORE = re.compile(r"\b(?:by|until|till|through|to|before)\s+$", re.IGNORECASE)
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
        return "future" if self.cue(start, end) in ("future", "present") else "past"

    def cue(self, start: int, end: int) -> str | None:
        """``"future"`` or ``"past"`` from the tense of the governing verb when a parse is at hand, else the
        nearest tense cue word in the sentence; None when nothing says."""
        if _TARGET_BEFORE.search(self.text[max(0, start - 10) : start]):
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
        for pattern, label in ((_FUTURE_CUE, "future"), (_PAST_CUE, "past")):
            for cue in pattern.finditer(left):
                distance = len(left) - cue.end()
                if best is None or distance < best[0]:
                    best = (distance, label)
            for cue in pattern.finditer(right):
                # a cue after the expression weighs less: "Friday's attack was ..." vs "Friday, he will"
                distance = cue.start() + 15
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
            try:
                self.last_day = dt.date(*map(int, day.groups()))
            except ValueError:
                pass


_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "ll", "must", "should", "could", "may", "might",
                         "can", "ca"})
_PAST_AUX = frozenset({"had", "was", "were", "did", "'d"})
_FUTURE_GOVERNORS = frozenset(
    {"plan", "expect", "schedule", "set", "hope", "intend", "want", "aim", "due", "prepare", "promise", "vow",
     "threaten", "agree", "decide", "seek", "try", "going", "go", "likely", "ready", "able", "order"}
)  # fmt: skip
_REPORTING = frozenset({"say", "tell", "report", "announce", "state", "add", "claim"})


def _parsed_tense(doc: Doc, start: int, end: int) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if span.root.dep_ in ("compound", "poss", "amod", "nmod", "nummod"):
        return None  # "the Sunday attack", "Friday's purchases": a noun's modifier, not the verb's time
    verb = _governing_verb(span.root)
    return _tense_of(verb) if verb is not None else None


def _governing_verb(token: Token) -> Token | None:
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _tense_of(verb: Any) -> str | None:
    for _ in range(4):
        auxes = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
        if auxes & _FUTURE_AUX or verb.lemma_.lower() in _FUTURE_GOVERNORS - {"go", "set", "order", "decide"}:
            return "future"  # "planned a rally on Saturday": the plan's date lies ahead of the planning
        if auxes & _PAST_AUX or verb.tag_ == "VBD":
            return "past"
        if auxes & {"has", "have"}:
            return "past"
        if "to" in auxes or verb.tag_ == "VB":
            governor = verb.head
            if governor.i == verb.i:
                return "future"
            if verb.dep_ == "conj" and governor.pos_ in ("VERB", "AUX"):
                verb = governor  # "met and agreed to ...": the conjunct shares the first verb's tense
                continue
            return "future"  # an infinitive looks ahead of its governor ("subpoenaed him to testify on Feb. 10")
        if verb.tag_ in ("VBZ", "VBP"):
            # a present-tense verb with a date is a schedule ("meets Monday"), except when reporting
            return None if verb.lemma_.lower() in _REPORTING else "present"
        if verb.tag_ == "VBG":
            if auxes & {"is", "are", "'s", "'re", "am"}:
                return "present"
            if verb.dep_ in ("xcomp", "advcl", "conj", "acl") and verb.head.i != verb.i:
                verb = verb.head
                continue
            return None
        if verb.tag_ == "VBN":
            return "past"
        return None
    return None
