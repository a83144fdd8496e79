"""Fetching http(s) URLs politely: a User-Agent, timeouts, a size cap, robots.txt and a per-host delay."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from ..version import __version__
from .failures import FETCH, HTTP, ROBOTS, TOO_LARGE, Refused, Unreachable
from .limits import Limits

__all__ = ["Fetched", "Fetcher", "USER_AGENT", "is_url"]

log = logging.getLogger(__name__)

USER_AGENT = f"dateline/{__version__} (news event extraction; polite batch fetcher)"
_ROBOTS_MAX_BYTES = 512 * 1024


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Fetched:
    data: bytes
    url: str
    content_type: str
    last_modified: str | None = None  # the page's own Last-Modified header (not the fetch time)


@dataclass(slots=True)
class Fetcher:
    """One HTTP client for a whole ``ingest`` call; remembers robots.txt and last request per host."""

    limits: Limits
    _client: object | None = None
    _last_request: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, RobotFileParser | None] = field(default_factory=dict)

    def client(self):
        import httpx

        if self._client is None:
            self._client = httpx.Client(
                headers={"User-Agent": USER_AGENT},
                timeout=httpx.Timeout(self.limits.timeout),
                follow_redirects=True,
                max_redirects=self.limits.max_redirects,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()  # type: ignore[attr-defined]
            self._client = None

    def fetch(self, url: str) -> Fetched:
        """The body of ``url`` (after redirects), or ``Refused`` saying why not."""
        robots = self._robots_for(url)
        if robots is not None and not robots.can_fetch(USER_AGENT, url):
            raise Refused("robots.txt disallows fetching this URL", ROBOTS)
        delay = self.limits.host_delay
        crawl_delay = robots.crawl_delay(USER_AGENT) if robots is not None else None
        if crawl_delay:
            delay = max(delay, min(float(crawl_delay), self.limits.max_host_delay))
        return self._get(url, delay=delay, max_bytes=self.limits.max_bytes)

    def _get(self, url: str, *, delay: float, max_bytes: int) -> Fetched:
        import httpx

        self._wait(url, delay)
        try:
            with self.client().stream("GET", url) as response:
                if response.status_code >= 400:
                    raise Refused(f"HTTP {response.status_code} {response.reason_phrase}".rstrip(), HTTP)
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise _too_large(self.limits, max_bytes)
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise _too_large(self.limits, max_bytes)
                    chunks.append(chunk)
                return Fetched(
                    b"".join(chunks),
                    str(response.url),
                    response.headers.get("Content-Type", ""),
                    response.headers.get("Last-Modified"),
                )
        except httpx.TooManyRedirects:
            raise Refused(f"more than {self.limits.max_redirects} redirects", HTTP) from None
        except httpx.HTTPError as exc:
            detail = str(exc).splitlines()[0] if str(exc) else ""
            reason = f"could not fetch: {type(exc).__name__}{': ' + detail if detail else ''}"
            raise Unreachable(reason, FETCH) from None

    def _wait(self, url: str, delay: float) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last_request.get(host)
        if last is not None:
            pause = last + delay - time.monotonic()
            if pause > 0:
                log.debug("waiting %.1fs before the next request to %s", pause, host)
                time.sleep(pause)
        self._last_request[host] = time.monotonic()

    def _robots_for(self, url: str) -> RobotFileParser | None:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}".lower()
        if host not in self._robots:
            self._robots[host] = self._load_robots(f"{host}/robots.txt")
        return self._robots[host]

    def _load_robots(self, robots_url: str) -> RobotFileParser | None:
        """A missing or unreadable robots.txt allows everything (the usual crawler reading)."""
        try:
            fetched = self._get(robots_url, delay=0.0, max_bytes=_ROBOTS_MAX_BYTES)
        except Refused as refused:
            log.debug("no robots.txt at %s: %s", robots_url, refused.reason)
            return None
        parser = RobotFileParser(robots_url)
        parser.parse(fetched.data.decode("utf-8", errors="replace").splitlines())
        return parser


def _too_large(limits: Limits, max_bytes: int) -> Refused:
    return Refused(f"input is larger than the {limits.describe_bytes(max_bytes)} limit", TOO_LARGE)
