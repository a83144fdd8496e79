"""The near-duplicate signature of an article: a MinHash over word 5-shingles, computed at ingest.

The store keeps it (``articles.minhash``) and cuts it into LSH bands to find near duplicates; it never
computes one itself. Short texts get none (``dedup.min_words``): a few words share shingles by chance.
The hashing is ``ingest.identity.minhash_signature`` (datasketch, seed 1), so ingest and store agree on
what "the same text" means.
"""

from __future__ import annotations

from ..settings import DedupSettings, current
from .identity import minhash_signature

__all__ = ["article_signature"]


def article_signature(text: str, params: DedupSettings | None = None) -> tuple[int, ...]:
    """``dedup.num_perm`` MinHash values of ``text``; empty for a text under ``dedup.min_words`` words."""
    p = params if params is not None else current().dedup
    if len(text.split()) < p.min_words:
        return ()
    return tuple(minhash_signature(text, num_perm=p.num_perm))
