"""The store suite, run on SQLite and on a real PostgreSQL (``any_store``)."""

from __future__ import annotations

import pytest
from store_factory import all_documents, make_document, story
from store_fixtures import any_db, any_store  # noqa: F401  (fixtures)

from dateline.errors import SchemaVersionError, StoreError
from dateline.models import Failure, replace
from dateline.store import open_store


def _write_all(store, docs):
    return [store.write_document(d) for d in docs]


def test_open_store_records_schema_version(any_store):
    from dateline.store.schema import MIGRATIONS

    assert any_store.migrate() == MIGRATIONS[-1][0]
    assert set(any_store.counts()) >= {"articles", "events", "event_mentions", "failures", "actors", "places"}


def test_write_document_twice_leaves_the_same_database(any_store):
    _write_all(any_store, all_documents())
    before = any_store.dump()
    results = _write_all(any_store, all_documents())
    assert {r.status for r in results} == {"duplicate"}
    assert any_store.dump() == before


def test_same_input_in_two_stores_gives_equal_dumps(any_db, tmp_path):
    with open_store(any_db) as first, open_store(str(tmp_path / "other.db")) as second:
        _write_all(first, all_documents())
        _write_all(second, all_documents())
        assert first.dump() == second.dump()


def test_article_with_same_text_and_new_id_is_stored_once(any_store):
    original = story("market_bombing")[0]
    copy = replace(original, article=replace(original.article, id="copy-of-wire-a"))
    first, second = _write_all(any_store, [original, copy])
    assert (first.status, second.status, second.duplicate_of) == ("new", "duplicate", "wire-a")
    assert [a["id"] for a in any_store.articles()] == ["wire-a"]


def test_near_duplicate_article_points_at_the_original(any_store):
    spec = {"id": "long-1", "text": " ".join(f"word{i}" for i in range(60)) + " the end."}
    edited = {"id": "long-2", "text": spec["text"].replace("the end.", "the very end.")}
    _write_all(any_store, [make_document(spec), make_document(edited)])
    duplicate_of = {a["id"]: a["duplicate_of"] for a in any_store.articles()}
    assert duplicate_of == {"long-1": None, "long-2": "long-1"}
    assert any_store.counts()["near_duplicates"] == 1


def test_rewrites_by_three_outlets_become_one_event_with_three_mentions(any_store):
    _write_all(any_store, story("market_bombing"))
    assaults = list(any_store.events(event_type="ASSAULT"))
    assert len(assaults) == 1
    event = assaults[0]
    assert (event.n_mentions, event.n_articles) == (3, 3)
    outlets = sorted(m.outlet for m in any_store.mentions(event.id))
    assert outlets == ["Paper B", "Site C", "Wire A"]


def test_linked_event_keeps_lowest_casualty_figure_and_range(any_store):
    _write_all(any_store, story("market_bombing"))
    event = next(any_store.events(event_type="ASSAULT"))
    assert (event.dead, event.dead_min, event.dead_max) == (7, 7, 9)
    assert (event.injured_min, event.injured_max) == (0, 20)


def test_two_attacks_in_one_city_on_consecutive_days_stay_two_events(any_store):
    _write_all(any_store, story("two_attacks"))
    events = list(any_store.events(country="IRQ"))
    assert [(e.date, e.n_mentions) for e in events] == [("2021-04-05", 1), ("2021-04-06", 1)]


def test_two_events_of_one_article_are_never_linked_together(any_store):
    spec = story("market_bombing")[0]
    doc = spec
    twin = replace(doc.events[0], id="wire-a-e1")
    _write_all(any_store, [replace(doc, events=(doc.events[0], twin))])
    assert any_store.counts()["events"] == 2


def test_new_article_attaches_to_existing_event_incrementally(any_store):
    first, *rest = story("market_bombing")
    any_store.write_document(first)
    event_id = next(any_store.events()).id
    results = _write_all(any_store, rest)
    assert sum(r.linked for r in results) == 2
    assert next(any_store.events(event_type="ASSAULT")).id == event_id  # named after its first mention


def test_events_filters(any_store):
    _write_all(any_store, all_documents())
    ids = lambda **f: [e.date for e in any_store.events(**f)]  # noqa: E731
    assert ids(event_type="assault") == ["2021-03-01", "2021-04-05", "2021-04-06"]
    assert ids(since="2021-04-01") == ["2021-04-05", "2021-04-06"]
    assert ids(until="2021-03-31") == ["2021-03-01"]
    assert ids(near=(35.47, 44.39, 20.0)) == ["2021-03-01"]
    assert ids(near=(33.34, 44.40, 5.0), limit=1) == ["2021-04-05"]
    assert ids(actor="gunmen") == ["2021-04-05"]
    assert ids(text="rocket residential") == ["2021-04-06"]
    assert ids(country="USA") == []
    assert len(list(any_store.events(event_type="ACCUSE"))) == 1


def test_events_offset_pages_through_the_same_order(any_store):
    _write_all(any_store, all_documents())
    dates = lambda **f: [e.date for e in any_store.events(event_type="assault", **f)]  # noqa: E731
    assert dates(offset=1) == ["2021-04-05", "2021-04-06"]
    assert dates(offset=1, limit=1) == ["2021-04-05"]
    assert dates(offset=3) == []
    assert [e.date for e in any_store.events(near=(33.34, 44.40, 5.0), offset=1)] == ["2021-04-06"]


def test_event_and_mentions_carry_evidence(any_store):
    _write_all(any_store, story("two_attacks"))
    event = next(any_store.events(actor="gunmen"))
    assert any_store.event(event.id) == event
    assert any_store.event("ev-missing") is None
    (mention,) = any_store.mentions(event.id)
    assert mention.trigger_text == "opened fire"
    assert mention.evidence_text.startswith("Gunmen opened fire")
    assert mention.record["doc_id"] == "day-one"


def test_write_failure_is_recorded_once(any_store):
    failure = Failure(input="broken.html", stage="ingest", reason="not a news page", code="unsupported")
    any_store.write_failure(failure)
    any_store.write_failure(failure)
    rows = list(any_store.failures())
    assert [(r["input"], r["stage"], r["code"]) for r in rows] == [("broken.html", "ingest", "unsupported")]


def test_open_store_refuses_a_newer_schema(any_db):
    with open_store(any_db) as store:
        store._execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'x', 'now')")
    with pytest.raises(SchemaVersionError, match="newer"):
        open_store(any_db)


def test_open_store_rejects_missing_folder_and_non_database(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "nope" / "events.db"))
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a sqlite database at all" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        open_store(str(junk))
    with pytest.raises(StoreError):
        open_store("  ")


def test_sqlite_schema_is_plain_sql_with_views(tmp_path):
    import sqlite3

    path = tmp_path / "events.db"
    with open_store(str(path)) as store:
        _write_all(store, story("market_bombing"))
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT outlet FROM event_sources WHERE event_type = 'ASSAULT' ORDER BY outlet").fetchall()
    assert [r[0] for r in rows] == ["Paper B", "Site C", "Wire A"]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_similar_attacks_with_explicit_consecutive_dates_stay_two_events(any_store):
    place = {"name": "Mosul", "lat": 36.335, "lon": 43.1189, "country_code": "IRQ", "resolution": "city"}
    docs = []
    for doc_id, day in (("mosul-5", "5"), ("mosul-6", "6")):
        text = f"A roadside bomb hit an army patrol in Mosul on April {day}, 2021, wounding three soldiers."
        event = {"trigger": "hit", "event_type": "ASSAULT", "cameo": "183", "date": f"2021-04-0{day}",
                 "date_reason": f"explicit date ('April {day}, 2021')", "place": place, "dead": 0, "injured": 3}
        docs.append(make_document({"id": doc_id, "text": text, "published": "2021-04-07", "events": [event]}))
    _write_all(any_store, docs)
    assert [e.date for e in any_store.events()] == ["2021-04-05", "2021-04-06"]
