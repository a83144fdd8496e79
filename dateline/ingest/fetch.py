"""Fetching http(s) URLs politely: a User-Agent, timeouts, a size cap, robots.txt, a per-host delay,
conditional GETs (ETag / Last-Modified) and, when asked, retries with backoff that honour ``Retry-After``.

Errors: ``Refused`` for a terminal refusal (robots.txt, 404, too large); ``Unreachable`` for what may
work later (network trouble, 429 and 5xx answers: ``Throttled``, with the server's ``Retry-After``)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from ..version import __version__
from .failures import FETCH, HTTP, ROBOTS, TOO_LARGE, Refused, Unreachable
from .limits import Limits

__all__ = ["NO_RETRY", "Fetched", "Fetcher", "RetryPolicy", "Throttled", "USER_AGENT", "is_url"]

log = logging.getLogger(__name__)

USER_AGENT = f"dateline/{__version__} (news event extraction; polite batch fetcher)"
_ROBOTS_MAX_BYTES = 512 * 1024
_NOT_MODIFIED = 304
_TOO_MANY_REQUESTS = 429
_FIRST_SERVER_ERROR = 500


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Fetched:
    data: bytes
    url: str
    content_type: str
    last_modified: str | None = None  # the page's own Last-Modified header (not the fetch time)
    etag: str | None = None
    not_modified: bool = False  # a conditional GET answered 304: ``data`` is empty

    def hint(self) -> str:
        """A file-name hint for the readers: the URL's path, with ``.html`` added for an HTML page."""
        hint = self.url.split("?")[0]
        if "html" in self.content_type and not hint.endswith(".html") and not hint.endswith(".htm"):
            hint += ".html"
        return hint


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often a fetch is tried again when the server is unreachable or answers 429/5xx.

    Waits ``backoff`` seconds, doubling, or the server's ``Retry-After`` when it gives one; a wait
    longer than ``max_wait`` is not waited for (the ``Throttled`` error carries it, for a later try).
    """

    retries: int = 0
    backoff: float = 1.0
    max_wait: float = 30.0


NO_RETRY = RetryPolicy()


class Throttled(Unreachable):
    """A 429 or 5xx answer: worth trying again, after ``retry_after`` seconds when the server said."""

    def __init__(self, reason: str, code: str, retry_after: float | None) -> None:
        super().__init__(reason, code)
        self.retry_after = retry_after


@dataclass(slots=True)
class Fetcher:
    """One HTTP client for a whole ``ingest`` call; remembers robots.txt and last request per host."""

    limits: Limits
    retry: RetryPolicy = NO_RETRY
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

    def forget_robots(self) -> None:
        """Read each host's robots.txt again at its next request (a long-running watch)."""
        self._robots.clear()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()  # type: ignore[attr-defined]
            self._client = None

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """The body of ``url`` (after redirects), or ``Refused`` saying why not.

        With ``etag`` / ``last_modified`` (from an earlier fetch) the GET is conditional: an unchanged
        resource comes back ``not_modified`` with no body. Transient errors are retried per ``retry``.
        """
        robots = self._robots_for(url)
        if robots is not None and not robots.can_fetch(USER_AGENT, url):
            raise Refused("robots.txt disallows fetching this URL", ROBOTS)
        delay = self.limits.host_delay
        crawl_delay = robots.crawl_delay(USER_AGENT) if robots is not None else None
        if crawl_delay:
            delay = max(delay, min(float(crawl_delay), self.limits.max_host_delay))
        headers = _conditional_headers(etag, last_modified)
        attempt = 0
        while True:
            try:
                return self._get(url, delay=delay, max_bytes=self.limits.max_bytes, headers=headers)
            except Unreachable as exc:
                wait = self._retry_wait(exc, attempt)
                if wait is None:
                    raise
                log.info("%s: %s; trying again in %.1fs", url, exc.reason, wait)
                time.sleep(wait)
                attempt += 1

    def _retry_wait(self, exc: Unreachable, attempt: int) -> float | None:
        """Seconds to wait before trying again, or None to give up now."""
        if attempt >= self.retry.retries:
            return None
        asked = exc.retry_after if isinstance(exc, Throttled) else None
        if asked is not None:
            return asked if asked <= self.retry.max_wait else None
        return min(self.retry.backoff * 2**attempt, self.retry.max_wait)

    def _get(
        self, url: str, *, delay: float, max_bytes: int, headers: dict[str, str] | None = None
    ) -> Fetched:
        import httpx

        self._wait(url, delay)
        try:
            with self.client().stream("GET", url, headers=headers) as response:
                if response.status_code == _NOT_MODIFIED:
                    return Fetched(b"", str(response.url), "", response.headers.get("Last-Modified"),
                                   response.headers.get("ETag"), not_modified=True)  # fmt: skip
                if response.status_code >= 400:
                    raise _refusal(response.status_code, response.reason_phrase, response.headers)
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
                    response.headers.get("ETag"),
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


def _conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _refusal(status: int, phrase: str, headers) -> Refused:
    """A 429 or 5xx as ``Throttled`` (transient), any other error status as ``Refused``."""
    reason = f"HTTP {status} {phrase}".rstrip()
    if status == _TOO_MANY_REQUESTS or status >= _FIRST_SERVER_ERROR:
        return Throttled(reason, HTTP, retry_after(headers.get("Retry-After")))
    return Refused(reason, HTTP)


def retry_after(value: str | None) -> float | None:
    """A ``Retry-After`` header's wait in seconds (it is delay-seconds or an HTTP date), None if absent or
    unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _too_large(limits: Limits, max_bytes: int) -> Refused:
    return Refused(f"input is larger than the {limits.describe_bytes(max_bytes)} limit", TOO_LARGE)
