"""``text=``: whole words of the mentions' evidence sentences through the full-text index (migration 5),
the same on SQLite (FTS5) and PostgreSQL (tsvector + GIN)."""

from __future__ import annotations

import pytest
from store_factory import make_document, story
from store_fixtures import any_db, any_store  # noqa: F401  (fixtures)

from dateline.errors import InputError
from dateline.store import open_store
from dateline.store.query import MAX_TEXT_WORDS, check_query, search_words
from dateline.store.schema import MIGRATIONS


def _doc(doc_id: str, text: str, trigger: str, date: str, event_type: str = "ASSAULT"):
    event = {"trigger": trigger, "event_type": event_type, "cameo": "190", "date": date}
    return make_document({"id": doc_id, "text": text, "published": date, "events": [event]})


# Three articles, far apart in time and of different types, so each is an event of its own.
_ARTICLES = [
    _doc("warning", "Officials issued a warning to traders in Kano.", "issued", "2019-01-10", "THREATEN"),
    _doc("war", "The WAR in Sudan displaced thousands of families.", "displaced", "2020-06-01", "COERCE"),
    _doc("kano", "Kano-based traders said police fired tear gas near the market.", "fired", "2021-09-15"),
]


def _dates(store, text: str) -> list[str | None]:
    return [event.date for event in store.events(text=text)]


@pytest.fixture
def searched(any_store):
    for doc in _ARTICLES:
        any_store.write_document(doc)
    return any_store


def test_a_word_matches_whole_words_only(searched):
    assert _dates(searched, "war") == ["2020-06-01"]  # not "warning"
    assert _dates(searched, "warning") == ["2019-01-10"]
    assert _dates(searched, "warn") == []  # no prefix search
    assert _dates(searched, "ar") == []  # no substring search


def test_words_are_case_insensitive_and_all_required(searched):
    assert _dates(searched, "war SUDAN") == ["2020-06-01"]
    assert _dates(searched, "traders") == ["2019-01-10", "2021-09-15"]
    assert _dates(searched, "traders kano") == ["2019-01-10", "2021-09-15"]
    assert _dates(searched, "traders tear") == ["2021-09-15"]
    assert _dates(searched, "traders sudan") == []


def test_punctuation_separates_words_in_query_and_text(searched):
    assert _dates(searched, "Kano-based") == ["2021-09-15"]
    assert _dates(searched, "based") == ["2021-09-15"]
    assert _dates(searched, "kano,  tear-gas!") == ["2021-09-15"]


_ALL = ["2019-01-10", "2020-06-01", "2021-09-15"]
_SYNTAX = {
    '"': _ALL,  # no word: no condition
    "war*": ["2020-06-01"],
    "sudan:war": ["2020-06-01"],
    "war OR sudan": [],  # "or" is one more word to find
    "NOT war": [],
    "NEAR(war sudan)": [],
    "a'b": [],
}


@pytest.mark.parametrize("text", list(_SYNTAX))
def test_search_syntax_of_either_index_is_only_words(searched, text):
    assert _dates(searched, text) == _SYNTAX[text]


def test_words_of_one_event_may_come_from_different_mentions(any_store):
    for doc in story("market_bombing"):
        any_store.write_document(doc)
    crowded, hospital = list(any_store.events(text="crowded")), list(any_store.events(text="hospital"))
    assert len(crowded) == len(hospital) == 1 and crowded[0].id == hospital[0].id
    assert [e.id for e in any_store.events(text="crowded hospital")] == [crowded[0].id]


def test_new_mentions_are_searchable_at_once(any_store):
    any_store.write_document(_ARTICLES[0])
    assert _dates(any_store, "sudan") == []
    any_store.write_document(_ARTICLES[1])
    assert _dates(any_store, "sudan") == ["2020-06-01"]
    any_store.write_document(_ARTICLES[1])  # a duplicate adds nothing to the index
    assert _dates(any_store, "sudan") == ["2020-06-01"]


def test_more_than_the_word_bound_is_refused(searched):
    words = " ".join(f"w{i}" for i in range(MAX_TEXT_WORDS + 1))
    with pytest.raises(InputError, match="words"):
        list(searched.events(text=words))
    with pytest.raises(InputError, match="words"):
        check_query(text="-".join(f"w{i}" for i in range(MAX_TEXT_WORDS + 1)))  # one split word, 13 words


def test_search_words_are_distinct_lower_case_runs_of_letters_and_digits():
    assert search_words("Kano-based KANO 2,000 al_Shabaab é") == ["kano", "based", "2", "000", "al", "shabaab", "é"]
    assert search_words(None) == search_words("?!") == []


def _forget_text_index(store) -> None:
    """Make ``store`` a database of schema 4: no full-text index, migration 5 not applied."""
    if store._dialect.name == "sqlite":
        store._execute("DROP TRIGGER mention_words_insert")
        store._execute("DROP TABLE mention_words")
    else:
        store._execute("DROP INDEX mentions_words")
    store._execute("DELETE FROM schema_migrations WHERE version = 5")


def test_migration_5_indexes_the_mentions_of_an_existing_database(any_db):
    with open_store(any_db) as store:
        for doc in _ARTICLES:
            store.write_document(doc)
        _forget_text_index(store)
    with open_store(any_db) as store:
        assert store.migrate() == MIGRATIONS[-1][0]
        assert _dates(store, "war") == ["2020-06-01"]
        assert _dates(store, "traders") == ["2019-01-10", "2021-09-15"]
        store.write_document(story("two_attacks")[1])
        assert _dates(store, "rocket") == ["2021-04-06"]


def test_the_query_plan_uses_the_full_text_index(searched):
    sql = "SELECT id FROM events WHERE " + searched._dialect.has_word()
    if searched._dialect.name == "sqlite":
        plan = " ".join(str(row) for row in searched._rows("EXPLAIN QUERY PLAN " + sql, ['"war"']))
        assert "VIRTUAL TABLE INDEX" in plan and "mention_words" in plan
    else:
        searched._execute("SET enable_seqscan = off")  # a tiny table is scanned anyway: can the index serve?
        plan = " ".join(str(row) for row in searched._rows("EXPLAIN " + sql, ["war"]))
        searched._execute("RESET enable_seqscan")
        assert "mentions_words" in plan
