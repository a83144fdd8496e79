"""Fetching URLs, against a local loopback server only."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dateline.ingest import Limits, ingest
from dateline.ingest.fetch import USER_AGENT
from dateline.models import Article, Failure

PAGE = (
    b"<html><head><title>Port strike ends</title></head><body><article><h1>Port strike ends</h1>"
    b"<p>Dock workers returned to work on Thursday after a nine-day strike over pay ended with a deal "
    b"between the union and the port authority, both sides said in statements.</p>"
    b"<p>Ships that had waited offshore began unloading within hours, the authority said.</p>"
    b"</article></body></html>"
)

ROUTES = {
    "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private\n"),
    "/story": (200, "text/html; charset=utf-8", PAGE),
    "/plain.txt": (200, "text/plain", b"Ceasefire holds for a second day, monitors said."),
    "/private/story": (200, "text/html", PAGE),
    "/big": (200, "text/plain", b"x" * 5000),
    "/wire.txt": (
        200,
        "text/plain",
        (
            b"KABUL, Dec 30 (Reuters) - Aid convoys reached the snowbound northern valleys on Tuesday after "
            b"a week of closed roads, the provincial governor said in this invented report."
        ),
    ),
}


class _Handler(BaseHTTPRequestHandler):
    seen_agents: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's naming)
        self.seen_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/story")
            self.end_headers()
            return
        status, content_type, body = ROUTES.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if self.path == "/wire.txt":
            self.send_header("Last-Modified", "Sat, 02 Jan 2021 08:00:00 GMT")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep test output quiet
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


FAST = Limits(host_delay=0, timeout=5, max_bytes=4096)


def test_ingest_fetches_pages_and_follows_redirects(server):
    page, moved, plain = ingest([f"{server}/story", f"{server}/moved", f"{server}/plain.txt"], limits=FAST)
    assert isinstance(page, Article) and page.title == "Port strike ends"
    assert page.url == f"{server}/story" and page.source == f"{server}/story"
    assert moved.url == f"{server}/story" and moved.id == page.id
    assert plain.text == "Ceasefire holds for a second day, monitors said."
    assert all(agent == USER_AGENT for agent in _Handler.seen_agents)


def test_ingest_fetch_failures_are_reported_not_raised(server):
    items = list(ingest([f"{server}/missing", f"{server}/private/story", f"{server}/big"], limits=FAST))
    assert all(isinstance(i, Failure) for i in items)
    assert [(i.code, i.reason) for i in items] == [
        ("http", "HTTP 404 Not Found"),
        ("robots", "robots.txt disallows fetching this URL"),
        ("too-large", "input is larger than the 4 KB limit"),
    ]


def test_ingest_unreachable_host_is_a_fetch_failure():
    # Port 9 on loopback: nothing listens, the connection is refused at once.
    (failure,) = ingest(["http://127.0.0.1:9/story"], limits=FAST)
    assert failure.code == "fetch" and failure.reason.startswith("could not fetch")


def test_network_trouble_is_transient_and_a_refusal_is_terminal(server):
    from dateline.errors import FetchError, UnsupportedInput
    from dateline.ingest.failures import Refused
    from dateline.ingest.fetch import Fetcher

    fetcher = Fetcher(FAST)
    with pytest.raises(FetchError) as unreachable:
        fetcher.fetch("http://127.0.0.1:9/story")
    assert unreachable.value.transient and isinstance(unreachable.value, Refused)  # still a per-input failure
    with pytest.raises(UnsupportedInput) as missing:
        fetcher.fetch(f"{server}/missing")
    assert not isinstance(missing.value, FetchError)  # a 404 will not be better on retry


def test_ingest_unparseable_url_is_a_failure():
    (failure,) = ingest(["http://[::1:80/story"], limits=FAST)
    assert isinstance(failure, Failure) and failure.reason.startswith("cannot open")


def test_ingest_fetched_last_modified_dates_a_year_less_lead(server):
    (article,) = ingest([f"{server}/wire.txt"], limits=FAST)
    assert article.published == "2020-12-30"  # the lead's day, in the year nearest Last-Modified
