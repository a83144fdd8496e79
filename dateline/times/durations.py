"""Normalisers for stretches and repetitions of time: durations ("two weeks" -> P2W), ago-expressions ("three
days ago"), sets ("every week" -> P1W, "daily"), and reference words ("now" -> PRESENT_REF)."""

from __future__ import annotations

import datetime as dt
import re

from . import arithmetic as cal
from .context import Context
from .dates import Result, capitalised, iso
from .lexicon import (
    PARTS_OF_DAY,
    WEEKDAYS,
    cue,
    duration_value,
    number_value,
    reference_words,
    squashed,
    table,
    unit_of,
    words,
)
from .periods import year_back_from_anchor

# --- durations, ago-expressions, sets, reference words -------------------------------------------------


def duration(m: re.Match[str], ctx: Context) -> Result:
    count = number_value(m["num"])
    unit_word = m["unit"]
    number = re.sub(r"\s+", " ", m["num"].lower().strip())
    article = number in words("article")
    if article and unit_word.lower() in words("unit_words_not_after_article"):
        return None  # "a second attack", "a quarter of the vote"
    if m["adj"] and "old" in m["adj"].lower():
        return None  # ages ("a 44-year-old protester") are not temporal expressions in TimeML
    if article and not m["rel"] and cue("rate_before").search(ctx.text[max(0, m.start() - 20) : m.start()]):
        return None  # "four flights a week", "$1.76 a year": a rate, not a stretch of time
    if unit_word.lower() == "quarter" and cue("fraction_of").match(ctx.text[m.end("unit") : m.end("unit") + 5]):
        return None  # "three-quarters of its food"
    if m["half"] and count is not None:
        count += 0.5
    rel = (m["rel"] or "").lower()
    designator, _, is_time = unit_of(unit_word)
    if rel in words("stretch_relations") and (is_time or designator == "D"):
        # "a day earlier", "a minute and a half later": TimeML marks the stretch, not an anchored date
        return "DURATION", duration_value(count, unit_word)
    if rel:
        return _shifted_date(count, unit_word, rel, m, ctx)
    return "DURATION", duration_value(count, unit_word)


def _shifted_date(count: float | None, unit_word: str, rel: str, m: re.Match[str], ctx: Context) -> Result:
    """"three days ago" (from the reference), "a year earlier" (from the last anchor the text mentioned)."""
    designator, multiplier, is_time = unit_of(unit_word)
    if designator == "Y" and count == 1 and ctx.reference is not None:
        anchored = year_back_from_anchor(ctx, 1 if rel in words("anchored_forward_relations") else -1)
        if anchored:
            return "DATE", anchored
    if count is None or count != int(count):
        return "DATE", ("PAST_REF" if rel in words("backward_relations") else "FUTURE_REF")
    if ctx.reference is None:
        return "DATE", None
    sign = 1 if rel in words("forward_relations") else -1
    steps = int(count) * multiplier * sign
    from_anchor = rel not in words("reference_relations")
    if designator == "Q" or (designator == "Y" and from_anchor and ctx.last_quarter and ctx.last_values
                             and ctx.last_values[-1].startswith(f"{ctx.last_quarter[0]:04d}-Q")):  # fmt: skip
        current = (ctx.reference.year, cal.quarter_of(ctx.reference))
        base = ctx.last_quarter if from_anchor and ctx.last_quarter else current
        by = steps if designator == "Q" else steps * 4
        year, quarter = cal.shift_quarter(*base, by)
        return "DATE", f"{year:04d}-Q{quarter}"
    base_day = ctx.last_day if from_anchor and ctx.last_day else ctx.reference
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


def set_word(m: re.Match[str], ctx: Context) -> Result:
    if cue("adjective_use").match(ctx.text[m.end() : m.end() + 12]):
        return None  # "the party daily Granma", "its quarterly dividend"
    return "SET", table("frequency")[m["w"].lower()]


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


def reference_word(m: re.Match[str], ctx: Context) -> Result:
    phrase = squashed(m["w"])
    as_before = cue("as_before").search(ctx.text[max(0, m.start() - 4) : m.start()])
    if phrase == "soon" and as_before and not cue("as_possible").match(ctx.text[m.end() : m.end() + 14]):
        return None  # "as soon as Tuesday": the date is the expression
    if phrase == "now":
        after = ctx.text[m.end() : m.end() + 6].lower()
        if after.startswith(" that"):
            return None  # "now that" is a conjunction
    return "DATE", reference_words()[phrase]


