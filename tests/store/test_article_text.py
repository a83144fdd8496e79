"""Article text (migration 6): stored for the event page's highlighted mentions unless not kept."""

from __future__ import annotations

from store_factory import all_documents, story
from store_fixtures import any_db, any_store  # noqa: F401  (fixtures)

from dateline import settings
from dateline.store import open_store


def _without_text() -> settings.Settings:
    active = settings.current()
    return active.model_copy(update={"store": active.store.model_copy(update={"keep_text": False})})


def test_the_store_keeps_each_article_text_and_reads_it_back(any_store):
    docs = all_documents()
    for doc in docs:
        any_store.write_document(doc)
    for doc in docs:
        assert any_store.article_text(doc.article.id) == doc.article.text
    assert any_store.article_text("no-such-article") is None


def test_listings_of_articles_leave_the_text_out_and_dumps_keep_it(any_store):
    doc = story("market_bombing")[0]
    any_store.write_document(doc)
    assert all("text" not in row for row in any_store.articles())
    assert any(doc.article.text in row for row in any_store.dump()["articles"])


def test_keep_text_false_stores_no_text_and_the_rest_as_usual(any_db, tmp_path):
    docs = all_documents()
    with open_store(any_db, _without_text()) as bare, open_store(str(tmp_path / "full.db")) as full:
        for doc in docs:
            bare.write_document(doc)
            full.write_document(doc)
        assert [bare.article_text(doc.article.id) for doc in docs] == [None] * len(docs)
        assert list(bare.mentions()) == list(full.mentions())
        assert list(bare.articles()) == list(full.articles())


def test_migration_6_adds_the_column_to_an_existing_database(any_db):
    doc, *later = all_documents()
    with open_store(any_db) as store:
        store.write_document(doc)
        # back to schema 5: the column and its record gone
        store._execute("ALTER TABLE articles DROP COLUMN text")
        store._execute("DELETE FROM schema_migrations WHERE version = 6")
    with open_store(any_db) as store:
        assert store.article_text(doc.article.id) is None  # stored before: not kept
        store.write_document(later[0])
        assert store.article_text(later[0].article.id) == later[0].article.text
