"""Stage 3 of ``dateline run``, between extraction and storage: cross-article event linking: which mentions, from different articles, are one happening.

A mention (one extracted event of one article) is compared only with the linked events of its *block*:
same PLOVER type, a date within ``linking.day_window`` days (the whole year for a year-precision date), plus the
undated and year-precision events its date cannot rule out; an undated mention looks at the events of its
type and country (a bounded number), so linking never compares all pairs. Within a block a mention scores each candidate on independent
evidence and joins the best one that reaches ``linking.link_threshold``; otherwise it starts a new event.

Evidence and why each weighs what it does:

* type and CAMEO root must be compatible (a protest is never an attack);
* date: the same day is strong evidence; one day apart is neutral when either date was inferred
  (outlets date "yesterday" from different time zones) but never links when both dates are
  explicit, so two attacks in one city on consecutive days stay two events; more than
  ``linking.day_window`` days apart never links;
* place: near (km) is strong, far (> ``linking.max_km``) counts against, another country never links,
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
  subtracts, and so does a share below ``linking.min_overlap`` (one city among many names). Shared terms
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
* a far place (> ``linking.max_km``) weighs only ``linking.misplaced_penalty`` when a participant name is shared and
  the article contexts agree strongly (``linking.strong_context``): the same people in the same story put
  elsewhere by a geocoder;
* a mention that names no participant takes the names of its article's other mentions
  (``with_article_names``).

Places are compared at the coarser of the two resolutions: a state's or a country's centroid is no
evidence that a city in it is far away, so only the admin1/country codes are compared then. Coordinates
farther than ``linking.max_km`` (geocoders misplace a city now and then) or another admin1 count against,
another country never links.

A mention dated only by its article (``date_precision`` "published") needs a little more
(``linking.published_date_threshold``) and a pair with an undated or year-precision side more still
(``linking.undated_threshold``): without a date, type and place agree by chance far more often. Two mentions of one article are never linked (extraction already merged them).

``Linker`` is the in-memory form (used by the benchmark and by library users who link without a
database); the stores run the same ``score`` over candidates they fetch with an indexed query (``stage``).

Every weight and threshold named here is a setting of the ``[linking]`` section
(``dateline/settings/defaults.toml``, ``dateline config show``); the word lists are data
(``lang/en/uninformative_words.txt``, ``casualty_words.txt``, ``trigger_suffixes.txt``, ``months.tsv``,
``weekdays.tsv``; ``ontology/data/cameo_compatible_roots.tsv``).
"""

from __future__ import annotations

from .features import (
    Features,
    article_context,
    context_terms,
    day_of,
    features_of_event_row,
    features_of_mention_row,
    keywords,
    merge,
    mid_year,
    name_tokens,
    trigger_terms,
)
from .memory import Linker, block_days
from .score import (
    assign,
    block_weights,
    cameo_compatible,
    idf_weights,
    score,
    term_weights,
    threshold_for,
    with_article_names,
)
from .stage import CandidateQuery, EventIndex, candidate_queries, link_mentions

__all__ = [
    "CandidateQuery",
    "EventIndex",
    "Features",
    "Linker",
    "article_context",
    "assign",
    "block_days",
    "block_weights",
    "cameo_compatible",
    "candidate_queries",
    "context_terms",
    "day_of",
    "features_of_event_row",
    "features_of_mention_row",
    "idf_weights",
    "keywords",
    "link_mentions",
    "merge",
    "mid_year",
    "name_tokens",
    "score",
    "term_weights",
    "threshold_for",
    "trigger_terms",
    "with_article_names",
]
