"""The HTML dashboard: list and filter form, one event with marked evidence, escaping, errors."""

from __future__ import annotations

import html
import re
import shutil

import pytest
from server_data import UNSAFE_URL, AppClient, build_db

from dateline.server import create_app
from dateline.server.view import newest_first
from dateline.store import open_store


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp) -> str:
    return build_db(tmp_path_factory.mktemp("pages") / "events.db", nlp)


@pytest.fixture(scope="module")
def client(db):
    client = AppClient(create_app(db, title="Sahel desk"))
    yield client
    client.close()


def _event_with(db: str, word: str):
    with open_store(db) as store:
        return next(store.events(text=word))


def test_events_page_lists_events_newest_first_with_a_filter_form(client, db):
    with open_store(db) as store:
        events = newest_first(store.events())
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<title>Sahel desk</title>" in page.text
    assert '<form class="filters"' in page.text and 'name="near"' in page.text
    links = [f"/events/{e.id}" for e in events]
    assert all(link in page.text for link in links)
    assert sorted(links, key=page.text.index) == links  # newest first
    assert '<div id="map"' in page.text and 'id="timeline-chart"' in page.text


def test_filters_are_dropdowns_built_from_the_data(client, db):
    with open_store(db) as store:
        events = list(store.events())
    page = client.get("/").text
    for event_type in {e.event_type for e in events}:
        count = sum(e.event_type == event_type for e in events)
        assert f'<option value="{event_type}">{event_type} ({count})</option>' in page
    for country in {e.country_code for e in events if e.country_code}:
        assert f'<option value="{country}">' in page
    assert '<option value="SANCTION">' not in page  # only the values present
    assert '<select name="modality">' in page and '<select name="outlet">' in page
    assert '<select name="confidence">' in page


def test_the_form_filters_by_the_actors_country_apart_from_the_place(client, db):
    from dateline.store.query import actor_countries

    with open_store(db) as store:
        events = list(store.events())
    code = sorted(set().union(*(actor_countries(e) for e in events)))[0]
    count = sum(code in actor_countries(e) for e in events)
    assert '<select name="actor_country">' in client.get("/").text
    page = client.get(f"/?actor_country={code}").text
    assert f'<option value="{code}" selected>{code} ({count})</option>' in page
    assert page.count('href="http://testserver/events/') == count


def test_events_page_applies_filters_and_keeps_them_in_the_form(client, db):
    protest = _event_with(db, "teachers")
    page = client.get("/?type=protest&country=KEN").text
    assert f"/events/{protest.id}" in page
    assert page.count('href="http://testserver/events/') == 1
    assert '<option value="PROTEST" selected>' in page and '<option value="KEN" selected>' in page
    assert "/api/events?type=protest&amp;country=KEN" in page
    assert 'href="/api/export/csv?type=protest&amp;country=KEN"' in page
    assert 'href="/api/export/geojson?type=protest&amp;country=KEN"' in page


def test_totals_follow_the_filters(client, db):
    with open_store(db) as store:
        events = list(store.events())
    protests = [e for e in events if e.event_type == "PROTEST"]
    page = client.get("/?type=protest").text
    assert f"<strong>{len(protests)}</strong> event" in page and f"of {len(events)}" in page
    assert f"<strong>{sum(e.dead or 0 for e in protests)}</strong> dead" in page


def test_events_page_pages_with_next_and_previous_links(client):
    first = client.get("/?limit=1").text
    assert 'rel="next" href="?limit=1&amp;offset=1"' in first and 'rel="prev"' not in first
    second = client.get("/?limit=1&offset=1").text
    assert 'rel="prev" href="?limit=1&amp;offset=0"' in second


def test_event_page_marks_trigger_and_evidence(client, db):
    event = _event_with(db, "stormed")
    with open_store(db) as store:
        mentions = list(store.mentions(event.id))
    page = client.get(f"/events/{event.id}").text
    for mention in mentions:
        assert f'<mark class="trigger">{html.escape(mention.trigger_text)}</mark>' in page
        assert f'data-start="{mention.evidence_start}" data-end="{mention.evidence_end}"' in page
    assert 'href="https://news.example/police-post-attack"' in page


def test_event_page_escapes_article_text_and_never_links_script_urls(client, db):
    event = _event_with(db, "teachers")
    page = client.get(f"/events/{event.id}").text
    assert '<mark class="trigger">protested</mark>' in page
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#34;pay us&#34;)&lt;/script&gt; &amp; &#34;No pay, no class&#34;" in page
    assert UNSAFE_URL in page  # shown as text ...
    assert f'href="{UNSAFE_URL}"' not in page  # ... never as a link


def test_failures_page_lists_failures(client):
    page = client.get("/failures").text
    assert "broken.pdf" in page and "not a text file" in page


def test_page_errors_are_html_pages(client):
    missing = client.get("/events/ev0000000000000000")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert "no event &#39;ev0000000000000000&#39;" in missing.text
    bad = client.get("/?since=June")
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.text


def test_stylesheet_scripts_and_boundaries_are_served_locally(client):
    page = client.get("/").text
    assert 'href="http://testserver/static/style.css"' in page
    assert "//cdn" not in page and "unpkg" not in page
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', page)
    assert scripts and all(src.startswith("http://testserver/static/") for src in scripts)
    assert len(scripts) == page.count("<script")  # no inline script
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "mark.trigger" in css.text
    for src in scripts:
        assert client.get(src).status_code == 200
    world = client.get("/static/vendor/world-atlas/countries-50m.json").json()
    assert world["type"] == "Topology" and "countries" in world["objects"]
    for library in ("leaflet", "topojson-client", "world-atlas"):
        assert client.get(f"/static/vendor/{library}/LICENSE.txt").status_code == 200


def _article_section(page: str) -> str:
    return page[page.index('<h2 id="articles">') :]


def test_event_page_shows_each_article_text_with_the_mentions_marked(client, db):
    event = _event_with(db, "stormed")
    with open_store(db) as store:
        mentions = list(store.mentions(event.id))
        texts = {m.article_id: store.article_text(m.article_id) for m in mentions}
    articles = _article_section(client.get(f"/events/{event.id}").text)
    assert articles.count('<details class="article"') == len(texts)
    for mention in mentions:
        trigger = html.escape(mention.trigger_text)
        assert re.search(f'<mark class="trigger( in-evidence)?">{re.escape(trigger)}</mark>', articles)
    marked = re.sub(r"</?(mark|span)[^>]*>", "", articles)  # the whole text is there, marks aside
    for text in texts.values():
        assert text and html.escape(text[-40:]) in marked
    assert 'class="in-evidence"' in articles and "article text not kept" not in articles


def test_the_article_text_is_escaped_on_the_event_page(client, db):
    event = _event_with(db, "teachers")
    articles = _article_section(client.get(f"/events/{event.id}").text)
    assert "<script>" not in articles
    assert "&lt;script&gt;alert(&#34;pay us&#34;)&lt;/script&gt;" in articles
    assert re.search(r'<mark class="trigger in-evidence">protested</mark>', articles)


def test_event_page_says_when_the_article_text_was_not_kept(db, tmp_path):
    copy = tmp_path / "bare.db"
    shutil.copyfile(db, copy)
    with open_store(str(copy)) as store:
        store._execute("UPDATE articles SET text = NULL")
        event = next(store.events(text="stormed"))
    client = AppClient(create_app(str(copy), title="Sahel desk"))
    try:
        page = client.get(f"/events/{event.id}").text
    finally:
        client.close()
    assert "article text not kept" in _article_section(page)
    assert '<div class="article-text">' not in page
    assert '<mark class="trigger">' in page  # the evidence sentences are still shown
