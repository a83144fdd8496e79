"""Year-less wire leads ("BAGHDAD, Dec 20 (AFP) -"): a year from the input's own clues, never today."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.ingest import article_from_text, ingest
from dateline.ingest.articles import build_article
from dateline.ingest.leaddate import lead_month_day, nearest_date, recorded_lead_date

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"
STORY = (
    "Workers repaired the damaged water main on Tuesday after two days of shortages in the eastern "
    "districts, the city utility said in an invented statement."
)


def _reasons(article):
    return [(r.reason, r.text) for r in article.removed]


def test_nearest_date_crosses_year_ends_and_refuses_a_far_leap_day():
    assert nearest_date(12, 31, date(2021, 1, 2)) == date(2020, 12, 31)
    assert nearest_date(1, 2, date(2020, 12, 30)) == date(2021, 1, 2)
    assert nearest_date(3, 3, date(2020, 3, 5)) == date(2020, 3, 3)
    assert nearest_date(2, 29, date(2020, 1, 10)) == date(2020, 2, 29)
    assert nearest_date(2, 29, date(2019, 3, 3)) is None  # only 2020 has the day: a year away


def test_year_less_lead_keeps_published_null_and_records_month_and_day():
    text = (DATA / "afp_layout.txt").read_text(encoding="utf-8")
    article = article_from_text(text)
    assert article.published is None
    (piece,) = [r for r in article.removed if r.reason == "dateline date"]
    assert piece.text == "Dec 20" and text[piece.span.start : piece.span.end] == "Dec 20"
    assert lead_month_day(article) == (12, 20)


def test_lead_forms_each_record_their_month_and_day():
    for lead, expected in (
        ("KABUL, March 3 (Reuters) -", (3, 3)),
        ("Dec 21 (Reuters) -", (12, 21)),
        ("Kabul [Afghanistan], May 3 (ANI):", (5, 3)),
        ("NAIROBI, 14 Sept (AFP) -", (9, 14)),
    ):
        article = article_from_text(f"{lead} {STORY}")
        assert article.published is None and lead_month_day(article) == expected, lead


def test_lead_with_its_own_year_is_the_publication_date():
    article = article_from_text(f"BAGHDAD, Dec 20, 2020 (AFP) - {STORY}")
    assert article.published == "2020-12-20"
    assert lead_month_day(article) is None and "dateline date" not in dict(_reasons(article))


def test_stamp_at_the_foot_gives_the_year_nearest_the_lead():
    text = (
        f"BAGHDAD, Dec 31 (AFP) - {STORY}\n\nMore repairs are planned for next week in the western "
        "districts, where the pipes are older, the utility said.\n\nPublished: 2 January 2021\n"
    )
    article = article_from_text(text)
    assert article.published == "2020-12-31"  # not 2021-12-31: the nearest Dec 31 to the stamp
    assert ("metadata line", "Published: 2 January 2021") in _reasons(article)
    assert not article.body.text.endswith("2021")


def test_given_published_is_kept_over_the_lead():
    text = f"BAGHDAD, Dec 20 (AFP) - {STORY}"
    article = build_article(text, published="2021-01-05T10:00:00+01:00")
    assert article.published == "2021-01-05T09:00:00Z" and lead_month_day(article) is None


def test_markup_date_gives_the_lead_its_year(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><title>Water main repaired</title><meta name="date" content="2021-01-04"></head>'
        f"<body><article><h1>Water main repaired</h1><p>BAGHDAD, Dec 30 (AFP) - {STORY}</p>"
        "<p>Residents said the taps ran again by the evening in most streets.</p></article></body></html>",
        encoding="utf-8",
    )
    (article,) = ingest([str(page)])
    assert article.published == "2020-12-30"  # the lead's own day, the year from the markup


def test_archived_response_last_modified_header_gives_the_year(tmp_path):
    path = tmp_path / "crawl.warc"
    with open(path, "wb") as output:
        writer = WARCWriter(output, gzip=False)
        for modified in ("Sat, 02 Jan 2021 08:00:00 GMT", None):
            fields = [("Content-Type", "text/plain")] + ([("Last-Modified", modified)] if modified else [])
            headers = StatusAndHeaders("200 OK", fields, protocol="HTTP/1.1")
            payload = io.BytesIO(f"KABUL, Dec 29 (Reuters) - {STORY}".encode())
            writer.write_record(
                writer.create_warc_record(
                    "https://news.example/a", "response", payload=payload, http_headers=headers
                )
            )
    dated, undated = ingest([str(path)])
    assert dated.published == "2020-12-29"
    assert undated.published is None and lead_month_day(undated) == (12, 29)


def test_feed_channel_date_gives_entries_their_year(tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>'
        "<lastBuildDate>Mon, 15 Mar 2021 10:00:00 GMT</lastBuildDate>"
        f"<item><title>Water main repaired</title><description>KABUL, March 14 (Reuters) - {STORY}"
        "</description></item></channel></rss>",
        encoding="utf-8",
    )
    (article,) = ingest([str(feed)])
    assert article.published == "2021-03-14"


def test_record_with_null_published_stays_null_but_keeps_the_lead_date(tmp_path):
    path = tmp_path / "docs.jsonl"
    record = {"id": "r1", "text": f"BAGHDAD, Dec 20 (AFP) - {STORY}", "published": None}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,) = ingest([str(path)])
    assert article.published is None and lead_month_day(article) == (12, 20)


def test_record_keeps_a_lead_year_without_making_it_the_publication_date(tmp_path):
    path = tmp_path / "docs.jsonl"
    record = {"id": "r2", "text": f"LIMA, April 05, 2018 (Example Wire) -- {STORY}"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,) = ingest([str(path)])
    found = recorded_lead_date(article)
    assert article.published is None  # a record's null is explicit: nothing is inferred
    assert (found.year, found.month, found.day, found.span.text) == (2018, 4, 5, "April 05, 2018")
