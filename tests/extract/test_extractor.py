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

    def breaking(article, doc):
        if article.id == "bad":
            raise RuntimeError("boom")
        return real(article, doc)

    monkeypatch.setattr(extractor, "document", breaking)
    items = [
        Article(id="a", text="Rebels attacked a convoy near Gao."),
        Article(id="bad", text="Rebels attacked a convoy near Gao."),
        Failure(input="x.bin", stage="ingest", reason="binary input"),
        Article(id="a", text="Rebels attacked a convoy near Gao."),
    ]
    out = list(_flush(extractor, items))
    assert [type(o).__name__ for o in out] == ["Document", "Failure", "Failure", "Document"]
    assert out[1].stage == "extract" and "boom" in out[1].reason
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
    assert "dateline_events" in extractor.nlp.pipe_names
