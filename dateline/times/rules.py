"""The temporal rules: one regular expression per family of expressions, each with a normaliser.

A normaliser turns a match into ``(TIMEX3 type, value)`` or rejects it (returns None). Values follow
TimeML / TempEval-3: ``1998-01-08``, ``1998-01``, ``1998``, ``1998-W02``, ``1998-Q3``, ``1998-SU``,
``199`` (a decade), ``P2W``, ``PT48H``, ``PXY``, ``PRESENT_REF``, ``1998-01-08T16:00``, ``XXXX-WXX-2``.
Relative expressions get ``None`` when there is no reference date; explicit ones resolve regardless.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

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
    REF_WORDS,
    set_word,
    unit_adjective,
    vague_period,
    weekday_plural,
)
from .lexicon import MONTH, NUMBER, SEASON, UNIT, WEEKDAY
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


# --- the rule table ------------------------------------------------------------------------------------

_WD = WEEKDAY
_CLOCK = (
    r"(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ap>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)"
    r"(?:\s*\(?(?:[ECMP][SD]T|GMT|UTC|local\s+time)\)?)?"
)
_DAY_AFTER_CLOCK = (
    r"(?:,?\s+(?:on\s+)?(?:(?P<day>" + _WD + r"|today|yesterday|tomorrow)"
    r"|(?P<mon>" + MONTH + r")\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?(?!\d)))?"
)
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
    Rule("iso", _compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2}))?"), iso_date),
    Rule("slash", _compile(r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
                           r"(?![/.-]?\d)"), slash_date),
    Rule(
        "month-day",
        _compile(
            r"(?:(?P<rel>last|next|this)\s+)?(?:(?P<wd>" + _WD + r"),?\s+)?(?P<mon>" + MONTH + r")\s*"
            r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
            r"(?:,?\s*(?P<y>(?:1[6-9]|20)\d\d)(?!\d))?(?:,?\s+at\s+(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*"
            r"(?P<ap>a\.\s?m\.?|p\.\s?m\.?))?"
        ),
        month_day,
    ),
    Rule(
        "day-month",
        _compile(
            r"(?P<rel>)(?:(?P<wd>" + _WD + r"),?\s+)?(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>" + MONTH
            + r")(?:,?\s*(?P<y>(?:1[6-9]|20)\d\d)(?!\d))?(?P<h>)(?P<mi>)(?P<ap>)"
        ),
        month_day,
    ),
    Rule(
        "month-year",
        _compile(
            r"(?:(?:early|late|mid|middle)[-\s]+|(?:the\s+)?(?:beginning|end|start|middle)\s+of\s+)?"
            r"(?P<mon>" + MONTH + r"),?\s+(?:of\s+)?(?P<y>(?:1[6-9]|20)\d\d)(?!\d)"
        ),
        month_year,
    ),
    Rule(
        "month",
        _compile(
            r"(?:" + _REL + r"\s+)?(?:(?P<mod>early|late|mid|middle)(?:-|\s+)"
            r"|(?:the\s+)?(?:beginning|end|start|middle)\s+of\s+)?(?P<mon>" + MONTH
            + r")(?:\s+(?P<yrel>this|last|next)\s+year)?"
        ),
        month_alone,
    ),
    Rule("year", _compile(_YEAR_PREFIX + r"(?P<y>(?:1[6-9]|20)\d\d)(?![.,]\d|\s*(?:%|percent|-))"), year_expr),
    Rule(
        "decade",
        _compile(
            r"(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(?:(?P<c>1[6-9]|20)(?P<d>\d)0|'(?P<s>\d)0)'?s"
        ),
        decade,
    ),
    Rule("century", _compile(r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[-\s]+century"), century),
    Rule(
        "weekday",
        _compile(
            r"(?:(?P<rel>last|next|this\s+past|this\s+coming|this|the\s+previous|the\s+following|early|late)\s+)?"
            r"(?P<wd>" + _WD + r")(?:\s+(?P<part>morning|afternoon|evening|night))?"
        ),
        weekday,
    ),
    Rule(
        "day-word",
        _compile(
            r"(?:(?:early|late|earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
            r"(?:yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?|today|tonight|last\s+night|"
            r"this\s+(?:morning|afternoon|evening)|overnight)"
        ),
        day_word,
    ),
    Rule("clock", _compile(r"(?:(?:around|about|at\s+about|approximately|shortly\s+(?:before|after)|just\s+"
                           r"(?:before|after))\s+)?" + _CLOCK + _DAY_AFTER_CLOCK), clock_time),  # fmt: skip
    Rule("named-time", _compile(r"(?P<t>noon|midday|midnight)" + _DAY_AFTER_CLOCK), named_time),
    Rule(
        "anaphoric",
        _compile(r"(?:(?:earlier|later)\s+(?:that|the\s+same)|that|the\s+same|the\s+(?P<rel>following|next|"
                 r"previous|preceding))\s+(?P<unit>day|year)"),  # fmt: skip
        anaphoric,
    ),
    Rule(
        "relative-period",
        _compile(_REL + r"\s+(?P<unit>week|weekend|month|year|quarter|decade|century|" + SEASON + r")"),
        relative_period,
    ),
    Rule(
        "within-period",
        _compile(
            r"(?:earlier|later|early|late|(?:the\s+)?(?:end|beginning|start|middle|rest)\s+of)\s+"
            r"(?P<rel>this|last|next|the)\s+(?P<unit>year|month|week)"
        ),
        within_period,
    ),
    Rule("year-end", _compile(r"(?P<rel>)(?P<unit>year)[-\s]end"), within_period),
    Rule(
        "season",
        _compile(
            r"(?:(?P<mod>early|late|mid)[-\s]+)?(?:the\s+)?(?P<s>" + SEASON + r")(?:\s+(?:of\s+)?(?P<y>(?:1[6-9]|20)\d\d))?"
        ),
        season,
    ),
    Rule("weekend", _compile(r"the\s+weekend"), weekend),
    Rule(
        "quarter",
        _compile(
            r"(?:(?P<yr1>(?:1[6-9]|20)\d\d)(?:'s)?\s+|(?:the\s+)?(?P<ya>(?:comparable\s+)?year[-\s](?:earlier|ago)|"
            r"this\s+year's|last\s+year's|next\s+year's)\s+|the\s+)?(?:(?:fiscal|latest|current|final|flat)\s+)?"
            r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[-\s]+(?:fiscal\s+)?quarter"
            r"(?:\s+of\s+(?:fiscal\s+)?(?P<yr2>(?:1[6-9]|20)\d\d|this\s+year|last\s+year|next\s+year))?"
        ),
        ordinal_quarter_expr,
    ),
    Rule(
        "the-quarter",
        _compile(
            r"(?:the|that|this)\s+(?P<q>(?:latest|current|most\s+recent|comparable|same|previous|prior|"
            r"(?:comparable\s+)?year[-\s](?:earlier|ago)|recent|past|last|next|coming)\s+)?(?:fiscal\s+)?quarter"
        ),
        generic_quarter,
    ),
    Rule(
        "half",
        _compile(
            r"(?:the\s+)?(?P<ord>first|second|latter)\s+half(?:\s+of\s+(?:(?P<y>(?:1[6-9]|20)\d\d)|"
            r"(?P<rel>this|last|next)\s+year|the\s+year))"
        ),
        half,
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
        duration,
    ),
    Rule(
        "year-ago-period",
        _compile(r"(?:the\s+)?(?:comparable\s+)?year[-\s](?:earlier|ago)(?:\s+(?:period|quarter))?"),
        year_ago_period,
    ),
    Rule("the-year", _compile(r"the\s+(?:current\s+|fiscal\s+|calendar\s+)*year(?!['’]s|\s+(?:before|after|earlier|ago))"),
         the_year),
    Rule("unit-long", _compile(r"(?P<unit>hour|day|week|month|year)-long"), unit_adjective),
    Rule(
        "vague-period",
        _compile(r"(?:for|over|in|within|after|take|took|takes)\s+(?P<core>(?P<unit>years|months|weeks|decades|"
                 r"centuries|days|hours|minutes))"),  # fmt: skip
        vague_period,
        span_group="core",
    ),
    Rule(
        "set-word",
        _compile(r"(?P<w>daily|nightly|weekly|biweekly|monthly|quarterly|annually|yearly|hourly|semiannually)"),
        set_word,
    ),
    Rule(
        "every",
        _compile(
            r"(?:every|each|(?:once|twice|\w+\s+times)\s+(?:a|an|per|every|each))\s+(?:(?P<num>other|"
            + NUMBER + r")\s+)?(?P<unit>" + UNIT + r"|" + _WD + r")s?(?:\s+(?P<part>morning|afternoon|evening|night))?"
        ),
        every,
    ),
    Rule("weekday-plural", _compile(r"(?P<wd>" + _WD + r")s(?:\s+(?P<part>morning|night|evening)s)?"), weekday_plural),
    Rule(
        "reference-word",
        _compile(r"(?P<w>" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(REF_WORDS, key=len,
                                                                                             reverse=True)) + r")"),
        reference_word,
    ),
    Rule(
        "holiday",
        _compile(
            r"(?:(?P<rel>last|next|this)\s+)?(?P<h>christmas(?:\s+(?:day|eve))?|new\s+year's(?:\s+(?:day|eve))?|"
            r"independence\s+day|halloween|valentine's\s+day|thanksgiving(?:\s+day)?|easter(?:\s+sunday)?|"
            r"election\s+day|labor\s+day|memorial\s+day)(?:,?\s+(?P<y>(?:1[6-9]|20)\d\d))?"
        ),
        holiday,
    ),
)


def _gate(words: str) -> re.Pattern[str]:
    return re.compile(words, re.IGNORECASE)


_MONTH_GATE = _gate(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_WEEKDAY_GATE = _gate(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day")
_PERIOD_GATE = _gate(r"week|month|year|quarter|decade|centur|spring|summer|fall|autumn|winter|half|day")
_UNIT_GATE = _gate(r"second|minute|hour|day|night|week|month|quarter|year|decade|centur|millenni")
_GATES = {
    "month-day": _MONTH_GATE, "day-month": _MONTH_GATE, "month-year": _MONTH_GATE, "month": _MONTH_GATE,
    "year": _gate(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)"), "decade": _gate(r"\d0'?s\b"), "century": _gate("centur"),
    "weekday": _WEEKDAY_GATE, "weekday-plural": _WEEKDAY_GATE,
    "day-word": _gate(r"today|yesterday|tomorrow|tonight|night|morning|afternoon|evening|overnight"),
    "clock": _gate(r"\d\s*(?:[ap]\.\s?m|am\b|pm\b)"), "named-time": _gate(r"noon|midday|midnight"),
    "relative-period": _PERIOD_GATE, "within-period": _PERIOD_GATE, "year-end": _PERIOD_GATE,
    "the-quarter": _PERIOD_GATE, "quarter": _PERIOD_GATE, "half": _PERIOD_GATE, "the-year": _PERIOD_GATE, "weekend": _PERIOD_GATE,
    "year-ago-period": _PERIOD_GATE, "anaphoric": _PERIOD_GATE, "season": _gate(r"spring|summer|fall|autumn|winter"),
    "duration": _UNIT_GATE, "unit-long": _UNIT_GATE, "vague-period": _UNIT_GATE, "every": _UNIT_GATE,
    "set-word": _gate(r"daily|nightly|weekly|monthly|quarterly|annually|yearly|hourly"),
    "reference-word": _gate(r"now|current|present|recent|late|past|future|soon|moment|these|term|ahead|coming"),
    "holiday": _gate(r"christmas|year's|independence|halloween|valentine|thanksgiving|easter|election|labor|memorial"),
}  # fmt: skip
RULES = tuple(replace(rule, gate=_GATES.get(rule.name)) for rule in RULES)
