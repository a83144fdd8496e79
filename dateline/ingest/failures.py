"""Why an input could not become an article: one exception carrying a short code and a one-line reason.

Readers raise ``Refused``; ``ingest`` turns it into a ``Failure`` record and never lets it escape.
"""

from __future__ import annotations

from ..errors import InputError

__all__ = ["Refused"]

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


class Refused(InputError):
    """An input (or one record of it) that cannot become an article."""

    def __init__(self, reason: str, code: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code
