"""Issue 19: what the store cannot hold fails alone; cleaned text and escaped names are stored."""

from __future__ import annotations

import pytest
from store_fixtures import any_db, any_store  # noqa: F401  (fixtures)

from dateline.ingest import ingest
from dateline.models import Article, Document, Failure
from dateline.store import open_store
from dateline.store.loading import store_stream

pytestmark = pytest.mark.issue(19)


def _documents(path) -> list[Document | Failure]:
    return [Document(article=i) if isinstance(i, Article) else i for i in ingest([str(path)])]


def test_store_holds_text_cleaned_of_nul_and_surrogates(any_store, tmp_path):
    path = tmp_path / "nul.jsonl"
    path.write_text(
        '{"id":"n","text":"Police killed two in Kano.\\u0000 x"}\n'
        '{"id":"s","text":"\\ud800 Rebels burned a market in Gao."}\n'
        '{"id":"ok","text":"Soldiers killed four near Mopti."}\n'
    )
    summary = store_stream(_documents(path), any_store)
    assert (summary.new, summary.failures) == (3, [])


def test_store_stream_confines_a_write_error_to_its_article(any_db):
    bad = Document(article=Article(id="bad", text="Police killed two in Kano.", source="x.jsonl:1"))
    good = Document(article=Article(id="ok", text="Soldiers killed four near Mopti.", source="x.jsonl:2"))
    with open_store(any_db) as store:
        real = store.write_document

        def write(doc):
            if doc.article.id == "bad":
                raise ValueError("PostgreSQL text fields cannot contain NUL (0x00) bytes")
            return real(doc)

        store.write_document = write
        summary = store_stream([bad, good], store)
        assert summary.new == 1
        assert [(f.input, f.stage) for f in summary.failures] == [("x.jsonl:1", "store")]
        assert [a["id"] for a in store.articles()] == ["ok"]
        assert [f["input"] for f in store.failures()] == ["x.jsonl:1"]


def test_store_failure_with_undecodable_name_is_stored_escaped(any_store):
    any_store.write_failure(Failure(input="d2/bin\udcffname.txt", stage="ingest", reason="binary \x00 input"))
    any_store.write_failure(Failure(input="x\ud800", stage="ingest", reason="r"))
    stored = sorted((f["input"], f["reason"]) for f in any_store.failures())
    assert stored == [("d2/bin\\xffname.txt", "binary \\x00 input"), ("x\\ud800", "r")]
