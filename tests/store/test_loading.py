"""``store_stream`` (the store end of ``dateline run``) and the article identity helpers."""

from __future__ import annotations

from store_factory import all_documents, story

from dateline.ingest.signature import article_signature
from dateline.models import Failure
from dateline.store import open_store
from dateline.store.identity import band_keys, fingerprint_of, signature_similarity
from dateline.store.loading import store_stream


def test_store_stream_counts_new_duplicate_linked_and_failed():
    failure = Failure(input="x.bin", stage="ingest", reason="binary file", code="unsupported")
    seen: list[Failure] = []
    with open_store(":memory:") as store:
        items = [*all_documents(), failure, story("market_bombing")[0]]
        summary = store_stream(items, store, on_failure=seen.append)
        assert store.counts()["failures"] == 1
    assert (summary.articles, summary.new, summary.duplicates) == (6, 5, 1)
    assert (summary.mentions, summary.new_events, summary.linked) == (6, 4, 2)
    assert seen == [failure] and summary.failures == [failure]
    assert "failures: 1" in summary.lines()


def test_fingerprint_ignores_case_and_spacing_but_not_words():
    assert fingerprint_of("A  bomb\nexploded.") == fingerprint_of("a bomb exploded.")
    assert fingerprint_of("a bomb exploded") != fingerprint_of("a bomb was defused")
    assert fingerprint_of("anything", "given-by-ingest") == "given-by-ingest"


def test_signatures_of_near_copies_share_a_band_and_are_similar():
    text = " ".join(f"token{i} of the long story" for i in range(40))
    a, b = article_signature(text), article_signature(text + " One more line at the end.")
    c = article_signature(" ".join(f"other{i} words entirely different here" for i in range(40)))
    assert signature_similarity(a, b) >= 0.8 > signature_similarity(a, c)
    assert set(band_keys(a, 8)) & set(band_keys(b, 8))
    assert len(band_keys(a, 8)) == 8


def test_short_texts_get_no_signature():
    assert article_signature("Police arrested twelve protesters in Dhaka.") == ()
