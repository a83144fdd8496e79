from __future__ import annotations

from datasketch import MinHash

from dateline.ingest.identity import (
    MINHASH_SCHEME,
    canonical_url,
    content_id,
    minhash_signature,
    normalised_fingerprint,
    url_id,
)


def test_canonical_url_drops_tracking_fragment_and_www():
    assert canonical_url("HTTPS://www.Example.com:443/a/b/?utm_source=x&b=2&a=1&fbclid=z#top") == (
        "https://example.com/a/b?a=1&b=2"
    )


def test_canonical_url_keeps_meaningful_query_and_port():
    assert canonical_url("http://news.example:8080/story?id=7") == "http://news.example:8080/story?id=7"


def test_content_id_is_stable_and_distinguishes_bytes():
    assert content_id(b"abc") == content_id(b"abc")
    assert content_id(b"abc") != content_id(b"abd")
    assert content_id(b"abc").startswith("doc-") and len(content_id(b"abc")) == 20


def test_url_id_is_shared_by_spellings_of_one_page():
    assert url_id("https://www.example.com/x/?utm_medium=rss") == url_id("https://example.com/x")


def test_normalised_fingerprint_ignores_case_quotes_and_spacing():
    assert normalised_fingerprint("He said \u201cno\u201d.\n\n  Fine") == normalised_fingerprint(
        'he said "no". fine'
    )
    assert normalised_fingerprint("one text") != normalised_fingerprint("another text")


def test_minhash_signature_estimates_similarity():
    base = "the rockets struck the green zone on sunday and damaged a building near the embassy compound"
    near = base + " officials said"
    far = "the central bank raised interest rates by half a point to fight inflation in the spring"

    def sketch(text):
        return MinHash(64, seed=1, scheme=MINHASH_SCHEME, hashvalues=minhash_signature(text))

    assert len(minhash_signature(base)) == 64
    assert minhash_signature(base) == minhash_signature(base)
    assert sketch(base).jaccard(sketch(near)) > 0.6
    assert sketch(base).jaccard(sketch(far)) < 0.2


def test_minhash_signature_handles_short_and_empty_text():
    assert len(minhash_signature("two words", num_perm=32)) == 32
    assert len(minhash_signature("")) == 64
