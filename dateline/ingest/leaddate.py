"""The date of a wire lead ("BAGHDAD, Dec 20 (AFP) -"), and the year it is missing.

Agencies date their leads with month and day only. The year is taken from another date the input
itself carries (a stamp line elsewhere in the text, a page's markup date, an archived response's own
``Last-Modified`` header): the lead's month and day in the year that puts them nearest that clue, so a
"Dec 31" lead next to a "2 January 2021" stamp is 2020-12-31. Without any clue the year stays unknown
(never today's year: the same input must give the same article on any day) and the lead's month and
day are kept in the article as a removed piece with reason ``dateline date``, which
``lead_month_day`` reads back for the time resolver.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .. import lang
from ..models import Article, Removed, Span

__all__ = ["LEAD_DATE", "LeadDate", "lead_month_day", "nearest_date", "parse_lead_date", "recorded_lead_date"]

LEAD_DATE = "dateline date"  # removal reason of a lead's year-less date



def _months() -> dict[str, str]:
    """Month names in calendar order -> the abbreviations news copy writes (lang/en/months.tsv)."""
    return lang.load().mapping("months", "name", "abbreviations")


_MONTH_NAMES = _months()
_MONTH_DAY = re.compile(
    r"(?:(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})|(?P<day2>\d{1,2})\s+(?P<mon2>[A-Za-z]{3,9})\.?)"
    r"(?:,?\s*(?P<year>\d{4}))?"
)
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # 29: a leap-year lead is valid


@dataclass(frozen=True, slots=True)
class LeadDate:
    """A lead's date: month and day, the year when the lead printed one, and its span in the text."""

    month: int
    day: int
    year: int | None
    span: Span

    def full(self) -> date | None:
        """The complete date when the lead printed a year (and it is a real day)."""
        if self.year is None:
            return None
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None

    def removed(self) -> Removed:
        return Removed(text=self.span.text, reason=LEAD_DATE, span=self.span)


def parse_lead_date(text: str, start: int, end: int) -> LeadDate | None:
    """The lead date written in ``text[start:end]`` ("Dec 20", "20 December", "Dec. 20, 2020")."""
    match = _MONTH_DAY.fullmatch(text[start:end].strip())
    if not match:
        return None
    name = (match.group("mon") or match.group("mon2")).lower()
    month = next((i for i, full in enumerate(_MONTH_NAMES, start=1) if name.startswith(full[:3])), None)
    if month is None or not _is_month_name(name):
        return None
    day = int(match.group("day") or match.group("day2"))
    if not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
        return None
    offset = start + (len(text[start:end]) - len(text[start:end].lstrip()))
    year = int(match.group("year")) if match.group("year") else None
    return LeadDate(month, day, year, Span.of(text, offset, offset + match.end()))


def _is_month_name(name: str) -> bool:
    """'dec', 'december', 'sept': a month's name or its abbreviation, not any word starting alike."""
    return any(full.startswith(name) or name in short.split() for full, short in _MONTH_NAMES.items())


def nearest_date(month: int, day: int, clue: date) -> date | None:
    """``month``/``day`` in the year (the clue's, the one before or after) that lies nearest ``clue``,
    or None when even that is more than half a year away."""
    candidates = []
    for year in (clue.year - 1, clue.year, clue.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # 29 February outside a leap year
            continue
    best = min(candidates, key=lambda d: (abs((d - clue).days), d), default=None)
    # a 29 February lead can only be a leap year's: too far from the clue, the clue says nothing
    return best if best is not None and abs((best - clue).days) <= 183 else None


def recorded_lead_date(article: Article) -> LeadDate | None:
    """The lead date kept in the article (a ``dateline date`` removed piece): recorded when ingestion
    found no publication date; ``year`` is set when the lead printed one (a record whose ``published``
    is explicitly null keeps it so)."""
    for piece in article.removed:
        if piece.reason == LEAD_DATE:
            found = parse_lead_date(piece.span.text, 0, len(piece.span.text))
            if found:
                return LeadDate(found.month, found.day, found.year, piece.span)
    return None


def lead_month_day(article: Article) -> tuple[int, int] | None:
    """(month, day) of the lead date kept in the article, if any (see ``recorded_lead_date``)."""
    found = recorded_lead_date(article)
    return (found.month, found.day) if found else None
