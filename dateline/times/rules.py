"""The temporal rules: one regular expression per family of expressions, each with a normaliser.

A normaliser turns a match into ``(TIMEX3 type, value)`` or rejects it (returns None). Values follow
TimeML / TempEval-3: ``1998-01-08``, ``1998-01``, ``1998``, ``1998-W02``, ``1998-Q3``, ``1998-SU``,
``199`` (a decade), ``P2W``, ``PT48H``, ``PXY``, ``PRESENT_REF``, ``1998-01-08T16:00``, ``XXXX-WXX-2``.
Relative expressions get ``None`` when there is no reference date; explicit ones resolve regardless.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import arithmetic as cal
from .context import Context
from .lexicon import (
    MONTH,
    NUMBER,
    PARTS_OF_DAY,
    SEASON,
    SEASONS,
    UNIT,
    WEEKDAY,
    WEEKDAYS,
    month_number,
    number_value,
    unit_of,
)

__all__ = ["RULES", "Rule"]

Result = tuple[str, str | None] | None


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    normalise: Callable[[re.Match[str], Context], Result]
    span_group: str | None = None  # when only part of the match is the expression ("for *years*")


def _compile(body: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])" + body + r"(?![\w])", re.IGNORECASE)


def _capitalised(word: str | None) -> bool:
    return bool(word) and word[0].isupper()


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _year(text: str) -> int:
    value = int(text)
    return value + (1900 if value >= 50 else 2000) if len(text) == 2 else value


def _ordinal_quarter(word: str) -> int:
    key = word.lower()
    return {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(key, 4)


# --- explicit calendar dates -------------------------------------------------------------------------


def _iso_date(m: re.Match[str], ctx: Context) -> Result:
    try:
        day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["h"]:
        return "TIME", f"{_iso(day)}T{m['h']}:{m['mi']}"
    return "DATE", _iso(day)


def _slash_date(m: re.Match[str], ctx: Context) -> Result:
    first, second = int(m["a"]), int(m["b"])
    month, day = (second, first) if first > 12 else (first, second)
    try:
        return "DATE", _iso(dt.date(_year(m["y"]), month, day))
    except ValueError:
        return None


def _day_of(m: re.Match[str], ctx: Context) -> dt.date | None | bool:
    """The date a month-day(-year) match names; False when it is not a date, None when unresolvable."""
    if not _capitalised(m["mon"]):
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
    if m["wd"]:
        agreeing = [c for c in candidates if c.isoweekday() == WEEKDAYS[m["wd"].lower()]]
        candidates = agreeing or candidates
    rel = (m["rel"] or "").lower()
    cue = ctx.cue(m.start(), m.end())
    if rel == "last" or (not rel and cue == "past"):
        candidates = [c for c in candidates if c <= ref] or candidates
    elif rel == "next" or cue == "future":
        candidates = [c for c in candidates if c >= ref] or candidates
    return min(candidates, key=lambda c: (abs((c - ref).days), c > ref)).year


def _month_day(m: re.Match[str], ctx: Context) -> Result:
    day = _day_of(m, ctx)
    if day is False:
        return None
    if m["h"] and day:
        return "TIME", f"{_iso(day)}T{_clock(m)}"
    return "DATE", _iso(day) if day else None


def _month_year(m: re.Match[str], ctx: Context) -> Result:
    if not _capitalised(m["mon"]):
        return None
    return "DATE", f"{int(m['y']):04d}-{month_number(m['mon']):02d}"


_MONTH_PREPOSITION = re.compile(r"(?:in|of|since|until|till|by|through|during|from|to|before|after|late|"
                                r"early|mid|last|next|this|the)[\s-]*$", re.IGNORECASE)  # fmt: skip


def _month_alone(m: re.Match[str], ctx: Context) -> Result:
    if not _capitalised(m["mon"]):
        return None
    word = m["mon"].lower().rstrip(".")
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    if word in ("may", "march", "mar", "jan", "jun", "jul", "dec", "sep") and not (
        m["rel"] or m["mod"] or m["yrel"] or _MONTH_PREPOSITION.search(before)
    ):
        return None
    month = month_number(word)
    if m["yrel"]:
        if ctx.reference is None:
            return "DATE", None
        offset = {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
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
        cue = ctx.cue(m.start(), m.end())
        if cue is None:
            return "DATE", f"{_nearest_month_year(ctx.reference, month):04d}-{month:02d}"
        direction = cue
    return "DATE", f"{cal.month_in(ctx.reference, month, direction):04d}-{month:02d}"


def _nearest_month_year(reference: dt.date, month: int) -> int:
    """With no tense cue, the occurrence of ``month`` nearest the reference month (ties: the past one)."""
    here = reference.year * 12 + reference.month
    return min((reference.year + k for k in (-1, 0, 1)), key=lambda y: (abs(y * 12 + month - here), y))


_COUNTED_NOUN = re.compile(
    r"\s+(?:people|persons|troops|soldiers|men|women|children|workers|jobs|members|votes|shares|students|"
    r"cases|deaths|dollars|tons|tonnes|miles|km|kilometers|kilometres|meters|metres|feet|euros|pounds|units|"
    r"cars|homes|houses|employees|residents|refugees|rupees|acres|barrels|rockets|police|to\s+\d)\b"
)
_HALF = {"first": "H1", "second": "H2", "last": "H2", "latter": "H2"}


def _year_expr(m: re.Match[str], ctx: Context) -> Result:
    year = int(m["y"])
    before = ctx.text[max(0, m.start() - 2) : m.start()]
    if "$" in before or "#" in before:
        return None
    after = ctx.text[m.end() : m.end() + 14].lower()
    if _COUNTED_NOUN.match(after):
        return None  # "2000 people"
    if m["half"]:
        return "DATE", f"{year:04d}-{_HALF[m['half'].lower()]}"
    if m["season"]:
        return "DATE", f"{year:04d}-{SEASONS[m['season'].lower()]}"
    return "DATE", f"{year:04d}"


def _decade(m: re.Match[str], ctx: Context) -> Result:
    if m["s"]:
        return "DATE", f"19{m['s']}"
    return "DATE", f"{m['c']}{m['d']}"


def _century(m: re.Match[str], ctx: Context) -> Result:
    return "DATE", f"{int(m['n']) - 1:02d}"


# --- weekdays, day words, clock times ------------------------------------------------------------------


def _weekday(m: re.Match[str], ctx: Context) -> Result:
    if not _capitalised(m["wd"]):
        return None
    if ctx.reference is None:
        return ("TIME" if m["part"] else "DATE"), None
    day = _resolve_weekday(m["wd"], (m["rel"] or "").lower(), m, ctx)
    if m["part"]:
        return "TIME", f"{_iso(day)}T{PARTS_OF_DAY[m['part'].lower()]}"
    return "DATE", _iso(day)


def _resolve_weekday(word: str, rel: str, m: re.Match[str], ctx: Context) -> dt.date:
    assert ctx.reference is not None
    weekday = WEEKDAYS[word.lower()]
    if rel in ("last", "the previous", "this past"):
        return cal.weekday_in(ctx.reference, weekday, "before")
    if rel in ("next", "the following", "this coming", "the coming", "coming"):
        return cal.weekday_in(ctx.reference, weekday, "after")
    if rel == "this":
        monday = ctx.reference - dt.timedelta(days=ctx.reference.isoweekday() - 1)
        return monday + dt.timedelta(days=weekday - 1)
    return cal.weekday_in(ctx.reference, weekday, ctx.direction(m.start(), m.end()))


_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


def _day_word(m: re.Match[str], ctx: Context) -> Result:
    word = re.sub(r"\s+", " ", m["w"].lower())
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
        offset = _DAY_WORDS[head]
        part = PARTS_OF_DAY[tail] if tail else ("NI" if head == "tonight" else None)
    kind = "TIME" if part else "DATE"
    if ctx.reference is None:
        return kind, None
    day = ctx.reference + dt.timedelta(days=offset)
    return kind, _iso(day) + (f"T{part}" if part else "")


def _clock(m: re.Match[str]) -> str:
    hour = int(m["h"])
    minute = int(m["mi"] or 0)
    meridiem = (m["ap"] or "").lower().replace(".", "").replace(" ", "")
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def _clock_time(m: re.Match[str], ctx: Context) -> Result:
    if int(m["h"]) > 24 or int(m["mi"] or 0) > 59:
        return None
    clock = _clock(m)
    if ctx.reference is None:
        return "TIME", None
    day = ctx.reference
    if m["day"]:
        word = m["day"].lower()
        if word in _DAY_WORDS:
            day = ctx.reference + dt.timedelta(days=_DAY_WORDS[word])
        else:
            day = _resolve_weekday(word, "", m, ctx)
    return "TIME", f"{_iso(day)}T{clock}"


def _named_time(m: re.Match[str], ctx: Context) -> Result:
    clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m["t"].lower()]
    if ctx.reference is None:
        return "TIME", None
    day = ctx.reference
    if m["day"]:
        word = m["day"].lower()
        if word in _DAY_WORDS:
            day = ctx.reference + dt.timedelta(days=_DAY_WORDS[word])
        else:
            day = _resolve_weekday(word, "", m, ctx)
    return "TIME", f"{_iso(day)}T{clock}"


# --- relative periods: this/last/next week, month, year, quarter, season ----------------------------------


_REL_OFFSET = {
    "this": 0, "the current": 0, "current": 0, "this past": -1, "last": -1, "the past": -1,
    "the previous": -1, "previous": -1, "the last": -1, "next": 1, "the next": 1, "the coming": 1,
    "coming": 1, "the following": 1, "this coming": 1,
}  # fmt: skip


def _relative_period(m: re.Match[str], ctx: Context) -> Result:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    offset = _REL_OFFSET[rel]
    if rel in ("the past", "the coming") and unit in ("week", "month", "year", "decade", "century", "quarter"):
        return "DURATION", _duration_value(1, unit)  # "the past year" is a stretch of time, not a calendar year
    if unit in SEASONS:
        return _season_value(SEASONS[unit], offset, m, ctx)
    if ctx.reference is None:
        return "DATE", None
    ref = ctx.reference
    if unit == "week":
        return "DATE", cal.iso_week(ref + dt.timedelta(weeks=offset))
    if unit == "weekend":
        return "DATE", cal.weekend_of(ref + dt.timedelta(weeks=offset))
    if unit == "month":
        year, month = cal.add_months(ref.year, ref.month, offset)
        return "DATE", f"{year:04d}-{month:02d}"
    if unit == "quarter":
        year, quarter = cal.shift_quarter(ref.year, cal.quarter_of(ref), offset)
        return "DATE", f"{year:04d}-Q{quarter}"
    if unit == "decade":
        return "DATE", f"{ref.year // 10 + offset:03d}"
    if unit == "century":
        return "DATE", f"{ref.year // 100 + offset:02d}"
    return "DATE", f"{ref.year + offset:04d}"


def _season_value(season: str, offset: int | None, m: re.Match[str], ctx: Context) -> Result:
    if ctx.reference is None:
        return "DATE", None
    if offset == 0:
        direction = "future" if ctx.direction(m.start(), m.end()) == "future" else "past"
    elif offset is None:
        direction = ctx.direction(m.start(), m.end())
    else:
        direction = "before" if offset < 0 else "after"
    return "DATE", f"{cal.season_instance(ctx.reference, season, direction):04d}-{season}"


def _season(m: re.Match[str], ctx: Context) -> Result:
    season = SEASONS[m["s"].lower()]
    if m["y"]:
        return "DATE", f"{int(m['y']):04d}-{season}"
    before = ctx.text[max(0, m.start() - 10) : m.start()].lower()
    has_cue = m["mod"] or re.search(r"\b(?:in|during|by|since|until|over|through|this|last|next)\s+(?:the\s+)?$",
                                    before)  # fmt: skip
    if not has_cue and season in ("SP", "FA"):
        return None  # "spring" and "fall" are verbs too often
    return _season_value(season, None, m, ctx)


def _weekend(m: re.Match[str], ctx: Context) -> Result:
    if ctx.reference is None:
        return "DATE", None
    ref = ctx.reference
    if ctx.direction(m.start(), m.end()) == "future" or ref.isoweekday() >= 6:
        return "DATE", cal.weekend_of(ref)
    return "DATE", cal.weekend_of(ref - dt.timedelta(weeks=1))


def _ordinal_quarter_expr(m: re.Match[str], ctx: Context) -> Result:
    quarter = _ordinal_quarter(m["ord"])
    year_text = (m["yr1"] or m["yr2"] or "").lower()
    shift = -1 if m["ya"] and ("earlier" in m["ya"].lower() or "ago" in m["ya"].lower()) else 0
    if re.fullmatch(r"\d{4}", year_text):
        return "DATE", f"{int(year_text) + shift:04d}-Q{quarter}"
    if ctx.reference is None:
        return "DATE", None
    ref = ctx.reference
    if "last year" in year_text or (m["ya"] and "last year" in m["ya"].lower()):
        year = ref.year - 1
    elif "next year" in year_text or (m["ya"] and "next year" in m["ya"].lower()):
        year = ref.year + 1
    elif "this year" in year_text or (m["ya"] and "this year" in m["ya"].lower()):
        year = ref.year
    elif ctx.last_quarter and ctx.last_quarter[1] == quarter and abs(ctx.last_quarter[0] - ref.year) <= 1:
        year = ctx.last_quarter[0]
    elif quarter <= cal.quarter_of(ref) or ctx.direction(m.start(), m.end()) == "future":
        year = ref.year
    else:
        year = ref.year - 1
    return "DATE", f"{year + shift:04d}-Q{quarter}"


def _generic_quarter(m: re.Match[str], ctx: Context) -> Result:
    if ctx.text[m.end() : m.end() + 1] == "-":
        return None  # "the quarter-to-quarter comparison"
    mod = re.sub(r"\s+", " ", (m["q"] or "").lower()).strip()
    if ctx.reference is None:
        return "DATE", None
    ref = ctx.reference
    anchor = ctx.last_quarter or cal.shift_quarter(ref.year, cal.quarter_of(ref), -1)
    if mod in ("current", "this"):
        year, quarter = ref.year, cal.quarter_of(ref)
    elif mod in ("next", "coming"):
        year, quarter = cal.shift_quarter(ref.year, cal.quarter_of(ref), 1)
    elif mod in ("last", "past", "previous", "prior") and not ctx.last_quarter:
        year, quarter = cal.shift_quarter(ref.year, cal.quarter_of(ref), -1)
    elif mod in ("previous", "prior", "last", "past"):
        year, quarter = cal.shift_quarter(*anchor, -1)
    elif "year" in mod:
        year, quarter = anchor[0] - 1, anchor[1]
    else:
        year, quarter = anchor
    return "DATE", f"{year:04d}-Q{quarter}"


def _half(m: re.Match[str], ctx: Context) -> Result:
    half = _HALF[m["ord"].lower()]
    if m["y"]:
        return "DATE", f"{int(m['y']):04d}-{half}"
    if ctx.reference is None:
        return "DATE", None
    offset = {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    return "DATE", f"{ctx.reference.year + offset:04d}-{half}"


def _within_period(m: re.Match[str], ctx: Context) -> Result:
    """"earlier this year", "later this month", "early next week", "the end of the year"."""
    unit = m["unit"].lower()
    rel = re.sub(r"\s+", " ", (m["rel"] or "this").lower())
    if ctx.reference is None:
        return "DATE", None
    ref = ctx.reference
    offset = _REL_OFFSET.get(rel, 0)
    if unit == "year":
        return "DATE", f"{ref.year + offset:04d}"
    if unit == "month":
        year, month = cal.add_months(ref.year, ref.month, offset)
        return "DATE", f"{year:04d}-{month:02d}"
    return "DATE", cal.iso_week(ref + dt.timedelta(weeks=offset))


# --- durations, ago-expressions, sets, reference words -------------------------------------------------


def _duration_value(count: float | None, unit_word: str) -> str:
    designator, multiplier, is_time = unit_of(unit_word)
    prefix = "PT" if is_time else "P"
    if count is None:
        return f"{prefix}X{designator}"
    total = count * multiplier
    if total == int(total):
        return f"{prefix}{int(total)}{designator}"
    whole = int(total)
    if designator == "Y":
        return f"P{whole}Y{round((total - whole) * 12)}M" if whole else f"P{round(total * 12)}M"
    if designator == "H":
        return f"PT{whole}H{round((total - whole) * 60)}M" if whole else f"PT{round(total * 60)}M"
    if designator == "M" and is_time:
        return f"PT{whole}M{round((total - whole) * 60)}S" if whole else f"PT{round(total * 60)}S"
    if designator == "D":
        return f"P{whole}DT{round((total - whole) * 24)}H" if whole else f"PT{round(total * 24)}H"
    if designator == "W":
        return f"P{round(total * 7)}D"
    if designator == "M" and not is_time:
        return f"P{whole}M{round((total - whole) * 30)}D" if whole else f"P{round(total * 30)}D"
    return f"{prefix}{total:g}{designator}"


def _duration(m: re.Match[str], ctx: Context) -> Result:
    count = number_value(m["num"])
    unit_word = m["unit"]
    number = re.sub(r"\s+", " ", m["num"].lower().strip())
    if number in ("a", "an") and unit_word.lower() in ("second", "quarter"):
        return None  # "a second attack", "a quarter of the vote"
    if m["adj"] and "old" in m["adj"].lower():
        return None  # ages ("a 44-year-old protester") are not temporal expressions in TimeML
    if number in ("a", "an") and not m["rel"] and _RATE_BEFORE.search(ctx.text[max(0, m.start() - 20) : m.start()]):
        return None  # "four flights a week", "$1.76 a year": a rate, not a stretch of time
    if unit_word.lower() == "quarter" and re.match(r"s?\s+of\b", ctx.text[m.end("unit") : m.end("unit") + 5]):
        return None  # "three-quarters of its food"
    if m["half"] and count is not None:
        count += 0.5
    rel = (m["rel"] or "").lower()
    designator, _, is_time = unit_of(unit_word)
    if rel in ("earlier", "later") and (is_time or designator == "D"):
        # "a day earlier", "a minute and a half later": TimeML marks the stretch, not an anchored date
        return "DURATION", _duration_value(count, unit_word)
    if rel:
        return _shifted_date(count, unit_word, rel, m, ctx)
    return "DURATION", _duration_value(count, unit_word)


_RATE_BEFORE = re.compile(r"(?:\d|\b\w+s|\btimes|\bonce|\btwice)\s*$", re.IGNORECASE)


def _shifted_date(count: float | None, unit_word: str, rel: str, m: re.Match[str], ctx: Context) -> Result:
    """"three days ago" (from the reference), "a year earlier" (from the last anchor the text mentioned)."""
    designator, multiplier, is_time = unit_of(unit_word)
    if designator == "Y" and count == 1 and ctx.reference is not None:
        anchored = _year_back_from_anchor(ctx, 1 if rel in ("later", "from now", "hence") else -1)
        if anchored:
            return "DATE", anchored
    if count is None or count != int(count):
        return "DATE", ("PAST_REF" if rel in ("ago", "earlier", "before", "previously") else "FUTURE_REF")
    if ctx.reference is None:
        return "DATE", None
    sign = 1 if rel in ("later", "after", "from now", "hence") else -1
    steps = int(count) * multiplier * sign
    anchored = rel not in ("ago", "from now", "hence")
    if designator == "Q" or (designator == "Y" and anchored and ctx.last_quarter and ctx.last_values
                             and ctx.last_values[-1].startswith(f"{ctx.last_quarter[0]:04d}-Q")):  # fmt: skip
        base = ctx.last_quarter if anchored and ctx.last_quarter else (ctx.reference.year, cal.quarter_of(ctx.reference))
        by = steps if designator == "Q" else steps * 4
        year, quarter = cal.shift_quarter(*base, by)
        return "DATE", f"{year:04d}-Q{quarter}"
    base_day = ctx.last_day if anchored and ctx.last_day else ctx.reference
    if is_time:
        return "TIME", None if designator != "H" else f"{_iso(base_day)}"
    if designator == "D":
        return "DATE", _iso(base_day + dt.timedelta(days=steps))
    if designator == "W":
        return "DATE", cal.iso_week(base_day + dt.timedelta(weeks=steps))
    if designator == "M":
        year, month = cal.add_months(base_day.year, base_day.month, steps)
        return "DATE", f"{year:04d}-{month:02d}"
    if designator == "Y":
        return "DATE", f"{base_day.year + steps:04d}"
    if designator == "C":
        return "DATE", f"{base_day.year // 100 + steps:02d}"
    return "DATE", None


def _year_back_from_anchor(ctx: Context, sign: int) -> str | None:
    """"a year earlier" / "a year ago" in a report about a quarter or a dated result: the same period a year
    away (financial news compares like with like)."""
    last = ctx.last_values[-1] if ctx.last_values else ""
    day = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", last)
    if day and ctx.last_day and ctx.last_day != ctx.reference:
        try:
            return _iso(ctx.last_day.replace(year=ctx.last_day.year + sign))
        except ValueError:
            return None
    if ctx.last_quarter:
        return f"{ctx.last_quarter[0] + sign:04d}-Q{ctx.last_quarter[1]}"
    return None


def _year_ago_period(m: re.Match[str], ctx: Context) -> Result:
    if ctx.reference is None:
        return "DATE", None
    return "DATE", _year_back_from_anchor(ctx, -1) or f"{ctx.reference.year - 1:04d}"


def _anaphoric(m: re.Match[str], ctx: Context) -> Result:
    """"that day", "the following year", "later that year": relative to the last date the text gave."""
    unit = m["unit"].lower()
    rel = (m["rel"] or "").lower()
    shift = 1 if rel in ("following", "next") else -1 if rel in ("previous", "preceding") else 0
    if ctx.reference is None:
        return "DATE", None
    anchor = ctx.last_day
    year = _last_year(ctx)
    if unit == "day":
        base = anchor or ctx.reference
        return "DATE", _iso(base + dt.timedelta(days=shift))
    if year is None:
        return None
    return "DATE", f"{year + shift:04d}"


def _last_year(ctx: Context) -> int | None:
    for value in reversed(ctx.last_values):
        year = re.match(r"(\d{4})(?!\d)", value)
        if year:
            return int(year.group(1))
    return None


def _unit_adjective(m: re.Match[str], ctx: Context) -> Result:
    return "DURATION", _duration_value(1, m["unit"])


def _vague_period(m: re.Match[str], ctx: Context) -> Result:
    return "DURATION", _duration_value(None, m["unit"])


_SET_WORDS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
    "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "semiannually": "P6M",
}  # fmt: skip


_ADJECTIVE_USE = re.compile(r"\s+(?:[A-Z]|dividends?|reports?|results|earnings|payments?|rates?|sales|meetings?|"
                            r"newspapers?|magazines?|profits?|figures|data|basis)", re.ASCII)  # fmt: skip


def _set_word(m: re.Match[str], ctx: Context) -> Result:
    if _ADJECTIVE_USE.match(ctx.text[m.end() : m.end() + 12]):
        return None  # "the party daily Granma", "its quarterly dividend"
    return "SET", _SET_WORDS[m["w"].lower()]


def _every(m: re.Match[str], ctx: Context) -> Result:
    unit = m["unit"].lower()
    if unit.rstrip("s") in WEEKDAYS:
        if not _capitalised(m["unit"]):
            return None
        day = WEEKDAYS[unit.rstrip("s")]
        part = PARTS_OF_DAY.get((m["part"] or "").lower())
        return "SET", f"XXXX-WXX-{day}" + (f"T{part}" if part else "")
    number = (m["num"] or "").lower()
    count = 2 if number == "other" else (number_value(number) if number else 1)
    return "SET", _duration_value(count, unit)


def _weekday_plural(m: re.Match[str], ctx: Context) -> Result:
    if not _capitalised(m["wd"]):
        return None
    day = WEEKDAYS[m["wd"].lower()]
    part = PARTS_OF_DAY.get((m["part"] or "").lower())
    return "SET", f"XXXX-WXX-{day}" + (f"T{part}" if part else "")


_REF_WORDS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF",
    "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "the present": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "in the past": "PAST_REF", "recent days": "PAST_REF", "recent weeks": "PAST_REF",
    "recent months": "PAST_REF", "recent years": "PAST_REF", "the future": "FUTURE_REF",
    "soon": "FUTURE_REF", "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the long term": "FUTURE_REF", "the coming days": "FUTURE_REF",
    "the coming weeks": "FUTURE_REF", "the coming months": "FUTURE_REF", "the coming years": "FUTURE_REF",
    "coming days": "FUTURE_REF", "coming weeks": "FUTURE_REF", "coming months": "FUTURE_REF",
    "coming years": "FUTURE_REF", "as soon as possible": "FUTURE_REF", "in future": "FUTURE_REF",
    "the days ahead": "FUTURE_REF", "the weeks ahead": "FUTURE_REF", "the months ahead": "FUTURE_REF",
    "the years ahead": "FUTURE_REF",
}  # fmt: skip


def _reference_word(m: re.Match[str], ctx: Context) -> Result:
    phrase = re.sub(r"\s+", " ", m["w"].lower())
    if phrase == "soon" and re.search(r"\bas\s+$", ctx.text[max(0, m.start() - 4) : m.start()], re.IGNORECASE):
        if not re.match(r"\s+as\s+possible", ctx.text[m.end() : m.end() + 14], re.IGNORECASE):
            return None  # "as soon as Tuesday": the date is the expression
    if phrase == "now":
        after = ctx.text[m.end() : m.end() + 6].lower()
        if after.startswith(" that"):
            return None  # "now that" is a conjunction
    return "DATE", _REF_WORDS[phrase]


def _holiday(m: re.Match[str], ctx: Context) -> Result:
    name = re.sub(r"\s+", " ", m["h"].lower())
    if not _capitalised(m["h"]):
        return None
    if m["y"]:
        year = int(m["y"])
    elif ctx.reference is None:
        return "DATE", None
    else:
        year = _holiday_year(name, (m["rel"] or "").lower(), m, ctx)
    day = _holiday_date(name, year)
    return "DATE", _iso(day) if day else None


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

    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
             "halloween": (10, 31), "valentine's day": (2, 14), "new year's": (1, 1)}  # fmt: skip
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


# --- the rule table ------------------------------------------------------------------------------------

_WD = WEEKDAY
_CLOCK = (
    r"(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ap>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)"
    r"(?:\s*\(?(?:[ECMP][SD]T|GMT|UTC|local\s+time)\)?)?"
)
_DAY_AFTER_CLOCK = r"(?:,?\s+(?:on\s+)?(?P<day>" + _WD + r"|today|yesterday|tomorrow))?"
_REL = (
    r"(?P<rel>this\s+past|this\s+coming|this|last|next|the\s+past|the\s+coming|the\s+current|current|"
    r"the\s+previous|the\s+following)"
)
_YEAR_PREFIX = (
    r"(?:(?P<pre>fiscal(?:\s+year)?|calendar(?:\s+year)?|(?:the\s+)?year|"
    r"(?:the\s+)?(?:end|beginning|start|middle|turn|close|course)\s+of|(?:early|late|mid)(?:-|\s+)|"
    r"(?:the\s+)?(?P<half>first|second|last|latter)\s+half\s+of|"
    r"(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)(?:\s+of)?)\s*)?"
)

RULES: tuple[Rule, ...] = (
    Rule("iso", _compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2}))?"), _iso_date),
    Rule("slash", _compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?!/)"), _slash_date),
    Rule(
        "month-day",
        _compile(
            r"(?:(?P<rel>last|next|this)\s+)?(?:(?P<wd>" + _WD + r"),?\s+)?(?P<mon>" + MONTH + r")\s*"
            r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
            r"(?:,?\s*(?P<y>(?:1[6-9]|20)\d\d)(?!\d))?(?:,?\s+at\s+(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*"
            r"(?P<ap>a\.\s?m\.?|p\.\s?m\.?))?"
        ),
        _month_day,
    ),
    Rule(
        "day-month",
        _compile(
            r"(?P<rel>)(?:(?P<wd>" + _WD + r"),?\s+)?(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>" + MONTH
            + r")(?:,?\s*(?P<y>(?:1[6-9]|20)\d\d)(?!\d))?(?P<h>)(?P<mi>)(?P<ap>)"
        ),
        _month_day,
    ),
    Rule(
        "month-year",
        _compile(
            r"(?:(?:early|late|mid|middle)[-\s]+|(?:the\s+)?(?:beginning|end|start|middle)\s+of\s+)?"
            r"(?P<mon>" + MONTH + r"),?\s+(?:of\s+)?(?P<y>(?:1[6-9]|20)\d\d)(?!\d)"
        ),
        _month_year,
    ),
    Rule(
        "month",
        _compile(
            r"(?:" + _REL + r"\s+)?(?:(?P<mod>early|late|mid|middle)(?:-|\s+)"
            r"|(?:the\s+)?(?:beginning|end|start|middle)\s+of\s+)?(?P<mon>" + MONTH
            + r")(?:\s+(?P<yrel>this|last|next)\s+year)?"
        ),
        _month_alone,
    ),
    Rule("year", _compile(_YEAR_PREFIX + r"(?P<y>(?:1[6-9]|20)\d\d)(?![.,]\d|\s*(?:%|percent|-))"), _year_expr),
    Rule(
        "decade",
        _compile(
            r"(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(?:(?P<c>1[6-9]|20)(?P<d>\d)0|'(?P<s>\d)0)'?s"
        ),
        _decade,
    ),
    Rule("century", _compile(r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[-\s]+century"), _century),
    Rule(
        "weekday",
        _compile(
            r"(?:(?P<rel>last|next|this\s+past|this\s+coming|this|the\s+previous|the\s+following|early|late)\s+)?"
            r"(?P<wd>" + _WD + r")(?:\s+(?P<part>morning|afternoon|evening|night))?"
        ),
        _weekday,
    ),
    Rule(
        "day-word",
        _compile(
            r"(?:(?:early|late|earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
            r"(?:yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?|today|tonight|last\s+night|"
            r"this\s+(?:morning|afternoon|evening)|overnight)"
        ),
        _day_word,
    ),
    Rule("clock", _compile(r"(?:(?:around|about|at\s+about|approximately|shortly\s+(?:before|after)|just\s+"
                           r"(?:before|after))\s+)?" + _CLOCK + _DAY_AFTER_CLOCK), _clock_time),  # fmt: skip
    Rule("named-time", _compile(r"(?P<t>noon|midday|midnight)" + _DAY_AFTER_CLOCK), _named_time),
    Rule(
        "relative-period",
        _compile(_REL + r"\s+(?P<unit>week|weekend|month|year|quarter|decade|century|" + SEASON + r")"),
        _relative_period,
    ),
    Rule(
        "within-period",
        _compile(
            r"(?:earlier|later|early|late|(?:the\s+)?(?:end|beginning|start|middle|rest)\s+of)\s+"
            r"(?P<rel>this|last|next|the)\s+(?P<unit>year|month|week)"
        ),
        _within_period,
    ),
    Rule("year-end", _compile(r"(?P<rel>)(?P<unit>year)[-\s]end"), _within_period),
    Rule(
        "season",
        _compile(
            r"(?:(?P<mod>early|late|mid)[-\s]+)?(?:the\s+)?(?P<s>" + SEASON + r")(?:\s+(?:of\s+)?(?P<y>(?:1[6-9]|20)\d\d))?"
        ),
        _season,
    ),
    Rule("weekend", _compile(r"the\s+weekend"), _weekend),
    Rule(
        "quarter",
        _compile(
            r"(?:(?P<yr1>(?:1[6-9]|20)\d\d)(?:'s)?\s+|(?:the\s+)?(?P<ya>(?:comparable\s+)?year[-\s](?:earlier|ago)|"
            r"this\s+year's|last\s+year's|next\s+year's)\s+|the\s+)?(?:(?:fiscal|latest|current|final|flat)\s+)?"
            r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[-\s]+(?:fiscal\s+)?quarter"
            r"(?:\s+of\s+(?:fiscal\s+)?(?P<yr2>(?:1[6-9]|20)\d\d|this\s+year|last\s+year|next\s+year))?"
        ),
        _ordinal_quarter_expr,
    ),
    Rule(
        "the-quarter",
        _compile(
            r"(?:the|that|this)\s+(?P<q>(?:latest|current|most\s+recent|comparable|same|previous|prior|"
            r"(?:comparable\s+)?year[-\s](?:earlier|ago)|recent|past|last|next|coming)\s+)?(?:fiscal\s+)?quarter"
        ),
        _generic_quarter,
    ),
    Rule(
        "half",
        _compile(
            r"(?:the\s+)?(?P<ord>first|second|latter)\s+half(?:\s+of\s+(?:(?P<y>(?:1[6-9]|20)\d\d)|"
            r"(?P<rel>this|last|next)\s+year|the\s+year))"
        ),
        _half,
    ),
    Rule(
        "duration",
        _compile(
            r"(?:(?:about|around|nearly|almost|more\s+than|less\s+than|fewer\s+than|at\s+least|over|some|roughly|"
            r"approximately|up\s+to|only|just|another|an\s+additional|the\s+past|the\s+last|the\s+next|"
            r"the\s+first|the\s+previous|the\s+coming|the\s+following|the\s+final|the\s+remaining|the)\s+)*"
            r"(?P<num>" + NUMBER + r")(?:\s+(?:more|additional|full|straight|consecutive))?(?P<hyphen>[-\s]+)"
            r"(?P<unit>" + UNIT + r")s?(?P<half>\s+and\s+a\s+half)?(?P<adj>-long|-old|\s+old)?"
            r"(?:(?:\s+or\s+so)?\s+(?P<rel>ago|earlier|later|from\s+now|hence|previously))?"
        ),
        _duration,
    ),
    Rule(
        "year-ago-period",
        _compile(r"(?:the\s+)?(?:comparable\s+)?year[-\s](?:earlier|ago)(?:\s+(?:period|quarter))?"),
        _year_ago_period,
    ),
    Rule(
        "anaphoric",
        _compile(r"(?:(?:earlier|later)\s+(?:that|the\s+same)|that|the\s+same|the\s+(?P<rel>following|next|"
                 r"previous|preceding))\s+(?P<unit>day|year)"),  # fmt: skip
        _anaphoric,
    ),
    Rule("unit-long", _compile(r"(?P<unit>hour|day|week|month|year)-long"), _unit_adjective),
    Rule(
        "vague-period",
        _compile(r"(?:for|over|in|within|after|take|took|takes)\s+(?P<core>(?P<unit>years|months|weeks|decades|"
                 r"centuries|days|hours|minutes))"),  # fmt: skip
        _vague_period,
        span_group="core",
    ),
    Rule(
        "set-word",
        _compile(r"(?P<w>daily|nightly|weekly|biweekly|monthly|quarterly|annually|yearly|hourly|semiannually)"),
        _set_word,
    ),
    Rule(
        "every",
        _compile(
            r"(?:every|each|(?:once|twice|\w+\s+times)\s+(?:a|an|per|every|each))\s+(?:(?P<num>other|"
            + NUMBER + r")\s+)?(?P<unit>" + UNIT + r"|" + _WD + r")s?(?:\s+(?P<part>morning|afternoon|evening|night))?"
        ),
        _every,
    ),
    Rule("weekday-plural", _compile(r"(?P<wd>" + _WD + r")s(?:\s+(?P<part>morning|night|evening)s)?"), _weekday_plural),
    Rule(
        "reference-word",
        _compile(r"(?P<w>" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_REF_WORDS, key=len,
                                                                                             reverse=True)) + r")"),
        _reference_word,
    ),
    Rule(
        "holiday",
        _compile(
            r"(?:(?P<rel>last|next|this)\s+)?(?P<h>christmas(?:\s+(?:day|eve))?|new\s+year's(?:\s+(?:day|eve))?|"
            r"independence\s+day|halloween|valentine's\s+day|thanksgiving(?:\s+day)?|easter(?:\s+sunday)?|"
            r"election\s+day|labor\s+day|memorial\s+day)(?:,?\s+(?P<y>(?:1[6-9]|20)\d\d))?"
        ),
        _holiday,
    ),
)
