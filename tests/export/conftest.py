"""A store for the export tests: the store tests' stories plus one story whose events exercise what the
standard formats must decide (modality, partial dates, regions, unnamed actors, ACLED's crowds)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))

from store_factory import all_documents, make_document  # noqa: E402

from dateline import ontology  # noqa: E402
from dateline.store import open_store  # noqa: E402

NAIROBI = {"name": "Nairobi", "lat": -1.28333, "lon": 36.81667, "country_code": "KEN", "admin1": "Nairobi",
           "geonameid": 184745, "resolution": "city"}  # fmt: skip
MIDEAST = {"name": "Middle East", "lat": 29.0, "lon": 41.0, "country_code": None, "admin1": None,
           "geonameid": None, "resolution": "admin1"}  # fmt: skip
WEST_COAST = {"name": "West Coast", "lat": 40.0, "lon": -122.0, "country_code": "USA", "admin1": None,
              "geonameid": None, "resolution": "admin1"}  # fmt: skip

EXTRA = {
    "id": "extra",
    "published": "2021-05-11",
    "outlet": "Daily K",
    "url": "https://k.example/protest",
    "text": ("Hundreds of traders protested in Nairobi on Monday. The minister appealed for calm on Monday. "
             "Rebels did not attack the town. Troops fought in the Middle East in April. "
             "Fighting on the West Coast was reported last year. Police arrested two traders in March. Traders said business had been slow for weeks "
             "and that the council had not answered their letters, which asked for lower fees at the market. "
             "Talks ended."),
    "events": [
        {"trigger": "protested", "event_type": "PROTEST", "cameo": "141", "date": "2021-05-10", "place": NAIROBI,
         "acled": ["Protests", "Peaceful protest"], "actor": {"text": "Hundreds of traders"}},
        {"trigger": "appealed", "event_type": "REQUEST", "cameo": "020", "date": "2021-05-10",
         "actor": {"text": "The minister", "code": "---GOV", "sector": "GOV"}},
        {"trigger": "attack", "event_type": "ASSAULT", "cameo": "190", "date": "2021-05-10", "place": NAIROBI,
         "acled": ["Battles", "Armed clash"], "actor": {"text": "Rebels", "code": "KENREB", "country": "KEN",
                                                         "sector": "REB"}},
        {"trigger": "fought", "event_type": "ASSAULT", "cameo": "190", "date": "2021-04", "place": MIDEAST,
         "acled": ["Battles", "Armed clash"], "actor": {"text": "Troops", "code": "KENMIL", "country": "KEN",
                                                         "sector": "MIL"}},
        {"trigger": "Fighting", "event_type": "ASSAULT", "cameo": "190", "date": "2020", "place": WEST_COAST,
         "acled": ["Battles", "Armed clash"]},
        {"trigger": "arrested", "event_type": "COERCE", "cameo": "173", "date": "2021-03", "place": NAIROBI,
         "acled": ["Strategic developments", "Arrests"], "actor": {"text": "Police", "code": "KENCOP",
                                                                    "country": "KEN", "sector": "COP"}},
        {"trigger": "Talks", "event_type": "CONSULT", "cameo": "040",
         "actor": {"text": "Talks", "code": "KENGOV", "country": "KEN", "sector": "GOV"}},
    ],
}  # fmt: skip


def _extra_document():
    doc = make_document(EXTRA)
    events = list(doc.events)
    events[1] = replace(events[1], quad_class=ontology.quad_class("REQUEST"), goldstein=ontology.goldstein("020"))
    events[2] = replace(events[2], modality="negated")
    events[3] = replace(events[3], date_precision="month")
    events[4] = replace(events[4], date_precision="year")
    events[5] = replace(events[5], date_precision="month")
    return replace(doc, events=tuple(events))


@pytest.fixture
def rich_db(tmp_path) -> str:
    path = str(tmp_path / "events.db")
    with open_store(path) as store:
        for doc in [*all_documents(), _extra_document()]:
            store.write_document(doc)
    return path


@pytest.fixture
def rich_store(rich_db):
    with open_store(rich_db) as opened:
        yield opened
