"""Toponym resolution: choosing, for each place name, the place the text means.

Each candidate gets a score in log-population units:

* its population (countries and provinces weighed as the places people mean by default: a country name is
  the country, "Paris" is the French capital, a province only wins over a like-named town when much bigger);
* the document's country context: countries of other names in the text and of demonyms ("Iraqi"),
  counted once per mention, so a text about Tbilisi makes "Georgia" the country;
* a neighbouring qualifier: "Springfield, Illinois", "Paris, Texas", "Sirwah (Marib)", "X village of Y
  district" restrict the name to places inside the qualifier.

Two passes: the first resolves names on their own, the second again with the context the first found.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..distance import haversine_km
from ..doctext import text_of
from .names import name_key
from .recognize import CONTEXT_ONLY, NAMED_ONLY
from .sources import data_lines
from .words import feature_table, one_of, pattern, unit_kinds, words

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .gazetteer import Candidate, Gazetteer
    from .recognize import Mention

__all__ = ["DIRECTIONS", "FEATURE_WEIGHT", "QUALIFIER_GAP", "country_context", "no_place_use", "operating_areas", "operating_units",
           "resolve_mentions",
           "sponsor_only"]

FEATURE_WEIGHT: dict[str, float] = feature_table("score")
ALTERNATE_NAME_PENALTY = 1.0
CONTEXT_WEIGHT = 2.0
QUALIFIER_WEIGHT = 6.0
ADMIN_CONTEXT_WEIGHT = 1.0
DEMONYM_WEIGHT = 0.5
LIST_WEIGHT = 3.0  # a reading of the same kind as most other items of its list ("Manitoba, Ontario")
MIN_LIST = 3
MIN_ALTERNATE_POPULATION = 10_000
SMALL_PLACE = 20_000  # a place this small qualified by a unit it is not in is another, unlisted place
STRAY_VILLAGE = 20_000  # the largest place dropped for lying in a country the text does not name
UNIT_KINDS = unit_kinds()
_SPONSOR_AFTER = pattern("sponsor_after", re.IGNORECASE)
_CURRENCY_AFTER = pattern("currency_after", re.IGNORECASE)
_SPONSOR_BEFORE = pattern("sponsor_before", re.IGNORECASE)
_SPONSOR_PREFIX = pattern("sponsor_prefix", re.IGNORECASE)
_LIST_GAP = pattern("list_gap")
_LIST_JOINER = pattern("list_joiner")
_LIST_COMMA = pattern("list_comma")
# Between a name and its qualifier: ", " / " (" / " village of " ... (at most a few words).
QUALIFIER_GAP = pattern("qualifier_gap", re.IGNORECASE)
_UNRECOGNISED_DISTRICT = pattern("unrecognised_district")
_CENTRE_SUFFIX = pattern("centre_suffix", re.IGNORECASE)
_IN_OR_OF = pattern("in_or_of")


def base_score(candidate: Candidate) -> float:
    score = math.log10(candidate.population + 10)
    score += FEATURE_WEIGHT.get(candidate.feature_code, 0.0)
    if not candidate.main:
        score -= ALTERNATE_NAME_PENALTY
    return score


def country_context(doc: Doc, gazetteer: Gazetteer) -> Counter[str | None]:
    """Countries named by demonyms and nationality words (NORP entities) in ``doc``.

    A nationality word (or a one-country mission or armed group: "OSCE SMM") counts half as much as a
    place name (it often says whose, not where: "Turkish forces killed ... in Erbil"), and not at all when
    it only describes a sponsor ("Saudi-led coalition", "pro-Turkish fighters").
    """
    counts: Counter[str | None] = Counter()
    text = doc.text
    for ent in doc.ents:
        if ent.label_ == "NORP" and not sponsor_only(text, ent.start_char, ent.end_char):
            country = gazetteer.demonym(ent.text)
            if country:
                counts[country] += DEMONYM_WEIGHT  # type: ignore[assignment]  # typeshed: int counts only
    for country in operating_areas(text):
        # "the OSCE SMM observed ... near Komsomolets": in Ukraine
        counts[country] += DEMONYM_WEIGHT  # type: ignore[assignment]  # typeshed: int counts only
    return counts


def operating_areas(text: str) -> Counter[str]:
    """Countries of the one-country missions and armed groups ``text`` names ("OSCE SMM" -> UKR)."""
    return Counter(area.country for area in _operating_area_rows() if area.pattern.search(text))


def operating_units(text: str, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """The first-level units the missions and groups ``text`` names work in ("OSCE SMM" -> the Donetsk
    and Luhansk oblasts), as gazetteer records; empty when none of them has units on record."""
    found: dict[int, Candidate] = {}
    for area in _operating_area_rows():
        if area.units and area.pattern.search(text):
            for unit in area.units:
                record = next((c for c in gazetteer.candidates(unit)
                               if c.feature_code == "ADM1" and c.country == area.country), None)
                if record is not None:
                    found.setdefault(record.geonameid, record)
    return tuple(found.values())


@dataclass(frozen=True, slots=True)
class _OperatingArea:
    pattern: re.Pattern[str]
    country: str
    units: tuple[str, ...]


@lru_cache(maxsize=1)
def _operating_area_rows() -> tuple[_OperatingArea, ...]:
    rows = []
    for fields in data_lines("operating_areas.txt"):
        units = tuple(u.strip() for u in fields[2].split(";") if u.strip()) if len(fields) > 2 else ()
        rows.append(_OperatingArea(re.compile(r"(?<![\w-])" + re.escape(fields[0]) + r"(?![\w-])"),
                                   fields[1].strip(), units))
    return tuple(rows)


def no_place_use(text: str, start: int, end: int) -> bool:
    """Whether a place name at ``start:end`` names no place of the story: a sponsor ("US-backed") or a
    currency ("the US dollar exchange rate", "Egyptian pound")."""
    return sponsor_only(text, start, end) or bool(_CURRENCY_AFTER.match(text, end))


def sponsor_only(text: str, start: int, end: int) -> bool:
    """Whether a name at ``start:end`` only names a sponsor: "Saudi-led", "US-backed", "pro-Turkish"."""
    return bool(_SPONSOR_AFTER.match(text, end) or _SPONSOR_BEFORE.search(text[max(0, start - 5) : start])
                or _SPONSOR_PREFIX.match(text, start))


def resolve_mentions(
    doc: Doc, mentions: Sequence[Mention], gazetteer: Gazetteer
) -> list[tuple[Mention, Candidate | None]]:
    """The best candidate of every mention (``None`` when the gazetteer has no such place)."""
    text = text_of(doc)  # built from the tokens on every access: read it once
    options = [_options(m, gazetteer, _unit_after(text, m)) for m in mentions]
    chains = [_qualifier_chain(text, mentions, i) for i in range(len(mentions))]
    options = [opts or _small_alternates_inside(mention, chain, options, gazetteer)
               for mention, chain, opts in zip(mentions, chains, options, strict=True)]
    # "Kansas, Kentucky, Louisiana, Michigan, Missouri": items of a list do not qualify each other.
    qualifiers = [None if chain and _listed(text, mentions, chain[-1]) else _qualifier(chain, i, options)
                  for i, chain in enumerate(chains)]
    context = country_context(doc, gazetteer)
    _read_qualifiers_as_units(text, mentions, chains, qualifiers, options, context)
    first = [_best(opts, Counter(), Counter(), qual) for opts, qual in zip(options, qualifiers, strict=True)]
    # Votes per name: a name does not vote for itself, however often it is repeated ("Al Bayda ... Al Bayda").
    country_votes: dict[str, Counter[str | None]] = {}
    admin_votes: dict[str, Counter[str | None]] = {}
    for mention, choice in zip(mentions, first, strict=True):
        if choice is not None and not no_place_use(text, mention.start, mention.end):
            key = name_key(mention.text)
            country_votes.setdefault(key, Counter())[choice.country] += 1
            if choice.admin1_code:
                admin_votes.setdefault(key, Counter())[choice.admin1_code] += 1
    for votes in country_votes.values():
        context.update(votes)
    admin_context: Counter[str | None] = Counter()
    for votes in admin_votes.values():
        admin_context.update(votes)
    area_units = operating_units(text, gazetteer)
    named_units = admin_context.copy()  # the provinces the text itself names, before the actors' areas join
    for unit in area_units:
        admin_context[unit.admin1_code] += 1  # "the OSCE SMM observed ... near Viktorivka": Luhansk's
    siblings = _list_kinds(text, mentions, options)
    resolved = []
    for i, (mention, opts) in enumerate(zip(mentions, options, strict=True)):
        key = name_key(mention.text)
        ctx = context.copy()
        ctx.subtract(country_votes.get(key, Counter()))
        adm = admin_context.copy()
        adm.subtract(admin_votes.get(key, Counter()))
        choice = _best(opts, ctx, adm, qualifiers[i], siblings[i])
        if choice is not None and _outside_its_qualifier(text, mentions, i, chains[i], options, qualifiers[i]):
            choice = None  # "Tieba (Bankass, Mopti)" with only a Chinese Tieba known: an unlisted village
        if choice is not None and choice.population >= 100_000 and _called_a_village(text, mention):
            choice = None  # "the village of Korogo, near Berunda": not Korhogo, a city of 440,000
        if choice is not None and _stray_village(choice, ctx):
            # "the village of Korin in Idleb province": not the Czech Korin. But "in At Tadawin (Marib)":
            # a unit of the same name in the same country says the town is that unit's seat, not a namesake.
            choice = choice if _same_name_unit(choice, opts) is not None else None
        if choice is not None and qualifiers[i] is None and not _names_a_province(named_units, admin_votes.get(key)) \
                and _outside_operating_area(choice, area_units):
            choice = None  # an Odesa village named like a Luhansk one the gazetteer lacks: unlisted
        resolved.append((mention, choice))
    return _one_sense_per_name(mentions, resolved, qualifiers, options)


_VILLAGE_BEFORE = pattern("village_before", re.IGNORECASE)
_VILLAGE_AFTER = pattern("village_after", re.IGNORECASE)


def _called_a_village(text: str, mention: Mention) -> bool:
    return bool(_VILLAGE_BEFORE.search(text[max(0, mention.start - 20) : mention.start])
                or _VILLAGE_AFTER.match(text, mention.end))


def _small_alternates_inside(
    mention: Mention, chain: Sequence[int], options: Sequence[Sequence[Candidate]], gazetteer: Gazetteer
) -> tuple[Candidate, ...]:
    """"Kafr Nassij in Dar'a": a small place known only under another spelling is that place when it lies
    inside the province named right after it (alone, such spellings are too often another place's)."""
    if not chain or mention.label in (NAMED_ONLY, CONTEXT_ONLY, "NORP"):
        return ()
    containers = _containers(options[chain[0]])
    return tuple(c for c in gazetteer.candidates(mention.text) if any(c.lies_in(box) for box in containers))


def _one_sense_per_name(
    mentions: Sequence[Mention], resolved: list[tuple[Mention, Candidate | None]],
    qualifiers: Sequence[Candidate | None], options: Sequence[Sequence[Candidate]],
) -> list[tuple[Mention, Candidate | None]]:
    """A name qualified once ("Austin, in Scott County, Indiana") means the same place wherever the text
    repeats it bare ("the outbreak in Scott County")."""
    qualified: dict[str, Candidate] = {}
    for i, (mention, choice) in enumerate(resolved):
        if choice is not None and qualifiers[i] is not None:
            qualified.setdefault(name_key(mention.text), choice)
    if not qualified:
        return resolved
    out = []
    for i, (mention, choice) in enumerate(resolved):
        sense = qualified.get(name_key(mention.text))
        if sense is not None and choice is not None and qualifiers[i] is None \
                and any(c.geonameid == sense.geonameid for c in options[i]):
            choice = sense
        out.append((mention, choice))
    return out


def _options(mention: Mention, gazetteer: Gazetteer, unit_after: str = "") -> tuple[Candidate, ...]:
    """The readings of a mention; ``unit_after`` is a lower-case unit word written after it ("Idleb province")."""
    if mention.label in (NAMED_ONLY, CONTEXT_ONLY):
        return ()
    if mention.label == "NORP":
        record = gazetteer.demonym_place(mention.text)
        return (record,) if record else ()
    # A name that is only another place's alternate spelling must belong to a sizeable place: small
    # places' alternates are where "Riverdale" turns into Glendale.
    found = _usable(gazetteer.candidates(mention.text))
    if found and unit_after in UNIT_KINDS:
        # "the Houston region" is the town's area, not the province around it ("Idleb province" is).
        return _seats_and_units(_of_kind(found, UNIT_KINDS[unit_after], gazetteer,
                                         through_town=unit_after != "region")) or found
    unit_first = _UNIT_OF.match(mention.text)
    if not found and unit_first:
        # "the Municipality of Trancoso", "District of Columbia" aside: the named unit, else its seat
        named = _usable(gazetteer.candidates(unit_first.group("name")))
        return _of_kind(named, UNIT_KINDS[unit_first.group("unit").lower()], gazetteer) or named
    if not found:
        # "Northern Iraq", "South Lebanon": a part of a country, placed at the country
        direction, _, rest = mention.text.partition(" ")
        if direction.lower() in DIRECTIONS and rest:
            return tuple(c for c in _usable(gazetteer.candidates(rest)) if c.is_country)
    if not found:
        # "Kandahar city", "Nellore district": the name without its unit word, of the kind the word says.
        text = _CENTRE_SUFFIX.sub("", mention.text)  # "Maruf district center"
        name, _, unit = text.rpartition(" ")
        kinds = UNIT_KINDS.get(unit.lower())
        if name and kinds:
            found = _of_kind(_usable(gazetteer.candidates(name)), kinds, gazetteer)
    return found


_UNIT_OF = pattern("unit_of", re.IGNORECASE, units=one_of(UNIT_KINDS))
DIRECTIONS = words("directions")


def _seats_and_units(readings: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """"Akre district": the districts of that name and the towns in their provinces, not a namesake town
    abroad (Acre)."""
    units = [c for c in readings if c.is_admin]
    if not units:
        return readings
    return tuple(c for c in readings if c.is_admin or any(
        c.country == u.country and c.admin1_code == u.admin1_code for u in units))


def _of_kind(
    named: Sequence[Candidate], kinds: tuple[str, ...], gazetteer: Gazetteer, *, through_town: bool = True
) -> tuple[Candidate, ...]:
    found = tuple(c for c in named if c.feature_code.startswith(kinds))
    if not found and "ADM1" in kinds and through_town:
        # "Idleb province" where only the town has that spelling: the province the town is in.
        found = tuple(p for p in (_province_of(town, gazetteer) for town in named if town.admin1) if p is not None)
    return found


def _unit_after(text: str, mention: Mention) -> str:
    match = re.match(r"\s+([a-z]+)\b", text[mention.end : mention.end + 20])
    return match.group(1) if match else ""


def _province_of(town: Candidate, gazetteer: Gazetteer) -> Candidate | None:
    provinces = [c for c in gazetteer.candidates(town.admin1 or "")
                 if c.feature_code == "ADM1" and c.country == town.country and c.admin1_code == town.admin1_code]
    return provinces[0] if provinces else None


def _usable(candidates: Sequence[Candidate]) -> tuple[Candidate, ...]:
    return tuple(
        c for c in candidates
        if c.main or c.population >= MIN_ALTERNATE_POPULATION or c.is_country or c.is_admin
    )


def _list_kinds(text: str, mentions: Sequence[Mention], options: Sequence[Sequence[Candidate]]) -> list[tuple | None]:
    """For each item of a list of three or more places ("Alberta, Manitoba, Ontario and New Brunswick"), the
    kind of place (country and feature) most items can be, the likelier readings first (``None`` elsewhere):
    list items are alike."""
    groups: list[list[int]] = []
    for i in range(len(mentions)):
        gap = text[mentions[i - 1].end : mentions[i].start] if i else ""
        if i and _LIST_GAP.fullmatch(gap) and "NORP" not in (mentions[i].label, mentions[i - 1].label):
            groups[-1].append(i)
        else:
            groups.append([i])
    kinds: list[tuple | None] = [None] * len(mentions)
    for group in groups:
        if len(group) < MIN_LIST:
            continue
        support: dict[tuple, list[float]] = {}
        for i in group:
            best: dict[tuple, float] = {}
            for candidate in options[i]:
                kind = _kind(candidate)
                best[kind] = max(best.get(kind, -math.inf), base_score(candidate))
            for kind, score in best.items():
                support.setdefault(kind, []).append(score)
        if not support:
            continue  # no item of the list is known
        kind, scores = max(support.items(), key=lambda item: (len(item[1]), sum(item[1])))
        if 3 * len(scores) >= 2 * len(group) and kind != ("PCL",):
            for i in group:
                kinds[i] = kind
    return kinds


def _kind(candidate: Candidate) -> tuple:
    if candidate.is_country:
        return ("PCL",)  # countries in a list may be anywhere
    code = "PPL" if candidate.feature_code.startswith("PPL") else candidate.feature_code
    return (candidate.country, code)


def _best(
    options: Sequence[Candidate],
    context: Counter[str | None],
    admin_context: Counter[str | None],
    qualifier: Candidate | None,
    sibling_kind: tuple | None = None,
) -> Candidate | None:
    best, best_score = None, -math.inf
    for candidate in options:
        score = base_score(candidate) + _context_bonus(candidate, context)
        if sibling_kind is not None and _kind(candidate) == sibling_kind:
            score += LIST_WEIGHT
        if admin_context.get(candidate.admin1_code, 0) > 0 and not candidate.is_admin:
            score += ADMIN_CONTEXT_WEIGHT
        if qualifier is not None and candidate.lies_in(qualifier):
            score += QUALIFIER_WEIGHT
        if score > best_score:
            best, best_score = candidate, score
    return best


def _context_bonus(candidate: Candidate, context: Counter[str | None]) -> float:
    """Up to 2 * CONTEXT_WEIGHT for a candidate in the country the rest of the text names."""
    total = sum(v for v in context.values() if v > 0) or 1
    return CONTEXT_WEIGHT * 2 * max(context.get(candidate.country, 0), 0) / total


_ASIDE = re.compile(r"\s*\([^(),]{1,30}\)")


def _qualifier_chain(text: str, mentions: Sequence[Mention], i: int) -> list[int]:
    """Mentions written right after mention ``i`` as its containers: "Tieba (Bankass, Mopti)" -> [Bankass, Mopti]."""
    chain = _chain_from(text, mentions, i, i + 1)
    aside = None if chain else _ASIDE.match(text, mentions[i].end)
    if aside is None:
        return chain
    # "Gare (Chiya-e Gara) region of Dahuk": the names in a parenthesis right after are its other names
    after = next((j for j in range(i + 1, len(mentions)) if mentions[j].end > aside.end()), len(mentions))
    return _chain_from(text, mentions, i, after)


def _chain_from(text: str, mentions: Sequence[Mention], i: int, first: int) -> list[int]:
    chain: list[int] = []
    previous = i
    for j in (first, first + 1):  # a district, then its province
        if j >= len(mentions):
            break
        gap = text[mentions[previous].end : mentions[j].start]
        # "Al Jabaliyah area (At Tuhayat, Al Hudaydah)": a district no one recognised still leaves its province
        skipped = previous == i and _UNRECOGNISED_DISTRICT.fullmatch(gap) is not None
        if len(gap) > 40 or not (QUALIFIER_GAP.match(gap) or skipped):
            break
        chain.append(j)
        previous = j
    return chain


def _containers(options: Sequence[Candidate]) -> list[Candidate]:
    return [c for c in options if c.is_country or c.is_admin]


def _qualifier(chain: Sequence[int], i: int, options: Sequence[Sequence[Candidate]]) -> Candidate | None:
    """The container named right after mention ``i`` ("Paris, Texas"; "Tieba (Bankass, Mopti)")."""
    for position, j in enumerate(chain):
        # Only a qualifier if some reading of the name lies inside it.
        inside = [c for c in _containers(options[j]) if any(o.lies_in(c) for o in options[i])]
        if inside:
            # "Hyderabad (Hyderabad, Sindh)": the reading that itself lies inside the next qualifier.
            outer = [_containers(options[k]) for k in chain[position + 1 :]]
            best = max(inside, key=lambda c: base_score(c)
                       + QUALIFIER_WEIGHT * sum(any(c.lies_in(o) for o in level) for level in outer))
            if (not any(best.lies_in(o) for level in outer for o in level)
                    and any(o.lies_in(c) for o in options[i] for level in outer for c in level)):
                continue  # "Rafah (Rafah, North Sinai)" with only Gaza's Rafah district known: ask North Sinai
            return best
    return None


def _read_qualifiers_as_units(
    text: str, mentions: Sequence[Mention], chains: Sequence[Sequence[int]],
    qualifiers: Sequence[Candidate | None], options: list[tuple[Candidate, ...]], context: Counter[str | None],
) -> None:
    """A name in qualifier position means the unit: "Cosoleacaque, Veracruz" is in the state of Veracruz."""
    for i, chain in enumerate(chains):
        if not chain or _listed(text, mentions, chain[-1]):
            continue  # "in Washington, New York and Boston": a list, not a town and its state
        qualifier = qualifiers[i]
        gap = text[mentions[i].end : mentions[chain[0]].start]
        if qualifier is not None and any(c.geonameid == qualifier.geonameid for c in options[chain[0]]):
            options[chain[0]] = (qualifier,)
        elif (not options[i] and not chains[chain[0]] and mentions[i].label != NAMED_ONLY
              and re.fullmatch(r"[^,(]*[,(]\s*", gap)):
            # "Charbolak district, Balkh" with the district unknown: a unit reading of Balkh, if it has one.
            units = [c for c in _containers(options[chain[0]]) if not c.is_country]
            if units:  # the unit in a country the text names ("pro-Hadi ... (Khabb, Al Jawf)": Yemen's)
                options[chain[0]] = (max(units, key=lambda c: base_score(c) + _context_bonus(c, context)),)


NEIGHBOURHOOD_KM = 30.0
_NEIGHBOURHOOD_GAP = pattern("neighbourhood_gap", re.IGNORECASE)


def _outside_its_qualifier(
    text: str, mentions: Sequence[Mention], i: int, chain: Sequence[int],
    options: Sequence[Sequence[Candidate]], qualifier: Candidate | None,
) -> bool:
    """Whether a small place is qualified by units none of its readings lie in (so the gazetteer lacks it).

    "X (Y, Z)" always qualifies; "X, Y" only when X is small and Y is no item of a list ("Kidal, Gao and
    Timbuktu").
    """
    if chain and _NEIGHBOURHOOD_GAP.match(text[mentions[i].end : mentions[chain[0]].start]):
        # "Baglar neighborhood of Bagcilar": a part of a town lies in that town, not 300 km away
        return not any(haversine_km(o.lat, o.lon, c.lat, c.lon) < NEIGHBOURHOOD_KM
                       for o in options[i] for c in options[chain[0]])
    if qualifier is not None or not chain or not any(_containers(options[j]) for j in chain):
        return False
    if any(c.is_country for c in options[i]):
        return False
    gap = text[mentions[i].end : mentions[chain[0]].start]
    # In parentheses the names go from small to large ("(Bosso, Diffa)"): each lies in the next.
    if "(" in gap or text[: mentions[i].start].rstrip().endswith("("):
        return True
    if _IN_OR_OF.search(gap) and not any(
            o.country == c.country for o in options[i] for j in chain for c in _containers(options[j])):
        return True  # "Karak area in Dar'a": said to lie in another country's unit, so an unlisted place
    if any(c.is_admin for c in options[i]):
        return False
    if _listed(text, mentions, chain[-1]):
        return False
    # After a comma, a province or a country ("Novotroitske, Donetsk", "Benito Juarez, Nuevo Leon"); a
    # district may be a list item ("Thruxton, Hampshire").
    units = [c for j in chain for c in _containers(options[j])]
    if any(c.feature_code == "ADM1" or c.is_country for c in units):
        return True
    return all(c.population < SMALL_PLACE for c in options[i]) and not any(
        o.country == c.country for o in options[i] for c in units)


def _stray_village(choice: Candidate, context: Counter[str | None]) -> bool:
    """A small place in a country the text never names, when the text names others: more likely an
    unlisted namesake in the text's own country than the only one the gazetteer has."""
    if choice.is_country or choice.is_admin or choice.population >= STRAY_VILLAGE:
        return False
    named = sum(v for v in context.values() if v > 0)
    return named > 0 and context.get(choice.country, 0) <= 0


def _names_a_province(named: Counter[str | None], own: Counter[str | None] | None) -> bool:
    """Whether the provinces of the text's names, other than the name at hand (``own``), include one."""
    others = named.copy()
    others.subtract(own or Counter())
    return any(count > 0 for count in others.values())


def _outside_operating_area(choice: Candidate, units: Sequence[Candidate]) -> bool:
    """A small place in the country of an actor's operating area ("OSCE SMM") but outside its units."""
    if not units or choice.is_country or choice.is_admin or choice.population >= STRAY_VILLAGE:
        return False
    in_country = [u for u in units if u.country == choice.country]
    return bool(in_country) and not any(u.admin1_code == choice.admin1_code for u in in_country)


def _same_name_unit(town: Candidate, options: Sequence[Candidate]) -> Candidate | None:
    """The province named like ``town`` and lying in its country, if the name has one (not a district:
    many countries name every municipality after its seat, so that says nothing)."""
    units = [c for c in options if c.feature_code == "ADM1" and c.country == town.country]
    return max(units, key=base_score) if units else None


def _listed(text: str, mentions: Sequence[Mention], j: int) -> bool:
    """Whether another item follows mention ``j`` ("Gao and Timbuktu", "Washington, New York, Boston")."""
    end = mentions[j].end
    if _LIST_JOINER.match(text[end : end + 6]):
        return True
    return j + 1 < len(mentions) and _LIST_COMMA.fullmatch(text[end : mentions[j + 1].start]) is not None


def same_name(a: str, b: str) -> bool:
    return name_key(a) == name_key(b)
