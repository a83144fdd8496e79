"""Article identity for the store: exact fingerprints and MinHash bands for near duplicates.

The ingest stage owns ``dateline.ingest.identity`` (``normalised_fingerprint``, ``minhash_signature``);
when it is importable we use it so that both stages agree on what "the same text" means. Until then
(or in a trimmed build) the private fallbacks below compute the same kind of values: a SHA-1 of the
case- and whitespace-normalised text, and a datasketch MinHash over word 5-shingles.

Near duplicates are found with locality-sensitive hashing kept *in the database* (``article_bands``):
the 64-value signature is cut into 8 bands of 8 rows, so two texts whose estimated Jaccard similarity is
about 0.77 or more share a band with high probability; each candidate is then confirmed on the full
signature (``NEAR_DUPLICATE_JACCARD``). Keeping the bands in a table makes detection incremental and safe
with several writers.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

__all__ = [
    "BANDS",
    "NEAR_DUPLICATE_JACCARD",
    "NUM_PERM",
    "band_keys",
    "fingerprint_of",
    "signature_of",
    "signature_similarity",
]

NUM_PERM = 64
BANDS = 8
NEAR_DUPLICATE_JACCARD = 0.8
_WORD = re.compile(r"\w+", re.UNICODE)


def _fallback_fingerprint(text: str) -> str:
    normalised = " ".join(_WORD.findall(text.lower()))
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()


def _fallback_signature(text: str, num_perm: int = NUM_PERM) -> list[int]:
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))}
    minhash = MinHash(num_perm=num_perm, seed=1)
    for shingle in sorted(shingles):
        minhash.update(shingle.encode("utf-8"))
    return [int(v) for v in minhash.hashvalues]


def fingerprint_of(text: str, given: str | None = None) -> str:
    """The article's exact-duplicate fingerprint (the ingest stage's when it set one)."""
    if given:
        return given
    try:
        from ..ingest.identity import normalised_fingerprint
    except ImportError:
        return _fallback_fingerprint(text)
    return normalised_fingerprint(text)


def signature_of(text: str) -> list[int]:
    """A MinHash signature of ``NUM_PERM`` integers over word 5-shingles."""
    try:
        from ..ingest.identity import minhash_signature
    except ImportError:
        return _fallback_signature(text)
    return [int(v) for v in minhash_signature(text, num_perm=NUM_PERM)]


def band_keys(signature: Sequence[int]) -> list[tuple[int, str]]:
    """(band number, bucket hash) pairs: texts sharing one pair are near-duplicate candidates."""
    rows = len(signature) // BANDS
    keys = []
    for band in range(BANDS):
        chunk = ",".join(str(v) for v in signature[band * rows : (band + 1) * rows])
        keys.append((band, hashlib.sha1(chunk.encode("ascii")).hexdigest()[:16]))
    return keys


def signature_similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity: the share of equal MinHash values."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b) if x == y) / len(a)
