"""The temporal rules: one regular expression per family of expressions, each with a normaliser.

A normaliser turns a match into ``(TIMEX3 type, value)`` or rejects it (returns None). Values follow
TimeML / TempEval-3: ``1998-01-08``, ``1998-01``, ``1998``, ``1998-W02``, ``1998-Q3``, ``1998-SU``,
``199`` (a decade), ``P2W``, ``PT48H``, ``PXY``, ``PRESENT_REF``, ``1998-01-08T16:00``, ``XXXX-WXX-2``.
Relative expressions get ``None`` when there is no reference date; explicit ones resolve regardless.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .context import Context
from .dates import (
    Result,
    century,
    clock_time,
    day_word,
    decade,
    holiday,
    iso_date,
    month_alone,
    month_day,
    month_year,
    named_time,
    slash_date,
    weekday,
    year_expr,
)
from .durations import (
    duration,
    every,
    reference_word,
    set_word,
    unit_adjective,
    vague_period,
    weekday_plural,
)
from .lexicon import expand, gate_patterns, rule_specs
from .periods import (
    anaphoric,
    generic_quarter,
    half,
    ordinal_quarter_expr,
    relative_period,
    season,
    the_year,
    weekend,
    within_period,
    year_ago_period,
)

__all__ = ["RULES", "Rule"]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    normalise: Callable[[re.Match[str], Context], Result]
    span_group: str | None = None  # when only part of the match is the expression ("for *years*")
    # A cheap pattern every match contains (a month name, a unit word): the rule runs only near its hits,
    # which keeps the scan fast on long texts. None: the rule runs over the whole text.
    gate: re.Pattern[str] | None = None


def _compile(body: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])" + body + r"(?![\w])", re.IGNORECASE)


# --- the rule table (patterns in lang/en/time_rules.toml) -----------------------------------------------

# The normalisers a rule file may name.
_NORMALISERS: dict[str, Callable[[re.Match[str], Context], Result]] = {
    function.__name__: function
    for function in (
        iso_date, slash_date, month_day, month_year, month_alone, year_expr, decade, century, weekday,
        day_word, clock_time, named_time, anaphoric, relative_period, within_period, season, weekend,
        ordinal_quarter_expr, generic_quarter, half, duration, year_ago_period, the_year, unit_adjective,
        vague_period, set_word, every, weekday_plural, reference_word, holiday,
    )
}  # fmt: skip


def _gate(words: str) -> re.Pattern[str]:
    return re.compile(words, re.IGNORECASE)


def _rules() -> tuple[Rule, ...]:
    gates = {name: _gate(pattern) for name, pattern in gate_patterns().items()}
    return tuple(
        Rule(
            spec["name"],
            _compile(expand(spec["pattern"])),
            _NORMALISERS[spec["normaliser"]],
            span_group=spec.get("span"),
            gate=gates[spec["gate"]] if "gate" in spec else None,
        )
        for spec in rule_specs()
    )


RULES: tuple[Rule, ...] = _rules()
