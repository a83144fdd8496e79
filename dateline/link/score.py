"""Scoring a mention against a linked event, and choosing an event for each mention of an article.

Every weight and threshold is a setting (``[linking]`` in ``dateline/settings/defaults.toml``); the
functions take them as ``params`` (a ``LinkingSettings``), the active settings when None. The
reasons for each piece of evidence are in ``dateline.link``'s docstring.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from ..distance import haversine_km
from ..settings import LinkingSettings, current
from .features import LEAD, WEEKDAY, Features
from .vocabulary import compatible_root_groups

__all__ = [
    "assign",
    "block_weights",
    "cameo_compatible",
    "idf_weights",
    "score",
    "term_weights",
    "threshold_for",
    "with_article_names",
]

_COMPATIBLE_ROOTS = compatible_root_groups()
_COARSE = frozenset({"admin1", "country"})


def cameo_compatible(a: str, b: str) -> bool:
    ra, rb = a[:2], b[:2]
    if not ra or not rb or ra == rb:
        return True
    return any(ra in group and rb in group for group in _COMPATIBLE_ROOTS)


def _date_score(m: Features, e: Features, p: LinkingSettings) -> float | None:
    if m.day is None or e.day is None:
        return 0.0
    delta = abs(m.day - e.day)
    if "published" in (m.date_precision, e.date_precision):
        # an article's date only bounds when the event happened: never evidence of sameness
        return 0.0 if delta <= p.day_window else None
    coarse = "year" in (m.date_precision, e.date_precision) or "month" in (m.date_precision, e.date_precision)
    if coarse:
        return 0.0 if delta <= (p.year_window if "year" in (m.date_precision, e.date_precision) else p.month_window) else None
    if delta == 0:
        return 1.5
    if delta == 1:
        # two explicit dates a day apart are two happenings (a copycat attack), whatever else agrees;
        # outlets in other time zones write "on Monday", which is inferred, not explicit
        return None if (m.date_explicit and e.date_explicit) else 0.0
    if delta <= p.day_window:
        return -1.0
    return None


def _place_score(m: Features, e: Features, p: LinkingSettings) -> float | None:
    if m.country and e.country and m.country != e.country:
        return None
    same_country = 0.3 if (m.country and m.country == e.country) else 0.0
    if m.resolution in _COARSE or e.resolution in _COARSE:
        # a centroid is not where the event was: compare at the coarser level only
        if "country" in (m.resolution, e.resolution) or not (m.admin1 and e.admin1):
            return same_country
        return 0.5 if m.admin1 == e.admin1 else -1.0
    if None not in (m.lat, m.lon, e.lat, e.lon):
        if abs(m.lat - e.lat) > p.max_km / 110.0:  # type: ignore[operator]
            return -p.far_penalty  # cheap pre-check: latitude alone is already too far
        km = haversine_km(m.lat, m.lon, e.lat, e.lon)  # type: ignore[arg-type]
        if km > p.max_km:
            return -p.far_penalty
        return 1.5 if km <= 10 else 1.0 if km <= 50 else 0.0
    return same_country


def idf_weights(frequencies: Mapping[str, int], articles: int, terms: Iterable[str]) -> dict[str, float]:
    """Inverse document frequency of ``terms`` from a running count: ``frequencies[term]`` of the
    ``articles`` seen so far hold the term. The article being linked counts as seen (its own terms
    occur at least once), so a term no other article has weighs most, and the weights of terms the
    whole store shares approach zero."""
    return {term: math.log(1.0 + (articles + 1) / (frequencies.get(term, 0) + 1)) for term in terms}


def term_weights(contexts: Iterable[frozenset[str]]) -> dict[str, float]:
    """Inverse document frequency of each context term over ``contexts`` (rare terms weigh more)."""
    frequency: dict[str, int] = defaultdict(int)
    total = 0
    for context in contexts:
        total += 1
        for term in context:
            frequency[term] += 1
    return {term: math.log(1.0 + total / count) for term, count in frequency.items()}


def _weight_sum(terms: Iterable[str], weights: Mapping[str, float] | None) -> float:
    if weights is None:
        return float(sum(1 for _ in terms))
    return sum(weights.get(term, 1.0) for term in terms)


@lru_cache(maxsize=8192)
def _split_context(context: frozenset[str]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(terms, leads, weekdays) of a context (cached: one event is compared with many mentions)."""
    if not context:
        return context, context, context
    leads = frozenset(t[1:] for t in context if t.startswith(LEAD))
    days = frozenset(t[1:] for t in context if t.startswith(WEEKDAY))
    if not leads and not days:
        return context, leads, days
    return frozenset(t for t in context if t[:1] not in (LEAD, WEEKDAY)), leads, days


def _detail_score(m: Features, e: Features, p: LinkingSettings) -> float:
    """Penalties for details that tell two similar happenings apart: the mention's article is about
    someone the event's articles never name (the same club, another player), or the two name only
    different weekdays."""
    _, m_leads, m_days = _split_context(m.context)
    e_terms, e_leads, e_days = _split_context(e.context)
    total = 0.0
    if m_leads and e_leads and not m_leads & e_terms:
        total -= p.lead_penalty
    if m_days and e_days and not m_days & e_days:
        total -= p.weekday_penalty
    return total


def _context_score(m: Features, e: Features, weights: Mapping[str, float] | None, p: LinkingSettings) -> float:
    m_context, e_context = _split_context(m.context)[0], _split_context(e.context)[0]
    if len(m_context) < p.min_context or len(e_context) < p.min_context:
        return 0.0
    shared = m_context & e_context
    if not shared:
        return -p.no_context_penalty
    smaller = min(_weight_sum(m_context, weights), _weight_sum(e_context, weights))
    overlap = _weight_sum(shared, weights) / smaller
    if overlap < p.min_overlap:
        # one shared city or country among many names: what two stories of one place share by chance
        return -p.no_context_penalty / 2
    return p.context_weight * overlap


def _party_score(codes_a: frozenset[str], countries_a: frozenset[str],
                 codes_b: frozenset[str], countries_b: frozenset[str], weight: float) -> float:  # fmt: skip
    if codes_a & codes_b:
        return weight
    if countries_a & countries_b:
        return weight / 2
    if countries_a and countries_b:
        return -weight
    return 0.0


def _name_score(mention_names: frozenset[str], event_names: frozenset[str],
                weights: Mapping[str, float] | None, p: LinkingSettings) -> float:  # fmt: skip
    """Shared participant names add; names of the mention's own that the event lacks count against
    when they outweigh the shared ones (by rarity: a shared "sheriff" does not make up for another
    deputy's name)."""
    shared = mention_names & event_names
    if not shared:
        # both name their participants, and not the same ones
        return -p.name_weight if mention_names and event_names else 0.0
    missing = _weight_sum(mention_names - event_names, weights)
    if missing > _weight_sum(shared, weights) * p.name_mismatch_ratio:
        # the same club but another player: the participant this article is about is not in the event
        return p.name_mismatch_score
    return p.name_weight  # the same named participant, whatever code the extractor gave it


def score(
    mention: Features,
    event: Features,
    weights: Mapping[str, float] | None = None,
    params: LinkingSettings | None = None,
) -> float | None:
    """How strongly ``mention`` and the linked ``event`` look like one happening; None = never.

    ``weights`` (``term_weights``) weigh shared context terms by rarity; None counts every term once.
    """
    p = params if params is not None else current().linking
    if mention.event_type != event.event_type or not cameo_compatible(mention.cameo, event.cameo):
        return None
    if mention.articles & event.articles:
        return None  # extraction already merged the mentions of one article
    date_part = _date_score(mention, event, p)
    place_part = _place_score(mention, event, p)
    if date_part is None or place_part is None:
        return None
    total = date_part + place_part
    total += _party_score(mention.actor_codes, mention.actor_countries, event.actor_codes,
                          event.actor_countries, 1.0)  # fmt: skip
    total += _party_score(mention.recipient_codes, mention.recipient_countries, event.recipient_codes,
                          event.recipient_countries, 0.5)  # fmt: skip
    names = _name_score(mention.names, event.names, weights, p)
    total += names
    if mention.words and event.words:
        overlap = len(mention.words & event.words) / min(len(mention.words), len(event.words))
        total += p.text_weight * overlap
    if mention.dead and event.dead and max(mention.dead, event.dead) > 10 * min(mention.dead, event.dead):
        total -= 1.0
    context = _context_score(mention, event, weights, p)
    if mention.day is None and mention.triggers and event.triggers and not mention.triggers & event.triggers:
        return None  # undated: the verb is the last thing telling two happenings of one story apart
    details = _detail_score(mention, event, p)
    if names < 0 and details < 0:
        # other participants *and* another protagonist or weekday: two independent disagreements are
        # another happening of the story (the arrest, not the shooting), however much else agrees
        return None
    if place_part <= -p.far_penalty and names > 0 and context >= p.strong_context:
        total += p.far_penalty - p.misplaced_penalty  # the same people in the same story: a misplaced city
    if mention.triggers & event.triggers:
        # the same verb is weak evidence alone (every attack "killed"), strong within one story
        total += p.trigger_weight * (2 if context > 0 else 1)
    return total + context + details


def threshold_for(
    mention: Features, event: Features | None = None, params: LinkingSettings | None = None
) -> float:
    """The score a link needs: more when the pair has no date to compare (either side undated, or
    dated to a year only: every happening of a kind in a country shares its year)."""
    p = params if params is not None else current().linking
    pair = (mention,) if event is None else (mention, event)
    if any(f.day is None or f.date_precision == "year" for f in pair):
        return p.undated_threshold
    return p.published_date_threshold if mention.date_precision == "published" else p.link_threshold


def assign(
    mentions: Sequence[Features],
    candidates: Sequence[Sequence[tuple[str, Features]]],
    weights: Mapping[str, float] | None = None,
    params: LinkingSettings | None = None,
) -> list[str | None]:
    """Choose an event for each mention of one article, at most one mention per existing event.

    ``candidates[i]`` lists ``(event_id, features)`` for ``mentions[i]``. Pairs are taken best score
    first (ties: mention order, then event id), so the result does not depend on candidate order.
    ``weights`` are the context terms' rarity (``idf_weights`` over every article seen so far); without
    them the rarity within the blocks stands in (``block_weights``).
    Returns the chosen event id per mention, or None for "start a new event".
    """
    p = params if params is not None else current().linking
    if weights is None:
        weights = block_weights(mentions, candidates)
    mentions = with_article_names(mentions)
    pairs = []
    for i, (mention, options) in enumerate(zip(mentions, candidates, strict=True)):
        for event_id, features in options:
            value = score(mention, features, weights, p)
            if value is not None and value >= threshold_for(mention, features, p):
                pairs.append((-value, i, event_id))
    pairs.sort()
    chosen: list[str | None] = [None] * len(mentions)
    taken: set[str] = set()
    for _, i, event_id in pairs:
        if chosen[i] is None and event_id not in taken:
            chosen[i] = event_id
            taken.add(event_id)
    return chosen


def with_article_names(mentions: Sequence[Features]) -> list[Features]:
    """Mentions that name no participant of their own, given the names the article's other mentions
    give: an article is about its participants, so "the arrest" in a story about one player is that
    player's arrest, and another player's arrest by the same police is not the same happening."""
    article_names = frozenset().union(*(m.names for m in mentions))
    if not article_names:
        return list(mentions)
    return [m if m.names else replace(m, names=article_names) for m in mentions]


def block_weights(
    mentions: Sequence[Features], candidates: Sequence[Sequence[tuple[str, Features]]]
) -> dict[str, float]:
    """``term_weights`` over the article and the distinct events of its blocks: a name every candidate
    shares (the club, the county, the country) tells them apart less than a victim's name or an age."""
    events = {event_id: features.context for options in candidates for event_id, features in options}
    article = frozenset().union(*(m.context for m in mentions))
    return term_weights([article, *events.values()])
