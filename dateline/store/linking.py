"""Cross-article event linking: which mentions, from different articles, are one happening.

A mention (one extracted event of one article) is compared only with the linked events of its *block*:
same PLOVER type, a date within ``DAY_WINDOW`` days (the whole year for a year-precision date), plus the
undated and year-precision events its date cannot rule out; an undated mention looks at the events of its
type and country (a bounded number), so linking never compares all pairs. Within a block a mention scores each candidate on independent
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
  candidate events of its blocks; the stores and ``Linker`` pass ``idf_weights`` over every article
  linked so far instead), so the club or county every candidate names counts less than a victim's
  name or an age. Words of a title-case headline count only where the prose capitalises them too
  ("Fatal Shooting" is no name);
* details (``_detail_score``): an article about someone the event's articles never name (its most
  repeated name, the ``^`` marker of its context) counts against, and so do weekdays named by both
  articles with none in common (``@`` markers);
* conflicting evidence: other participant names (``_name_score`` below zero) together with a detail
  mismatch never link. Either alone happens within one story (a rewrite names other officials, or
  reports on another day); both together are another happening of it (the arrest, not the shooting);
* a far place (> ``MAX_KM``) weighs only ``MISPLACED_PENALTY`` when a participant name is shared and
  the article contexts agree strongly (``STRONG_CONTEXT``): the same people in the same story put
  elsewhere by a geocoder;
* a mention that names no participant takes the names of its article's other mentions
  (``with_article_names``).

Places are compared at the coarser of the two resolutions: a state's or a country's centroid is no
evidence that a city in it is far away, so only the admin1/country codes are compared then. Coordinates
farther than ``MAX_KM`` (geocoders misplace a city now and then) or another admin1 count against,
another country never links.

A mention dated only by its article (``date_precision`` "published") needs a little more
(``PUBLISHED_DATE_THRESHOLD``) and a pair with an undated or year-precision side more still
(``UNDATED_THRESHOLD``): without a date, type and place agree by chance far more often. Two mentions of one article are never linked (extraction already merged them).

``Linker`` is the in-memory form (used by the benchmark and by library users who link without a
database); the stores run the same ``score`` over candidates they fetch with an indexed query.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date as _date
from functools import lru_cache

from ..distance import haversine_km

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
    "idf_weights",
    "keywords",
    "mid_year",
    "score",
    "term_weights",
    "trigger_terms",
]

DAY_WINDOW = 2
YEAR_WINDOW = 183  # a year-precision date is any day of its year
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
# a far place weighs this little when the participants and the article context agree: one geocoder's
# misplaced city, not another happening
MISPLACED_PENALTY = 1.0
STRONG_CONTEXT = 1.0
MIN_OVERLAP = 0.25
MIN_CONTEXT = 2  # fewer context terms than this say nothing about sameness
MAX_CONTEXT = 120
_COARSE = frozenset({"admin1", "country"})
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
LEAD_MIN_COUNT = 2
LEAD_PENALTY = 2.0
WEEKDAY_PENALTY = 1.5
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
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
    leads = _leads(counts)
    for term in name_tokens(*names) - common - (headline_words - set(counts)):
        counts[term] += 1
    ranked = sorted(counts, key=lambda term: (-counts[term], term))
    markers = {LEAD + term for term in leads} | {WEEKDAY + day.lower() for day in _WEEKDAY.findall(text)}
    return frozenset(ranked[: MAX_CONTEXT - len(markers)]) | markers


def _leads(counts: Mapping[str, int]) -> list[str]:
    """The article's protagonists: the name(s) it repeats most, when it repeats one at all."""
    names = {term: n for term, n in counts.items() if not term.startswith("#")}
    top = max(names.values(), default=0)
    return [term for term, n in names.items() if n == top] if top >= LEAD_MIN_COUNT else []


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


def _detail_score(m: Features, e: Features) -> float:
    """Penalties for details that tell two similar happenings apart: the mention's article is about
    someone the event's articles never name (the same club, another player), or the two name only
    different weekdays."""
    _, m_leads, m_days = _split_context(m.context)
    e_terms, e_leads, e_days = _split_context(e.context)
    total = 0.0
    if m_leads and e_leads and not m_leads & e_terms:
        total -= LEAD_PENALTY
    if m_days and e_days and not m_days & e_days:
        total -= WEEKDAY_PENALTY
    return total


def _context_score(m: Features, e: Features, weights: Mapping[str, float] | None = None) -> float:
    m_context, e_context = _split_context(m.context)[0], _split_context(e.context)[0]
    if len(m_context) < MIN_CONTEXT or len(e_context) < MIN_CONTEXT:
        return 0.0
    shared = m_context & e_context
    if not shared:
        return -NO_CONTEXT_PENALTY
    smaller = min(_weight_sum(m_context, weights), _weight_sum(e_context, weights))
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


def _name_score(mention_names: frozenset[str], event_names: frozenset[str],
                weights: Mapping[str, float] | None = None) -> float:  # fmt: skip
    """Shared participant names add; names of the mention's own that the event lacks count against
    when they outweigh the shared ones (by rarity: a shared "sheriff" does not make up for another
    deputy's name)."""
    shared = mention_names & event_names
    if not shared:
        # both name their participants, and not the same ones
        return -NAME_WEIGHT if mention_names and event_names else 0.0
    missing = _weight_sum(mention_names - event_names, weights)
    if missing > _weight_sum(shared, weights) * NAME_MISMATCH_RATIO:
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
    names = _name_score(mention.names, event.names, weights)
    total += names
    if mention.words and event.words:
        overlap = len(mention.words & event.words) / min(len(mention.words), len(event.words))
        total += TEXT_WEIGHT * overlap
    if mention.dead and event.dead and max(mention.dead, event.dead) > 10 * min(mention.dead, event.dead):
        total -= 1.0
    context = _context_score(mention, event, weights)
    if mention.day is None and mention.triggers and event.triggers and not mention.triggers & event.triggers:
        return None  # undated: the verb is the last thing telling two happenings of one story apart
    details = _detail_score(mention, event)
    if names < 0 and details < 0:
        # other participants *and* another protagonist or weekday: two independent disagreements are
        # another happening of the story (the arrest, not the shooting), however much else agrees
        return None
    if place_part <= -FAR_PENALTY and names > 0 and context >= STRONG_CONTEXT:
        total += FAR_PENALTY - MISPLACED_PENALTY  # the same people in the same story: a misplaced city
    if mention.triggers & event.triggers:
        # the same verb is weak evidence alone (every attack "killed"), strong within one story
        total += TRIGGER_WEIGHT * (2 if context > 0 else 1)
    return total + context + details


def threshold_for(mention: Features, event: Features | None = None) -> float:
    """The score a link needs: more when the pair has no date to compare (either side undated, or
    dated to a year only: every happening of a kind in a country shares its year)."""
    pair = (mention,) if event is None else (mention, event)
    if any(f.day is None or f.date_precision == "year" for f in pair):
        return UNDATED_THRESHOLD
    return PUBLISHED_DATE_THRESHOLD if mention.date_precision == "published" else LINK_THRESHOLD


def assign(
    mentions: Sequence[Features],
    candidates: Sequence[Sequence[tuple[str, Features]]],
    weights: Mapping[str, float] | None = None,
) -> list[str | None]:
    """Choose an event for each mention of one article, at most one mention per existing event.

    ``candidates[i]`` lists ``(event_id, features)`` for ``mentions[i]``. Pairs are taken best score
    first (ties: mention order, then event id), so the result does not depend on candidate order.
    ``weights`` are the context terms' rarity (``idf_weights`` over every article seen so far); without
    them the rarity within the blocks stands in (``block_weights``).
    Returns the chosen event id per mention, or None for "start a new event".
    """
    if weights is None:
        weights = block_weights(mentions, candidates)
    mentions = with_article_names(mentions)
    pairs = []
    for i, (mention, options) in enumerate(zip(mentions, candidates)):
        for event_id, features in options:
            value = score(mention, features, weights)
            if value is not None and value >= threshold_for(mention, features):
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
        return range(features.day - YEAR_WINDOW, features.day + YEAR_WINDOW + 1)
    return range(features.day - DAY_WINDOW, features.day + DAY_WINDOW + 1)


def mid_year(day: int) -> int:
    """The blocking day of a year-precision date in the year of ``day`` (``day_of("YYYY")``: 1 July)."""
    return _date.fromordinal(day).replace(month=7, day=1).toordinal()


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

    def __init__(self, *, max_block: int = 500, horizon_days: int | None = None) -> None:
        self._events: dict[str, Features] = {}
        self._blocks: dict[tuple[str, object, str | None], list[str]] = defaultdict(list)
        self._by_day: dict[tuple[str, object], list[str]] = defaultdict(list)
        self._max_block = max_block
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
        days: list[int | None] = list(block_days(features))
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
        chosen = assign([f for _, f in items], candidates, weights)
        if items:
            self._term_articles.update(article)
            self._articles += 1
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
