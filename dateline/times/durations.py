"""Normalisers for stretches and repetitions of time: durations ("two weeks" -> P2W), ago-expressions ("three
days ago"), sets ("every week" -> P1W, "daily"), and reference words ("now" -> PRESENT_REF)."""

from __future__ import annotations

import datetime as dt
import re

from . import arithmetic as cal
from .context import Context
from .dates import Result, capitalised, iso
from .lexicon import PARTS_OF_DAY, WEEKDAYS, duration_value, number_value, unit_of
from .periods import year_back_from_anchor

# --- durations, ago-expressions, sets, reference words -------------------------------------------------




def duration(m: re.Match[str], ctx: Context) -> Result:
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
        return "DURATION", duration_value(count, unit_word)
    if rel:
        return _shifted_date(count, unit_word, rel, m, ctx)
    return "DURATION", duration_value(count, unit_word)


_RATE_BEFORE = re.compile(r"(?:\d|\b\w+s|\btimes|\bonce|\btwice)\s*$", re.IGNORECASE)


def _shifted_date(count: float | None, unit_word: str, rel: str, m: re.Match[str], ctx: Context) -> Result:
    """"three days ago" (from the reference), "a year earlier" (from the last anchor the text mentioned)."""
    designator, multiplier, is_time = unit_of(unit_word)
    if designator == "Y" and count == 1 and ctx.reference is not None:
        anchored = year_back_from_anchor(ctx, 1 if rel in ("later", "from now", "hence") else -1)
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
        return "TIME", None if designator != "H" else f"{iso(base_day)}"
    if designator == "D":
        return "DATE", iso(base_day + dt.timedelta(days=steps))
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



def unit_adjective(m: re.Match[str], ctx: Context) -> Result:
    return "DURATION", duration_value(1, m["unit"])


def vague_period(m: re.Match[str], ctx: Context) -> Result:
    return "DURATION", duration_value(None, m["unit"])


_SET_WORDS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
    "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "semiannually": "P6M",
}  # fmt: skip


_ADJECTIVE_USE = re.compile(r"\s+(?:[A-Z]|dividends?|reports?|results|earnings|payments?|rates?|sales|meetings?|"
                            r"newspapers?|magazines?|profits?|figures|data|basis)", re.ASCII)  # fmt: skip


def set_word(m: re.Match[str], ctx: Context) -> Result:
    if _ADJECTIVE_USE.match(ctx.text[m.end() : m.end() + 12]):
        return None  # "the party daily Granma", "its quarterly dividend"
    return "SET", _SET_WORDS[m["w"].lower()]


def every(m: re.Match[str], ctx: Context) -> Result:
    unit = m["unit"].lower()
    if unit.rstrip("s") in WEEKDAYS:
        if not capitalised(m["unit"]):
            return None
        day = WEEKDAYS[unit.rstrip("s")]
        part = PARTS_OF_DAY.get((m["part"] or "").lower())
        return "SET", f"XXXX-WXX-{day}" + (f"T{part}" if part else "")
    number = (m["num"] or "").lower()
    count = 2 if number == "other" else (number_value(number) if number else 1)
    return "SET", duration_value(count, unit)


def weekday_plural(m: re.Match[str], ctx: Context) -> Result:
    if not capitalised(m["wd"]):
        return None
    day = WEEKDAYS[m["wd"].lower()]
    part = PARTS_OF_DAY.get((m["part"] or "").lower())
    return "SET", f"XXXX-WXX-{day}" + (f"T{part}" if part else "")


REF_WORDS = {
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


def reference_word(m: re.Match[str], ctx: Context) -> Result:
    phrase = re.sub(r"\s+", " ", m["w"].lower())
    if phrase == "soon" and re.search(r"\bas\s+$", ctx.text[max(0, m.start() - 4) : m.start()], re.IGNORECASE):
        if not re.match(r"\s+as\s+possible", ctx.text[m.end() : m.end() + 14], re.IGNORECASE):
            return None  # "as soon as Tuesday": the date is the expression
    if phrase == "now":
        after = ctx.text[m.end() : m.end() + 6].lower()
        if after.startswith(" that"):
            return None  # "now that" is a conjunction
    return "DATE", REF_WORDS[phrase]


