"""Normalisers for calendar expressions: explicit dates, months, years, decades, weekdays, day words, clock
times and holidays. Each takes a regex match and the document Context and returns ``(TIMEX3 type, value)``, or
None to reject the match (see ``rules.py`` for the patterns)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from . import arithmetic as cal
from .context import FORWARD, PRESENT, Context
from .lexicon import PARTS_OF_DAY, SEASONS, WEEKDAYS, cue, month_number, squashed, table, words

Result = tuple[str, str | None] | None


def capitalised(word: str | None) -> bool:
    return bool(word) and word is not None and word[0].isupper()


def iso(day: dt.date) -> str:
    return day.isoformat()


def _year(text: str) -> int:
    value = int(text)
    return value + (1900 if value >= 50 else 2000) if len(text) == 2 else value


def ordinal_quarter(word: str) -> int:
    quarter: int = table("quarter_ordinal").get(word.lower(), 4)
    return quarter


# --- explicit calendar dates -------------------------------------------------------------------------


def iso_date(m: re.Match[str], ctx: Context) -> Result:
    try:
        day = dt.date(*(int(m[group]) for group in "ymd"))
    except ValueError:
        return None
    if m["h"]:
        return "TIME", f"{iso(day)}T{m['h']}:{m['mi']}"
    return "DATE", iso(day)


def slash_date(m: re.Match[str], ctx: Context) -> Result:
    """12/20/2020 is month first (American); 21-12-2020 and 21.12.2020 are day first, unless impossible."""
    first, second = int(m["a"]), int(m["b"])
    day_first = m["sep"] != "/"
    if day_first and len(m["y"]) == 2:
        return None  # "1.2.33" is a version or a score more often than a date
    if first > 12 or (day_first and second <= 12):
        month, day = second, first
    else:
        month, day = first, second
    try:
        return "DATE", iso(dt.date(_year(m["y"]), month, day))
    except ValueError:
        return None


def _day_of(m: re.Match[str], ctx: Context) -> dt.date | None | Literal[False]:
    """The date a month-day(-year) match names; False when it is not a date, None when unresolvable."""
    if not capitalised(m["mon"]):
        return False
    month, day = month_number(m["mon"]), int(m["d"])
    if not 1 <= day <= 31:
        return False
    if m["y"]:
        year = int(m["y"])
    elif ctx.reference is None:
        return None
    else:
        year = _year_of_month_day(month, day, m, ctx)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return False


def _year_of_month_day(month: int, day: int, m: re.Match[str], ctx: Context) -> int:
    """A month and day without a year: the weekday when one is given, else "last"/"next", a future cue,
    or the occurrence nearest the reference (a story dated 2 Nov writes "Jan. 2" for the coming January)."""
    assert ctx.reference is not None
    ref = ctx.reference
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return ref.year
    groups = m.groupdict()
    if groups.get("wd"):
        agreeing = [c for c in candidates if c.isoweekday() == WEEKDAYS[m["wd"].lower()]]
        candidates = agreeing or candidates
    rel = (groups.get("rel") or "").lower()
    tense = ctx.cue(m.start(), m.end())
    if rel == "last" or (not rel and tense == "past"):
        candidates = [c for c in candidates if c <= ref] or candidates
    elif rel == "next" or tense == "future":
        candidates = [c for c in candidates if c >= ref] or candidates
    return min(candidates, key=lambda c: (abs((c - ref).days), c > ref)).year


def month_day(m: re.Match[str], ctx: Context) -> Result:
    day = _day_of(m, ctx)
    if day is False:
        return None
    if m["h"] and day:
        return "TIME", f"{iso(day)}T{_clock(m)}"
    return "DATE", iso(day) if day else None


def month_year(m: re.Match[str], ctx: Context) -> Result:
    if not capitalised(m["mon"]):
        return None
    return "DATE", f"{int(m['y']):04d}-{month_number(m['mon']):02d}"


def month_alone(m: re.Match[str], ctx: Context) -> Result:
    if not capitalised(m["mon"]):
        return None
    word = m["mon"].lower().rstrip(".")
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    if word in words("ambiguous_months") and not (
        m["rel"] or m["mod"] or m["yrel"] or cue("month_preposition").search(before)
    ):
        return None
    month = month_number(word)
    if m["yrel"]:
        if ctx.reference is None:
            return "DATE", None
        offset = table("year_offset")[m["yrel"].lower()]
        return "DATE", f"{ctx.reference.year + offset:04d}-{month:02d}"
    if ctx.reference is None:
        return "DATE", None
    rel = (m["rel"] or "").lower().split()
    if rel[:1] == ["last"] or "previous" in rel or "past" in rel:
        direction = "before"
    elif rel[:1] == ["next"] or "coming" in rel:
        direction = "after"
    elif rel[:1] == ["this"]:
        return "DATE", f"{ctx.reference.year:04d}-{month:02d}"
    else:
        tense = ctx.cue(m.start(), m.end())
        if tense is None or tense == PRESENT:
            return "DATE", f"{_nearest_month_year(ctx.reference, month):04d}-{month:02d}"
        direction = tense
    return "DATE", f"{cal.month_in(ctx.reference, month, direction):04d}-{month:02d}"


def _nearest_month_year(reference: dt.date, month: int) -> int:
    """With no tense cue, the occurrence of ``month`` nearest the reference month (ties: the past one)."""
    here = reference.year * 12 + reference.month
    return min((reference.year + k for k in (-1, 0, 1)), key=lambda y: (abs(y * 12 + month - here), y))


def year_expr(m: re.Match[str], ctx: Context) -> Result:
    year = int(m["y"])
    before = ctx.text[max(0, m.start() - 2) : m.start()]
    if "$" in before or "#" in before:
        return None
    after = ctx.text[m.end() : m.end() + 14].lower()
    if cue("counted_noun").match(after):
        return None  # "2000 people"
    if m["half"]:
        return "DATE", f"{year:04d}-{table('half')[m['half'].lower()]}"
    if m["season"]:
        return "DATE", f"{year:04d}-{SEASONS[m['season'].lower()]}"
    return "DATE", f"{year:04d}"


def decade(m: re.Match[str], ctx: Context) -> Result:
    if m["s"]:
        return "DATE", f"19{m['s']}"
    return "DATE", f"{m['c']}{m['d']}"


def century(m: re.Match[str], ctx: Context) -> Result:
    number = int(m["n"])
    if not 1 <= number <= 30:
        return None
    return "DATE", f"{number - 1:02d}"


# --- weekdays, day words, clock times ------------------------------------------------------------------


def weekday(m: re.Match[str], ctx: Context) -> Result:
    if not capitalised(m["wd"]):
        return None
    if ctx.reference is None:
        return ("TIME" if m["part"] else "DATE"), None
    day = _resolve_weekday(m["wd"], (m["rel"] or "").lower(), m, ctx)
    if m["part"]:
        return "TIME", f"{iso(day)}T{PARTS_OF_DAY[m['part'].lower()]}"
    return "DATE", iso(day)


def _resolve_weekday(word: str, rel: str, m: re.Match[str], ctx: Context) -> dt.date:
    assert ctx.reference is not None
    weekday = WEEKDAYS[word.lower()]
    if rel in words("past_weekday_relations"):
        return cal.weekday_in(ctx.reference, weekday, "before")
    if rel in words("future_weekday_relations"):
        return cal.weekday_in(ctx.reference, weekday, "after")
    if rel == "this":
        monday = ctx.reference - dt.timedelta(days=ctx.reference.isoweekday() - 1)
        return monday + dt.timedelta(days=weekday - 1)
    if ctx.text[m.end() : m.end() + 2] in words("possessive_endings"):
        return cal.weekday_in(ctx.reference, weekday, "past")  # "Friday's purchases" already happened
    if cue("soonest_before").search(ctx.text[max(0, m.start() - 16) : m.start()]):
        return cal.weekday_in(ctx.reference, weekday, "future")  # "as early as Tuesday"
    tense = ctx.cue(m.start(), m.end())
    return cal.weekday_in(ctx.reference, weekday, "future" if tense in FORWARD else "past")


def day_word(m: re.Match[str], ctx: Context) -> Result:
    word = squashed(m["w"])
    part = None
    if word in ("last night",):
        offset, part = -1, "NI"
    elif word == "overnight":
        offset, part = 0, "NI"
    elif word == "the day before yesterday":
        offset = -2
    elif word == "the day after tomorrow":
        offset = 2
    elif word.startswith("this "):
        offset, part = 0, PARTS_OF_DAY[word.split()[1]]
    else:
        head, _, tail = word.partition(" ")
        offset = table("day_offset")[head]
        part = PARTS_OF_DAY[tail] if tail else ("NI" if head == "tonight" else None)
    kind = "TIME" if part else "DATE"
    if ctx.reference is None:
        return kind, None
    day = ctx.reference + dt.timedelta(days=offset)
    return kind, iso(day) + (f"T{part}" if part else "")


def _clock(m: re.Match[str]) -> str:
    hour = int(m["h"])
    minute = int(m["mi"] or 0)
    meridiem = (m["ap"] or "").lower().replace(".", "").replace(" ", "")
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def clock_time(m: re.Match[str], ctx: Context) -> Result:
    if int(m["h"]) > 24 or int(m["mi"] or 0) > 59:
        return None
    clock = _clock(m)
    if ctx.reference is None:
        return "TIME", None
    day = _day_after_clock(m, ctx)
    return "TIME", f"{iso(day)}T{clock}" if day else None


def _day_after_clock(m: re.Match[str], ctx: Context) -> dt.date | None:
    """The day a clock time names ("9 a.m. Tuesday", "5 p.m. EST Nov. 9"), the reference day by default."""
    assert ctx.reference is not None
    if m["day"]:
        word = m["day"].lower()
        if word in table("day_offset"):
            return ctx.reference + dt.timedelta(days=table("day_offset")[word])
        return _resolve_weekday(word, "", m, ctx)
    if m["mon"] and m["d"] and capitalised(m["mon"]):
        month, day = month_number(m["mon"]), int(m["d"])
        try:
            return dt.date(_year_of_month_day(month, day, m, ctx), month, day)
        except ValueError:
            return None
    return ctx.reference


def named_time(m: re.Match[str], ctx: Context) -> Result:
    clock = table("clock_words")[m["t"].lower()]
    if ctx.reference is None:
        return "TIME", None
    day = _day_after_clock(m, ctx)
    return "TIME", f"{iso(day)}T{clock}" if day else None


def holiday(m: re.Match[str], ctx: Context) -> Result:
    name = squashed(m["h"])
    if not capitalised(m["h"]):
        return None
    if m["y"]:
        year = int(m["y"])
    elif ctx.reference is None:
        return "DATE", None
    else:
        year = _holiday_year(name, (m["rel"] or "").lower(), m, ctx)
    day = _holiday_date(name, year)
    return "DATE", iso(day) if day else None


def _holiday_year(name: str, rel: str, m: re.Match[str], ctx: Context) -> int:
    assert ctx.reference is not None
    ref = ctx.reference
    this_year = _holiday_date(name, ref.year)
    if rel == "last":
        return ref.year if this_year and this_year < ref else ref.year - 1
    if rel == "next":
        return ref.year if this_year and this_year > ref else ref.year + 1
    if ctx.direction(m.start(), m.end()) == "future":
        return ref.year if this_year and this_year >= ref else ref.year + 1
    return ref.year if this_year and this_year <= ref else ref.year - 1


def _holiday_date(name: str, year: int) -> dt.date | None:
    from dateutil.easter import easter

    fixed = table("fixed_holidays")
    if name in fixed:
        return dt.date(year, *fixed[name])
    if name.startswith("easter"):
        return easter(year)
    if name.startswith("thanksgiving"):
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "election day":
        first = dt.date(year, 11, 2)  # the Tuesday after the first Monday
        return first + dt.timedelta(days=(1 - first.weekday()) % 7)
    if name == "labor day":
        first = dt.date(year, 9, 1)
        return first + dt.timedelta(days=(0 - first.weekday()) % 7)
    if name == "memorial day":
        last = dt.date(year, 5, 31)
        return last - dt.timedelta(days=last.weekday())
    return None


