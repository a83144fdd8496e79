from __future__ import annotations
from dataclasses import dataclass
@dataclass(frozen=True, slots=True, kw_only=True)
class EventDate:
    date: str | None
    precision: str | None
    reason: str
    timex: object | None = None
def event_date(doc, trigger, timexes, reference):
    raise NotImplementedError
