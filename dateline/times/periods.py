"""Normalisers for periods: this/last/next week, month, year, quarter and season; halves; "earlier this
year"; "the quarter"; "a year earlier"; "that day" and "the following year" (anchored on the text's last date)."""

from __future__ import annotations

import datetime as dt
import re

from . import arithmetic as cal
from .context import Context
from .dates import Result, iso, ordinal_quarter
from .lexicon import SEASONS, cue, duration_value, squashed, table, verb_seasons, words

# --- relative periods: this/last/next week, month, year, quarter, season ----------------------------------


def relative_period(m: re.Match[str], ctx: Context) -> Result:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    offset = table("relative_offset")[rel]
    if rel in words("stretch_period_relations") and unit in words("stretch_period_units"):
        return "DURATION", duration_value(1, unit)  # "the past year" is a stretch of time, not a calendar year
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
        # "this summer" is the current year's; "this winter" in January is the one that began in December
        year = ctx.reference.year - (1 if season == "WI" and ctx.reference.month <= 2 else 0)
        return "DATE", f"{year:04d}-{season}"
    if offset is not None:
        direction = "before" if offset < 0 else "after"
        return "DATE", f"{cal.season_instance(ctx.reference, season, direction):04d}-{season}"
    direction = ctx.direction(m.start(), m.end())
    return "DATE", f"{cal.season_instance(ctx.reference, season, direction):04d}-{season}"


def season(m: re.Match[str], ctx: Context) -> Result:
    season = SEASONS[m["s"].lower()]
    if m["y"]:
        return "DATE", f"{int(m['y']):04d}-{season}"
    before = ctx.text[max(0, m.start() - 10) : m.start()].lower()
    has_cue = m["mod"] or cue("season_preposition").search(before)
    if not has_cue and season in verb_seasons():
        return None  # "spring" and "fall" are verbs too often
    return _season_value(season, None, m, ctx)


def weekend(m: re.Match[str], ctx: Context) -> Result:
    if ctx.reference is None:
        return "DATE", None
    ref = ctx.reference
    if ctx.direction(m.start(), m.end()) == "future" or ref.isoweekday() >= 6:
        return "DATE", cal.weekend_of(ref)
    return "DATE", cal.weekend_of(ref - dt.timedelta(weeks=1))


def ordinal_quarter_expr(m: re.Match[str], ctx: Context) -> Result:
    quarter = ordinal_quarter(m["ord"])
    year_text = (m["yr1"] or m["yr2"] or "").lower()
    year_ago = (m["ya"] or "").lower()
    shift = -1 if any(word in year_ago for word in words("year_ago_words")) else 0
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


def generic_quarter(m: re.Match[str], ctx: Context) -> Result:
    if ctx.text[m.end() : m.end() + 1] == "-":
        return None  # "the quarter-to-quarter comparison"
    mod = re.sub(r"\s+", " ", (m["q"] or "").lower()).strip()
    if ctx.reference is None:
        return "DATE", None
    ref = ctx.reference
    anchor = ctx.last_quarter or cal.shift_quarter(ref.year, cal.quarter_of(ref), -1)
    if mod in words("current_quarter_words"):
        year, quarter = ref.year, cal.quarter_of(ref)
    elif mod in words("next_quarter_words"):
        year, quarter = cal.shift_quarter(ref.year, cal.quarter_of(ref), 1)
    elif mod in words("previous_quarter_words") and not ctx.last_quarter:
        year, quarter = cal.shift_quarter(ref.year, cal.quarter_of(ref), -1)
    elif mod in words("previous_quarter_words"):
        year, quarter = cal.shift_quarter(*anchor, -1)
    elif "year" in mod:
        year, quarter = anchor[0] - 1, anchor[1]
    else:
        year, quarter = anchor
    return "DATE", f"{year:04d}-Q{quarter}"


def half(m: re.Match[str], ctx: Context) -> Result:
    half = table("half")[m["ord"].lower()]
    if m["y"]:
        return "DATE", f"{int(m['y']):04d}-{half}"
    if ctx.reference is None:
        return "DATE", None
    offset = table("half_offset").get((m["rel"] or "").lower(), 0)
    return "DATE", f"{ctx.reference.year + offset:04d}-{half}"


def within_period(m: re.Match[str], ctx: Context) -> Result:
    """"earlier this year", "later this month", "early next week", "the end of the year"."""
    unit = m["unit"].lower()
    rel = squashed(m["rel"] or "this")
    if ctx.reference is None:
        return "DATE", None
    ref = ctx.reference
    offset = table("relative_offset").get(rel, 0)
    if unit == "year":
        return "DATE", f"{ref.year + offset:04d}"
    if unit == "month":
        year, month = cal.add_months(ref.year, ref.month, offset)
        return "DATE", f"{year:04d}-{month:02d}"
    return "DATE", cal.iso_week(ref + dt.timedelta(weeks=offset))


def year_back_from_anchor(ctx: Context, sign: int) -> str | None:
    """"a year earlier" / "a year ago" in a report about a quarter or a dated result: the same period a year
    away (financial news compares like with like)."""
    last = ctx.last_values[-1] if ctx.last_values else ""
    day = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", last)
    if day and ctx.last_day and ctx.last_day != ctx.reference:
        try:
            return iso(ctx.last_day.replace(year=ctx.last_day.year + sign))
        except ValueError:
            return None
    if ctx.last_quarter:
        return f"{ctx.last_quarter[0] + sign:04d}-Q{ctx.last_quarter[1]}"
    return None


def year_ago_period(m: re.Match[str], ctx: Context) -> Result:
    if ctx.reference is None:
        return "DATE", None
    return "DATE", year_back_from_anchor(ctx, -1) or f"{ctx.reference.year - 1:04d}"


def anaphoric(m: re.Match[str], ctx: Context) -> Result:
    """"that day", "the following year", "later that year": relative to the last date the text gave."""
    unit = m["unit"].lower()
    rel = (m["rel"] or "").lower()
    shift = 1 if rel in words("following_words") else -1 if rel in words("preceding_words") else 0
    if ctx.reference is None:
        return "DATE", None
    anchor = ctx.last_day
    year = _last_year(ctx)
    if unit == "day":
        base = anchor or ctx.reference
        return "DATE", iso(base + dt.timedelta(days=shift))
    if year is None:
        year = ctx.reference.year  # nothing dated before it: the story's own year
    return "DATE", f"{year + shift:04d}"


def _last_year(ctx: Context) -> int | None:
    for value in reversed(ctx.last_values):
        year = re.match(r"(\d{4})(?!\d)", value)
        if year:
            return int(year.group(1))
    return None


def the_year(m: re.Match[str], ctx: Context) -> Result:
    """"for the year ended July 2" is a year-long stretch; "the fiscal year", "a high for the year" the
    story's year."""
    if cue("year_ended").match(ctx.text[m.end() : m.end() + 8]):
        return "DURATION", "P1Y"
    if ctx.reference is None:
        return "DATE", None
    return "DATE", f"{ctx.reference.year:04d}"
