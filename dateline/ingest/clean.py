"""Characters no store or encoder can carry, dealt with once, at ingest.

A NUL (PostgreSQL text cannot hold it) or a lone surrogate (``"\\ud800"`` is valid JSON, but no UTF-8
encoder accepts it) in an article's text is replaced by U+FFFD, one for one, so every offset into the
text stays right; each run of them is listed in ``article.removed`` (reason ``invalid character``).
Names (file names that are not UTF-8, archive members) and short metadata fields are stored as escaped
text instead: ``bin\\xffname.txt``.
"""

from __future__ import annotations

import re

from ..models import Removed, Span

__all__ = ["INVALID_CHARACTER", "clean_text", "escape_name", "has_invalid"]

INVALID_CHARACTER = "invalid character"
REPLACEMENT = "\ufffd"
MAX_LISTED = 100  # runs listed one by one; the rest share one last entry

_INVALID = re.compile("[\\x00\\ud800-\\udfff]+")


def has_invalid(value: str) -> bool:
    """Whether ``value`` holds a NUL or a lone surrogate."""
    return _INVALID.search(value) is not None


def clean_text(text: str) -> tuple[str, list[Removed]]:
    """``text`` with NULs and lone surrogates replaced (same length), and the removed pieces naming them."""
    runs = [(m.start(), m.end()) for m in _INVALID.finditer(text)]
    if not runs:
        return text, []
    cleaned = _INVALID.sub(lambda m: REPLACEMENT * (m.end() - m.start()), text)
    if len(runs) > MAX_LISTED:  # a hostile text with a million of them: keep the list short
        runs = [*runs[: MAX_LISTED - 1], (runs[MAX_LISTED - 1][0], runs[-1][1])]
    removed = [
        Removed(text=cleaned[start:end], reason=INVALID_CHARACTER, span=Span.of(cleaned, start, end))
        for start, end in runs
    ]
    return cleaned, removed


def escape_name(name: str) -> str:
    """A name any store can hold: undecodable bytes (``surrogateescape``), lone surrogates and NUL as
    backslash escapes (``bin\\xffname.txt``); a clean name is returned unchanged."""
    if not has_invalid(name):
        return name
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate not from a file name
        escaped = name.encode(errors="backslashreplace").decode()
    else:
        escaped = raw.decode("utf-8", "backslashreplace")
    return escaped.replace("\x00", "\\x00")
