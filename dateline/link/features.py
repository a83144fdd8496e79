"""What linking compares: ``Features`` of a mention or of a linked event, and the terms they hold.

Keywords, participant names, folded trigger words and the article context (``context_terms``) are
computed here, from texts and from the rows the store keeps (``features_of_mention_row``,
``features_of_event_row``); scoring them is ``dateline.link.score``.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as _date
from typing import Any

from ..models import Document, Entity
from ..settings import LinkingSettings, current
from .vocabulary import calendar_words, casualty_words, trigger_suffixes, uninformative_words, weekday_pattern

__all__ = [
    "LEAD",
    "WEEKDAY",
    "Features",
    "article_context",
    "context_terms",
    "codes_of",
    "countries_of",
    "date_basis",
    "day_of",
    "entities_of",
    "event_context",
    "features_of_event_row",
    "features_of_mention_row",
    "keywords",
    "merge",
    "mention_triggers",
    "mention_words",
    "mid_year",
    "name_tokens",
    "trigger_terms",
]

_STOPWORDS = uninformative_words()
_CASUALTY_WORDS = casualty_words()
_CALENDAR = calendar_words()
_TRIGGER_SUFFIXES = trigger_suffixes()
_WEEKDAY = weekday_pattern()
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_NAME = re.compile(r"\b[A-Z][^\W\d_]{2,}\b")
_CAPITALISED = re.compile(r"[A-Z][^\W\d_]{2,}")
_LOWER_WORD = re.compile(r"\b[a-z][^\W\d_A-Z]{2,}\b")
_SENTENCE_BREAK = re.compile(r"[a-z\d][.!?][\"'\u201d\u2019)]*\s+\S")
_CLOSING_STOP = re.compile(r"[a-z\d][.][\"'\u201d\u2019)]*\s*$")
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
# the first word of a sentence (or line) is capitalised whatever it is: not a name
_SENTENCE_INITIAL = re.compile(r"(?:^|[.!?][\"'\u201d\u2019)]*\s+|\n)\s*[\"'\u201c\u2018(]*([A-Z])")
# Context markers (never names or figures): the article's most repeated name(s), and the weekdays it names
LEAD = "^"
WEEKDAY = "@"


def _params(params: LinkingSettings | None) -> LinkingSettings:
    return params if params is not None else current().linking


@dataclass(frozen=True, slots=True, kw_only=True)
class Features:
    """What linking compares: a mention, or the summary of a linked event (same shape)."""

    event_type: str
    cameo: str = ""
    day: int | None = None
    date_precision: str | None = None
    date_explicit: bool = False
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    actor_codes: frozenset[str] = frozenset()
    actor_countries: frozenset[str] = frozenset()
    recipient_codes: frozenset[str] = frozenset()
    recipient_countries: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    dead: int | None = None
    articles: frozenset[str] = field(default_factory=frozenset)
    admin1: str | None = None
    resolution: str | None = None
    triggers: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()


def day_of(value: str | None) -> int | None:
    """Proleptic ordinal of a "YYYY-MM-DD" / "YYYY-MM" / "YYYY" date (mid-month, mid-year when partial)."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value[:10].split("-")]
        if len(parts) == 3:
            return _date(parts[0], parts[1], parts[2]).toordinal()
        if len(parts) == 2:
            return _date(parts[0], parts[1], 15).toordinal()
        return _date(parts[0], 7, 1).toordinal()
    except (ValueError, TypeError):
        return None


def keywords(*texts: str | None, params: LinkingSettings | None = None) -> frozenset[str]:
    """Content words of the texts, lower-cased, crude plural folding (bombs ~ bomb); at most
    ``linking.max_keywords`` (the alphabetically first)."""
    most = _params(params).max_keywords
    found: set[str] = set()
    for text in texts:
        for word in _WORD.findall((text or "").lower()):
            if word in _STOPWORDS:
                continue
            found.add(word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word)
    return frozenset(sorted(found)[:most]) if len(found) > most else frozenset(found)


def name_tokens(*texts: str | None) -> frozenset[str]:
    """Capitalised words of participant names ("Brian Nichols" -> brian, nichols); codes are skipped."""
    found = {w.lower() for text in texts for w in _NAME.findall(text or "") if not w.isupper()}
    return frozenset(found - _STOPWORDS)


def trigger_terms(*texts: str | None) -> frozenset[str]:
    """Folded trigger words: "fired", "firing", "fires" -> "fir"; stopwords and short words dropped."""
    found = set()
    for text in texts:
        for word in _WORD.findall((text or "").lower()):
            if word in _STOPWORDS and word not in _CASUALTY_WORDS:
                continue
            for suffix in _TRIGGER_SUFFIXES:
                if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                    word = word[: -len(suffix)]
                    break
            found.add(word)
    return frozenset(found)


def context_terms(text: str | None, *names: str | None, params: LinkingSettings | None = None) -> frozenset[str]:
    """The article-level context of its events: capitalised words that are not sentence-initial, figures
    of two or more characters ("#6.1", "#33"), and the extra ``names`` given (toponyms, participants).

    A capitalised word counts as a name only where the text never writes it in lower case, and a word of
    a title-case line (a headline: "Fatal Shooting During Vigil") only where the prose capitalises it
    too. At most ``linking.max_context`` terms, the most frequent first, so one long article does not match
    everything.
    """
    params = _params(params)
    text = text or ""
    common = set(_LOWER_WORD.findall(text))
    counts: dict[str, int] = defaultdict(int)
    headline_words: set[str] = set()
    initial_words: list[str] = []
    for line in text.split("\n"):
        found = _line_names(line, common, initial_words)
        if _is_title_case(line):
            headline_words.update(found)
        else:
            for word in found:
                counts[word] += 1
    for word in headline_words & set(counts):
        counts[word] += 1
    for word in initial_words:
        if word in counts:
            counts[word] += 1  # "Williams was pulled over": a name the text gives elsewhere, here first
    for match in _NUMBER.finditer(text):
        if len(match.group()) >= 2:
            counts["#" + match.group()] += 1
    leads = _leads(counts, params.lead_min_count)
    for term in name_tokens(*names) - common - (headline_words - set(counts)):
        counts[term] += 1
    ranked = sorted(counts, key=lambda term: (-counts[term], term))
    markers = {LEAD + term for term in leads} | {WEEKDAY + day.lower() for day in _WEEKDAY.findall(text)}
    return frozenset(ranked[: params.max_context - len(markers)]) | markers


def _leads(counts: Mapping[str, int], min_count: int) -> list[str]:
    """The article's protagonists: the name(s) it repeats most, when it repeats one at all."""
    names = {term: n for term, n in counts.items() if not term.startswith("#")}
    top = max(names.values(), default=0)
    return [term for term, n in names.items() if n == top] if top >= min_count else []


def _line_names(line: str, common: set[str], initial_words: list[str] | None = None) -> list[str]:
    """Lower-cased capitalised words of one line that may be names (not sentence-initial, not common);
    the sentence-initial ones are added to ``initial_words`` (names only where the text confirms them)."""
    initial = {m.start(1) for m in _SENTENCE_INITIAL.finditer(line)}
    found = []
    for match in _CAPITALISED.finditer(line):
        word = match.group()
        lowered = word.lower()
        if word.isupper() or lowered in common:
            continue
        if match.start() in initial:
            if initial_words is not None and lowered not in _STOPWORDS:
                initial_words.append(lowered)
            continue
        if lowered not in _STOPWORDS and lowered not in _CALENDAR:
            found.append(lowered)
    return found


def _is_title_case(line: str) -> bool:
    """A headline: one sentence without a closing full stop, most of its words capitalised."""
    if _SENTENCE_BREAK.search(line.strip()) or _CLOSING_STOP.search(line):
        return False  # prose: several sentences, or one that ends like prose, whatever its share of names
    words = _WORD.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)




def mid_year(day: int) -> int:
    """The blocking day of a year-precision date in the year of ``day`` (``day_of("YYYY")``: 1 July)."""
    return _date.fromordinal(day).replace(month=7, day=1).toordinal()


def merge(event: Features, mention: Features, params: LinkingSettings | None = None) -> Features:
    """The summary of an event after ``mention`` joined it (first mention's values win)."""
    cap = 2 * _params(params).max_keywords
    return Features(
        event_type=event.event_type,
        cameo=event.cameo or mention.cameo,
        day=event.day if event.day is not None else mention.day,
        date_precision=event.date_precision or mention.date_precision,
        date_explicit=event.date_explicit or mention.date_explicit,
        lat=event.lat if event.lat is not None else mention.lat,
        lon=event.lon if event.lon is not None else mention.lon,
        country=event.country or mention.country,
        actor_codes=event.actor_codes | mention.actor_codes,
        actor_countries=event.actor_countries | mention.actor_countries,
        recipient_codes=event.recipient_codes | mention.recipient_codes,
        recipient_countries=event.recipient_countries | mention.recipient_countries,
        words=_capped(event.words | mention.words, cap),
        names=_capped(event.names | mention.names, cap),
        dead=min((d for d in (event.dead, mention.dead) if d), default=event.dead or mention.dead),
        articles=event.articles | mention.articles,
        admin1=event.admin1 if event.lat is not None else mention.admin1,
        resolution=event.resolution if event.lat is not None else mention.resolution,
        triggers=_capped(event.triggers | mention.triggers, cap),
        context=_capped(event.context | mention.context, cap),
    )


def _capped(words: frozenset[str], cap: int) -> frozenset[str]:
    return words if len(words) <= cap else frozenset(sorted(words)[:cap])


# -- features of the rows the store keeps ---------------------------------------------------------


def article_context(doc: Document, params: LinkingSettings | None = None) -> frozenset[str]:
    """The linking context of a document's events: names and figures of its text, its toponyms and
    the participants of its events (see ``context_terms``)."""
    article = doc.article
    body = article.text[article.body.start : article.body.end] if article.body else article.text
    names = [t.text for t in doc.toponyms] + [
        e.name or e.text for event in doc.events for e in (*event.actor, *event.recipient)
    ]
    return context_terms(body, *names, params=params)


def event_context(contexts: Sequence[Sequence[str]], params: LinkingSettings | None = None) -> list[str]:
    """A linked event's context from its mentions' (sorted): the terms most of its articles share first,
    at most ``linking.max_context`` (a union would grow to match anything)."""
    counts: Counter[str] = Counter()
    for context in contexts:
        counts.update(context)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[: _params(params).max_context]
    return sorted(term for term, _ in ranked)


def entities_of(dicts: list[dict[str, Any]] | None) -> list[Entity]:
    """The ``Entity`` records of an event record's ``actor`` or ``recipient`` list (spans dropped)."""
    return [Entity(**{k: v for k, v in d.items() if k != "span"}) for d in dicts or []]


def codes_of(entities: Sequence[Entity]) -> list[str]:
    return sorted({e.code for e in entities if e.code})


def countries_of(entities: Sequence[Entity]) -> list[str]:
    """Countries of the entities and of their backers."""
    return sorted({c for e in entities for c in (e.country, e.backer) if c})


def date_basis(reason: str | None) -> str | None:
    """How a date was found, from the extractor's ``date_reason`` ("explicit date ('Dec. 20')", ...)."""
    text = (reason or "").lower()
    if text.startswith("explicit"):
        return "explicit"
    if text.startswith("reference"):
        return "reference"  # the article's own date: no evidence of when the event happened
    return "inferred" if text else None


def _fallback_day(row: Mapping[str, Any]) -> tuple[int | None, str | None, bool]:
    """(day, precision, explicit) for blocking; the article's date stands in for an undated event."""
    if row.get("day") is not None:
        basis = date_basis(json.loads(row["record"]).get("date_reason"))
        if basis == "reference":
            return row["day"], "published", False
        return row["day"], row.get("date_precision"), basis == "explicit"
    published_day = day_of((row.get("published") or "")[:10] or None)
    return published_day, ("published" if published_day is not None else None), False


def mention_words(row: Mapping[str, Any], record: Mapping[str, Any]) -> frozenset[str]:
    """Keywords of the trigger and evidence, without the place's name (linking weighs place apart)."""
    place = (record.get("location") or {}).get("name")
    return keywords(row.get("trigger_text"), row.get("evidence_text")) - keywords(place)


def mention_triggers(row: Mapping[str, Any], record: Mapping[str, Any]) -> frozenset[str]:
    """Folded trigger words of the mention and of its repeats within the article."""
    return trigger_terms(row.get("trigger_text"), *_repeated_triggers(record))


def _repeated_triggers(record: Mapping[str, Any]) -> list[str | None]:
    return [(m.get("trigger") or {}).get("text") for m in record.get("mentions") or []]


def _participant_names(entities: list[Entity], record: Mapping[str, Any]) -> frozenset[str]:
    place = (record.get("location") or {}).get("name")
    return name_tokens(*(t for e in entities for t in (e.text, e.name))) - name_tokens(place)


def _json_set(row: Mapping[str, Any], column: str) -> frozenset[str]:
    return frozenset(json.loads(row.get(column) or "[]"))


def features_of_mention_row(row: Mapping[str, Any]) -> Features:
    """The features of one ``event_mentions`` row (its ``record`` column holds the extracted event)."""
    record = json.loads(row["record"])
    actors = entities_of(record.get("actor"))
    recipients = entities_of(record.get("recipient"))
    day, precision, explicit = _fallback_day(row)
    location = record.get("location") or {}
    return Features(
        event_type=row["event_type"],
        cameo=row.get("cameo") or "",
        day=day,
        date_precision=precision,
        date_explicit=explicit,
        lat=row.get("lat"),
        lon=row.get("lon"),
        country=row.get("country_code"),
        actor_codes=frozenset(codes_of(actors)),
        actor_countries=frozenset(countries_of(actors)),
        recipient_codes=frozenset(codes_of(recipients)),
        recipient_countries=frozenset(countries_of(recipients)),
        words=mention_words(row, record),
        names=_participant_names(actors + recipients, record),
        dead=row.get("dead"),
        articles=frozenset({row["article_id"]}),
        admin1=location.get("admin1"),
        resolution=location.get("resolution"),
        triggers=mention_triggers(row, record),
        context=_json_set(row, "context"),
    )


def features_of_event_row(row: Mapping[str, Any]) -> Features:
    """The features of one ``events`` row (the summary of a linked event)."""
    return Features(
        event_type=row["event_type"],
        cameo=row.get("cameo") or "",
        day=row.get("day"),
        date_precision=(
            row.get("date_precision") if row.get("date") and row.get("date_basis") != "reference" else "published"
        ),
        date_explicit=bool(row.get("date_explicit")),
        lat=row.get("lat"),
        lon=row.get("lon"),
        country=row.get("country_code"),
        actor_codes=_json_set(row, "actor_codes"),
        actor_countries=_json_set(row, "actor_countries"),
        recipient_codes=_json_set(row, "recipient_codes"),
        recipient_countries=_json_set(row, "recipient_countries"),
        words=_json_set(row, "words"),
        names=name_tokens(row.get("actor_text")) - name_tokens(row.get("location_name")),
        dead=row.get("dead"),
        articles=_json_set(row, "articles"),
        admin1=row.get("admin1"),
        resolution=row.get("resolution"),
        triggers=_json_set(row, "triggers"),
        context=_json_set(row, "context"),
    )
