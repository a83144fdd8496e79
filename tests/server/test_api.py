"""The JSON API, called in-process over a real store filled by the real pipeline."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from server_data import FAILURE, AppClient, build_db

from dateline.errors import StoreError
from dateline.server import create_app
from dateline.server.view import newest_first
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
        events = newest_first(store.events())
        mentions = {e.id: list(store.mentions(e.id)) for e in events}
        counts = store.counts()
    return events, mentions, counts


def _error(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    return body["error"]["message"]


def test_events_envelope_lists_every_linked_event_newest_first(client, stored):
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
        "total": len(events),
        "next_offset": None,
    }
    dates = [e["date"] for e in body["data"] if e["date"]]
    assert dates == sorted(dates, reverse=True)


def _ids(events) -> list[str]:
    return [e.id for e in newest_first(events)]


def test_events_filters_match_the_store(client, db):
    with open_store(db) as store:
        expected = {
            "type=assault&country=nga": _ids(
                e for e in store.events(event_type="ASSAULT") if e.country_code == "NGA"
            ),
            "text=teachers": _ids(store.events(text="teachers")),
            "since=2025-06-03&until=2025-06": _ids(store.events(since="2025-06-03", until="2025-06")),
            "near=-1.29,36.82,20": _ids(
                e for e in store.events(near=(-1.29, 36.82, 20)) if e.resolution != "country"
            ),
        }
    assert expected["type=assault&country=nga"] and expected["text=teachers"]
    for query, ids in expected.items():
        body = client.get(f"/api/events?{query}").json()
        assert [e["id"] for e in body["data"]] == ids, query
    assert client.get("/api/events?type=assault&country=nga").json()["meta"]["filters"] == {
        "type": "assault", "country": "nga"
    }  # fmt: skip


def test_country_is_the_place_of_the_event_not_an_actors(client, stored):
    events, _, _ = stored
    for country in {e.country_code for e in events if e.country_code}:
        body = client.get(f"/api/events?country={country}&limit=1000").json()
        assert {e["country_code"] for e in body["data"]} == {country}
        assert len(body["data"]) == sum(1 for e in events if e.country_code == country)


def _actor_countries(event) -> set[str]:
    return {e.get(k) for e in event.actor + event.recipient for k in ("country", "backer")} - {None}


def test_actor_country_is_the_country_of_an_actor_or_recipient(client, stored):
    events, _, _ = stored
    codes = set().union(*(_actor_countries(e) for e in events))
    assert codes
    for code in codes:
        body = client.get(f"/api/events?actor_country={code.lower()}&limit=1000").json()
        assert {e["id"] for e in body["data"]} == {e.id for e in events if code in _actor_countries(e)}
        assert body["meta"]["filters"] == {"actor_country": code.lower()}


def test_an_unknown_type_or_country_lists_what_is_allowed(client):
    assert "choose one of AGREE" in _error(client.get("/api/events?type=BOMBING"), 400, "input")
    assert "ISO 3166" in _error(client.get("/api/events?actor_country=XX"), 400, "input")


def test_server_side_filters_modality_confidence_and_outlet(client, stored):
    events, mentions, _ = stored
    modality = events[0].modality
    body = client.get(f"/api/events?modality={modality.upper()}").json()
    assert [e["id"] for e in body["data"]] == [e.id for e in events if e.modality == modality]
    body = client.get("/api/events?confidence=0.8").json()
    assert [e["id"] for e in body["data"]] == [e.id for e in events if e.confidence >= 0.8]
    outlet = next(m.outlet for ms in mentions.values() for m in ms if m.outlet)
    expected = [e.id for e in events if any(m.outlet == outlet for m in mentions[e.id])]
    body = client.get("/api/events?" + urlencode({"outlet": outlet})).json()
    assert [e["id"] for e in body["data"]] == expected and expected


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
    assert "ASSAULT" in _error(client.get("/api/events?type=BOMBING"), 400, "input")  # never silently empty
    assert "asserted" in _error(client.get("/api/events?modality=sure"), 400, "input")
    assert "0..1" in _error(client.get("/api/events?confidence=high"), 400, "input")
    assert "week" in _error(client.get("/api/timeline?bin=fortnight"), 400, "input")
    assert "csv" in _error(client.get("/api/export/xlsx"), 400, "input")
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
    assert {"/api/events", "/api/events/{event_id}", "/api/stats", "/api/failures", "/api/facets",
            "/api/timeline", "/api/geojson", "/api/export/{fmt}"} <= set(schema["paths"])  # fmt: skip
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


def test_facets_count_the_filtered_view(client, stored):
    events, mentions, _ = stored
    body = client.get("/api/facets").json()
    totals, facets = body["data"]["totals"], body["data"]["facets"]
    assert totals["events"] == len(events) and totals["mentions"] == sum(e.n_mentions for e in events)
    assert totals["dead"] == sum(e.dead or 0 for e in events)
    assert totals["articles"] == len({m.article_id for ms in mentions.values() for m in ms})
    assert sum(row["count"] for row in facets["type"]) == len(events)
    assert {"type", "country", "actor_country", "actor", "modality", "confidence", "outlet"} <= set(facets)
    kind = events[0].event_type
    narrowed = client.get(f"/api/facets?type={kind}").json()["data"]
    assert narrowed["facets"]["type"] == [{"value": kind, "count": sum(e.event_type == kind for e in events)}]
    assert narrowed["totals"]["events"] < totals["events"] or len(facets["type"]) == 1


def test_timeline_counts_day_precision_events_per_bin(client, stored):
    events, _, _ = stored
    data = client.get("/api/timeline?bin=day").json()["data"]
    days = [e.date for e in events if e.date_precision == "day"]
    assert data["bin"] == "day" and sum(b["count"] for b in data["bins"]) == len(days)
    assert data["bins"][0]["start"] == min(days) and data["bins"][-1]["end"] == max(days)
    assert data["coarse"] + data["undated"] == len(events) - len(days)
    weekly = client.get("/api/timeline?bin=week").json()["data"]
    assert sum(b["count"] for b in weekly["bins"]) == len(days)


def test_geojson_has_one_feature_per_event_of_the_view(client, stored):
    events, _, _ = stored
    body = client.get("/api/geojson").json()
    collection = body["data"]
    assert collection["type"] == "FeatureCollection"
    assert [f["id"] for f in collection["features"]] == [e.id for e in events]
    located = [e for e in events if e.lat is not None]
    assert body["meta"]["located"] == len(located)
    for feature, event in zip(collection["features"], events, strict=True):
        if event.lat is None:
            assert feature["geometry"] is None
        else:
            assert feature["geometry"]["coordinates"] == [event.lon, event.lat]


def test_downloads_are_the_export_formats_of_the_current_view(client, stored):
    import csv
    import io
    import json

    events, _, _ = stored
    kind = events[0].event_type
    wanted = [e.id for e in events if e.event_type == kind]
    response = client.get(f"/api/export/csv?type={kind}")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert 'filename="dateline-events.csv"' in response.headers["content-disposition"]
    assert [row["id"] for row in csv.DictReader(io.StringIO(response.text))] == wanted
    geo = json.loads(client.get(f"/api/export/geojson?type={kind}").text)
    located = {e.id for e in events if e.event_type == kind and e.lat is not None}
    assert {f["id"] for f in geo["features"]} >= located
