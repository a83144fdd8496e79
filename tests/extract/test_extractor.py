"""The extraction driver: order, failures passed through, one broken article isolated."""

from __future__ import annotations

import pytest

from dateline.extract import Extractor, _flush, extract_documents
from dateline.models import Article, Document, Failure

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def test_failures_keep_their_place_and_a_broken_article_does_not_end_the_batch(extractor, monkeypatch):
    real = extractor.document

    def breaking(story, headline=None):
        if story._.dateline_article.id == "bad":
            raise RuntimeError("boom")
        return real(story, headline)

    monkeypatch.setattr(extractor, "document", breaking)
    items = [
        Article(id="a", text="Rebels attacked a convoy near Gao."),
        Article(id="bad", text="Rebels attacked a convoy near Gao."),
        Failure(input="x.bin", stage="ingest", reason="binary input"),
        Article(id="a", text="Rebels attacked a convoy near Gao."),
    ]
    out = list(_flush(extractor, items))
    assert [type(o).__name__ for o in out] == ["Document", "Failure", "Failure", "Document"]
    assert out[1].stage == "extract" and out[1].code == "extract"
    assert out[1].reason == "extraction failed: RuntimeError: boom"
    assert out[2].input == "x.bin"


def test_skipped_articles_get_a_document_without_events():
    items = [Article(id="fr", text="Des manifestants ont défilé à Paris.", language="fr",
                     skip_reason="language fr is not supported")]
    (document,) = list(extract_documents(items))
    assert isinstance(document, Document) and document.events == ()
    assert document.article.skip_reason == "language fr is not supported"


def test_the_default_pipeline_has_no_problems(extractor):
    analysis = extractor.nlp.analyze_pipes(pretty=False)
    assert not any(analysis["problems"].values())
    assert extractor.nlp.pipe_names[-2:] == ["dateline_counts", "dateline_events"]


def test_a_text_longer_than_the_pipeline_takes_is_an_extraction_failure(extractor, monkeypatch):
    monkeypatch.setattr(extractor.nlp, "max_length", 60)
    items = [
        Article(id="a", text="Rebels attacked a convoy near Gao."),
        Article(id="long", text="Rebels attacked a convoy near Gao. " * 3),
        Article(id="b", text="Police arrested two men in Lagos."),
    ]
    out = list(_flush(extractor, items))
    assert [type(o).__name__ for o in out] == ["Document", "Failure", "Document"]
    assert out[1].code == "extract" and "max_length of 60" in out[1].reason
    assert [o.article.id for o in (out[0], out[2])] == ["a", "b"]
    assert out[0].events and out[2].events


def test_extraction_error_is_raised_for_the_article_itself(extractor, monkeypatch):
    from dateline.errors import ExtractionError

    monkeypatch.setattr(extractor.nlp, "max_length", 60)
    documents = extractor.documents([Article(id="long", text="Rebels attacked a convoy near Gao. " * 3)])
    with pytest.raises(ExtractionError, match="max_length"):
        next(iter(documents))
