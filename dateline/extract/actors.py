"""Who did it, to whom: code an actor phrase CAMEO-style (country + sector), from packaged lexicons.

``ActorCoder.code(span)`` turns a spaCy span ("US Secretary of State Michael Pompeo",
"Iran-backed militias") into an :class:`~dateline.models.Entity`:

- **country** (ISO3) from a country name, demonym ("Iraqi"), capital metonym ("Washington said") or a
  large city, chosen by its place in the phrase: a modifier of the head beats a possessor, which beats
  a prepositional phrase ("French troops in Mali" -> FRA); "X-backed" names the ``backer``, not the
  country, which then comes from ``context_country`` (where the event happened);
- **sector** from role words (``lang/en/actors/sectors.tsv``): the head word, else the nearest
  modifier ("Afghan rebel leaders" -> REB), "former" officials -> ELI;
- **organisations** (IGOs, NGOs, well-known armed groups, state metonyms such as "Pentagon") from
  ``organizations.tsv``. IGOs name no country (``code`` "IGOUNO", ``country`` None).

``code`` = country + sector ("USAGOV"); ``"---" + sector`` when no country is known; the organisation's
code for IGOs/NGOs. Conventions are documented in ``docs/actors.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from dateline import lang
from dateline.models import Entity, Span

from .actor_lexicon import (
    KIND_PRIORITY,
    ActorLexicon,
    Organization,
    SectorWord,
    is_transnational,
    load_lexicon,
    name_kinds,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["ActorCoder", "find_roles"]

_EN = lang.load()


def _cue_words(name: str) -> frozenset[str]:
    """A word list of ``lang/en/actors/phrase_cues.toml``."""
    return frozenset(_EN.data("actors/phrase_cues")[name])


def _sector_group(column: str) -> frozenset[str]:
    """The sector codes marked in a column of ``lang/en/actors/sector_codes.tsv``."""
    return frozenset(row["code"] for row in _EN.rows("actors/sector_codes") if row[column] == "yes")


# "Iran-backed militias": the country before these words sponsors the actor but is not its country.
BACKING_WORDS = _cue_words("backing_words")
PLAIN_BACKING_WORDS = _cue_words("plain_backing_words")
BACKING_LEMMAS = _cue_words("backing_lemmas")
# Sectors of people who carry arms: a civilian-body modifier does not override them ("government forces").
ARMED = _sector_group("armed")
FORMER = _cue_words("former_words")
ELITE_SOURCES = _sector_group("elite")
# How a place mention relates to the phrase head, best first (see _relation).
HEAD, MODIFIER, POSSESSOR, ATTACHED, APPOSITION = range(5)
DETERMINERS = _cue_words("leading_determiners")
_NAME_PUNCTUATION = _cue_words("name_punctuation")
_MEMBERSHIP_PREPS = _cue_words("membership_prepositions")
# spaCy label groups (lang/en/syntax.toml)
_NOMINAL = _EN.labels("nominal")
_NOUN_MODIFIERS = _EN.labels("noun_modifiers")
_MODIFIER_LINKS = _EN.labels("modifier_links")
_MODIFIER_OR_CONJUNCT = _EN.labels("modifier_or_conjunct_links")
_NOUN_MODIFIER_LINKS = _EN.labels("noun_modifier_links")
_ATTACHING_LINKS = _EN.labels("attaching_links")
_DOER_LINKS = _EN.labels("doer_links")
_PLURAL_NOUN_TAGS = _EN.labels("plural_noun_tags")
_COUNTRY_MODIFIER_POS = _EN.labels("name_or_adjective")
_PERSON_OR_ORG = _EN.labels("person_or_organisation_entities")


@dataclass(frozen=True, slots=True)
class _Found:
    """A lexicon hit over tokens ``[start, end)`` of the doc."""

    start: int
    end: int
    kind: str
    country: str | None = None
    org: Organization | None = None
    backer: bool = False


class ActorCoder:
    """Codes actor phrases; build it once (``ActorCoder.default()``) and call ``code`` per phrase."""

    def __init__(self, lexicon: ActorLexicon) -> None:
        self.lexicon = lexicon

    @classmethod
    def default(cls) -> ActorCoder:
        """The coder over the packaged lexicons, loaded once per process."""
        return _default_coder()

    # --- public -------------------------------------------------------------------------------------

    def country_of(self, text: str) -> str | None:
        """ISO3 for a name, demonym or capital ("Iraqi" -> "IRQ", "Washington" -> "USA"), else None."""
        cleaned = " ".join(text.replace("\u2019", "'").split())
        if cleaned.lower().startswith("the "):
            cleaned = cleaned[4:]
        cleaned = cleaned.removesuffix("'s")
        for candidate in (cleaned, cleaned.strip("\"'.,;:")):
            org = self.lexicon.org(candidate)
            if org is not None:
                return org.country
            place = self.lexicon.place(candidate)
            if place is not None:
                return place.country
        return None

    def code(self, span: SpacySpan, *, context_country: str | None = None) -> Entity:
        """Code one actor phrase. ``context_country``: where the event happened, for local actors
        named without a country ("militias", "police")."""
        head = _phrase_head(span)
        found = [f if not (f.backer and f.start <= head.i < f.end) else _Found(f.start, f.end, f.kind, f.country,
                                                                             f.org)
                 for f in self._scan(span)]  # a sponsor named alone is the actor itself
        org = _head_org(found, head, span)
        sector = self._sector(span, head, org, found) or _bare_place_sector(span, head, found)
        country, backer = self._country(span, head, found, org)
        if country is None and org is None:
            country = self._shared_modifier_country(span)
        if country is None and _takes_context(head, sector, org, found):
            country = context_country
        return Entity(
            text=span.text,
            name=self._name(span, head, found, org),
            code=_code(org, country, sector),
            country=country,
            sector=sector,
            backer=backer,
            span=Span(start=span.start_char, end=span.end_char, text=span.text),
        )

    # --- lexicon scanning ---------------------------------------------------------------------------

    def _scan(self, span: SpacySpan) -> list[_Found]:
        """Longest lexicon matches (places and organisations) over the span and the head's appositions."""
        tokens = list(span)
        for appos in span.root.children:
            if appos.dep_ == "appos" and not (span.start <= appos.i < span.end):
                tokens += [t for t in appos.subtree if not (span.start <= t.i < span.end)]
        found = self._scan_tokens(tokens)
        sponsors = _sponsor_tokens(span)
        return [_Found(f.start, f.end, f.kind, f.country, f.org, True) if f.start in sponsors else f
                for f in found]

    def _scan_tokens(self, tokens: list[Token]) -> list[_Found]:
        found: list[_Found] = []
        i = 0
        while i < len(tokens):
            hit = self._longest_at(tokens, i)
            if hit is None:
                i += 1
                continue
            found.append(hit)
            i += hit.end - hit.start
        return found

    def _longest_at(self, tokens: list[Token], i: int) -> _Found | None:
        doc = tokens[i].doc
        for n in range(min(self.lexicon.longest, len(tokens) - i), 0, -1):
            run = tokens[i:i + n]
            if run[-1].i - run[0].i != n - 1:
                continue  # tokens from the span and from an apposition are not one run
            text = " ".join(doc[run[0].i:run[-1].i + 1].text.split())  # never doc.text: it is rebuilt per call
            start, after = run[0].i, run[-1].i + 1
            org = self.lexicon.org(text)
            place = self.lexicon.place(text) if org is None else None
            if (org or place) and _prefixed(doc, start, "anti"):
                return None  # "anti-Houthi forces" are not Houthi
            if org is not None:
                return _Found(start, after, "org", org.country, org, backer=_is_backing(doc, start, after))
            if place is not None and not _inside_person_name(run, place.kind):
                return _Found(start, after, place.kind, place.country, backer=_is_backing(doc, start, after))
        return None

    # --- country ------------------------------------------------------------------------------------

    def _country(self, span: SpacySpan, head: Token, found: list[_Found],
                 org: Organization | None) -> tuple[str | None, str | None]:
        backer = next((f.country for f in found if f.backer), None)
        if org is not None and (org.country or is_transnational(org.code)):
            return org.country, backer
        ranked = sorted(
            (_relation(f, head, span), KIND_PRIORITY[f.kind], abs(f.start - head.i), f.country)
            for f in found if not f.backer and f.country
        )
        return (ranked[0][3] if ranked else None), backer

    def _shared_modifier_country(self, span: SpacySpan) -> str | None:
        """"Israeli helicopters and tanks": a later conjunct shares the first one's country modifier."""
        root = span.root
        if root.dep_ != "conj" or span.start <= root.head.i < span.end:
            return None
        first = root.head
        for modifier in first.lefts:
            if modifier.dep_ in _NOUN_MODIFIERS and modifier.pos_ in _COUNTRY_MODIFIER_POS:
                place = self.lexicon.place(modifier.text)
                if place is not None:
                    return place.country
        return None

    # --- sector -------------------------------------------------------------------------------------

    def _sector(self, span: SpacySpan, head: Token, org: Organization | None,
                found: list[_Found]) -> str | None:
        names = _name_tokens(found)
        own = None if head.i in names else self._sector_at(head, span)
        modifier = self._modifier_sector(span, head, names)
        if org is not None and org.sector and (own is None or head.i in names):
            own = SectorWord(org.sector, True)  # "Kurdistan Workers' Party" is armed, not a party
        if modifier is None and (own is None or not own.strong):
            attached = self._attached_sector(span, head)  # "leaders of the rebels"
            modifier = SectorWord(attached, True) if attached else None
        sector = _combine(own, modifier)
        if sector is None:
            sector = self._apposition_sector(span)
        if sector in ELITE_SOURCES and _is_former(span, head):
            return "ELI"
        return sector

    def _sector_at(self, token: Token, span: SpacySpan) -> SectorWord | None:
        """The sector of the longest role phrase ending at ``token`` ("security forces", "police")."""
        doc = token.doc
        for n in range(min(4, token.i - span.start + 1), 0, -1):
            run = doc[token.i - n + 1:token.i + 1]
            for key in (run.text.lower(), " ".join(t.lemma_.lower() for t in run)):
                word = self.lexicon.sector(key)
                if word is not None:
                    return word
        return None

    def _modifier_sector(self, span: SpacySpan, head: Token,
                         names: frozenset[int] = frozenset()) -> SectorWord | None:
        """The sector word nearest the head among its pre-modifiers (a run like "Secretary of State"),
        skipping words inside names ("Democratic People's Republic of Korea")."""
        doc = head.doc
        for last in range(head.i - 1, span.start - 1, -1):
            for n in range(min(4, last - span.start + 1), 0, -1):
                run = doc[last - n + 1:last + 1]
                if any(t.i in names for t in run):
                    continue
                for key in (run.text.lower(), " ".join(t.lemma_.lower() for t in run)):
                    word = self.lexicon.sector(key)
                    if word is not None and word.sector is not None:
                        return word
        return None

    def _apposition_sector(self, span: SpacySpan) -> str | None:
        """"Michael Pompeo, the US Secretary of State, said": the apposition says what the person is."""
        for appos in span.root.children:
            if appos.dep_ == "appos" and not (span.start <= appos.i < span.end):
                phrase = appos.doc[appos.left_edge.i:appos.i + 1]
                sector = _combine(self._sector_at(appos, phrase), self._modifier_sector(phrase, appos))
                if sector is not None:
                    return sector
        return None

    def _attached_sector(self, span: SpacySpan, head: Token) -> str | None:
        """"leaders of the rebels", "members of parliament": the sector of an of/from phrase's object."""
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in _MEMBERSHIP_PREPS and prep.i < span.end:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.i < span.end:
                        word = self._sector_at(obj, span)
                        if word is not None and word.sector:
                            return word.sector
                        org = self.lexicon.org(obj.text)
                        if org is not None and org.sector:
                            return org.sector
        return None

    # --- name ---------------------------------------------------------------------------------------

    def _name(self, span: SpacySpan, head: Token, found: list[_Found], org: Organization | None) -> str:
        words = [t for t in span if t.lower_ not in DETERMINERS and not t.is_punct]
        if org is not None and len(words) <= org_span_len(found, org):
            return org.name
        bare = [f for f in found if f.start <= head.i < f.end and name_kinds()[f.kind].is_country]
        if bare and bare[0].country:
            return self.lexicon.country_names.get(bare[0].country, span.text)
        words = [t for t in span if not t.is_punct or t.text in _NAME_PUNCTUATION]
        while words and words[0].lower_ in DETERMINERS:
            words = words[1:]
        text = "".join(t.text_with_ws for t in words).strip()
        if span.root.dep_ in _MODIFIER_OR_CONJUNCT and not (span.start <= span.root.head.i
                                                                         < span.end):
            noun = _modified_noun(span.root)
            if noun is not None and self.lexicon.sector(noun.lemma_.lower()) is not None:
                text = f"{text} {noun.text}"
        return text or span.text


# --- helpers (module level: pure functions of tokens) ----------------------------------------------


@cache
def _default_coder() -> ActorCoder:
    return ActorCoder(load_lexicon())


def org_span_len(found: list[_Found], org: Organization) -> int:
    return next((f.end - f.start for f in found if f.org is org), 0)


def _phrase_head(span: SpacySpan) -> Token:
    """The head noun to code. A modifier span ("Hungarian" of "Hungarian and Romanian officials")
    is coded with the role noun it modifies, which lies outside the span."""
    root = _span_root(span)
    noun = _modified_noun(root) if root.dep_ in _MODIFIER_LINKS else None
    if noun is not None and not (span.start <= noun.i < span.end):
        word = load_lexicon().sector(noun.lemma_.lower())
        if word is not None and word.sector is not None:
            return noun
    return root


def _span_root(span: SpacySpan) -> Token:
    """spaCy's root, unless the parser split one noun into several roots ("ex", "-", "soldiers"):
    then the last noun among them."""
    roots = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    nouns = [t for t in roots if t.pos_ in _NOMINAL]
    return nouns[-1] if len(roots) > 1 and nouns else span.root


def _modified_noun(token: Token) -> Token | None:
    """Climb coordination and modifier links to the noun a modifier belongs to."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in _NOUN_MODIFIER_LINKS and token.head.pos_ in _NOMINAL:
        return token.head
    return None


def _head_org(found: list[_Found], head: Token, span: SpacySpan) -> Organization | None:
    """The organisation the phrase is about: one covering the head, else one modifying it ("UN
    peacekeepers", "Hamas militants"), not one in a prepositional phrase ("rebels fighting the UN")."""
    for f in found:
        if f.org is not None and not f.backer and f.start <= head.i < f.end:
            return f.org
    for f in found:
        if f.org is not None and not f.backer and _relation(f, head, span) == MODIFIER:
            return f.org
    return None


def _relation(found: _Found, head: Token, span: SpacySpan) -> int:
    """How a lexicon hit attaches to the head: the head itself, a pre-modifier, a possessor, inside a
    prepositional phrase or clause, or outside the span (an apposition)."""
    if found.start <= head.i < found.end:
        return HEAD
    if not (span.start <= found.start < span.end):
        return APPOSITION
    token = head.doc[found.end - 1]
    while token.head.i != token.i and token.i != head.i:
        if token.dep_ == "poss":
            return POSSESSOR
        if token.dep_ in _ATTACHING_LINKS:
            return ATTACHED
        token = token.head
    return MODIFIER if token.i == head.i else ATTACHED


def _is_backing(doc, start: int, after: int) -> bool:
    """Is the name over tokens ``[start, after)`` a sponsor: "Iran-backed", "Iranian-funded", "pro-Iran"?
    Without a hyphen only the unambiguous words count ("Iran backed", but not "Nigerian Armed Forces")."""
    if _prefixed(doc, start, "pro"):
        return True
    hyphen = after < len(doc) and doc[after].text == "-"
    index = after + 1 if hyphen else after
    if index >= len(doc):
        return False
    word = doc[index].lower_
    return word in BACKING_WORDS and (hyphen or word in PLAIN_BACKING_WORDS)


def _prefixed(doc, start: int, prefix: str) -> bool:
    """Is the name starting at token ``start`` written "prefix-Name" ("anti-Houthi", "pro-Iran")?"""
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ == prefix


def _inside_person_name(run: list[Token], kind: str) -> bool:
    """"Michael Jordan" is no country: a country name that is only part of a PERSON entity is a
    person's name. (A country tagged PERSON on its own, as the small model often does, still counts.)"""
    if not name_kinds()[kind].in_person_name or any(t.ent_type_ != "PERSON" for t in run):
        return False
    doc = run[0].doc
    after = run[-1].i + 1
    continues = after < len(doc) and doc[after].ent_iob_ == "I"
    return run[0].ent_iob_ == "I" or continues


def _name_tokens(found: list[_Found]) -> frozenset[int]:
    """Tokens inside multiword names, whose words say nothing about the sector."""
    return frozenset(i for f in found if f.end - f.start > 1 for i in range(f.start, f.end))


def _bare_place_sector(span: SpacySpan, head: Token, found: list[_Found]) -> str | None:
    """A capital that acts stands for its government ("Washington warned" -> GOV); a plural demonym
    names a people ("Palestinians protested" -> CVL). A bare country name keeps no sector (CAMEO)."""
    hit = next((f for f in found if f.start <= head.i < f.end), None)
    if hit is None or hit.backer:
        return None
    if hit.kind == "capital" and _acts(head):
        return "GOV"
    if hit.kind == "demonym" and head.tag_ in _PLURAL_NOUN_TAGS and head.lower_.endswith("s"):
        return "CVL"
    return None


def _acts(token: Token) -> bool:
    """Is the token a doer: a subject, a passive agent ("by Moscow") or a possessor ("Moscow's move")?"""
    if token.dep_ in _DOER_LINKS:
        return True
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


def _combine(own: SectorWord | None, modifier: SectorWord | None) -> str | None:
    """Head word vs nearest modifier: a strong head word wins; a weak one ("officials", "forces")
    yields to a modifier ("police officials"), except that an armed body keeps its sector against a
    civilian modifier ("government forces" -> MIL)."""
    if own is None or own.sector is None:
        return modifier.sector if modifier is not None else None
    if own.strong or modifier is None:
        return own.sector
    if own.sector in ARMED and modifier.sector not in ARMED:
        return own.sector
    return modifier.sector


def _is_former(span: SpacySpan, head: Token) -> bool:
    return any(t.lower_ in FORMER for t in span if t.i < head.i or t.head.i == head.i)


def _takes_context(head: Token, sector: str | None, org: Organization | None, found: list[_Found]) -> bool:
    """Only a common-noun role ("militias", "police") is placed in the event's country: a named
    person or organisation without a country stays unknown rather than guessed."""
    if org is not None or sector is None:
        return False
    return not (head.pos_ == "PROPN" or head.ent_type_ in _PERSON_OR_ORG)


def _code(org: Organization | None, country: str | None, sector: str | None) -> str | None:
    if org is not None and is_transnational(org.code):
        return org.code
    if country:
        return country + (sector or "")
    return f"---{sector}" if sector else None


def find_roles(trigger: SpacySpan) -> tuple[list[SpacySpan], list[SpacySpan]]:
    """(actor phrases, recipient phrases) of an event trigger; see :mod:`dateline.extract.roles`."""
    from .roles import find_roles as _find_roles

    return _find_roles(trigger)


def _sponsor_tokens(span: SpacySpan) -> set[int]:
    """Token indices of the agent in "militias backed by Iran" (a sponsor, not the actor's country)."""
    indices: set[int] = set()
    for clause in span.root.children:
        if clause.dep_ == "acl" and clause.lemma_ in BACKING_LEMMAS:
            for agent in clause.children:
                if agent.dep_ == "agent":
                    indices.update(t.i for t in agent.subtree)
    return indices
