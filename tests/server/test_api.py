"""The JSON API, called in-process over a real store filled by the real pipeline."""

from __future__ import annotations

import pytest
from server_data import FAILURE, AppClient, build_db

from dateline.errors import StoreError
from dateline.server import create_app
from dateline.store import open_store


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp) -> str:
    return build_db(tmp_path_factory.mktemp("api") / "events.db", nlp)


@pytest.fixture(scope="module")
def client(db):
    client = AppClient(create_app(db))
    yield client
    client.close()


@pytest.fixture(scope="module")
def stored(db):
    """What the store itself answers, to compare the API with."""
    with open_store(db) as store:
        events = list(store.events())
        mentions = {e.id: list(store.mentions(e.id)) for e in events}
        counts = store.counts()
    return events, mentions, counts


def _error(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    return body["error"]["message"]


def test_events_envelope_lists_every_linked_event_in_store_order(client, stored):
    events, _, _ = stored
    body = client.get("/api/events").json()
    assert set(body) == {"data", "meta"}
    assert [e["id"] for e in body["data"]] == [e.id for e in events]
    assert body["data"][0] == events[0].to_dict()
    assert body["meta"] == {
        "filters": {},
        "limit": 50,
        "offset": 0,
        "count": len(events),
        "next_offset": None,
    }


def test_events_filters_match_the_store(client, db):
    with open_store(db) as store:
        expected = {
            "type=assault&country=nga": [e.id for e in store.events(event_type="ASSAULT", country="NGA")],
            "text=teachers": [e.id for e in store.events(text="teachers")],
            "since=2025-06-03&until=2025-06": [
                e.id for e in store.events(since="2025-06-03", until="2025-06")
            ],
            "near=-1.29,36.82,20": [e.id for e in store.events(near=(-1.29, 36.82, 20))],
        }
    assert expected["type=assault&country=nga"] and expected["text=teachers"]
    for query, ids in expected.items():
        body = client.get(f"/api/events?{query}").json()
        assert [e["id"] for e in body["data"]] == ids, query
    assert client.get("/api/events?type=assault&country=nga").json()["meta"]["filters"] == {
        "type": "assault", "country": "nga"
    }  # fmt: skip


def test_events_paging_walks_the_whole_list(client, stored):
    events, _, _ = stored
    assert len(events) >= 3
    seen, offset = [], 0
    while offset is not None:
        body = client.get(f"/api/events?limit=2&offset={offset}").json()
        assert body["meta"]["count"] == len(body["data"]) <= 2
        seen += [e["id"] for e in body["data"]]
        offset = body["meta"]["next_offset"]
    assert seen == [e.id for e in events]


def test_event_detail_has_mentions_and_marked_evidence(client, stored):
    events, mentions, _ = stored
    event = max(events, key=lambda e: e.n_mentions)
    body = client.get(f"/api/events/{event.id}").json()
    data = body["data"]
    assert data["id"] == event.id and body["meta"] == {"mentions": event.n_mentions}
    assert [m["id"] for m in data["mentions"]] == [m.id for m in mentions[event.id]]
    for mention in data["mentions"]:
        texts = [p["text"] for p in mention["passages"]]
        assert mention["evidence_text"] in texts
        kinds = set()
        for passage in mention["passages"]:
            for mark in passage["marks"]:
                kinds.add(mark["kind"])
                offset = mark["start"] - passage["start"]
                assert passage["text"][offset : offset + len(mark["text"])] == mark["text"]
        assert "trigger" in kinds


def test_unknown_event_is_a_404_in_the_error_shape(client):
    message = _error(client.get("/api/events/ev0000000000000000"), 404, "not_found")
    assert "ev0000000000000000" in message


def test_bad_parameters_are_400_in_the_error_shape(client):
    assert "YYYY-MM-DD" in _error(client.get("/api/events?since=2025-13"), 400, "input")
    assert "LAT,LON,KM" in _error(client.get("/api/events?near=north"), 400, "input")
    assert "ISO 3166" in _error(client.get("/api/events?country=Nigeria"), 400, "input")
    assert "limit" in _error(client.get("/api/events?limit=0"), 400, "input")
    assert "offset" in _error(client.get("/api/failures?offset=-1"), 400, "input")


def test_unknown_route_and_method_use_the_error_shape(client):
    _error(client.get("/api/nothing"), 404, "not_found")
    _error(client.post("/api/events"), 405, "method_not_allowed")


def test_stats_are_the_store_counts(client, stored):
    _, _, counts = stored
    body = client.get("/api/stats").json()
    assert body == {"data": counts, "meta": {}}
    assert counts["articles"] == 3 and counts["failures"] == 1


def test_failures_lists_recorded_inputs(client):
    body = client.get("/api/failures").json()
    assert [(f["input"], f["stage"], f["code"], f["reason"]) for f in body["data"]] == [
        (FAILURE.input, FAILURE.stage, FAILURE.code, FAILURE.reason)
    ]
    assert body["meta"]["next_offset"] is None


def test_openapi_schema_is_served_and_docs_pages_are_off(client):
    schema = client.get("/api/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/stats", "/api/failures"} <= set(schema["paths"])
    assert client.get("/docs").status_code == 404  # its page would load scripts from a CDN


def test_create_app_refuses_a_missing_or_foreign_database(tmp_path):
    missing = tmp_path / "none.db"
    with pytest.raises(StoreError, match="dateline run"):
        create_app(str(missing))
    assert not missing.exists()
    garbage = tmp_path / "notes.db"
    garbage.write_text("not a database\n" * 100)
    with pytest.raises(StoreError):
        create_app(str(garbage))
    with pytest.raises(StoreError):
        create_app(":memory:")
