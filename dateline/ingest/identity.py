"""Stable identities: canonical URLs, content ids, text fingerprints and MinHash signatures.

The store links duplicates with these: exact duplicates share ``normalised_fingerprint``; near
duplicates have similar ``minhash_signature`` s (datasketch LSH over word 5-shingles).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .formats import section, word_set

__all__ = ["canonical_url", "content_id", "minhash_signature", "normalised_fingerprint", "url_id"]

# Query parameters that track the reader, not the document.
_TRACKING_PARAMS = word_set("identity", "tracking_params")
_DEFAULT_PORTS = {"http": 80, "https": 443}
# typographic quotes, dashes, no-break and soft hyphens folded before fingerprinting
_TYPOGRAPHIC = str.maketrans(section("identity")["typographic"])
_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE_WORDS = 5
MINHASH_SEED = 1
MINHASH_SCHEME = "affine32"  # datasketch 2 default, pinned so signatures stay comparable


def canonical_url(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no ``www.``, default port, fragment,
    tracking parameters (``utm_*``, ``fbclid``...) or trailing slash; remaining query sorted.

    >>> canonical_url("HTTPS://www.Example.com:443/a/b/?utm_source=x&b=2&a=1#top")
    'https://example.com/a/b?a=1&b=2'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    netloc = host
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{parts.port}"
    path = re.sub(r"/{2,}", "/", parts.path) or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in _TRACKING_PARAMS
    )
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def content_id(data: bytes) -> str:
    """``doc-`` + the first 16 hex digits of the SHA-256 of ``data``: same bytes, same id."""
    return "doc-" + hashlib.sha256(data).hexdigest()[:16]


def url_id(url: str) -> str:
    """``url-`` + 16 hex digits of the SHA-256 of the canonical URL: one id per page, however fetched."""
    return "url-" + hashlib.sha256(canonical_url(url).encode("utf-8")).hexdigest()[:16]


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHIC).casefold()
    return " ".join(text.split())


def normalised_fingerprint(text: str) -> str:
    """Hex SHA-256 of the text after NFKC, case folding, plain quotes/dashes and collapsed whitespace.

    Two copies of a story that differ only in those respects share a fingerprint.
    """
    return hashlib.sha256(_normalise(text).encode("utf-8")).hexdigest()


def _shingles(text: str) -> list[bytes]:
    words = _WORD.findall(_normalise(text))
    if len(words) <= SHINGLE_WORDS:
        return [" ".join(words).encode("utf-8")] if words else []
    return [
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)
    ]


@cache
def _permutations(num_perm: int) -> Any:
    """The sketch's random permutations: drawn from the seed, the same for every article, so drawn once
    (datasketch would draw them again for each text, most of the cost of a signature)."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=MINHASH_SEED, scheme=MINHASH_SCHEME).permutations


def minhash_signature(text: str, num_perm: int = 64) -> list[int]:
    """MinHash (datasketch, seed 1) over word 5-shingles of the normalised text.

    Rebuild the sketch with ``datasketch.MinHash(num_perm, seed=1, scheme="affine32",
    hashvalues=signature)`` to put it in an LSH index. An empty text gives datasketch's empty signature.
    """
    from datasketch import MinHash

    sketch = MinHash(num_perm=num_perm, seed=MINHASH_SEED, scheme=MINHASH_SCHEME,
                     permutations=_permutations(num_perm))
    shingles = _shingles(text)
    if shingles:
        sketch.update_batch(shingles)
    return [int(value) for value in sketch.hashvalues]
