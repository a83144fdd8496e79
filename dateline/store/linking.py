"""Cross-article event linking: which mentions, from different articles, are one happening.

A mention (one extracted event of one article) is compared only with the linked events of its *block*:
same PLOVER type, a date within ``DAY_WINDOW`` days (or, for undated mentions, the same country), so
linking never compares all pairs. Within a block a mention scores each candidate on independent
evidence and joins the best one that reaches ``LINK_THRESHOLD``; otherwise it starts a new event.

Evidence and why each weighs what it does:

* type and CAMEO root must be compatible (a protest is never an attack);
* date: the same day is strong evidence; one day apart is neutral when either date was inferred
  (outlets date "yesterday" from different time zones) but never links when both dates are
  explicit, so two attacks in one city on consecutive days stay two events; more than
  ``DAY_WINDOW`` days apart never links;
* place: near (km) is strong, far (> ``MAX_KM``) counts against, another country never links,
  unknown is neutral;
* actors/recipients: shared codes or countries add, disjoint countries subtract; a shared participant
  name (a capitalised word of an actor's or recipient's text) adds, unless most of the mention's own
  names are missing from the event (the same club, another coach): that counts against like no
  shared name at all;
* text: word overlap of the triggers and evidence sentences (rewrites share their nouns), leaving out
  the place's own name (already weighed as place) and generic casualty verbs;
* casualties: figures an order of magnitude apart suggest two events;
* trigger: the same folded trigger word ("fired" ~ "firing") adds, twice as much when the article
  contexts agree too (the same verb in the same story; alone, every attack "killed"). For undated
  mentions, where nothing else tells two happenings of one story apart, different verbs never link;
* article context: the names and figures of the whole article (``context_terms``). Two articles about
  one happening share its participants, places and numbers even where the event's own sentence
  names none of them; two similar happenings (two earthquakes, two shootings) share the type and the
  trigger but not the names. Many shared terms add, none at all (both articles having several)
  subtracts, and so does a share below ``MIN_OVERLAP`` (one city among many names). Shared terms
  are weighed by rarity (``block_weights``: inverse document frequency over the article and the
  candidate events of its blocks), so the club or county every candidate names counts less than a
  victim's name or an age. Words of a title-case headline count only where the prose capitalises
  them too ("Fatal Shooting" is no name).

Places are compared at the coarser of the two resolutions: a state's or a country's centroid is no
evidence that a city in it is far away, so only the admin1/country codes are compared then. Coordinates
farther than ``MAX_KM`` (geocoders misplace a city now and then) or another admin1 count against,
another country never links.

A mention dated only by its article (``date_precision`` "published") needs a little more
(``PUBLISHED_DATE_THRESHOLD``) and undated mentions need more still (``UNDATED_THRESHOLD``): without
a date, type and place agree by chance far more often. Two mentions of one article are never linked (extraction already merged them).

``Linker`` is the in-memory form (used by the benchmark and by library users who link without a
database); the stores run the same ``score`` over candidates they fetch with an indexed query.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as _date

__all__ = [
    "DAY_WINDOW",
    "LINK_THRESHOLD",
    "MAX_KM",
    "UNDATED_THRESHOLD",
    "Features",
    "Linker",
    "assign",
    "block_weights",
    "cameo_compatible",
    "context_terms",
    "day_of",
    "haversine_km",
    "keywords",
    "score",
    "term_weights",
    "trigger_terms",
]

DAY_WINDOW = 2
MAX_KM = 150.0
LINK_THRESHOLD = 2.0
PUBLISHED_DATE_THRESHOLD = 2.25
UNDATED_THRESHOLD = 2.75
TEXT_WEIGHT = 2.0
MAX_KEYWORDS = 60

# CAMEO roots that outlets use interchangeably for one violent happening (a bombing is "183" to one
# coder and "190" to another); any other pair of roots must match exactly.
_COMPATIBLE_ROOTS = ({"18", "19", "20"}, {"14", "17"}, {"15", "16"}, {"10", "02"}, {"11", "12"})
_STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "it", "its", "this", "that", "these", "those", "he", "she", "they", "them", "his", "her", "their", "we", "our", "you", "your", "i", "said", "says", "say", "told", "after", "before", "over", "under", "about", "into", "than", "then", "there", "here", "when", "where", "which", "who", "whom", "whose", "what", "while", "also", "not", "no", "more", "most", "some", "any", "all", "other", "such", "only", "own", "same", "so", "very", "can", "could", "would", "should", "will", "may", "might", "must", "do", "does", "did", "done", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "last", "new", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "week", "according", "people", "least", "killed", "killing", "kill", "kills", "wounded", "wounding", "injured", "injuring", "dead", "died", "death", "reported"]
)
_CASUALTY_WORDS = frozenset(["killed", "killing", "kill", "kills", "wounded", "wounding", "injured", "injuring", "died", "death"])
# capitalised, but dates, not names: two stories of one month share them by chance
_CALENDAR = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_NAME = re.compile(r"\b[A-Z][^\W\d_]{2,}\b")
NAME_WEIGHT = 1.0
NAME_MISMATCH_RATIO = 1.0
NAME_MISMATCH_SCORE = -NAME_WEIGHT
TRIGGER_WEIGHT = 1.0
CONTEXT_WEIGHT = 1.5
NO_CONTEXT_PENALTY = 1.0
FAR_PENALTY = 2.5
MIN_OVERLAP = 0.25
MIN_CONTEXT = 2  # fewer context terms than this say nothing about sameness
MAX_CONTEXT = 120
_COARSE = frozenset({"admin1", "country"})
_CAPITALISED = re.compile(r"[A-Z][^\W\d_]{2,}")
_LOWER_WORD = re.compile(r"\b[a-z][^\W\d_A-Z]{2,}\b")
_SENTENCE_BREAK = re.compile(r"[a-z\d][.!?][\"'\u201d\u2019)]*\s+\S")
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
# the first word of a sentence (or line) is capitalised whatever it is: not a name
_SENTENCE_INITIAL = re.compile(r"(?:^|[.!?][\"'\u201d\u2019)]*\s+|\n)\s*[\"'\u201c\u2018(]*([A-Z])")
_TRIGGER_SUFFIXES = ("ings", "ing", "ied", "ed", "es", "s", "ions", "ion", "ments", "ment")


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


def keywords(*texts: str | None) -> frozenset[str]:
    """Content words of the texts, lower-cased, crude plural folding (bombs ~ bomb)."""
    found: set[str] = set()
    for text in texts:
        for word in _WORD.findall((text or "").lower()):
            if word in _STOPWORDS:
                continue
            found.add(word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word)
    return frozenset(sorted(found)[:MAX_KEYWORDS]) if len(found) > MAX_KEYWORDS else frozenset(found)


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


def context_terms(text: str | None, *names: str | None) -> frozenset[str]:
    """The article-level context of its events: capitalised words that are not sentence-initial, figures
    of two or more characters ("#6.1", "#33"), and the extra ``names`` given (toponyms, participants).

    A capitalised word counts as a name only where the text never writes it in lower case, and a word of
    a title-case line (a headline: "Fatal Shooting During Vigil") only where the prose capitalises it
    too. At most ``MAX_CONTEXT`` terms, the most frequent first, so one long article does not match
    everything.
    """
    text = text or ""
    common = set(_LOWER_WORD.findall(text))
    counts: dict[str, int] = defaultdict(int)
    headline_words: set[str] = set()
    for line in text.split("\n"):
        found = _line_names(line, common)
        if _is_title_case(line):
            headline_words.update(found)
        else:
            for word in found:
                counts[word] += 1
    for word in headline_words & set(counts):
        counts[word] += 1
    for match in _NUMBER.finditer(text):
        if len(match.group()) >= 2:
            counts["#" + match.group()] += 1
    for term in name_tokens(*names) - common - (headline_words - set(counts)):
        counts[term] += 1
    ranked = sorted(counts, key=lambda term: (-counts[term], term))
    return frozenset(ranked[:MAX_CONTEXT])


def _line_names(line: str, common: set[str]) -> list[str]:
    """Lower-cased capitalised words of one line that may be names (not sentence-initial, not common)."""
    initial = {m.start(1) for m in _SENTENCE_INITIAL.finditer(line)}
    found = []
    for match in _CAPITALISED.finditer(line):
        word = match.group()
        lowered = word.lower()
        if match.start() in initial or word.isupper() or lowered in common:
            continue
        if lowered not in _STOPWORDS and lowered not in _CALENDAR:
            found.append(lowered)
    return found


def _is_title_case(line: str) -> bool:
    """A headline: one sentence, most of its words capitalised."""
    if _SENTENCE_BREAK.search(line.strip()):
        return False  # prose: several sentences, whatever their share of names
    words = _WORD.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def cameo_compatible(a: str, b: str) -> bool:
    ra, rb = a[:2], b[:2]
    if not ra or not rb or ra == rb:
        return True
    return any(ra in group and rb in group for group in _COMPATIBLE_ROOTS)


def _date_score(m: Features, e: Features) -> float | None:
    if m.day is None or e.day is None:
        return 0.0
    delta = abs(m.day - e.day)
    if "published" in (m.date_precision, e.date_precision):
        # an article's date only bounds when the event happened: never evidence of sameness
        return 0.0 if delta <= DAY_WINDOW else None
    coarse = "year" in (m.date_precision, e.date_precision) or "month" in (m.date_precision, e.date_precision)
    if coarse:
        return 0.0 if delta <= (183 if "year" in (m.date_precision, e.date_precision) else 16) else None
    if delta == 0:
        return 1.5
    if delta == 1:
        # two explicit dates a day apart are two happenings (a copycat attack), whatever else agrees;
        # outlets in other time zones write "on Monday", which is inferred, not explicit
        return None if (m.date_explicit and e.date_explicit) else 0.0
    if delta <= DAY_WINDOW:
        return -1.0
    return None


def _place_score(m: Features, e: Features) -> float | None:
    if m.country and e.country and m.country != e.country:
        return None
    same_country = 0.3 if (m.country and m.country == e.country) else 0.0
    if m.resolution in _COARSE or e.resolution in _COARSE:
        # a centroid is not where the event was: compare at the coarser level only
        if "country" in (m.resolution, e.resolution) or not (m.admin1 and e.admin1):
            return same_country
        return 0.5 if m.admin1 == e.admin1 else -1.0
    if None not in (m.lat, m.lon, e.lat, e.lon):
        if abs(m.lat - e.lat) > MAX_KM / 110.0:  # type: ignore[operator]
            return -FAR_PENALTY  # cheap pre-check: latitude alone is already too far
        km = haversine_km(m.lat, m.lon, e.lat, e.lon)  # type: ignore[arg-type]
        if km > MAX_KM:
            return -FAR_PENALTY
        return 1.5 if km <= 10 else 1.0 if km <= 50 else 0.0
    return same_country


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


def _context_score(m: Features, e: Features, weights: Mapping[str, float] | None = None) -> float:
    if len(m.context) < MIN_CONTEXT or len(e.context) < MIN_CONTEXT:
        return 0.0
    shared = m.context & e.context
    if not shared:
        return -NO_CONTEXT_PENALTY
    smaller = min(_weight_sum(m.context, weights), _weight_sum(e.context, weights))
    overlap = _weight_sum(shared, weights) / smaller
    if overlap < MIN_OVERLAP:
        # one shared city or country among many names: what two stories of one place share by chance
        return -NO_CONTEXT_PENALTY / 2
    return CONTEXT_WEIGHT * overlap


def _party_score(codes_a: frozenset[str], countries_a: frozenset[str],
                 codes_b: frozenset[str], countries_b: frozenset[str], weight: float) -> float:  # fmt: skip
    if codes_a & codes_b:
        return weight
    if countries_a & countries_b:
        return weight / 2
    if countries_a and countries_b:
        return -weight
    return 0.0


def _name_score(mention_names: frozenset[str], event_names: frozenset[str]) -> float:
    shared = mention_names & event_names
    if not shared:
        # both name their participants, and not the same ones
        return -NAME_WEIGHT if mention_names and event_names else 0.0
    if len(mention_names - event_names) > len(shared) * NAME_MISMATCH_RATIO:
        # the same club but another player: the participant this article is about is not in the event
        return NAME_MISMATCH_SCORE
    return NAME_WEIGHT  # the same named participant, whatever code the extractor gave it


def score(mention: Features, event: Features, weights: Mapping[str, float] | None = None) -> float | None:
    """How strongly ``mention`` and the linked ``event`` look like one happening; None = never.

    ``weights`` (``term_weights``) weigh shared context terms by rarity; None counts every term once.
    """
    if mention.event_type != event.event_type or not cameo_compatible(mention.cameo, event.cameo):
        return None
    if mention.articles & event.articles:
        return None  # extraction already merged the mentions of one article
    date_part = _date_score(mention, event)
    place_part = _place_score(mention, event)
    if date_part is None or place_part is None:
        return None
    total = date_part + place_part
    total += _party_score(mention.actor_codes, mention.actor_countries, event.actor_codes,
                          event.actor_countries, 1.0)  # fmt: skip
    total += _party_score(mention.recipient_codes, mention.recipient_countries, event.recipient_codes,
                          event.recipient_countries, 0.5)  # fmt: skip
    total += _name_score(mention.names, event.names)
    if mention.words and event.words:
        overlap = len(mention.words & event.words) / min(len(mention.words), len(event.words))
        total += TEXT_WEIGHT * overlap
    if mention.dead and event.dead and max(mention.dead, event.dead) > 10 * min(mention.dead, event.dead):
        total -= 1.0
    context = _context_score(mention, event, weights)
    if mention.day is None and mention.triggers and event.triggers and not mention.triggers & event.triggers:
        return None  # undated: the verb is the last thing telling two happenings of one story apart
    if mention.triggers & event.triggers:
        # the same verb is weak evidence alone (every attack "killed"), strong within one story
        total += TRIGGER_WEIGHT * (2 if context > 0 else 1)
    return total + context


def threshold_for(mention: Features) -> float:
    if mention.day is None:
        return UNDATED_THRESHOLD
    return PUBLISHED_DATE_THRESHOLD if mention.date_precision == "published" else LINK_THRESHOLD


def assign(
    mentions: Sequence[Features], candidates: Sequence[Sequence[tuple[str, Features]]]
) -> list[str | None]:
    """Choose an event for each mention of one article, at most one mention per existing event.

    ``candidates[i]`` lists ``(event_id, features)`` for ``mentions[i]``. Pairs are taken best score
    first (ties: mention order, then event id), so the result does not depend on candidate order.
    Returns the chosen event id per mention, or None for "start a new event".
    """
    weights = block_weights(mentions, candidates)
    pairs = []
    for i, (mention, options) in enumerate(zip(mentions, candidates)):
        for event_id, features in options:
            value = score(mention, features, weights)
            if value is not None and value >= threshold_for(mention):
                pairs.append((-value, i, event_id))
    pairs.sort()
    chosen: list[str | None] = [None] * len(mentions)
    taken: set[str] = set()
    for _, i, event_id in pairs:
        if chosen[i] is None and event_id not in taken:
            chosen[i] = event_id
            taken.add(event_id)
    return chosen


def block_weights(
    mentions: Sequence[Features], candidates: Sequence[Sequence[tuple[str, Features]]]
) -> dict[str, float]:
    """``term_weights`` over the article and the distinct events of its blocks: a name every candidate
    shares (the club, the county, the country) tells them apart less than a victim's name or an age."""
    events = {event_id: features.context for options in candidates for event_id, features in options}
    article = frozenset().union(*(m.context for m in mentions))
    return term_weights([article, *events.values()])


def merge(event: Features, mention: Features) -> Features:
    """The summary of an event after ``mention`` joined it (first mention's values win)."""
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
        words=_capped(event.words | mention.words),
        names=_capped(event.names | mention.names),
        dead=min((d for d in (event.dead, mention.dead) if d), default=event.dead or mention.dead),
        articles=event.articles | mention.articles,
        admin1=event.admin1 if event.lat is not None else mention.admin1,
        resolution=event.resolution if event.lat is not None else mention.resolution,
        triggers=_capped(event.triggers | mention.triggers),
        context=_capped(event.context | mention.context),
    )


def _capped(words: frozenset[str]) -> frozenset[str]:
    return words if len(words) <= MAX_KEYWORDS * 2 else frozenset(sorted(words)[: MAX_KEYWORDS * 2])


def block_days(features: Features) -> range:
    """The day buckets a mention must look in (empty for undated mentions)."""
    if features.day is None:
        return range(0)
    if features.date_precision == "month":
        return range(features.day - 16, features.day + 17)
    if features.date_precision == "year":
        return range(features.day, features.day + 1)
    return range(features.day - DAY_WINDOW, features.day + DAY_WINDOW + 1)


class Linker:
    """In-memory incremental linker: feed one article's mentions at a time, get event ids back.

    Blocks are keyed by (type, day, country) for dated mentions and (type, country) for undated ones; a
    mention looks only at the blocks its date window covers in its own country (plus the blocks of
    events whose country is unknown), so the cost per mention does not grow with the number of events
    already linked. A mention without a country looks at every country of its days.

    ``horizon_days`` bounds memory for a stream in rough date order: events dated more than that many
    days before the latest date seen are dropped from the index (a later mention of them starts a new
    event). ``None`` keeps everything (a store keeps everything anyway: it links through the database).
    """

    def __init__(self, *, max_block: int = 500, horizon_days: int | None = None) -> None:
        self._events: dict[str, Features] = {}
        self._blocks: dict[tuple[str, object, str | None], list[str]] = defaultdict(list)
        self._by_day: dict[tuple[str, object], list[str]] = defaultdict(list)
        self._max_block = max_block
        self._horizon = horizon_days
        self._days: list[int] = []  # heap of the days that have blocks
        self._day_keys: dict[int, set[tuple]] = defaultdict(set)
        self._latest: int | None = None

    def __len__(self) -> int:
        return len(self._events)

    @staticmethod
    def _slot(features: Features, day: int | None) -> object:
        return ("undated",) if day is None else day

    def _candidate_ids(self, features: Features) -> list[str]:
        days = list(block_days(features)) or [None]
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
        chosen = assign([f for _, f in items], [self.candidates(f) for _, f in items])
        result = []
        for (mention_id, features), event_id in zip(items, chosen):
            if event_id is None:
                event_id = mention_id  # the event is named after its first mention
                self._add(event_id, features)
            else:
                self._events[event_id] = merge(self._events[event_id], features)
            result.append(event_id)
        self._forget_old()
        return result

    def _add(self, event_id: str, features: Features) -> None:
        self._events[event_id] = features
        slot = self._slot(features, features.day)
        block, by_day = (features.event_type, slot, features.country), (features.event_type, slot)
        self._blocks[block].append(event_id)
        self._by_day[by_day].append(event_id)
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
