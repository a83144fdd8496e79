"""The dashboard in a real browser: Debian's chromium, headless, driven by Playwright, on a live server.

The database is built from examples/ by the real command (``dateline run examples/ --db X``); the server
is uvicorn on a free loopback port in a thread. The browser sees markers on the map, brushes the
timeline, filters by type, opens an event and finds its evidence marked, and never asks any host but
127.0.0.1 for anything (every request is intercepted; any other host is refused and fails the test).

Skipped when Playwright or chromium is missing (scripts/test.sh installs both). With
``DATELINE_SCREENSHOTS=DIR`` set, it saves DIR/dashboard-map.png and DIR/dashboard-event.png (the ones in
docs/ come from this test).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from dateline.cli import cli

ROOT = Path(__file__).resolve().parent.parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOOPBACK = "127.0.0.1"
WAIT_MS = 20_000

playwright_sync = pytest.importorskip("playwright.sync_api", reason="pip install playwright (test extra)")
uvicorn = pytest.importorskip("uvicorn", reason="the serve extra")
pytestmark = [
    pytest.mark.model,  # its database comes from `dateline run` on the examples
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no chromium (scripts/test.sh installs it)"),
]


@pytest.fixture(scope="module")
def example_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("browser") / "examples.db")
    result = CliRunner().invoke(cli, ["run", str(ROOT / "examples"), "--db", db])
    assert result.exit_code == 0, result.output
    return db


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(example_db) -> Iterator[str]:
    from dateline.server import create_app

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(example_db), host=LOOPBACK, port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://{LOOPBACK}:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_sync.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _rows(page) -> list[str]:
    """The dates of the events listed on the page (first column of the table)."""
    return [text.strip() for text in page.locator("table.events tbody tr td:first-child").all_inner_texts()]


def _wait_ready(page) -> None:
    page.wait_for_selector("body[data-state=ready]", timeout=WAIT_MS)
    page.wait_for_selector("#map[data-state=ready]", timeout=WAIT_MS)
    page.wait_for_selector("#timeline-chart[data-state=ready]", timeout=WAIT_MS)


def _screenshot(page, name: str, selector: str | None = None) -> None:
    folder = os.environ.get("DATELINE_SCREENSHOTS")
    if not folder:
        return
    target = page.locator(selector) if selector else page
    target.screenshot(path=str(Path(folder) / name))


def test_dashboard_map_timeline_filters_and_evidence_in_a_browser(browser, base_url):
    requested: list[str] = []
    refused: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 1000})

    def only_loopback(route) -> None:
        url = route.request.url
        requested.append(url)
        if urlsplit(url).hostname == LOOPBACK:
            route.continue_()
        else:
            refused.append(url)
            route.abort()

    context.route("**/*", only_loopback)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    # the map: country boundaries from the server's own files, the four located events as markers
    page.goto(base_url + "/")
    _wait_ready(page)
    page.wait_for_selector("#map[data-basemap=ready]", timeout=WAIT_MS)
    assert page.locator("#map").get_attribute("data-located") == "4"
    assert page.locator("#map path.leaflet-interactive.ev-marker").count() >= 1
    assert page.locator("#map path.ev-marker").count() + page.locator("#map .ev-cluster").count() == int(
        page.locator("#map").get_attribute("data-markers") or 0
    )
    assert page.locator("#map path.ev-prec-city").count() >= 1  # a town is drawn as a town
    assert page.locator("#map .leaflet-countries-pane path").count() > 20  # the countries
    everything = _rows(page)
    assert len(everything) == 8 and everything == sorted(everything, reverse=True)  # newest first
    _screenshot(page, "dashboard-map.png")

    # brushing the timeline (four days, 14 to 17 March 2026) over its first half keeps 14 and 15 March
    chart = page.locator("#timeline-chart")
    box = chart.bounding_box()
    assert box and chart.get_attribute("data-bins") == "4"
    page.mouse.move(box["x"] + 3, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] / 2, steps=5)
    page.mouse.move(box["x"] + box["width"] * 0.45, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    page.wait_for_url(re.compile(r"since=2026-03-14.*until=2026-03-15"), timeout=WAIT_MS)
    _wait_ready(page)
    brushed = _rows(page)
    assert brushed and all(d.startswith("2026-03-14") for d in brushed) and len(brushed) < len(everything)
    assert page.locator("#map").get_attribute("data-located") == "2"
    assert page.locator("select[name=since], input[name=since]").input_value() == "2026-03-14"

    # filtering by type with the dropdown (built from the data) narrows map, list and totals
    page.select_option("select[name=type]", "ASSAULT")
    page.wait_for_url(re.compile(r"type=ASSAULT"), timeout=WAIT_MS)
    _wait_ready(page)
    query = parse_qs(urlsplit(page.url).query)
    assert query["type"] == ["ASSAULT"] and query["since"] == ["2026-03-14"]
    assert len(_rows(page)) == 1
    assert page.locator("#map").get_attribute("data-located") == "1"
    assert page.locator("#totals strong").first.inner_text() == "1"
    assert (
        page.locator("#totals a", has_text="CSV")
        .get_attribute("href")
        .endswith("/api/export/csv?" + urlsplit(page.url).query)
    )

    # opening the event: every mention's evidence with the trigger marked
    page.locator("table.events tbody tr a").first.click()
    page.wait_for_url(re.compile(r"/events/ev"), timeout=WAIT_MS)
    assert page.locator("blockquote.passage").count() >= 2  # two outlets reported the bombing
    assert page.locator("blockquote.passage mark.trigger").count() >= 2
    assert "bomb" in page.locator("blockquote.passage mark.trigger").first.inner_text().lower()
    assert page.locator("blockquote.passage mark.recipient", has_text="Six civilians").count() == 1
    assert page.locator("blockquote.passage mark.actor", has_text="car bomb").count() >= 1
    page.wait_for_selector("#event-map[data-basemap=ready]", timeout=WAIT_MS)  # where, drawn as on the map
    assert page.locator("#event-map path.ev-prec-city").count() == 1
    _screenshot(page, "dashboard-event.png")

    context.close()
    assert not errors, errors
    assert not refused, f"requests to other hosts: {refused}"
    assert requested and all(urlsplit(u).hostname == LOOPBACK for u in requested)
    assert any(u.endswith("countries-50m.json") for u in requested)
