"""``dateline watch`` end to end against a local feed: real SIGKILLs and a SIGTERM, conditional GETs,
Retry-After, per-URL failures and retries, a folder source, the change journal."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from feedserver import FEED_MODIFIED, FeedServer, Site

from dateline import settings as settings_module
from dateline.cli import cli
from dateline.extract import Extractor
from dateline.store import clock, open_store
from dateline.store.ledger import Ledger
from dateline.watch import Watch, WatchSummary

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
FAST = {"limits.host_delay": "0", "watch.fetch_backoff": "0.1", "watch.max_retry_after": "5"}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _settings(**more: str):
    return settings_module.load(overrides={**FAST, **more})


def _watch(sources: list[str], db: Path, extractor: Extractor, **more: str) -> WatchSummary:
    with open_store(str(db)) as store:
        return Watch(sources, store, settings=_settings(**more), extractor=extractor).run(every=0, once=True)  # type: ignore[arg-type]


def _dump(db: Path) -> dict:
    with open_store(str(db)) as store:
        return store.dump()


def _count(db: Path, sql: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def _start(feed: str, db: Path) -> subprocess.Popen:
    """``dateline watch FEED --once`` in a process of its own, at least 0.3 s per article (the host delay),
    so that a kill a moment after an article lands mid-run on any machine."""
    command = [sys.executable, "-m", "dateline"]
    for key, value in {**FAST, "limits.host_delay": "0.3"}.items():
        command += ["--set", f"{key}={value}"]
    command += ["watch", feed, "--db", str(db), "--once"]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_articles(process: subprocess.Popen, db: Path, at_least: int, timeout: float = 240) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        stored = _count(db, "SELECT COUNT(*) FROM articles")
        if stored >= at_least or process.poll() is not None:
            return stored
        time.sleep(0.05)
    process.kill()
    raise AssertionError("the watch stored nothing in time")


def test_killed_three_times_and_restarted_stores_what_an_uninterrupted_run_stores(tmp_path, extractor):
    n = 12
    with FeedServer(Site(n)) as site:
        feed = f"{site.base}/feed.xml"
        reference = tmp_path / "reference.db"
        assert _watch([feed], reference, extractor).stored == n

        db = tmp_path / "killed.db"
        rng = random.Random(18)
        for _ in range(3):  # SIGKILL mid-run: after at least one more article, at a random moment
            process = _start(feed, db)
            stored = _wait_for_articles(process, db, _count(db, "SELECT COUNT(*) FROM articles") + 1)
            time.sleep(rng.uniform(0, 0.4))
            process.send_signal(signal.SIGKILL)
            process.communicate()
            assert process.returncode == -signal.SIGKILL, "the run ended before it was killed"
            assert stored < n
        # SIGTERM: the article in hand is finished, the run exits 0, every stored article is marked done
        process = _start(feed, db)
        _wait_for_articles(process, db, _count(db, "SELECT COUNT(*) FROM articles") + 1)
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        assert _count(db, "SELECT COUNT(*) FROM articles") == _count(
            db, "SELECT COUNT(*) FROM fetch_queue WHERE state = 'done'"
        )
        # the last restart finishes the backlog
        process = _start(feed, db)
        out, err = process.communicate(timeout=240)
        assert process.returncode == 0, err
        assert _dump(db) == _dump(reference)  # articles, events, mentions, actors, places, ...
        assert _count(db, "SELECT COUNT(*) FROM fetch_queue WHERE state <> 'done'") == 0

        # a second poll adds nothing (the feed answers 304)
        before = _dump(db)
        again = _watch([feed], db, extractor)
        assert again.polls[0].not_modified and again.items == 0
        assert _dump(db) == before


def test_conditional_get_and_a_304_add_nothing(tmp_path, extractor):
    db = tmp_path / "events.db"
    with FeedServer(Site(2)) as site:
        feed = f"{site.base}/feed.xml"
        first = _watch([feed], db, extractor)
        assert first.stored == 2 and not first.trouble
        before = _dump(db)
        second = _watch([feed], db, extractor)
        headers = site.seen("/feed.xml")[-1]
        assert headers["If-None-Match"] == site.etag
        assert headers["If-Modified-Since"] == FEED_MODIFIED
        assert second.polls[0].not_modified and second.items == 0
        assert _dump(db) == before


def test_new_articles_link_into_existing_events_and_export_since(tmp_path, extractor):
    db = tmp_path / "events.db"
    with FeedServer(Site(1)) as site:
        feed = f"{site.base}/feed.xml"
        _watch([feed], db, extractor)
        with open_store(str(db)) as store:
            first_ids = {e.id for e in store.events()}
        mark = clock.now()
        site.count = 3  # the retelling of story 0, and a new story
        _watch([feed], db, extractor)
        with open_store(str(db)) as store:
            events = {e.id: e for e in store.events()}
            changed = {e.id for e in store.events(changed_since=mark)}
            assert first_ids <= set(events)  # the older ids are kept
            assert any(events[i].n_articles == 2 for i in first_ids)  # joined by the retelling
            assert changed == set(events)  # joined old ones and the new ones
            assert {e.id for e in store.events(changed_since=clock.later(60))} == set()
        since = _export_ids(db, mark)
        assert since == changed and _export_ids(db, "2000-01-01") == set(events)


def _export_ids(db: Path, since: str) -> set[str]:
    """The event ids ``dateline export jsonl --changed-since SINCE`` writes."""
    result = CliRunner().invoke(cli, ["export", "jsonl", "--db", str(db), "--changed-since", since])
    assert result.exit_code == 0, result.output
    return {json.loads(line)["id"] for line in result.stdout.splitlines() if line.strip()}


def test_retry_after_is_honoured_and_failed_urls_are_retried_later(tmp_path, extractor):
    db = tmp_path / "events.db"
    with FeedServer(Site(3, broken=1)) as site:
        feed = f"{site.base}/feed.xml"
        site.fail["/news/0.html"] = (1, "1")  # waited for in the run
        site.fail["/news/1.html"] = (5, "3600")  # beyond watch.max_retry_after: a later poll
        summary = _watch([feed], db, extractor)
        first, second = site.times("/news/0.html")
        assert second - first >= 1.0
        assert len(site.seen("/news/1.html")) == 1  # not waited for, not hammered
        assert summary.stored == 2 and summary.failed == 2 and summary.trouble
        with open_store(str(db)) as store:
            ledger = Ledger(store)  # type: ignore[arg-type]
            (status,) = ledger.status()
            assert (status.done, status.pending, status.retrying, status.failed) == (2, 1, 1, 1)
            failures = {f["item"].rsplit("/", 1)[1]: f for f in ledger.item_failures()}
            assert failures["1.html"]["next_try"] >= clock.later(3000)
            assert failures["3.html"]["state"] == "failed" and "404" in failures["3.html"]["last_error"]
            # due again (as if an hour passed): the next poll stores it
            ledger.store._execute("UPDATE fetch_queue SET next_try = ? WHERE state = 'pending'", [clock.now()])
        site.fail.clear()
        later = _watch([feed], db, extractor)
        assert later.stored == 1
        assert _count(db, "SELECT COUNT(*) FROM articles") == 3


def test_a_gone_page_falls_back_to_the_feed_entry_text(tmp_path, extractor):
    db = tmp_path / "events.db"
    text = "Police arrested 40 protesters in Lima on Monday after a march against the government turned violent."
    with FeedServer(Site(0, broken=1, broken_text=text)) as site:
        summary = _watch([f"{site.base}/feed.xml"], db, extractor)
    assert summary.stored == 1 and summary.failed == 0
    with open_store(str(db)) as store:
        (article,) = store.articles()
        assert article["url"].endswith("/news/0.html")


def test_status_command_shows_sources_backlog_and_failures(tmp_path, extractor):
    db = tmp_path / "events.db"
    with FeedServer(Site(1, broken=1)) as site:
        _watch([f"{site.base}/feed.xml"], db, extractor)
    result = subprocess.run([sys.executable, "-m", "dateline", "status", "--db", str(db)], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ})  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "(feed)" in result.stdout and "stored: 1" in result.stdout and "failed: 1" in result.stdout
    assert "HTTP 404" in result.stdout and "given up" in result.stdout


def test_sitemap_index_source(tmp_path, extractor):
    db = tmp_path / "events.db"
    with FeedServer(Site(2)) as site:
        summary = _watch([f"{site.base}/sitemap-index.xml"], db, extractor)
        assert (summary.polls[0].kind, summary.polls[0].listed, summary.stored) == ("sitemap", 2, 2)
        assert _watch([f"{site.base}/sitemap-index.xml"], db, extractor).items == 0


def test_folder_source_reads_new_and_changed_files_once(tmp_path, extractor):
    folder = tmp_path / "inbox"
    folder.mkdir()
    story = (ROOT / "examples" / "harbour-protest.txt").read_text(encoding="utf-8")
    (folder / "a.txt").write_text(story, encoding="utf-8")
    db = tmp_path / "events.db"
    assert _watch([str(folder)], db, extractor).stored == 1
    assert _watch([str(folder)], db, extractor).items == 0
    (folder / "b.txt").write_text((ROOT / "examples" / "border-talks.txt").read_text(encoding="utf-8"))
    assert _watch([str(folder)], db, extractor).stored == 1
    (folder / "a.txt").write_text(story + "\nThe port reopened on Tuesday.\n", encoding="utf-8")
    changed = _watch([str(folder)], db, extractor)
    assert changed.items == 1 and changed.stored == 1
    assert _count(db, "SELECT COUNT(*) FROM articles") == 3
