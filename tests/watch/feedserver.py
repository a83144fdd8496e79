"""A local news site for the watch tests: an RSS feed of short articles on 127.0.0.1, in a thread.

The feed answers conditional GETs (ETag / Last-Modified -> 304); every request is recorded with its
headers; ``fail`` makes a path answer 503 (with a ``Retry-After``) a given number of times first.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

FEED_MODIFIED = "Mon, 07 Dec 2026 10:00:00 GMT"

# Short wire stories: who did what where; pairs about one incident (they link into one event).
_STORY = (
    "{city}, {country} (Wirefeed) - Police arrested {n} protesters in {city} on Monday after a rally "
    "against rising fuel prices turned violent, witnesses said.\n\n"
    "Demonstrators threw stones at police officers outside the parliament building in {city}, "
    "the interior ministry said in a statement."
)
_CITIES = [
    ("NAIROBI", "Kenya"), ("LAGOS", "Nigeria"), ("DHAKA", "Bangladesh"), ("LIMA", "Peru"),
    ("MANILA", "Philippines"), ("ACCRA", "Ghana"), ("QUITO", "Ecuador"), ("HANOI", "Vietnam"),
    ("TUNIS", "Tunisia"), ("AMMAN", "Jordan"), ("BOGOTA", "Colombia"), ("DAKAR", "Senegal"),
    ("KAMPALA", "Uganda"), ("LUSAKA", "Zambia"), ("HARARE", "Zimbabwe"), ("ABUJA", "Nigeria"),
    ("YANGON", "Myanmar"), ("TBILISI", "Georgia"), ("YEREVAN", "Armenia"), ("BAKU", "Azerbaijan"),
]  # fmt: skip


def article_html(index: int) -> str:
    """Article ``index``: the odd ones retell the story before them (another outlet, same incident)."""
    city, country = _CITIES[(index // 2) % len(_CITIES)]
    body = _STORY.format(city=city.title() if index % 2 else city, country=country, n=10 + index // 2)
    if index % 2:
        body = f"{city}, {country} (Newsline) - " + body.split(" - ", 1)[1].replace("Monday", "Monday night")
    title = f"Protest in {city.title()} ({index})"
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
    return (
        f"<html><head><title>{escape(title)}</title>"
        f'<meta property="article:published_time" content="2026-12-0{1 + index % 7}T09:00:00Z"></head>'
        f"<body><article><h1>{escape(title)}</h1>{paragraphs}</article></body></html>"
    )


def feed_xml(base: str, count: int, broken: int = 0, broken_text: str = "") -> str:
    """A feed linking ``count`` pages, then ``broken`` links to pages that answer 404, described by
    ``broken_text`` (the entry's own text)."""
    items = "".join(
        f"<item><title>Protest {i}</title><link>{base}/news/{i}.html</link><guid>{base}/news/{i}.html</guid>"
        f"<pubDate>Mon, 07 Dec 2026 09:{i % 60:02d}:00 GMT</pubDate>"
        f"<description>{escape(f'Story {i}' if i < count else broken_text)}</description></item>"
        for i in range(count + broken)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>{items}</channel></rss>'


def sitemap_xml(base: str, count: int) -> str:
    urls = "".join(f"<url><loc>{base}/news/{i}.html</loc><lastmod>2026-12-07</lastmod></url>" for i in range(count))
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


@dataclass
class Site:
    """What the server serves and saw."""

    count: int  # articles served
    broken: int = 0  # links in the feed after the articles, to pages that answer 404
    broken_text: str = ""  # the feed's own text of those entries
    requests: list[tuple[str, dict[str, str], float]] = field(default_factory=list)
    fail: dict[str, tuple[int, str]] = field(default_factory=dict)  # path -> (times left, Retry-After)
    base: str = ""

    @property
    def etag(self) -> str:
        return f'"feed-{self.count}-{self.broken}"'

    def seen(self, path: str) -> list[dict[str, str]]:
        """The headers of each request for ``path``, in order."""
        return [headers for seen_path, headers, _ in self.requests if seen_path == path]

    def times(self, path: str) -> list[float]:
        return [when for seen_path, _, when in self.requests if seen_path == path]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            site.requests.append((self.path, dict(self.headers), time.monotonic()))
            left, retry_after = site.fail.get(self.path, (0, ""))
            if left:
                site.fail[self.path] = (left - 1, retry_after)
                self._send(503, b"busy", "text/plain", {"Retry-After": retry_after})
            elif self.path == "/robots.txt":
                self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
            elif self.path == "/feed.xml":
                self._feed()
            elif self.path == "/sitemap-index.xml":
                listing = f"<sitemapindex><sitemap><loc>{site.base}/sitemap.xml</loc></sitemap></sitemapindex>"
                self._send(200, listing.encode(), "application/xml")
            elif self.path == "/sitemap.xml":
                self._send(200, sitemap_xml(site.base, site.count).encode(), "application/xml")
            elif self.path.startswith("/news/") and self.path.endswith(".html"):
                index = int(self.path[len("/news/") : -len(".html")])
                if index < site.count:
                    self._send(200, article_html(index).encode(), "text/html; charset=utf-8")
                else:
                    self._send(404, b"not found", "text/plain")
            else:
                self._send(404, b"not found", "text/plain")

        def _feed(self) -> None:
            if self.headers.get("If-None-Match") == site.etag:
                self._send(304, b"", None, {"ETag": site.etag})
                return
            body = feed_xml(site.base, site.count, site.broken, site.broken_text).encode()
            self._send(200, body, "application/rss+xml", {"ETag": site.etag, "Last-Modified": FEED_MODIFIED})

        def _send(self, status: int, body: bytes, content_type: str | None, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

    return Handler


class FeedServer:
    """``with FeedServer(Site(12)) as site: ...``: serves ``site`` on 127.0.0.1 until the block ends."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
        site.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self.site

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
