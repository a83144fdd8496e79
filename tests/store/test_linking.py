"""Linking through a store: term counts and candidate queries (``dateline.link.stage`` over ``SqlStore``)."""

from __future__ import annotations

from store_fixtures import any_db, any_store  # noqa: F401  (fixtures)


def test_store_counts_the_articles_holding_each_context_term_once_per_article(any_store):
    from store_factory import story

    from dateline.link import article_context

    docs = story("market_bombing")
    for doc in docs:
        any_store.write_document(doc)
    any_store.write_document(docs[0])  # a duplicate changes nothing
    counts = {r["term"]: r["articles"] for r in any_store._rows("SELECT term, articles FROM context_terms")}
    assert counts[""] == len(docs)
    shared = frozenset.intersection(*(article_context(d) for d in docs))
    assert shared and all(counts[t] == len(docs) for t in shared)


def test_store_finds_undated_and_year_events_for_a_dated_mention(any_store):
    from store_factory import story

    from dateline.link import candidate_queries, features_of_mention_row
    from dateline.models import replace as replace_record
    from dateline.store.records import mention_row

    first, second = story("market_bombing")[:2]
    undated = replace_record(first, events=tuple(replace_record(e, date=None, date_precision=None)
                                                 for e in first.events))  # fmt: skip
    undated = replace_record(undated, article=replace_record(first.article, published=None))
    any_store.write_document(undated)
    year = replace_record(second, article=replace_record(second.article, id="year"),
                          events=(replace_record(second.events[0], date="2021", date_precision="year"),))  # fmt: skip
    any_store.write_document(year)
    (undated_id, _), (year_id, _) = sorted(
        ((e.id, e.date) for e in any_store.events()), key=lambda pair: pair[1] is None, reverse=True
    )
    mention = features_of_mention_row(mention_row(second.events[0], second.article, 0))
    found = {row["id"] for query in candidate_queries(mention) for row in any_store.candidate_events(query)}
    assert found == {undated_id, year_id}




def test_the_store_links_with_the_weights_of_its_settings(tmp_path):
    from store_factory import story

    from dateline.settings import load
    from dateline.store import open_store

    docs = story("market_bombing")
    with open_store(str(tmp_path / "default.db")) as store:
        linked = sum(store.write_document(doc).linked for doc in docs)
    never = {f"linking.{name}": "1000" for name in ("link_threshold", "published_date_threshold", "undated_threshold")}
    with open_store(str(tmp_path / "strict.db"), settings=load(overrides=never, environ={})) as store:
        strict = [store.write_document(doc) for doc in docs]
    assert linked > 0
    assert sum(r.linked for r in strict) == 0 and sum(r.new_events for r in strict) == sum(r.mentions for r in strict)
