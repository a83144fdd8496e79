"""Toponym recognition: which stretches of a parsed text name places.

Two sources, merged without overlaps:

* spaCy's GPE / LOC / FAC entities (trimmed of "the" and a possessive "'s");
* the gazetteer, for capitalised word sequences NER missed or folded into an organisation
  ("the US Army", "Baghdad Green Zone Attack"): a sequence counts when it names a country, a province or
  a big town, or any known place right after a locative word ("in Pandi", "Sirwah district").

False friends stay out: words inside PERSON names, months and weekdays, lower-case words ("turkey"),
demonyms and a short list of capitalised words that are far more often not places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .names import name_key, strip_name
from .words import calendar_words, labels, one_of, pattern, words

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Span, Token

    from .gazetteer import Candidate, Gazetteer

__all__ = ["CONTEXT_ONLY", "NAMED_ONLY", "Mention", "find_mentions"]

PLACE_LABELS = labels("place_entities")
# Entity labels whose words are never re-read as places (a person called "Jordan" stays a person).
BLOCKING_LABELS = labels("non_place_entities")
LOCATIVE_WORDS = words("locative_words")
# "in rural Saraqab", "the eastern Aleppo countryside": a word between the preposition and the name.
AREA_WORDS = words("area_words")
# Right before a name, these make the name a place ("near Kidal", "(Rafi LGA, Niger)").
PLACE_CONTEXT_WORDS = words("place_context_words")
# NER labels that sometimes wrap a place name: a person ("Balkh"), an organisation ("Saraqab in Idleb"), or
# a nationality word ("Kidal", "Poonch") that is no demonym.
MISREAD_LABELS = labels("misread_place_entities")
UNIT_WORDS = words("unit_words")
# Capitalised words that are places somewhere but, in news, almost always something else.
FALSE_FRIENDS = words("false_friends") | calendar_words()
MAX_NGRAM = 5  # "Deir-ez-Zor" is five tokens
NAME_PARTICLES = words("name_particles")
# Words inside a place name after its head ("Amatlan de los Reyes", "Republic of the Congo", "Guinea-Bissau").
TAIL_PARTICLES = words("tail_particles")
UNKNOWN_PLACE_PREPS = words("unknown_place_prepositions")
UNKNOWN_PLACE_ENT_TYPES = labels("unknown_place_entities")
# Label of a named facility no gazetteer resolves: kept to name sub-city event locations, never a toponym.
NAMED_ONLY = "FAC-NAME"
# Label of a PERSON/ORG entity that its context shows to be a place the gazetteer lacks ("in Qaryat al-Hilal").
CONTEXT_ONLY = "CONTEXT"


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name in the text: offsets into ``doc.text``, the bare name, and how it was found."""

    start: int
    end: int
    text: str
    label: str  # GPE / LOC / FAC from NER, or GAZ for a gazetteer match
    token_index: int  # first token, for distances


def find_mentions(doc: Doc, gazetteer: Gazetteer, *, demonyms: bool = False) -> list[Mention]:
    """Place-name mentions of ``doc`` in text order, without overlaps.

    ``demonyms``: also count nationality words ("Russian troops") as mentions of their country, as
    GeoWebNews annotates them (label NORP).
    """
    mentions: list[Mention] = []
    covered: set[int] = set()
    blocked: set[int] = set()
    organisations: dict[int, int] = {}  # token -> first token of its organisation-like entity
    facilities: set[int] = set()  # tokens of names NER calls facilities and no gazetteer has
    for ent in _joined_entities(doc, gazetteer):
        misread = (ent.label_ in MISREAD_LABELS and not (ent.label_ == "NORP" and gazetteer.demonym_place(ent.text))
                   or _wordy_date(ent))
        if misread and _misread_place(ent, gazetteer):
            # "Tamil Nadu" tagged as a person: a multi-word name of a country, province or big town wins.
            mention = _make_mention(ent, "GAZ")
            if mention is not None:
                mentions.append(mention)
                covered.update(range(ent.start, ent.end))
        elif misread and ent.label_ in _PERSON_OR_ORGANISATION and _unknown_place(ent):
            # "in Qaryat al-Hilal", "Kafr Zeta village": a place by its context, unknown to the gazetteer;
            # kept so an event there keeps its name (it is never a toponym of its own). "Saraqab in Idleb"
            # as one organisation: its first name is kept so, the words after "in" are left to the gazetteer.
            cut = next((t.i for t in ent if t.lower_ in _ORGANISATION_CUTS and t.i > ent.start), ent.end)
            mention = _make_mention(ent.doc[ent.start : cut], CONTEXT_ONLY)
            if mention is not None:
                mentions.append(mention)
            blocked.update(range(ent.start, cut))
        elif ent.label_ in BLOCKING_LABELS:
            blocked.update(range(ent.start, ent.end))
        elif ent.label_ in PLACE_LABELS:
            for mention in _entity_mentions(ent, gazetteer):
                mentions.append(mention)
                if mention.label != NAMED_ONLY:
                    covered.update(range(ent.start, ent.end))
                else:  # "Gana Ropp", "War Tho Kho": a name no gazetteer has is read like an organisation's
                    organisations.update({i: ent.start for i in range(ent.start, ent.end)})
                    facilities.update(range(ent.start, ent.end))
        elif ent.label_ in _ORGANISATION_LIKE:
            organisations.update({i: ent.start for i in range(ent.start, ent.end)})
        elif ent.label_ == "NORP":
            if not (misread and _name_goes_on_after(ent)):  # "Ma'arrat An Nu'man": left to the gazetteer
                covered.update(range(ent.start, ent.end))
            mention = _make_mention(ent, "NORP")
            if demonyms and mention is not None and gazetteer.demonym_place(mention.text):
                mentions.append(mention)
    mentions.extend(_gazetteer_mentions(doc, gazetteer, covered | blocked, organisations, facilities,
                                        demonyms=demonyms))
    mentions.extend(_unknown_after_preposition(doc, mentions))
    mentions.sort(key=lambda m: m.start)
    return _whole_names(doc.text, mentions, gazetteer)


# A name going on after a known place's name with a linking particle: "Kut e Abdollah", "Bir at Tutah",
# "Mafraq ar Ruwayk", "Pul-e Khumri", "Kambi ya Yua", "Choro del Mono"; or a numbered part ("Bala Duri I").
_NAME_GOES_ON = pattern("name_goes_on")
_ENGLISH_PARTICLES = words("particles_also_english")  # also English words: "in Idlib at Saraqeb"
# A known name and one or two more capitalised words before a unit word: "Bala Buluk district" is not Bala.
_UNITS_ENDING_NAMES = UNIT_WORDS - words("unit_words_not_after_a_name")
_NAME_BEFORE_UNIT = pattern("name_before_unit", units=one_of(sorted(_UNITS_ENDING_NAMES)))
_ORGANISATION_CUTS = words("organisation_name_cuts")
_UNKNOWN_PLACE_BEFORE = words("unknown_place_before")
_UNKNOWN_PLACE_AFTER = words("unknown_place_after")
_NAME_SEPARATORS = words("name_separators")
_QUALIFIER_OPENERS = words("qualifier_openers")
_CENTRE_WORDS = words("centre_words")
_ORGANISATION_LIKE = labels("organisation_like_entities")
_PERSON_OR_ORGANISATION = labels("person_or_organisation_entities")


def _whole_names(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A place name that is only the start of a longer name is that longer name: "Kut e Abdollah" is not
    Kut, "Bir at Tutah" not Bir. The longer name keeps its readings when the gazetteer knows it, else it
    is a place no gazetteer has (it keeps its name and takes its container's point)."""
    out: list[Mention] = []
    swallowed_until = -1
    for mention in mentions:
        if mention.start < swallowed_until:
            continue  # "Tutah" of "Bir at Tutah"
        match = _NAME_GOES_ON.match(text, mention.end) if mention.label not in (NAMED_ONLY, "NORP") else None
        if match is not None and match.group("word") and match.group("particle") in _ENGLISH_PARTICLES \
                and _known_by_itself(match.group("word"), gazetteer):
            match = None  # "clashes in Idlib at Saraqeb": two places
        if match is None and mention.label not in (NAMED_ONLY, CONTEXT_ONLY, "NORP"):
            match = _unknown_words_before_unit(text, mention, gazetteer)
        if match is None:
            out.append(mention)
            continue
        longer = text[mention.start : match.end()]
        label = mention.label if gazetteer.candidates(longer) else CONTEXT_ONLY
        out.append(Mention(mention.start, match.end(), longer, label, mention.token_index))
        swallowed_until = match.end()
    return out


def _unknown_words_before_unit(text: str, mention: Mention, gazetteer: Gazetteer) -> re.Match[str] | None:
    """"Bala Buluk district", "Gare Sheli area": words no gazetteer knows between a known name and a unit
    word, so the whole is one (unlisted) name. "Helmand Nad Ali district" stays two: Nad Ali is known."""
    match = _NAME_BEFORE_UNIT.match(text, mention.end)
    if match is None:
        return None
    words = match.group("more").split()
    if gazetteer.candidates(text[mention.start : match.end()]):
        return match
    if any(name_key(w) in FALSE_FRIENDS or _known_at_all(w, gazetteer) for w in [*words, " ".join(words)]):
        return None
    return match


def _known_at_all(name: str, gazetteer: Gazetteer) -> bool:
    """A unit, or a town of 10,000 or more under this name or spelling ("Chittagong" for Chattogram)."""
    return any(c.population >= 10_000 or c.is_admin or c.is_country for c in gazetteer.candidates(name))


def _known_by_itself(word: str, gazetteer: Gazetteer) -> bool:
    return any(c.main and (c.population >= 10_000 or c.is_admin) for c in gazetteer.candidates(word))


def _unknown_after_preposition(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Proper names right after "near/in/at/outside" that neither NER nor the gazetteer found as places
    ("near Svitlodarsk", "near Oktiabr Mine"): kept as places the gazetteer lacks, so an event there keeps
    its name; never toponyms of their own."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    found: list[Mention] = []
    for token in doc:
        if token.lower_ not in UNKNOWN_PLACE_PREPS or token.i + 1 >= len(doc):
            continue
        first = doc[token.i + 1]
        end = first.i
        while (end < len(doc) and doc[end].pos_ == "PROPN" and _capitalised(doc[end])
               and doc[end].ent_type_ in UNKNOWN_PLACE_ENT_TYPES and doc[end].idx not in taken):
            end += 1
        if end == first.i or any(name_key(t.text) in FALSE_FRIENDS for t in doc[first.i : end]):
            continue
        mention = _make_mention(doc[first.i : end], CONTEXT_ONLY)
        if mention is not None:
            found.append(mention)
    return found


def _joined_entities(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """``doc.ents`` with a place name NER cut in two joined again ("Boa" + "Vista" -> "Boa Vista")."""
    entities = [piece for ent in doc.ents for piece in _split_misread(ent)]
    joined: list[Span] = []
    for ent in entities:
        previous = joined[-1] if joined else None
        if previous is not None and ent.start < previous.end:
            continue  # swallowed by the name before it ("Democratic Republic of the Congo")
        if (previous is not None and previous.end == ent.start and previous.label_ in PLACE_LABELS
                and ent.label_ in PLACE_LABELS and gazetteer.candidates(doc[previous.start : ent.end].text)):
            joined[-1] = doc[previous.start : ent.end]
            joined[-1].label_ = previous.label_
            continue
        joined.append(_extended(ent, gazetteer) if ent.label_ in PLACE_LABELS else ent)
    return joined


def _extended(ent: Span, gazetteer: Gazetteer) -> Span:
    """A place entity NER cut short: "Amatlan" + "de los Reyes", "Democratic Republic" + "of the Congo",
    "Guinea" + "-Bissau", "Goz" + "Beida"."""
    doc = ent.doc
    start = ent.start
    if start > 0 and _capitalised(doc[start - 1]) and not doc[start - 1].ent_type_ \
            and name_key(doc[start - 1].text) not in FALSE_FRIENDS:
        longer = doc[start - 1 : ent.end]
        if any(c.main for c in gazetteer.candidates(longer.text)):
            longer.label_ = ent.label_
            ent = longer
    end = ent.end
    while end + 1 < len(doc) and end - ent.end < 4 and doc[end].lower_ in TAIL_PARTICLES:
        end += 1
        while end < len(doc) and doc[end].lower_ in TAIL_PARTICLES:
            end += 1
        if end >= len(doc) or not _capitalised(doc[end]):
            break
        end += 1
        longer = doc[ent.start : end]
        if gazetteer.candidates(longer.text):
            longer.label_ = ent.label_
            return longer
    return ent


def _wordy_date(ent: Span) -> bool:
    # "in Posadas (Misiones)" read as the feast of Las Posadas: a date with no digits may be a place's name.
    return ent.label_ == "DATE" and not any(c.isdigit() for c in ent.text) and ent.text[:1].isupper()


def _split_misread(ent: Span) -> list[Span]:
    """An organisation or person "name" with commas or parentheses in it ("Bamboutos, Ouest",
    "Bhagwanpur (Uttarakhand") is a list of names: each is read on its own."""
    if ent.label_ not in MISREAD_LABELS or not any(t.text in _NAME_SEPARATORS for t in ent):
        return [ent]
    pieces, first = [], ent.start
    for token in [*ent, None]:
        if token is None or token.text in _NAME_SEPARATORS:
            end = ent.end if token is None else token.i
            if end > first:
                piece = ent.doc[first:end]
                piece.label_ = ent.label_
                pieces.append(piece)
            first = end + 1
    return pieces


def _misread_place(ent: Span, gazetteer: Gazetteer) -> bool:
    """A PERSON or ORG entity that is a place: "Tamil Nadu" said with a verb, "in Qorveh", "(Rafi LGA, Niger)"."""
    key = name_key(ent.text)
    if ent.label_ == "PERSON" and (gazetteer.is_major(key) or (len(ent) > 1 and gazetteer.is_prominent(key))):
        return True
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if ent.label_ == "NORP" and before in AREA_WORDS and gazetteer.is_prominent(key):
        return True  # "the eastern Aleppo countryside": a big town's name used as an adjective
    after = doc[ent.end].text if ent.end < len(doc) else ""
    # After "in/near/at", before "village/district", or inside a parenthesised place qualifier, a known place
    # name is that place.
    placed = _after_place_word(ent) or (before == "," and after == ")") or after.lower() in UNIT_WORDS
    candidates = gazetteer.candidates(ent.text)
    if not candidates and len(ent) > 1 and ent[-1].lower_ in UNIT_WORDS:
        candidates = gazetteer.candidates(ent[:-1].text)  # "(Ukum LGA, Benue)": the unit's own name
    if placed and any(c.population >= 1000 or c.is_admin for c in candidates):
        return True
    if (after == "in" or (placed and after == ",")) and _inside_the_place_after(ent, candidates, gazetteer,
                                                                               any_size=placed):
        return True  # "Turkish forces shelled Menbij in Aleppo", "near Lebedynske, Donetsk"
    # "in Vertente do Lerio, Pernambuco", "Charbolak district, Balkh": a province or country written after a
    # place and a comma qualifies it.
    previous = doc[ent.start - 2] if ent.start > 1 else None
    after_place = previous is not None and (previous.text[:1].isupper() or previous.lower_ in UNIT_WORDS
                                            or previous.lower_ in _CENTRE_WORDS)  # "district center, Balkh"
    if before == "," and after_place and after in _QUALIFIER_OPENERS and any(c.is_admin for c in candidates):
        return True  # "Jalalabad, Fazilka (Punjab)": a district in the middle of a qualifier chain
    return before == "," and after_place and any(c.feature_code == "ADM1" or c.is_country for c in candidates)


def _inside_the_place_after(
    ent: Span, candidates: Sequence[Candidate], gazetteer: Gazetteer, *, any_size: bool
) -> bool:
    """Whether a town of this name (of 1,000 or more unless ``any_size``) lies in the province or country
    named next ("X in Aleppo", "X, Donetsk")."""
    towns = [c for c in candidates if any_size or c.population >= 1000 or c.is_admin]
    doc = ent.doc
    for length in (3, 2, 1):
        after = doc[ent.end + 1 : ent.end + 1 + length]
        if len(after) < length or not after[0].text[:1].isupper():
            continue
        boxes = [b for b in gazetteer.candidates(after.text) if b.is_country or b.feature_code == "ADM1"]
        if any(t.lies_in(b) for t in towns for b in boxes):
            return True
    return False


def _name_goes_on_after(ent: Span) -> bool:
    return ent.end < len(ent.doc) and ent.doc[ent.end].text[:1].isupper()


def _after_place_word(ent: Span) -> bool:
    """Whether a place word comes right before: "in/near/at X", "(X", "the town of X"."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if before == "of":
        return ent.start > 1 and doc[ent.start - 2].lower_ in UNIT_WORDS
    return before in PLACE_CONTEXT_WORDS


def _unknown_place(ent: Span) -> bool:
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    return (before in _UNKNOWN_PLACE_BEFORE or (before == "of" and _after_place_word(ent))
            or after in _UNKNOWN_PLACE_AFTER)


def _entity_mentions(ent: Span, gazetteer: Gazetteer) -> list[Mention]:
    """One entity, split at commas and parentheses ("Springfield, Illinois" is two places)."""
    pieces: list[tuple[int, int]] = []
    first = ent.start
    for token in ent:
        if token.text in _NAME_SEPARATORS:
            if token.i > first:
                pieces.append((first, token.i))
            first = token.i + 1
    if ent.end > first:
        pieces.append((first, ent.end))
    mentions = []
    for start, end in pieces:
        span = ent.doc[start:end]
        mention = _make_mention(span, ent.label_)
        if mention is None or _plural_noun_misread(span, gazetteer):
            continue
        if ent.label_ == "FAC" and not _fac_is_place(mention.text, gazetteer):
            # A building or an event ("Baghdad Green Zone Attack"): keep it for sub-city naming, and let the
            # gazetteer pass look for places inside it.
            mentions.append(Mention(mention.start, mention.end, mention.text, NAMED_ONLY, mention.token_index))
            continue
        mentions.append(mention)
    return mentions


def _plural_noun_misread(span: Span, gazetteer: Gazetteer) -> bool:
    # "Rebels attacked ...": a capitalised plural noun that NER took for a place and no gazetteer knows.
    return len(span) == 1 and span[0].tag_ == "NNPS" and not gazetteer.candidates(span.text)


def _fac_is_place(text: str, gazetteer: Gazetteer) -> bool:
    return any((c.population >= 10_000 or c.is_admin) and c.main for c in gazetteer.candidates(text))


# The Arabic article written in lower case before a capitalised name: "near al-Bukamal", "in el-Fasher".
_ARTICLE_BEFORE_NAME = pattern("article_before_name")


def _make_mention(span: Span, label: str) -> Mention | None:
    start, end = strip_name(span.text)
    if end <= start:
        return None
    text = span.text[start:end]
    if not text[:1].isupper() and not text[:1].isdigit() and not _ARTICLE_BEFORE_NAME.match(text):
        return None
    if name_key(text) in FALSE_FRIENDS:
        return None
    offset = span.start_char + start
    return Mention(offset, offset + len(text), text, label, span.start)


def _gazetteer_mentions(
    doc: Doc, gazetteer: Gazetteer, taken: set[int], organisations: dict[int, int], facilities: set[int],
    *, demonyms: bool = False
) -> list[Mention]:
    found: list[Mention] = []
    i = 0
    tokens = list(doc)
    while i < len(tokens):
        match = _longest_match(tokens, i, gazetteer, taken, organisations, facilities)
        if match is None:
            if demonyms and i not in taken and _capitalised(tokens[i]) and gazetteer.demonym_place(tokens[i].text):
                # "the Nigerian Army", "Korean women": a nationality word NER left untagged or inside a name.
                mention = _make_mention(doc[i : i + 1], "NORP")
                if mention is not None:
                    found.append(mention)
            i += 1
            continue
        end = match
        span = doc[i:end]
        mention = _make_mention(span, "GAZ")
        if mention is not None:
            found.append(mention)
        i = end
    return found


def _longest_match(
    tokens: list[Token], i: int, gazetteer: Gazetteer, taken: set[int], organisations: dict[int, int],
    facilities: set[int],
) -> int | None:
    if i in taken or not _capitalised(tokens[i]) or _hyphen_joined(tokens, i - 1, gazetteer, i - 2):
        return None  # "Xaaji-Cali" is one name, not Cali
    before = tokens[i - 1].lower_ if i > 0 else ""
    # "(Afgooye, Lower Shabelle)": a parenthesised list of places, not "(Rain)" after a channel's name.
    opens_list = before == "(" and any(t.text == "," for t in tokens[i + 1 : i + 1 + MAX_NGRAM])
    after_locative = (before in LOCATIVE_WORDS or before in AREA_WORDS or opens_list) and i not in organisations
    run_end = i + 1  # end of the capitalised run ("Choro del Mono"): a lesser match must cover all of it
    while run_end < len(tokens) and (_capitalised(tokens[run_end]) or (
            tokens[run_end].lower_ in NAME_PARTICLES and run_end + 1 < len(tokens)
            and _capitalised(tokens[run_end + 1]))):
        run_end += 1
    limit = min(len(tokens), i + MAX_NGRAM)
    for end in range(limit, i, -1):
        if any(k in taken for k in range(i, end)) or not _capitalised(tokens[end - 1]):
            continue
        if _hyphen_joined(tokens, end, gazetteer, end + 1):
            continue
        if any(not (_capitalised(t) or t.lower_ in NAME_PARTICLES) for t in tokens[i:end]):
            continue
        text = tokens[i].doc[i:end].text
        key = name_key(text)
        if not key or key in FALSE_FRIENDS or gazetteer.demonym(text):
            continue
        if _sentence_initial_common_word(tokens[i], end - i):
            continue
        if gazetteer.is_major(key):
            if i in facilities and organisations.get(i) != i:
                continue  # "Mbanza Congo", a town no gazetteer has: its second word is no country
            return end
        if text.isupper() and not any(c.main for c in gazetteer.candidates(text)):
            continue  # "GNA" is no spelling of Guna: an acronym is a place by its own name ("BEIRUT", "US")
        if text.isupper() and len(key) <= 4 and end < len(tokens) and tokens[end].like_num:
            continue  # "LIB 538", "IB 12": a numbered unit's code, not the Marshall Islands' Lib
        inside = organisations.get(i)
        if inside is not None and not any(c.main for c in gazetteer.candidates(text)):
            continue  # inside a longer name a place counts by its own name only: "Gana Ropp" is not Guna
        # In an organisation's name a one-word place must lead it ("Dubai Police", not "Shah Wali Kot").
        if gazetteer.is_prominent(key) and (end - i > 1 or (tokens[i].pos_ == "PROPN" and inside in (None, i))):
            return end
        if end != run_end or len(key) < 3 or any(k in organisations for k in range(i, end)) or text.isupper():
            continue
        followed_by_unit = end < len(tokens) and tokens[end].lower_ in UNIT_WORDS
        if (after_locative or followed_by_unit) and gazetteer.candidates(text):
            return end
    return None


def _hyphen_joined(tokens: list[Token], i: int, gazetteer: Gazetteer, other: int) -> bool:
    """Whether token ``i`` is a hyphen joining the name to a capitalised word that is no place on its own
    ("Xaaji-Cali" is one name; "Amsterdam-London" and "EU-backed" are not)."""
    if not (0 < i < len(tokens) - 1 and tokens[i].text == "-" and not tokens[i].whitespace_
            and not tokens[i - 1].whitespace_):
        return False
    word = tokens[other]
    if _capitalised(word) and tokens[i + 1].ent_iob_ == "I" and tokens[i + 1].ent_type_ in _PERSON_OR_ORGANISATION:
        return True  # "Mayo-Sava" read as one name by NER: not Mayo (Ireland), however known its halves are
    key = name_key(word.text)
    known = gazetteer.is_major(key) or gazetteer.is_prominent(key) or gazetteer.demonym(word.text)
    return _capitalised(word) and not known


def _capitalised(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() and (token.is_alpha or "." in text or "-" in text or "'" in text)


def _sentence_initial_common_word(token: Token, length: int) -> bool:
    # "Nice to meet you": a one-word match at the start of a sentence that the tagger does not call a proper
    # noun is an ordinary word with a capital letter.
    return length == 1 and bool(token.is_sent_start) and token.pos_ != "PROPN"
