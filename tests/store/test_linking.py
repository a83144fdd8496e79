"""Linking decisions on hand-made features (no database)."""

from __future__ import annotations

from dateline.store.linking import Features, Linker, assign, cameo_compatible, day_of, keywords, score

KIRKUK = {"lat": 35.4681, "lon": 44.3922, "country": "IRQ"}
BASRA = {"lat": 30.5085, "lon": 47.7804, "country": "IRQ"}


def _f(article: str, date: str | None = "2021-03-01", words: str = "car bomb market", **extra) -> Features:
    values = {"event_type": "ASSAULT", "cameo": "183", "day": day_of(date), "date_precision": "day" if date else None,
              "words": keywords(words), "articles": frozenset({article}), **KIRKUK}
    values.update(extra)
    return Features(**values)


def test_score_same_day_same_city_links():
    assert score(_f("a"), _f("b")) >= 2.0


def test_score_different_type_or_far_place_or_far_date_never_links():
    assert score(_f("a"), _f("b", event_type="PROTEST")) is None
    assert score(_f("a"), _f("b", **BASRA)) is None
    assert score(_f("a"), _f("b", date="2021-03-05")) is None
    assert score(_f("a"), _f("b", country="SYR", lat=None, lon=None)) is None


def test_score_same_article_never_links():
    assert score(_f("a"), _f("a")) is None


def test_score_consecutive_explicit_dates_count_against():
    same = score(_f("a", date_explicit=True), _f("b", date="2021-03-01", date_explicit=True))
    next_day = score(_f("a", date_explicit=True), _f("b", date="2021-03-02", date_explicit=True))
    assert next_day < 2.0 <= same


def test_cameo_compatible_groups_violent_roots():
    assert cameo_compatible("183", "190")
    assert not cameo_compatible("183", "141")
    assert cameo_compatible("", "141")


def test_keywords_drop_stopwords_and_fold_plurals():
    assert keywords("Two bombs killed people in the markets") == {"bomb", "market"}


def test_assign_gives_each_existing_event_to_one_mention_only():
    event = _f("old")
    chosen = assign([_f("new"), _f("new")], [[("ev1", event)], [("ev1", event)]])
    assert chosen == ["ev1", None]  # ties go to the first mention


def test_linker_links_rewrites_and_keeps_distinct_days_apart():
    linker = Linker()
    first = linker.link_article([("m1", _f("a", date_explicit=True))])
    second = linker.link_article([("m2", _f("b", date_explicit=True))])
    other = linker.link_article([("m3", _f("c", date="2021-03-02", date_explicit=True, words="gunmen checkpoint"))])
    assert first == second == ["m1"]
    assert other == ["m3"]
    assert len(linker) == 2


def test_day_of_handles_partial_and_bad_dates():
    assert day_of("2021-03") == day_of("2021-03-15")
    assert day_of("2021") == day_of("2021-07-01")
    assert day_of("2021-02-30") is None
    assert day_of(None) is None


def test_linker_horizon_forgets_events_older_than_the_window():
    linker = Linker(horizon_days=10)
    linker.link_article([("old", _f("a", date="2021-01-01"))])
    linker.link_article([("new", _f("b", date="2021-03-01"))])
    assert len(linker) == 1
    assert linker.link_article([("late", _f("c", date="2021-01-01"))]) == ["late"]  # old one forgotten


def test_shared_participant_name_adds_evidence_and_codes_are_not_names():
    from dateline.store.linking import name_tokens

    assert name_tokens("Brian Nichols", "USAGOV", "the police") == {"brian", "nichols"}
    plain = score(_f("a", words="judge sentence"), _f("b", words="judge sentence"))
    named = score(_f("a", words="judge sentence", names=frozenset({"nichols"})),
                  _f("b", words="judge sentence", names=frozenset({"nichols"})))  # fmt: skip
    assert named == plain + 1.0
