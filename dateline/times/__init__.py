"""Temporal resolution: the article's reference time, TIMEX3 expressions, and the date of each event.

    >>> from dateline.times import reference_time, find_timexes
    >>> ref = reference_time("2020-12-21T04:08:00Z", dateline="Washington DC")
    >>> ref.date.isoformat()
    '2020-12-20'
    >>> [(t.text, t.value) for t in find_timexes("Rockets hit the zone on Sunday.", ref)]
    [('Sunday', '2020-12-20')]
"""

from __future__ import annotations

from .anchor import EventDate, contract_date, event_date
from .reference import Reference, reference_time, zone_for_place
from .tagger import find_timexes, timexes_of_article

__all__ = [
    "EventDate",
    "Reference",
    "contract_date",
    "event_date",
    "find_timexes",
    "reference_time",
    "timexes_of_article",
    "zone_for_place",
]
