"""Calendar arithmetic behind TIMEX3 values: ISO weeks, quarters, seasons, months, past/future choices.

``direction`` arguments read: ``"past"`` = the most recent occurrence on or before the reference,
``"before"`` = strictly before, ``"future"`` = on or after, ``"after"`` = strictly after.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources

__all__ = [
    "SEASON_ORDER",
    "add_months",
    "iso_week",
    "month_in",
    "month_day_in",
    "quarter_of",
    "season_instance",
    "shift_quarter",
    "weekday_in",
    "weekend_of",
]



def _season_starts() -> dict[str, int]:
    """TIMEX3 season code -> the month it begins in, in calendar order (data/timex_seasons.tsv)."""
    text = resources.files(__package__).joinpath("data/timex_seasons.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {code: int(month) for code, month in rows[1:]}


_SEASON_START = _season_starts()
SEASON_ORDER = tuple(_SEASON_START)
_WINTER = SEASON_ORDER[-1]
_SPRING = SEASON_ORDER[0]
# directions that look back from the reference ("past": on or before it, "before": strictly before)
_BACKWARD = frozenset({"past", "before"})


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def weekend_of(day: dt.date) -> str:
    return iso_week(day) + "-WE"


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, by: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + by
    return index // 4, index % 4 + 1


def add_months(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def weekday_in(reference: dt.date, weekday: int, direction: str) -> dt.date:
    """The date of ISO ``weekday`` (1 = Monday) nearest ``reference`` in ``direction``."""
    delta = weekday - reference.isoweekday()
    if direction in _BACKWARD:
        back = (-delta) % 7
        if back == 0 and direction == "before":
            back = 7
        return reference - dt.timedelta(days=back)
    ahead = delta % 7
    if ahead == 0 and direction == "after":
        ahead = 7
    return reference + dt.timedelta(days=ahead)


def month_in(reference: dt.date, month: int, direction: str) -> int:
    """The year of the occurrence of ``month`` nearest ``reference`` in ``direction``."""
    year = reference.year
    if direction == "past":
        return year if month <= reference.month else year - 1
    if direction == "before":
        return year if month < reference.month else year - 1
    if direction == "future":
        return year if month >= reference.month else year + 1
    return year if month > reference.month else year + 1


def month_day_in(reference: dt.date, month: int, day: int, direction: str) -> int:
    """The year of ``month``/``day`` nearest ``reference`` in ``direction`` (Feb 29 falls back to leap years)."""
    for year in _years_outward(reference.year, direction):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if direction == "past" and candidate <= reference:
            return year
        if direction == "future" and candidate >= reference:
            return year
    return reference.year


def _years_outward(year: int, direction: str) -> list[int]:
    step = -1 if direction == "past" else 1
    return [year + step * k for k in range(0, 9)]


def season_instance(reference: dt.date, season: str, direction: str) -> int:
    """The year of ``season`` (SP/SU/FA/WI, winter = Dec of that year to Feb) nearest ``reference``.

    ``past``: the latest instance that has begun by the reference; ``before``: the latest that began before
    the current season; ``future``/``after`` the mirror images.
    """
    current_year, current_season = _season_containing(reference)
    current_start = _season_start(current_year, current_season)
    candidates = [(year, _season_start(year, season)) for year in range(reference.year - 2, reference.year + 3)]
    if direction == "past":
        return max(y for y, start in candidates if start <= reference)
    if direction == "before":
        return max(y for y, start in candidates if start < current_start)
    if direction == "future":
        return min(y for y, start in candidates if start >= current_start)
    return min(y for y, start in candidates if start > current_start)


def _season_start(year: int, season: str) -> dt.date:
    return dt.date(year, _SEASON_START[season], 1)


def _season_containing(day: dt.date) -> tuple[int, str]:
    if day.month < _SEASON_START[_SPRING]:
        return day.year - 1, _WINTER
    for season in reversed(SEASON_ORDER):
        if day.month >= _SEASON_START[season]:
            return day.year, season
    return day.year, _SPRING  # unreachable: months 3..12 are covered above
