"""Event location: the place where an event happened, given its trigger.

In order of trust:

1. a place attached to the trigger by a locative preposition ("in/at/near/outside X"), in the trigger's
   own noun phrase ("attack on the Green Zone in Iraq's capital, Baghdad") or its clause;
2. the nearest place in the trigger's sentence (not the dateline);
3. the main place of the paragraph, then of the document (not the dateline).

Within a locative phrase the most specific place wins; a named place no gazetteer has (a square, a zone, a
village) keeps its name and takes the coordinates of the town or unit that contains it ("Green Zone" at
Baghdad, "X village of Y district" at Y's centre) with that container's resolution.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..doctext import declare, text_of
from ..models import Place, Resolution, Span, replace
from .names import name_key
from .rank import DIRECTIONS, QUALIFIER_GAP, no_place_use, operating_areas
from .recognize import NAMED_ONLY, UNIT_WORDS
from .sources import PRIVATE_ID_BASE
from .words import feature_table, labels, pattern, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from .gazetteer import Candidate
    from .recognize import Mention

__all__ = ["Located", "contained_facilities", "document_country", "in_area", "in_country", "locate", "resolution_of"]

_TOKEN_STARTS_KEY = declare("dateline_token_starts")  # doc._.dateline_token_starts, as in extract/quotes.py

LOCATIVE_PREPS = words("locative_prepositions")
# Prepositions that point at a place without saying the event happened there.
WEAK_PREPS = words("weak_prepositions")
# Nouns whose "of" leads to a place: "the village of X", "the outskirts of X", "north of X".
PLACE_NOUNS = UNIT_WORDS | words("place_nouns")
_COUNTRY_SIZED = frozenset(feature_table("resolution")["country_sized"])  # continents, oceans, seas
_NOMINAL = labels("nominal")
_PLACE_ENTITIES = labels("place_entities")
_CLAUSE_BOUNDARIES = labels("clause_boundaries")
_PLACE_PHRASE_LINKS = labels("place_phrase_links")
_NOUN_MODIFIERS = labels("noun_modifiers")
_NAME_COORDINATION = labels("name_coordination")
_SITE_LABELS = labels("site_entities") | {NAMED_ONLY}  # a named site no gazetteer has, or a FAC/LOC entity
CONTAINER_REACH = 40  # characters after a name where its containers are written ("X (Y district, Z)")
_RESOLUTION_RANK = {Resolution.SUB_CITY: 0, Resolution.CITY: 1, Resolution.ADMIN2: 2, Resolution.ADMIN1: 3,
                    Resolution.COUNTRY: 4}


@dataclass(frozen=True, slots=True)
class Located:
    """A mention with its resolution (``None`` when the gazetteer has no such place)."""

    mention: Mention
    place: Candidate | None

    @property
    def known(self) -> Candidate:
        """The place of a mention already known to be resolved (callers keep only those first)."""
        if self.place is None:
            raise ValueError(f"{self.mention.text!r} has no place")
        return self.place


def resolution_of(feature_code: str | None) -> str:
    code = feature_code or ""
    if code.startswith("PCL") or code in _COUNTRY_SIZED:
        return Resolution.COUNTRY.value
    if code == "RGN":  # a region inside a country (the West Bank, Donbas): province-sized
        return Resolution.ADMIN1.value
    if code == "ADM1":
        return Resolution.ADMIN1.value
    if code.startswith("ADM"):
        return Resolution.ADMIN2.value
    return Resolution.CITY.value


def in_country(place: Place, country: Candidate) -> Place:
    """A place no gazetteer has, at the point of the country the text is about (``resolution`` country)."""
    return replace(place, lat=round(country.lat, 5), lon=round(country.lon, 5), country_code=country.country,
                   resolution=Resolution.COUNTRY.value, reason=None)


def in_area(place: Place, units: Sequence[Candidate]) -> Place:
    """A place no gazetteer has, at the centre of the units an actor of the text works in ("OSCE SMM":
    Donetsk and Luhansk oblasts), with ``resolution`` admin1: nearer than the country's centre."""
    lat = sum(unit.lat for unit in units) / len(units)
    lon = sum(unit.lon for unit in units) / len(units)
    return replace(place, lat=round(lat, 5), lon=round(lon, 5), country_code=units[0].country,
                   admin1=units[0].admin1 if len(units) == 1 else None,
                   resolution=Resolution.ADMIN1.value, reason=None)


def document_country(doc: Doc, located: Sequence[Located], demonym_votes: Counter[str | None]) -> str | None:
    """The country a text is about: the most named among its resolved places (nationality words count
    half), else the country of a mission or armed group that works in one country only ("OSCE SMM")."""
    text = text_of(doc)
    votes: Counter[str | None] = Counter(demonym_votes)
    for item in located:
        if item.place is not None and item.place.country and item.mention.label != "NORP" \
                and not no_place_use(text, item.mention.start, item.mention.end):
            votes[item.place.country] += 1
    if votes:
        return max(votes, key=lambda country: votes[country])
    areas = operating_areas(text)
    return max(areas, key=lambda country: areas[country]) if areas else None


def locate(doc: Doc, trigger: SpacySpan, located: Sequence[Located], dateline: str | None) -> Place | None:
    """Where the event of ``trigger`` happened, or ``None`` when the text does not say."""
    # A nationality word ("Iraqi civilians") says whose, not where; nor does a currency ("the US dollar").
    text = text_of(doc)
    located = [item for item in located if item.mention.label != "NORP"
               and not (item.place is not None and item.place.is_country
                        and no_place_use(text, item.mention.start, item.mention.end))]
    if not located:
        return None
    starts = doc.user_data.get(_TOKEN_STARTS_KEY)  # once per Doc (shared with quotes._token_starts), not per event
    if starts is None:
        starts = doc.user_data[_TOKEN_STARTS_KEY] = [t.idx for t in doc]
    attached = _attached(doc, trigger, located, starts)
    if attached is not None and attached.span is not None and attached.resolution == Resolution.COUNTRY.value:
        # "an attack east of Durayhimi in western Yemen (Ad Durayhimi, Al Hudaydah)": the finer unit given
        unit = _unit_in_parenthesis(attached.span.end, attached.country_code, located, text)
        attached = _refined(unit, located, text) if unit is not None else attached
    if attached is not None and attached.lat is not None:
        if _part_of_a_country(attached):
            # "demonstrated in the city of Tarim ... across South Yemen": the town, not the region's country
            around = _around(doc, trigger, located, dateline, starts)
            if around is not None and around.country_code == attached.country_code \
                    and around.resolution != Resolution.COUNTRY.value:
                return around
        return _finer_written_before(attached, located, text)
    around = _around(doc, trigger, located, dateline, starts)
    if attached is None:
        return around or _unknown_in_sentence(doc, trigger, located, starts)
    if around is None:
        return attached
    # A named place no gazetteer has, located by the best place around it.
    return replace(around, name=attached.name, span=attached.span, geonameid=None, feature_code=None)


def _part_of_a_country(place: Place) -> bool:
    """"Northern Iraq", "South Yemen": a region named by a direction, placed at its country."""
    first = place.span.text.split(" ", 1)[0].lower() if place.span is not None else ""
    return place.resolution == Resolution.COUNTRY.value and first in DIRECTIONS


def _finer_written_before(attached: Place, located: Sequence[Located], text: str) -> Place:
    """"killed an officer in Kafr Nassij in Dar'a" parsed with "in Dar'a" on the verb: the town the
    province qualifies, written right before it."""
    known = [item for item in located if item.place is not None]
    item = next((i for i in known if attached.span is not None and i.mention.start == attached.span.start), None)
    if item is None:
        return attached
    finest = _finest_of_chain(item, known, text)
    return attached if finest is item else _refined(finest, located, text)


def _around(
    doc: Doc, trigger: SpacySpan, located: Sequence[Located], dateline: str | None, starts: list[int]
) -> Place | None:
    """The place of the trigger's sentence, else of its paragraph, else of the document."""
    sentence = trigger.sent
    text = text_of(doc)  # rebuilt from the tokens on every access: read it once
    in_sentence = [
        item for item in located
        if sentence.start_char <= item.mention.start < sentence.end_char and item.place is not None
        and not _is_dateline(item, text, dateline)
    ]
    if in_sentence:
        # Places in a locative phrase ("in Castanos, Coahuila") first, the most specific of them; then the
        # nearest to the trigger.
        phrased = [item for item in in_sentence if _in_locative_phrase(doc, item, starts)]
        if phrased:
            # Among equally specific places, one setting the scene of the whole clause ("On 30 April, in
            # Andahuaylas, ... staged a demonstration ... to return to their homes in Lima") first.
            best = min(phrased, key=lambda item: (_rank(item.known), not _sets_the_scene(doc, item, starts),
                                                  _distance(item, trigger, starts)))
        else:
            # "against the high US dollar exchange rate": a place naming a kind of thing is not a location.
            pool = [item for item in in_sentence if not _modifier(doc, item, starts)] or in_sentence
            best = min(pool, key=lambda item: _distance(item, trigger, starts))
        return _refined(_finest_of_chain(best, in_sentence, text), located, text)
    paragraph = _paragraph_bounds(text, trigger.start_char)
    in_paragraph = [i for i in located if paragraph[0] <= i.mention.start < paragraph[1]]
    return _main_place(in_paragraph, text, dateline) or _main_place(located, text, dateline)


def _unknown_in_sentence(doc: Doc, trigger: SpacySpan, located: Sequence[Located], starts: list[int]) -> Place | None:
    """A place no gazetteer has, in a locative phrase of the trigger's sentence ("observed 26 explosions near
    Sentianivka"), when the text resolves no place around the event: its name, without coordinates."""
    sentence = trigger.sent
    unknown = [item for item in located
               if item.place is None and sentence.start_char <= item.mention.start < sentence.end_char
               and _in_locative_phrase(doc, item, starts, weak=True)]
    return _unlocated(unknown[0].mention) if unknown else None


def _attached(doc: Doc, trigger: SpacySpan, located: Sequence[Located], starts: list[int]) -> Place | None:
    """The place in a locative phrase hanging off the trigger, its noun phrase or its clause."""
    strong: list[Place] = []
    weak: list[Place] = []
    for anchor in _anchors(trigger):
        for prep in anchor.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPS:
                continue
            if trigger.start <= prep.i < trigger.end:
                continue
            region = (prep.left_edge.idx, prep.right_edge.idx + len(prep.right_edge))
            is_weak = prep.lower_ in WEAK_PREPS
            pool = located
            if prep.lower_ == "by":
                # "an airstrike by US military forces": the agent's country says whose forces, not where.
                pool = [item for item in located if not _modifier(doc, item, starts)]
            pool = [item for item in pool if _reached_through_places(doc, item, prep, starts)]
            place = _place_in_region(pool, region)
            if place is not None:
                (weak if is_weak else strong).append(place)
        if strong:
            return strong[0]
    return strong[0] if strong else (weak[0] if weak else None)


def _anchors(trigger: SpacySpan) -> list[Token]:
    """The trigger's head word, then the words up its clause (noun -> verb governing it)."""
    anchors = [trigger.root]
    token = trigger.root
    for _ in range(3):
        if token.head.i == token.i or token.dep_ in _CLAUSE_BOUNDARIES:
            break
        token = token.head
        anchors.append(token)
    return anchors


def _reached_through_places(doc: Doc, item: Located, prep: Token, starts: list[int]) -> bool:
    """Whether the mention is the object of ``prep`` through places, not through another noun's "of"
    ("in support of the President of Brazil" says nothing about where; "in the outskirts of Aleppo" does)."""
    token = doc[bisect.bisect_right(starts, item.mention.start) - 1]
    for _ in range(12):
        if token.i == prep.i:
            return True
        if token.head.i == token.i:
            return False
        if (token.dep_ == "prep" and token.lower_ == "of" and token.head.pos_ in _NOMINAL
                and token.head.lemma_.lower() not in PLACE_NOUNS and token.head.ent_type_ not in _PLACE_ENTITIES):
            return False
        token = token.head
    return True


def _place_in_region(located: Sequence[Located], region: tuple[int, int]) -> Place | None:
    inside = [item for item in located if region[0] <= item.mention.start < region[1]]
    if not inside:
        return None
    resolved = [item for item in inside if item.place is not None]
    unresolved = [item for item in inside if item.place is None]
    if not resolved:
        if not unresolved:
            return None
        # "in Tieba (Bankass, Mopti)", "in Al-Bayaa": a place no gazetteer has. Its name is the answer; the
        # containers written right after it give the point.
        head = unresolved[0].mention
        after = [item for item in located if item.place is not None
                 and head.end <= item.mention.start <= head.end + CONTAINER_REACH]
        if after:
            container = min(after, key=lambda item: _rank(item.known))
            return _place(head, container.known, own=False)
        return _unlocated(head)
    best = min(resolved, key=lambda item: _rank(item.known))
    if unresolved:
        # "the Green Zone in ... Baghdad", "the Baghdad neighbourhood of Al-Bayaa": the place no gazetteer has
        # is the finer one; it keeps its name and takes its container's point.
        return _place(unresolved[0].mention, best.known, own=False)
    return _place(best.mention, best.known)


def _bare_name(text: str) -> str:
    """The name without a lower-case unit word NER left on it: "Menakuru village" -> "Menakuru"."""
    name, _, last = text.rpartition(" ")
    return name if name and last in UNIT_WORDS else text


def _unlocated(mention: Mention) -> Place:
    return Place(name=_bare_name(mention.text), span=Span(start=mention.start, end=mention.end, text=mention.text),
                 reason="not in the gazetteer")


def _place(mention: Mention, candidate: Candidate, *, own: bool = True) -> Place:
    """A Place for ``mention``; ``own`` False when it borrows a container's point (a sub-city name)."""
    return Place(
        name=_bare_name(mention.text),  # as the text writes it ("Baghdad", not the gazetteer's "Baghdād")
        lat=round(candidate.lat, 5),
        lon=round(candidate.lon, 5),
        country_code=candidate.country,
        admin1=candidate.admin1 if not candidate.is_country else None,
        geonameid=candidate.geonameid if own and candidate.geonameid < PRIVATE_ID_BASE else None,
        resolution=resolution_of(candidate.feature_code),
        span=Span(start=mention.start, end=mention.end, text=mention.text),
        feature_code=candidate.feature_code if own else None,
    )


def _rank(candidate: Candidate) -> int:
    return _RESOLUTION_RANK[Resolution(resolution_of(candidate.feature_code))]


def _in_locative_phrase(doc: Doc, item: Located, starts: list[int], *, weak: bool = False) -> bool:
    """Whether the mention hangs (through appositions and conjuncts) off a locative preposition (``weak``:
    also "from/to/on...")."""
    token = doc[bisect.bisect_right(starts, item.mention.start) - 1]
    for _ in range(6):
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in PLACE_NOUNS:
            token = token.head.head  # "in the city of Tarim": the phrase of "city"
            continue
        if token.dep_ == "pobj":
            return token.head.lower_ in LOCATIVE_PREPS and (weak or token.head.lower_ not in WEAK_PREPS)
        if token.head.i == token.i or token.dep_ not in _PLACE_PHRASE_LINKS:
            return False
        token = token.head
    return False


def _modifier(doc: Doc, item: Located, starts: list[int]) -> bool:
    """Whether the mention modifies a common noun ("US dollar", "Syrian-Turkish border" excepted: NORP)."""
    end = bisect.bisect_right(starts, item.mention.end - 1) - 1
    token = doc[end]
    return token.dep_ in _NOUN_MODIFIERS and token.head.i > token.i and token.head.pos_ == "NOUN"


_PARENTHESIS_AFTER = re.compile(r"\s*\(\s*(?:[^(),]*,\s*){0,2}")


def _refined(best: Located, located: Sequence[Located], text: str) -> Place:
    """The place of ``best``, or of an unknown place written right before it as inside it ("in Qaryat
    al-Hilal, Iraq", "Tieba (Bankass, Mopti)"): that place's name at its container's point."""
    named = [
        item for item in located
        if item.place is None and item.mention.label != "NORP"
        and 0 <= best.mention.start - item.mention.end <= CONTAINER_REACH
        and QUALIFIER_GAP.match(text[item.mention.end : best.mention.start])
    ]
    if named:
        return _place(named[-1].mention, best.known, own=False)
    return _place(best.mention, best.known)


def _unit_in_parenthesis(end: int, country: str | None, located: Sequence[Located], text: str) -> Located | None:
    """The finest known place of a parenthesis right after a country name: "Yemen (Ad Durayhimi, Al
    Hudaydah)" -> Ad Durayhimi; "Yemen (Hays, Al Hudaydah)" with Hays unknown -> Al Hudaydah."""
    inside = [item for item in located
              if item.mention.start > end and item.place is not None and item.place.country == country
              and not item.place.is_country and _PARENTHESIS_AFTER.fullmatch(text[end : item.mention.start])]
    return inside[0] if inside else None


def _finest_of_chain(best: Located, candidates: Sequence[Located], text: str) -> Located:
    """The town of "Emiliano Zapata, Hidalgo" when the parse reached only its state; the district of
    "east of Durayhimi in western Yemen (Ad Durayhimi, Al Hudaydah)" when it reached only the country."""
    if best.place is not None and best.place.is_country:
        best = _unit_in_parenthesis(best.mention.end, best.place.country, candidates, text) or best
    for _ in range(2):
        finer = [
            item for item in candidates
            if item.mention.end <= best.mention.start and QUALIFIER_GAP.match(text[item.mention.end : best.mention.start])
            and (_rank(item.known) < _rank(best.known) or _town_in_towns_province(item, best, text))
        ]
        if not finer:
            break
        best = finer[-1]
    return best


def _town_in_towns_province(item: Located, best: Located, text: str) -> bool:
    """"in Ma'arrat An Nu'man in Idleb", the province spelled like its capital: the town written before
    "in" lies in the capital's province."""
    town, capital = item.known, best.known
    return (_IN_GAP.fullmatch(text[item.mention.end : best.mention.start]) is not None
            and town.geonameid != capital.geonameid and not town.is_country and town.country == capital.country
            and bool(town.admin1_code) and town.admin1_code == capital.admin1_code)


_IN_GAP = pattern("in_gap")


def _sets_the_scene(doc: Doc, item: Located, starts: list[int]) -> bool:
    """Whether the mention's locative phrase hangs off its sentence's main verb."""
    token = doc[bisect.bisect_right(starts, item.mention.start) - 1]
    for _ in range(4):
        if token.dep_ == "pobj":
            return token.head.head.dep_ == "ROOT" and token.head.head.i != token.head.i
        if token.head.i == token.i or token.dep_ not in _NAME_COORDINATION:
            return False
        token = token.head
    return False


def _distance(item: Located, trigger: SpacySpan, starts: list[int]) -> int:
    token = bisect.bisect_right(starts, item.mention.start) - 1
    if token < trigger.start:
        return trigger.start - token + 1  # a place before the trigger is a little less likely its location
    return max(token - trigger.end + 1, 0)


def _paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n\n", 0, offset)
    end = text.find("\n\n", offset)
    return (max(start, 0), len(text) if end < 0 else end)


def _main_place(located: Sequence[Located], text: str, dateline: str | None) -> Place | None:
    usable = [i for i in located if i.place is not None and not _is_dateline(i, text, dateline)]
    if not usable:
        return None
    counts = Counter(i.known.geonameid for i in usable)
    # Most mentioned; among equals, the more specific, then the earliest.
    best = min(
        usable,
        key=lambda i: (-counts[i.known.geonameid],
                       _RESOLUTION_RANK[Resolution(resolution_of(i.known.feature_code))], i.mention.start),
    )
    return _place(best.mention, best.known)


def _is_dateline(item: Located, text: str, dateline: str | None) -> bool:
    """Whether a mention is the filing place: it names the dateline, or sits in a header line of the text."""
    if dateline and name_key(item.mention.text) and name_key(item.mention.text) in name_key(dateline):
        return True
    line_start = text.rfind("\n", 0, item.mention.start) + 1
    line_end = text.find("\n", item.mention.start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    # "WASHINGTON (Reuters) -" / "ANI | Washington DC | Updated: ..." : the place in a credit line.
    head = text[line_start : item.mention.start]
    return ("|" in line and len(line) < 200) or (len(head) < 3 and item.mention.text.isupper() and len(line) > 40)


def contained_facilities(doc: Doc, located: Sequence[Located]) -> list[tuple[Located, Candidate]]:
    """Named facilities and areas NER found but no gazetteer has, each with the town it lies in."""
    resolved = [item for item in located if item.place is not None]
    towns = [item for item in resolved if _rank(item.known) <= 2]
    if not towns:
        return []
    counts = Counter(item.known.geonameid for item in towns)
    main_town = max(towns, key=lambda item: counts[item.known.geonameid]).known
    pairs = []
    for item in located:
        if item.place is not None or item.mention.label not in _SITE_LABELS:
            continue
        if any(t.mention.start < item.mention.end and item.mention.start < t.mention.end for t in resolved):
            continue  # "Baghdad Green Zone Attack" around a resolved "Baghdad": never two toponyms on one span
        sentence = doc[item.mention.token_index].sent
        near = [t for t in towns if sentence.start_char <= t.mention.start < sentence.end_char]
        town = min(near, key=lambda t: abs(t.mention.start - item.mention.start)).known if near else main_town
        pairs.append((item, town))
    return pairs
