"""Why an input could not become an article: one exception carrying a short code and a one-line reason.

Readers raise ``Refused`` (terminal: the input as it is cannot be read) or ``Unreachable`` (transient: a
URL that could not be fetched this time, worth retrying); ``ingest`` turns either into a ``Failure`` record
and never lets it escape.
"""

from __future__ import annotations

from ..errors import FetchError, UnsupportedInput

__all__ = ["Refused", "Unreachable"]

# Failure codes (documented in docs/ingest.md).
MISSING = "missing"
UNREADABLE = "unreadable"
EMPTY = "empty"
BINARY = "binary"
TOO_LARGE = "too-large"
MALFORMED = "malformed"
UNSAFE = "unsafe"
UNSUPPORTED = "unsupported"
NO_TEXT = "no-text"
FETCH = "fetch"
HTTP = "http"
ROBOTS = "robots"
TOO_DEEP = "too-deep"


class Refused(UnsupportedInput):
    """An input (or one record of it) that cannot become an article."""

    def __init__(self, reason: str, code: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


class Unreachable(Refused, FetchError):
    """A URL that could not be fetched this time (network trouble, time-out): transient, unlike the rest."""
