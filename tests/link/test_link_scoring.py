"""Linking decisions on hand-made features (no database): ``dateline.link``."""

from __future__ import annotations

from dateline.link import (
    Features,
    Linker,
    assign,
    cameo_compatible,
    context_terms,
    day_of,
    keywords,
    score,
    trigger_terms,
)
from dateline.settings import load

PARAMS = load(environ={}).linking  # the packaged defaults, whatever the environment says
LINK_THRESHOLD = PARAMS.link_threshold
UNDATED_THRESHOLD = PARAMS.undated_threshold

KIRKUK = {"lat": 35.4681, "lon": 44.3922, "country": "IRQ"}
BASRA = {"lat": 30.5085, "lon": 47.7804, "country": "IRQ"}


def _f(article: str, date: str | None = "2021-03-01", words: str = "car bomb market", **extra) -> Features:
    values = {"event_type": "ASSAULT", "cameo": "183", "day": day_of(date), "date_precision": "day" if date else None,
              "words": keywords(words), "articles": frozenset({article}), **KIRKUK}
    values.update(extra)
    return Features(**values)


def test_score_same_day_same_city_links():
    assert score(_f("a"), _f("b")) >= 2.0


def test_score_different_type_or_far_date_or_other_country_never_links():
    assert score(_f("a"), _f("b", event_type="PROTEST")) is None
    assert score(_f("a"), _f("b", date="2021-03-05")) is None
    assert score(_f("a"), _f("b", country="SYR", lat=None, lon=None)) is None


def test_score_far_place_counts_against_without_forbidding():
    far = score(_f("a"), _f("b", **BASRA))
    assert far is not None and far < LINK_THRESHOLD <= score(_f("a"), _f("b"))


def test_score_same_article_never_links():
    assert score(_f("a"), _f("a")) is None


def test_score_consecutive_explicit_dates_never_link_but_inferred_ones_may():
    same = score(_f("a", date_explicit=True), _f("b", date="2021-03-01", date_explicit=True))
    assert same >= LINK_THRESHOLD
    assert score(_f("a", date_explicit=True), _f("b", date="2021-03-02", date_explicit=True)) is None
    assert score(_f("a", date_explicit=True), _f("b", date="2021-03-02")) >= LINK_THRESHOLD


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
    from dateline.link import name_tokens

    assert name_tokens("Brian Nichols", "USAGOV", "the police") == {"brian", "nichols"}
    plain = score(_f("a", words="judge sentence"), _f("b", words="judge sentence"))
    named = score(_f("a", words="judge sentence", names=frozenset({"nichols"})),
                  _f("b", words="judge sentence", names=frozenset({"nichols"})))  # fmt: skip
    assert named == plain + 1.0


def test_context_terms_keep_names_and_figures_but_not_sentence_initial_words():
    terms = context_terms("Rescuers reached Qaryat Nur on Monday. The 6.4 tremor hit Qaryat Nur.\nOfficials wait.", "Loma")
    assert {"qaryat", "nur", "#6.4", "loma"} <= terms
    assert not {"rescuers", "the", "officials", "monday"} & terms


def test_trigger_terms_fold_inflections():
    assert trigger_terms("fired") == trigger_terms("firing") == {"fir"}
    assert trigger_terms("killed") == {"kill"}  # casualty verbs are triggers here, though not topic words


def _undated(article: str, trigger: str, context: str, **extra) -> Features:
    values = {"event_type": "COERCE", "cameo": "173", "words": keywords("police arrest suspect"),
              "triggers": trigger_terms(trigger), "context": context_terms(context), "articles": frozenset({article})}
    values.update(extra)
    return Features(**values)


STORY_A = "Police in Varnholt held Edda Quist and Piet Moraal after the 2 a.m. raid on Kessel Street, 14 officers said."
STORY_B = "Detectives in Orlimar detained Juno Tessaly and Ravi Okonda at the Bellweather depot, 30 agents said."


def test_undated_rewrites_sharing_article_context_link():
    rewrite = _undated("b", "arrest", STORY_A, words=keywords("police arrest pair"))
    assert score(_undated("a", "arrested", STORY_A), rewrite) >= UNDATED_THRESHOLD
    assert score(_undated("a", "arrested", STORY_A), _undated("b", "arrest", "", words=rewrite.words)) < UNDATED_THRESHOLD


def test_undated_similar_events_with_disjoint_context_stay_apart():
    assert score(_undated("a", "arrested", STORY_A), _undated("b", "arrested", STORY_B)) < UNDATED_THRESHOLD


def test_coarse_place_is_compared_by_its_codes_not_by_its_centroid():
    city = {"lat": 34.05, "lon": -118.24, "country": "USA", "admin1": "CA", "resolution": "city"}
    state = {"lat": 37.25, "lon": -119.75, "country": "USA", "admin1": "CA", "resolution": "admin1"}
    other_state = {**state, "admin1": "NV", "lat": 39.0, "lon": -117.0}
    same = score(_f("a", **city), _f("b", **state))
    assert same is not None and same > score(_f("a", **city), _f("b", **other_state))


def test_undated_mentions_with_different_verbs_never_link_dated_ones_may():
    assert score(_undated("a", "arrested", STORY_A), _undated("b", "sentenced", STORY_A)) is None
    dated = {"day": day_of("2021-03-01"), "date_precision": "day"}
    assert score(_undated("a", "arrested", STORY_A, **dated), _undated("b", "sentenced", STORY_A, **dated)) is not None


def test_shared_verb_counts_double_within_one_story():
    dated = {"day": day_of("2021-03-01"), "date_precision": "day"}
    alone = score(_undated("a", "arrested", "", **dated), _undated("b", "arrest", "", **dated))
    unrelated = score(_undated("a", "seized", "", **dated), _undated("b", "detained", "", **dated))
    assert alone - unrelated == 1.0  # the verb alone: single weight, no context either way
    in_story = score(_undated("a", "arrested", STORY_A, **dated), _undated("b", "arrest", STORY_A, **dated))
    assert in_story - alone > 2.0  # context agreement (up to 1.5) plus the verb's second weight


def test_context_terms_take_headline_words_only_where_the_prose_capitalises_them():
    text = ("Fatal Shooting Near Varnholt Depot Stuns Harbour Town\n"
            "A fatal shooting near the depot in Varnholt killed Edda Quist, 44, on the night shift.")
    terms = context_terms(text, "Fatal Shooting")
    assert {"varnholt", "edda", "quist", "#44"} <= terms
    assert not {"fatal", "shooting", "depot", "stuns", "harbour", "town"} & terms


def test_name_score_counts_against_when_the_mentions_own_participants_are_missing():
    club = frozenset({"varnholt", "rovers"})
    same_coach = score(_f("a", names=club | {"edda", "quist"}), _f("b", names=club | {"edda", "quist"}))
    other_coach = score(_f("a", names=frozenset({"rovers", "piet", "moraal"})), _f("b", names=club | {"edda", "quist"}))
    unrelated = score(_f("a", names=frozenset({"juno"})), _f("b", names=club))
    assert same_coach is not None and other_coach is not None
    assert same_coach - other_coach == 2.0  # the shared club does not outweigh two new names
    assert other_coach == unrelated


def test_context_sharing_one_term_among_many_is_no_agreement():
    dated = {"day": day_of("2021-03-01"), "date_precision": "day"}
    place_only = score(_undated("a", "arrested", STORY_A, **dated),
                       _undated("b", "arrested", STORY_B.replace("Orlimar", "Varnholt"), **dated))  # fmt: skip
    disjoint = score(_undated("a", "arrested", STORY_A, **dated), _undated("b", "arrested", STORY_B, **dated))
    rewrite = score(_undated("a", "arrested", STORY_A, **dated), _undated("b", "arrested", STORY_A, **dated))
    assert disjoint < place_only < 0.5 + disjoint + 1e-9 and place_only < rewrite


def test_block_weights_make_rare_shared_terms_count_more_than_common_ones():
    from dataclasses import replace

    from dateline.link import block_weights

    def with_context(article: str, *terms: str) -> Features:
        return replace(_undated(article, "arrested", ""), context=frozenset(terms))

    mention = with_context("m", "varnholt", "quist", "rovers", "moraal")
    club = with_context("e1", "varnholt", "rovers", "tessaly", "okonda")
    person = with_context("e2", "quist", "moraal", "orlimar", "kessel")
    others = [with_context(f"o{i}", "varnholt", "rovers", f"x{i}") for i in range(4)]
    options = [("club", club), ("person", person)] + [(f"o{i}", o) for i, o in enumerate(others)]
    weights = block_weights([mention], [options])
    assert weights["quist"] > weights["varnholt"]
    assert score(mention, person, weights) > score(mention, club, weights)
    assert score(mention, person) == score(mention, club)  # unweighted, both share two terms of four
    assert assign([mention], [options]) == ["person"]


# --- details that tell two similar happenings apart; rarity over the articles seen -------------------

ARREST_QUIST = ("Rovers defender Edda Quist was arrested in Varnholt on Tuesday after a late-night crash.\n"
                "Police said Quist was driving well above the limit; the Rovers declined to comment on Quist.")
ARREST_MORAAL = ("Rovers striker Piet Moraal was arrested in Varnholt after a late-night crash.\n"
                 "Police said Moraal was driving well above the limit; the Rovers declined to comment on Moraal.")


def test_context_terms_mark_the_most_repeated_name_and_the_weekdays():
    terms = context_terms(ARREST_QUIST)
    assert {"^quist", "@tuesday", "quist", "rovers", "varnholt"} <= terms
    assert "^rovers" not in terms  # named twice; the protagonist three times
    # a sentence-initial "Quist said" counts once the text has confirmed Quist as a name
    assert "^quist" in context_terms("Coach Edda Quist left the Rovers. Quist said the Rovers owe Quist.")


def test_article_about_someone_the_event_never_names_counts_against():
    from dataclasses import replace

    
    event = _undated("a", "arrested", ARREST_QUIST)
    other = _undated("b", "arrested", ARREST_MORAAL)
    unmarked = replace(other, context=frozenset(t for t in other.context if not t.startswith("^")))
    assert score(other, event) == score(unmarked, event) - PARAMS.lead_penalty
    assert score(_undated("b", "arrested", ARREST_QUIST), event) - score(other, event) > PARAMS.lead_penalty


def test_different_weekdays_count_against():
    tuesday = _undated("a", "arrested", STORY_A + " It happened on Tuesday.")
    same_day = score(_undated("b", "arrested", STORY_A + " Officers said on Tuesday."), tuesday)
    other_day = score(_undated("b", "arrested", STORY_A + " Officers said on Friday."), tuesday)
    assert same_day - other_day == 1.5


def test_a_closing_full_stop_makes_a_capitalised_line_prose_not_a_headline():
    text = "On Monday the Kessel Street Depot In North Varnholt Was Closed By Police Inspectors."
    assert {"kessel", "depot", "varnholt"} <= context_terms(text)


def test_idf_weights_count_the_article_being_linked():
    from dateline.link import idf_weights

    weights = idf_weights({"rovers": 9, "quist": 0}, 10, ["rovers", "quist", "never"])
    assert weights["quist"] == weights["never"] > weights["rovers"] > 0


def test_mention_without_names_takes_the_articles_participants():
    from dataclasses import replace

    from dateline.link import with_article_names

    named = replace(_undated("m", "arrested", ""), names=frozenset({"quist"}))
    nameless = _undated("m", "arrest", "")
    assert [m.names for m in with_article_names([named, nameless])] == [{"quist"}, {"quist"}]
    assert with_article_names([nameless]) == [nameless]


def test_a_year_is_no_date_for_the_threshold():
    from dateline.link import threshold_for

    dated = _f("a")
    year = _f("b", date="2021", date_precision="year")
    assert threshold_for(dated, dated) == LINK_THRESHOLD
    assert threshold_for(dated, year) == threshold_for(year) == UNDATED_THRESHOLD


def test_linker_compares_dated_and_undated_mentions_of_one_type_and_country():
    linker = Linker()
    undated = _f("a", date=None, words="car bomb market kirkuk")
    linker.link_article([("m1", undated)])
    assert [eid for eid, _ in linker.candidates(_f("b"))] == ["m1"]
    linker.link_article([("m2", _f("c", date="2021-06-01", words="court hearing", **BASRA))])
    assert {eid for eid, _ in linker.candidates(_f("d", date=None))} == {"m1", "m2"}


def test_linker_weighs_terms_by_how_many_articles_hold_them():
    from dataclasses import replace

    linker = Linker()
    common = frozenset({"rovers", "varnholt"})
    for i in range(6):  # the club and the town are in every article: they tell nothing apart
        other = replace(_undated(f"o{i}", "seized", ""), event_type="PROTEST", context=common | {f"x{i}"})
        linker.link_article([(f"o{i}", other)])

    def arrest(article: str, *names: str) -> Features:
        return replace(_undated(article, "arrested", ""), words=keywords("police arrest", *names),
                       context=common | set(names))  # fmt: skip

    quist, moraal = arrest("q", "quist", "edda", "kessel"), arrest("p", "moraal", "piet", "orlimar")
    assert score(moraal, quist) >= UNDATED_THRESHOLD  # unweighted, the club and the town are two of five
    first, second, third = (linker.link_article([(f"m{i}", f)])[0]
                            for i, f in enumerate((quist, moraal, arrest("r", "quist", "edda", "kessel"))))  # fmt: skip
    assert first == third != second


def test_a_year_precision_event_is_a_candidate_for_any_day_of_its_year_and_back():
    linker = Linker()
    linker.link_article([("y", _f("a", date="2021", date_precision="year", words="court hearing", **BASRA))])
    assert [eid for eid, _ in linker.candidates(_f("b", date="2021-11-20"))] == ["y"]
    assert linker.candidates(_f("c", date="2022-01-03")) == []
    linker.link_article([("d", _f("d", date="2021-02-10", words="prison riot"))])
    assert {eid for eid, _ in linker.candidates(_f("e", date="2021", date_precision="year"))} == {"y", "d"}


def test_other_participants_and_another_weekday_together_never_link():
    shooting = _undated("a", "arrested", STORY_A + " It happened on Tuesday.", names=frozenset({"quist"}))
    # each disagreement alone still leaves a score: rewrites name other officials, or report another day
    other_day = _undated("b", "arrested", STORY_A + " Officers said on Friday.", names=frozenset({"quist"}))
    other_people = _undated("b", "arrested", STORY_A + " Officers said on Tuesday.", names=frozenset({"moraal"}))
    assert score(other_day, shooting) is not None
    assert score(other_people, shooting) is not None
    both = _undated("b", "arrested", STORY_A + " Officers said on Friday.", names=frozenset({"moraal"}))
    assert score(both, shooting) is None


def test_far_place_weighs_less_when_the_same_people_and_story_agree():
    
    near = _undated("a", "arrested", STORY_A, names=frozenset({"quist"}), **KIRKUK)
    misplaced = _undated("b", "arrested", STORY_A, names=frozenset({"quist"}), **BASRA)
    same_place = _undated("b", "arrested", STORY_A, names=frozenset({"quist"}), **KIRKUK)
    gap = score(same_place, near) - score(misplaced, near)
    assert abs(gap - (1.5 + PARAMS.misplaced_penalty)) < 1e-9  # 1.5: the same city
    # another story in a far city keeps the full penalty
    stranger = _undated("b", "arrested", STORY_B, names=frozenset({"tessaly"}), **BASRA)
    stranger_near = _undated("b", "arrested", STORY_B, names=frozenset({"tessaly"}), **KIRKUK)
    assert abs(score(stranger_near, near) - score(stranger, near) - (1.5 + PARAMS.far_penalty)) < 1e-9


def test_weights_and_windows_come_from_the_settings():
    from dateline.link import Linker, threshold_for

    wider = PARAMS.model_copy(update={"day_window": 5, "link_threshold": 0.5})
    assert score(_f("a"), _f("b", date="2021-03-05")) is None
    assert score(_f("a"), _f("b", date="2021-03-05"), params=wider) is not None
    assert threshold_for(_f("a"), _f("b"), wider) == 0.5
    strict = Linker(params=PARAMS.model_copy(update={"link_threshold": 1000.0}))
    assert strict.link_article([("m1", _f("a"))]) != strict.link_article([("m2", _f("b"))])
