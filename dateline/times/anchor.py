"""The date of one event: which temporal expression the trigger's clause carries, in contract form.

Order of preference (each step only considers expressions whose value names a calendar period):

1. an expression inside the trigger's own phrase ("the *Sunday* rocket attack") or attached to the clause the
   trigger belongs to ("rockets hit the zone *on Sunday*");
2. an expression of the reporting clause that governs it ("*In September*, the Journal reported that
   Washington had warned Iraq": the warning gets 2020-09);
3. the nearest expression in the same sentence;
4. the reference date ("reference date (no time cue)"), or nothing when there is none.

Values become the contract's ``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY``: an ISO week becomes the month holding
most of its days (its Thursday's month), precision month; a quarter, half or season becomes its year,
precision year; ``PRESENT_REF`` becomes the reference date. ``PAST_REF``, durations, sets and decades do not
date an event.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import lang
from ..doctext import text_of
from ..models import Timex
from .arithmetic import SEASON_ORDER
from .lexicon import cue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .reference import Reference

__all__ = ["EventDate", "contract_date", "event_date"]


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDate:
    """An event's date in contract form, with why (``reason``) and the expression it came from."""

    date: str | None
    precision: str | None
    reason: str
    timex: Timex | None = None


_EN = lang.load()
_EXPLICIT_YEAR = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)|\d{1,2}/\d{1,2}/\d{2,4}")


def _period_value() -> re.Pattern[str]:
    """A year, or a quarter, half or season of it ("2020-Q3", "2020-H1", "2020-SU")."""
    return re.compile(rf"(\d{{4}})(?:-(?:Q[1-4]|H[12]|{'|'.join(SEASON_ORDER)}))?")


_PERIOD_VALUE = _period_value()
# TIMEX3 types that name a day (a day may carry a clock time)
_DAY_TYPES = frozenset({"DATE", "TIME"})


def event_date(doc: Doc, trigger: Span, timexes: list[Timex], reference: Reference) -> EventDate:
    """The date of the event whose trigger is ``trigger`` (a span of ``doc``).

    Args:
        doc: the parsed document; ``timexes`` offsets are character offsets into ``doc.text``.
        trigger: the event's trigger span within ``doc``.
        timexes: the document's temporal expressions (``find_timexes``).
        reference: the article's reference time.

    Returns:
        An EventDate whose ``reason`` reads "explicit date ('Dec. 20, 2020')", "relative to published
        ('on Sunday')", "from a reporting clause ('In September')", "reference date (no time cue)" or
        "unresolved: no reference date".
    """
    sentence = trigger.sent
    dated = [(t, d) for t in timexes if sentence.start_char <= t.start < sentence.end_char
             for d in [contract_date(t.value, reference)] if d is not None]  # fmt: skip
    anchors = [(t, d, root) for t, d in dated for root in [_timex_root(doc, t)] if root is not None]
    trigger_clause = _clause_head(trigger.root)

    own = [a for a in anchors if _within(a[2], trigger.root)] or [
        a for a in anchors if _clause_head(a[2]) == trigger_clause
    ]
    if own:
        return _from(_nearest(own, trigger), text_of(doc), trigger_clause_reason="")
    for reporting in _reporting_heads(trigger_clause):
        governing = [a for a in anchors if _clause_head(a[2]) == reporting]
        if governing:
            return _from(_nearest(governing, trigger), text_of(doc), trigger_clause_reason="from a reporting clause")
    if anchors:
        return _from(_nearest(anchors, trigger), text_of(doc), trigger_clause_reason="", suffix=" in the same sentence")
    earlier = _earlier_in_paragraph(text_of(doc), sentence.start_char, timexes, reference)
    if earlier is not None:
        return earlier
    if reference.date is None:
        return EventDate(date=None, precision=None, reason="unresolved: no reference date")
    return EventDate(date=reference.date.isoformat(), precision="day", reason="reference date (no time cue)")


def _earlier_in_paragraph(text: str, before: int, timexes: list[Timex], reference: Reference) -> EventDate | None:
    """Narrative order: an undated sentence continues the last day named earlier in its paragraph ("On 8 May,
    police raided the district. A shoot-out broke out ..." -> 8 May)."""
    paragraph_start = text.rfind("\n\n", 0, before) + 1
    for timex in sorted(timexes, key=lambda t: t.start, reverse=True):
        if not (paragraph_start <= timex.start < before):
            continue
        found = contract_date(timex.value, reference)
        if found is not None and found[1] == "day" and timex.type in _DAY_TYPES:
            return EventDate(date=found[0], precision="day", timex=timex,
                             reason=f"date named earlier in the paragraph ('{timex.text}')")
    return None


def contract_date(value: str | None, reference: Reference | None) -> tuple[str, str] | None:
    """A TIMEX3 value as ``(date, precision)`` in the contract's formats, or None when it names no period."""
    if not value:
        return None
    if value == "PRESENT_REF":
        if reference is None or reference.date is None:
            return None
        return reference.date.isoformat(), "day"
    day = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:T|$)", value)
    if day:
        return "-".join(day.groups()), "day"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return value, "month"
    week = re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value)
    if week:
        try:
            thursday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 4)
        except ValueError:
            return None
        return f"{thursday.year:04d}-{thursday.month:02d}", "month"
    period = _PERIOD_VALUE.fullmatch(value)
    if period:
        return period.group(1), "year"
    return None


def _timex_root(doc: Doc, timex: Timex) -> Token | None:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _clause_head(token: Token) -> Token:
    """The nearest verb at or above ``token`` (the head of its clause); the sentence root failing that."""
    current = token
    for _ in range(40):
        if current.pos_ in _EN.labels("verbal") and current.dep_ not in _EN.labels("auxiliaries"):
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def _within(token: Token, head: Token) -> bool:
    """Whether ``token`` sits in ``head``'s phrase without crossing into another clause."""
    current = token
    for _ in range(40):
        if current == head:
            return True
        if current.head.i == current.i or current.pos_ in _EN.labels("verbal"):
            return False
        current = current.head
    return False


def _reporting_heads(clause: Token) -> list[Token]:
    """The reporting verbs ``clause`` is reported by: the verb whose complement it is (two levels up at
    most), and a reporting verb the parser hung below it ("X reported, citing ..., that Y had warned" is often
    parsed with "reported" as a complement of "warned")."""
    found = [child for child in clause.children
             if child.dep_ in _EN.labels("reporting_clause_deps") and child.i < clause.i
             and child.lemma_.lower() in _EN.words("reporting_verbs")]  # fmt: skip
    current = clause
    for _ in range(2):
        if current.head.i == current.i or current.dep_ not in _EN.labels("clause_governor_deps"):
            break
        governor = _clause_head(current.head)
        if governor.lemma_.lower() in _EN.words("reporting_verbs"):
            found.insert(0, governor)
            break
        current = governor
    return found


def _nearest(anchors: list[tuple[Timex, tuple[str, str], Token]], trigger: Span) -> tuple[Timex, tuple[str, str]]:
    def distance(anchor: tuple[Timex, tuple[str, str], Token]) -> int:
        timex = anchor[0]
        if timex.end <= trigger.start_char:
            return trigger.start_char - timex.end
        return max(0, timex.start - trigger.end_char)

    best = min(anchors, key=distance)
    return best[0], best[1]


def _from(found: tuple[Timex, tuple[str, str]], text: str, *, trigger_clause_reason: str, suffix: str = "") -> EventDate:
    timex, (date, precision) = found
    cue = _cue_text(timex, text)
    if trigger_clause_reason:
        reason = f"{trigger_clause_reason} ('{cue}')"
    elif _EXPLICIT_YEAR.search(timex.text):
        reason = f"explicit date ('{cue}')"
    else:
        reason = f"relative to published ('{cue}')"
    return EventDate(date=date, precision=precision, reason=reason + suffix, timex=timex)


def _cue_text(timex: Timex, text: str) -> str:
    """The expression with the preposition that introduces it ("on Sunday", "In September")."""
    before = cue("preposition_before").search(text[max(0, timex.start - 8) : timex.start])
    start = timex.start - (len(before.group(0)) if before else 0)
    return text[start : timex.end]
