"""Linking against a store: which linked events each mention of a new article joins.

The store keeps events and answers queries (``EventIndex``); this module decides everything else:
which events are candidates for a mention (``candidate_queries``: its type, its date window, its
country), how rare the shared context terms are, and which candidate each mention joins
(``score.assign``). A store calls ``link_mentions`` inside the write transaction that then stores
the mentions, so that concurrent writers never link against a half-written article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..settings import LinkingSettings, current
from .features import Features, features_of_event_row, mid_year
from .score import assign, idf_weights

__all__ = ["CandidateQuery", "EventIndex", "candidate_queries", "link_mentions"]


@dataclass(frozen=True, slots=True, kw_only=True)
class CandidateQuery:
    """The linked events of one type a mention may join, as an indexed store query answers it.

    ``country``: that country's events and those of unknown country (None: every country).
    Dated queries (``undated`` False) take the events dated within ``days``, the month-precision ones
    within ``month_days`` and the year-precision ones on ``year_day``; with ``days`` None, every event
    whatever its date. ``undated`` takes the events without a day instead. ``limit``: the first that
    many by id (None: all, by id).
    """

    event_type: str
    country: str | None = None
    days: tuple[int, int] | None = None
    month_days: tuple[int, int] | None = None
    year_day: int | None = None
    undated: bool = False
    limit: int | None = None


class EventIndex(Protocol):
    """What linking needs from a store, within its write transaction."""

    def candidate_events(self, query: CandidateQuery) -> list[dict[str, Any]]:
        """The ``events`` rows ``query`` selects, by id."""
        ...

    def term_frequencies(self, terms: set[str]) -> tuple[dict[str, int], int]:
        """(articles holding each of ``terms``, articles counted): the context terms' rarity."""
        ...


def candidate_queries(mention: Features, params: LinkingSettings | None = None) -> list[CandidateQuery]:
    """The queries for ``mention``'s candidates (its *block*, see ``dateline.link``).

    An undated mention has no date to rule anything out: the events of its type and country (at most
    ``linking.max_undated_candidates``). A dated one takes the events in its date window, the
    month-precision events around it, the year-precision events of its year, and the undated ones.
    """
    p = params if params is not None else current().linking
    common: dict[str, Any] = {"event_type": mention.event_type, "country": mention.country}
    if mention.day is None:
        return [CandidateQuery(**common, limit=p.max_undated_candidates)]
    day = mention.day
    window = {"month": p.month_window, "year": p.year_window}.get(mention.date_precision or "", p.day_window)
    dated = CandidateQuery(
        **common,
        days=(day - window, day + window),
        month_days=(day - p.month_window, day + p.month_window),
        year_day=mid_year(day),
        limit=p.max_undated_candidates if mention.date_precision == "year" else None,
    )
    return [dated, CandidateQuery(**common, undated=True, limit=p.max_undated_candidates)]


def link_mentions(
    mentions: Sequence[Features],
    article_context: frozenset[str],
    index: EventIndex,
    params: LinkingSettings | None = None,
) -> list[str | None]:
    """The event each mention of one article joins (None: it starts a new event).

    ``article_context`` is the article's ``context_terms``; the rarity of every term it shares with a
    candidate comes from ``index`` (inverse document frequency over the stored articles).
    """
    p = params if params is not None else current().linking
    candidates = [_candidates(mention, index, p) for mention in mentions]
    terms = set(article_context).union(*(f.context for options in candidates for _, f in options))
    frequencies, articles = index.term_frequencies(terms)
    return assign(mentions, candidates, idf_weights(frequencies, articles, terms), p)


def _candidates(mention: Features, index: EventIndex, p: LinkingSettings) -> list[tuple[str, Features]]:
    return [
        (row["id"], features_of_event_row(row))
        for query in candidate_queries(mention, p)
        for row in index.candidate_events(query)
    ]
