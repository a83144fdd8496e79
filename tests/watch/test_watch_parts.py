"""The parts of ``dateline watch`` that need no model: durations, sitemaps, the polite fetcher's
conditional GETs and retries (against a local server), the ledger's queue, polling a folder."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pg
import pytest
from feedserver import FEED_MODIFIED, FeedServer, Site

from dateline.errors import ConfigError
from dateline.ingest.failures import Refused
from dateline.ingest.fetch import Fetcher, RetryPolicy, Throttled, retry_after
from dateline.ingest.limits import Limits
from dateline.ingest.sitemaps import is_sitemap, read_sitemap
from dateline.settings import load
from dateline.store import clock, open_store
from dateline.store.ledger import Ledger, NewItem
from dateline.watch import seconds
from dateline.watch.sources import poll

NO_DELAY = Limits(host_delay=0.0)


def test_durations():
    assert [seconds(t) for t in ("90", "90s", "15m", "2h", "1d", "0.5m")] == [90, 90, 900, 7200, 86400, 30]
    with pytest.raises(ConfigError):
        seconds("soon")


def test_sitemap_pages_and_index():
    urlset = (
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://a.example/1</loc><lastmod>2026-12-01</lastmod></url>"
        b"<url><loc> https://a.example/2 </loc></url></urlset>"
    )
    assert is_sitemap(urlset)
    assert read_sitemap(urlset).pages == [("https://a.example/1", "2026-12-01"), ("https://a.example/2", None)]
    index = b"<sitemapindex><sitemap><loc>https://a.example/s1.xml</loc></sitemap></sitemapindex>"
    assert read_sitemap(index).children == ["https://a.example/s1.xml"]
    assert not is_sitemap(b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>')
    with pytest.raises(Refused):
        read_sitemap(b"<urlset><url>")


def test_retry_after_values():
    assert retry_after("3") == 3.0
    assert retry_after(None) is None and retry_after("soon") is None
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a date in the past: no wait


def test_conditional_get_sends_the_validators_and_reads_304():
    with FeedServer(Site(1)) as site:
        fetcher = Fetcher(NO_DELAY)
        first = fetcher.fetch(f"{site.base}/feed.xml")
        assert first.etag == site.etag and first.last_modified == FEED_MODIFIED and not first.not_modified
        second = fetcher.fetch(f"{site.base}/feed.xml", etag=first.etag, last_modified=first.last_modified)
        assert second.not_modified and second.data == b""
        assert site.seen("/feed.xml")[-1]["If-None-Match"] == site.etag
        assert site.seen("/feed.xml")[-1]["If-Modified-Since"] == FEED_MODIFIED


def test_fetcher_retries_with_backoff_and_honours_a_bounded_retry_after():
    with FeedServer(Site(2)) as site:
        fetcher = Fetcher(NO_DELAY, retry=RetryPolicy(retries=2, backoff=0.05, max_wait=2.0))
        site.fail["/news/0.html"] = (2, "")  # no Retry-After: backoff 0.05 then 0.1
        assert fetcher.fetch(f"{site.base}/news/0.html").data
        assert len(site.seen("/news/0.html")) == 3
        site.fail["/news/1.html"] = (1, "1")
        fetcher.fetch(f"{site.base}/news/1.html")
        first, second = site.times("/news/1.html")
        assert second - first >= 1.0
        site.fail["/news/1.html"] = (1, "600")  # too long to wait now: the error says when
        with pytest.raises(Throttled) as raised:
            fetcher.fetch(f"{site.base}/news/1.html")
        assert raised.value.retry_after == 600.0
        # without a retry policy (what `dateline ingest` uses) a 503 fails at once
        site.fail["/news/0.html"] = (1, "")
        with pytest.raises(Throttled):
            Fetcher(NO_DELAY).fetch(f"{site.base}/news/0.html")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_db(request, tmp_path) -> str:
    """A SQLite file, then a fresh PostgreSQL database (skipped when no server can start)."""
    if request.param == "sqlite":
        return str(tmp_path / "q.db")
    try:
        return pg.shared().new_database()
    except pg.PostgresUnavailable as exc:
        pytest.skip(f"PostgreSQL unavailable: {exc}")


def test_ledger_queues_new_items_once_and_records_failures(any_db):
    with open_store(any_db) as store:
        ledger = Ledger(store)  # type: ignore[arg-type]
        assert ledger.record_poll("feed", "feed", status="listed", items=[NewItem("a"), NewItem("b")], etag="x") == 2
        assert ledger.record_poll("feed", "feed", status="listed", items=[NewItem("b"), NewItem("c")]) == 1
        state = ledger.source("feed")
        assert state is not None and state.etag == "x"  # kept by a poll that gave none
        a, b, c = ledger.due("feed")
        ledger.finish(a, "art-a")
        ledger.record_failure(b, error="HTTP 503", code="http", retry_at=clock.later(3600))
        ledger.record_failure(c, error="HTTP 404", code="http", retry_at=None)
        assert ledger.due("feed") == []
        (status,) = ledger.status()
        assert (status.done, status.pending, status.due, status.retrying, status.failed) == (1, 1, 0, 1, 1)
        # a changed version queues a listed item again
        assert ledger.record_poll("feed", "feed", status="listed", items=[NewItem("a", version="2")]) == 1
        assert [i.item for i in ledger.due("feed")] == ["a"]


def test_polling_a_folder_lists_its_files(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text("one", encoding="utf-8")
    (folder / "sub" / "two.txt").write_text("two", encoding="utf-8")
    with open_store(str(tmp_path / "q.db")) as store:
        ledger = Ledger(store)  # type: ignore[arg-type]
        config = load().watch
        first = poll(str(folder), ledger, Fetcher(NO_DELAY), config)
        assert (first.kind, first.listed, first.queued) == ("folder", 2, 2)
        assert poll(str(folder), ledger, Fetcher(NO_DELAY), config).queued == 0
        missing = poll(str(tmp_path / "nowhere"), ledger, Fetcher(NO_DELAY), config)
        assert missing.error
        assert poll("http://[bad", ledger, Fetcher(NO_DELAY), config).error  # recorded, not raised
        assert [s.last_status for s in ledger.status()] == ["listed", "failed", "failed"]


def test_watch_polls_every_interval_until_sigterm_and_exits_0(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    db = tmp_path / "w.db"
    process = subprocess.Popen([sys.executable, "-m", "dateline", "watch", str(folder), "--db", str(db),
                                "--every", "0.2s"], cwd=Path(__file__).resolve().parents[2],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    polls, deadline = 0, time.monotonic() + 120
    while polls < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
                polls = conn.execute("SELECT MAX(polls) FROM sources").fetchone()[0] or 0
        except sqlite3.OperationalError:
            pass
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=60)
    assert polls >= 3, err
    assert process.returncode == 0, err
    assert "stopped by a signal" in out
