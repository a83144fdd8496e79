"""Bounds on what ingestion will read, decompress and fetch."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_LIMITS", "Limits"]

MB = 1024 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """Every bound ingestion enforces; the defaults suit news articles.

    Attributes:
        max_bytes: largest document read whole (a text or HTML file, a feed, a JSON array, one
            archive member, one WARC record, one fetched page). Streamed JSON Lines, CSV and WARC
            files have no total cap; each of their records has this one.
        max_text_chars: longest article text accepted.
        max_decompressed: most bytes one compressed input may expand to (all members together).
        max_ratio: largest expansion ratio tolerated once more than ``ratio_floor`` bytes came out.
        ratio_floor: below this many decompressed bytes the ratio is not checked (small texts compress well).
        max_depth: deepest nesting of containers (a zip in a gzip in a zip is depth 3).
        max_members: most members read from one archive.
        timeout: seconds allowed for connecting and for each read when fetching a URL.
        host_delay: least seconds between two requests to the same host (robots.txt Crawl-delay wins
            when longer, up to ``max_host_delay``).
        max_host_delay: cap on a Crawl-delay asked for by a site.
        max_redirects: redirects followed per URL.
    """

    max_bytes: int = 20 * MB
    max_text_chars: int = 1_000_000
    max_decompressed: int = 200 * MB
    max_ratio: float = 100.0
    ratio_floor: int = 1 * MB
    max_depth: int = 3
    max_members: int = 10_000
    timeout: float = 20.0
    host_delay: float = 1.0
    max_host_delay: float = 30.0
    max_redirects: int = 5

    def describe_bytes(self, size: int) -> str:
        """``20 MB`` for the limit messages."""
        if size >= MB and size % MB == 0:
            return f"{size // MB} MB"
        if size >= 1024 and size % 1024 == 0:
            return f"{size // 1024} KB"
        return f"{size} bytes"


DEFAULT_LIMITS = Limits()
