"""Issue 19: every parameter bounded (400), oversized requests 413/414, never a 500; headers; schema."""

from __future__ import annotations

import httpx
import pytest
from server_data import AppClient

import pg
from dateline.models import Article, Document, Failure
from dateline.server import create_app
from dateline.store import open_store

pytestmark = pytest.mark.issue(19)


def _fill(db: str) -> str:
    with open_store(db) as store:
        store.write_document(Document(article=Article(id="a", text="Soldiers killed four near Mopti.")))
        store.write_failure(Failure(input="x.txt", stage="ingest", reason="binary input", code="binary"))
    return db


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path_factory) -> str:
    if request.param == "sqlite":
        return _fill(str(tmp_path_factory.mktemp("hostile") / "events.db"))
    try:
        return _fill(pg.shared().new_database())
    except pg.PostgresUnavailable as exc:
        pytest.skip(f"PostgreSQL unavailable: {exc}")


@pytest.fixture(scope="module")
def client(db):
    client = AppClient(create_app(db), raise_app_exceptions=False)
    yield client
    client.close()


BIG = str(2**63)


@pytest.mark.parametrize(
    "url",
    [
        f"/api/events?offset={BIG}",
        f"/api/failures?offset={BIG}",
        f"/?offset={BIG}",
        f"/api/events?limit={BIG}",
        "/api/events?text=" + "w" * 65_000,
        "/api/events?text=" + "+".join(["word"] * 3000),
        "/api/events?text=" + "+".join(["word"] * 13),
        "/api/events?actor=" + "a" * 50_000,
        "/api/events?actor=" + "a" * 300,
        "/api/events?actor=%00",
        "/api/events?text=%00x",
        "/?actor=%00",
        "/?text=" + "+".join(["word"] * 3000),
    ],
)
def test_hostile_parameters_are_answered_4xx(client, url):
    response = client.get(url)
    assert response.status_code in (400, 413, 414), (url[:80], response.status_code, response.text[:200])
    if url.startswith("/api"):
        assert set(response.json()["error"]) == {"code", "message"}


def _raw_get(app, path: str, query: bytes) -> tuple[int, bytes]:
    """A GET straight to the ASGI app (httpx refuses URLs over 64 KB; servers like uvicorn pass them on)."""
    import asyncio

    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": query, "root_path": "",
             "headers": [(b"host", b"testserver")], "client": ("127.0.0.1", 1), "server": ("testserver", 80)}
    asyncio.run(app(scope, receive, send))
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return sent[0]["status"], body


@pytest.mark.parametrize(
    "query", [b"text=" + b"x" * 200_000, b"&".join(b"p%d=1" % i for i in range(40_000))], ids=["long", "many"]
)
@pytest.mark.parametrize("path", ["/api/events", "/"])
def test_query_string_of_200_kb_is_414(client, path, query):
    status, body = _raw_get(client.app, path, query)
    assert status == 414
    assert b"too_long" in body or b"414" in body


def test_request_body_too_large_is_413(client):
    import asyncio

    async def send():
        transport = httpx.ASGITransport(app=client.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            return await http.request("GET", "/api/events", content=b"x" * 100_000)

    assert asyncio.run(send()).status_code == 413


def test_bounded_values_still_work(client):
    assert client.get("/api/events?offset=10000000&actor=" + "a" * 200).status_code == 200
    assert client.get("/api/events?text=" + "+".join(["word"] * 12)).status_code == 200


def test_405_says_allow_and_every_answer_has_security_headers(client):
    response = client.post("/api/events")
    assert response.status_code == 405
    assert "GET" in response.headers["allow"]
    for url in ("/", "/api/events", "/api/nothing", "/static/style.css"):
        headers = client.get(url).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert "default-src 'self'" in headers["content-security-policy"]


def test_openapi_lists_the_answers_given(client):
    schema = client.get("/api/openapi.json").json()
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            codes = set(operation["responses"])
            assert "422" not in codes and "400" in codes, path
            assert ("404" in codes) == ("{" in path), path
    assert client.get("/api/events/nothing").status_code == 404
    assert client.get("/api/events?limit=0").status_code == 400


def test_statement_timeout_cancels_a_long_query(db):
    from dateline.server.stores import QueryTimeout, StorePool

    pool = StorePool(db, timeout=0.3)
    slow = (
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000000) SELECT count(*) FROM c"
    )
    with pytest.raises(QueryTimeout):
        with pool.borrow() as store:
            store._rows(slow)
    with pool.borrow() as store:  # the next request gets its own time
        assert store._rows("SELECT 1 AS one") == [{"one": 1}]
    pool.close()


def test_a_500_carries_the_security_headers_too(db):
    app = create_app(db)
    client = AppClient(app, raise_app_exceptions=False)

    def broken():
        raise RuntimeError("boom")

    with app.state.stores.borrow() as store:
        store.counts = broken  # the pool lends this store to the next request
    response = client.get("/api/stats")
    client.close()
    assert response.status_code == 500
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" in response.headers
