"""``Linker``: linking in memory, without a database (the benchmark, library users).

The stores link through ``dateline.link.stage`` instead, over candidates they fetch with indexed
queries; both score with ``dateline.link.score``.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict, deque
from collections.abc import Iterable

from ..settings import LinkingSettings, current
from .features import Features, merge, mid_year
from .score import assign, idf_weights

__all__ = ["Linker", "block_days"]


def block_days(features: Features, params: LinkingSettings | None = None) -> range:
    """The day buckets a mention must look in (empty for undated mentions)."""
    p = params if params is not None else current().linking
    if features.day is None:
        return range(0)
    if features.date_precision == "month":
        return range(features.day - p.month_window, features.day + p.month_window + 1)
    if features.date_precision == "year":
        return range(features.day - p.year_window, features.day + p.year_window + 1)
    return range(features.day - p.day_window, features.day + p.day_window + 1)


class Linker:
    """In-memory incremental linker: feed one article's mentions at a time, get event ids back.

    Blocks are keyed by (type, day, country) for dated mentions and (type, country) for undated ones; a
    mention looks only at the blocks its date window covers in its own country (plus the blocks of
    events whose country is unknown), so the cost per mention does not grow with the number of events
    already linked. A mention without a country looks at every country of its days. As in the stores,
    a dated mention also looks at the undated events of its type and country, and an undated one at
    the latest ``max_block`` events of its type and country, whatever their date.

    Context terms are weighed by their rarity among the articles linked so far (``idf_weights``), as
    the stores do with their ``context_terms`` table.

    ``horizon_days`` bounds memory for a stream in rough date order: events dated more than that many
    days before the latest date seen are dropped from the index (a later mention of them starts a new
    event). ``None`` keeps everything (a store keeps everything anyway: it links through the database).
    """

    def __init__(
        self,
        *,
        max_block: int | None = None,
        horizon_days: int | None = None,
        params: LinkingSettings | None = None,
    ) -> None:
        self._params = params if params is not None else current().linking
        self._events: dict[str, Features] = {}
        self._blocks: dict[tuple[str, object, str | None], list[str]] = defaultdict(list)
        self._by_day: dict[tuple[str, object], list[str]] = defaultdict(list)
        self._max_block = max_block if max_block is not None else self._params.max_block
        self._horizon = horizon_days
        self._days: list[int] = []  # heap of the days that have blocks
        self._day_keys: dict[int, set[tuple]] = defaultdict(set)
        self._latest: int | None = None
        self._recent: dict[tuple[str, str | None], deque[str]] = {}  # (type, country): latest events
        self._coarse_types: set[str] = set()  # types with undated or year-precision events
        self._term_articles: Counter[str] = Counter()
        self._articles = 0

    def __len__(self) -> int:
        return len(self._events)

    @staticmethod
    def _slot(features: Features, day: int | None) -> object:
        return ("undated",) if day is None else day

    def _candidate_ids(self, features: Features) -> list[str]:
        if features.day is None:
            countries = [features.country, None] if features.country else [
                key[1] for key in self._recent if key[0] == features.event_type]
            return [eid for country in countries for eid in self._recent.get((features.event_type, country), ())
                    if eid in self._events]  # fmt: skip
        days: list[int | None] = list(block_days(features, self._params))
        if features.event_type in self._coarse_types:  # its year's events and the undated ones, if any
            days += [mid_year(features.day), None]
        found: list[str] = []
        for day in days:
            slot = self._slot(features, day)
            if features.country is None:
                found.extend(self._by_day.get((features.event_type, slot), ())[-self._max_block * 4 :])
                continue
            for country in (features.country, None):
                found.extend(self._blocks.get((features.event_type, slot, country), ())[-self._max_block :])
        return found

    def candidates(self, features: Features) -> list[tuple[str, Features]]:
        return [(eid, self._events[eid]) for eid in self._candidate_ids(features)]

    def link_article(self, mentions: Iterable[tuple[str, Features]]) -> list[str]:
        """Link one article's mentions (``(mention_id, features)``); returns the event id of each."""
        items = list(mentions)
        candidates = [self.candidates(f) for _, f in items]
        article = frozenset().union(*(f.context for _, f in items))
        terms = set(article).union(*(f.context for options in candidates for _, f in options))
        weights = idf_weights(self._term_articles, self._articles, terms)
        chosen = assign([f for _, f in items], candidates, weights, self._params)
        if items:
            self._term_articles.update(article)
            self._articles += 1
        result = []
        for (mention_id, features), event_id in zip(items, chosen, strict=True):
            if event_id is None:
                event_id = mention_id  # the event is named after its first mention
                self._add(event_id, features)
            else:
                self._events[event_id] = merge(self._events[event_id], features, self._params)
            result.append(event_id)
        self._forget_old()
        return result

    def _add(self, event_id: str, features: Features) -> None:
        self._events[event_id] = features
        slot = self._slot(features, features.day)
        block, by_day = (features.event_type, slot, features.country), (features.event_type, slot)
        self._blocks[block].append(event_id)
        self._by_day[by_day].append(event_id)
        recent = self._recent.setdefault((features.event_type, features.country), deque(maxlen=self._max_block))
        recent.append(event_id)
        if features.day is None or features.date_precision == "year":
            self._coarse_types.add(features.event_type)
        if self._horizon is not None and features.day is not None:
            if features.day not in self._day_keys:
                heapq.heappush(self._days, features.day)
            self._day_keys[features.day].update((block, by_day))
            self._latest = max(self._latest or features.day, features.day)

    def _forget_old(self) -> None:
        if self._horizon is None or self._latest is None:
            return
        cutoff = self._latest - self._horizon
        while self._days and self._days[0] < cutoff:
            for key in self._day_keys.pop(heapq.heappop(self._days)):
                if len(key) == 3:  # a (type, day, country) block: its events go too
                    for event_id in self._blocks.pop(key, ()):
                        self._events.pop(event_id, None)
                else:
                    self._by_day.pop(key, None)
