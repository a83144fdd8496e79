"""Article identity for the store: exact fingerprints and MinHash bands for near duplicates.

What "the same text" means is decided at ingest: ``Article.fingerprint`` (``ingest.identity``) and the
MinHash signature (``ingest.signature.article_signature``). The store only keeps them and looks them
up. Near duplicates are found with locality-sensitive hashing kept *in the database*
(``article_bands``): the signature is cut into ``dedup.bands`` bands (64 values in 8 bands of 8 rows:
two texts whose estimated Jaccard similarity is about 0.77 or more share a band with high
probability); each candidate is then confirmed on the full signature (``dedup.near_duplicate_jaccard``).
Keeping the bands in a table makes detection incremental and safe with several writers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from ..ingest.identity import normalised_fingerprint

__all__ = ["band_keys", "fingerprint_of", "signature_similarity"]


def fingerprint_of(text: str, given: str | None = None) -> str:
    """The article's exact-duplicate fingerprint (the ingest stage's when it set one)."""
    return given or normalised_fingerprint(text)


def band_keys(signature: Sequence[int], bands: int) -> list[tuple[int, str]]:
    """(band number, bucket hash) pairs: texts sharing one pair are near-duplicate candidates."""
    rows = len(signature) // bands
    keys = []
    for band in range(bands):
        chunk = ",".join(str(v) for v in signature[band * rows : (band + 1) * rows])
        keys.append((band, hashlib.sha1(chunk.encode("ascii")).hexdigest()[:16]))
    return keys


def signature_similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity: the share of equal MinHash values."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)
