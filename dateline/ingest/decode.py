"""Bytes to text: UTF-8 (BOM handled), UTF-16/32 by BOM or shape, else charset-normalizer's best guess.

Binary data (NUL bytes in a non-UTF-16 text, many control characters, known binary signatures) is refused
rather than decoded into garbage.
"""

from __future__ import annotations

import logging
import re

from .failures import BINARY, EMPTY, UNSUPPORTED, Refused
from .formats import section

__all__ = ["decode_text", "stream_encoding"]

log = logging.getLogger(__name__)



def _hex_pairs(key: str) -> tuple[tuple[bytes, str], ...]:
    """(bytes, text) pairs of ``data/formats.toml`` [decode], bytes written in hex."""
    return tuple((bytes.fromhex(code), text) for code, text in section("decode")[key])


# byte-order mark -> codec, in the order they are tried (UTF-32 LE starts like UTF-16 LE)
_BOMS = _hex_pairs("boms")
# first bytes of binary formats -> the reason they are refused
_SIGNATURES = _hex_pairs("signatures")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_RATIO = 0.01


def refuse_signature(data: bytes) -> None:
    """Refuse well-known binary formats by their first bytes."""
    for signature, reason in _SIGNATURES:
        if data.startswith(signature):
            raise Refused(reason, UNSUPPORTED)


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: NULs in nearly every other byte, on one side."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> str:
    """Decode a whole document, or raise ``Refused`` (binary, empty)."""
    refuse_signature(data)
    encoding = _bom_encoding(data) or _utf16_without_bom(data)
    if encoding:
        text = _decode_as(data, encoding)
    elif b"\x00" in data:
        raise Refused("binary input", BINARY)
    else:
        text = _decode_guess(data)
    if not text.strip():
        raise Refused("empty input", EMPTY)
    if len(_CONTROL.findall(text[:100_000])) > _MAX_CONTROL_RATIO * min(len(text), 100_000):
        raise Refused("binary input", BINARY)
    return text


def _decode_as(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise Refused(f"undecodable input (looked like {encoding})", BINARY) from None


def _decode_guess(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    western = _western(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise Refused("binary input", BINARY)
    log.debug("decoding as %s (charset-normalizer)", best.encoding)
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return data.decode(best.encoding, errors="replace")


_WESTERN_EXTRA = frozenset(
    "\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u20ac\u00a0\u00b0\u00a3\u00a9\u00ae\u00ab\u00bb"
)


def _western(data: bytes) -> str | None:
    """cp1252 text (latin-1's superset) that is mostly ASCII with a few accents or smart quotes.

    Detectors guess wildly on short Western texts (Baltic or Hungarian code pages for French); in
    news copy that is not UTF-8, cp1252 is by far the commonest encoding, so it is tried first.
    Cyrillic or Greek code pages decoded as cp1252 give mostly non-ASCII letters and are left to the
    detector.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text[:100_000] if c.isalpha()]
    foreign = [c for c in text[:100_000] if ord(c) > 127]
    if not letters or any(not (c.isalpha() or c in _WESTERN_EXTRA) for c in foreign):
        return None
    if sum(1 for c in letters if ord(c) > 127) > 0.15 * len(letters):
        return None
    return text


def stream_encoding(head: bytes) -> str:
    """The encoding of a streamed text file, judged on its first bytes."""
    encoding = _bom_encoding(head) or _utf16_without_bom(head)
    if encoding:
        return encoding
    try:
        head[: len(head) - 4].decode("utf-8") if len(head) > 4 else head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        if _western(head) is not None:
            return "cp1252"
        from charset_normalizer import from_bytes

        best = from_bytes(head).best()
        return best.encoding if best and best.encoding else "utf-8"
