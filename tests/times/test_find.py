from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.times import find_timexes, reference_time

# A Thursday; the reference most TempEval-style cases below are written against.
JAN_8_1998 = reference_time("1998-01-08")


def values(text: str, reference=JAN_8_1998, **kwargs) -> dict[str, str | None]:
    return {t.text: t.value for t in find_timexes(text, reference, **kwargs)}


def test_find_timexes_offsets_point_into_the_text():
    text = "Rockets hit the zone on Sunday, and officials met again on Dec. 24, 2020."
    found = find_timexes(text, reference_time("2020-12-21"))
    assert [t.text for t in found] == ["Sunday", "Dec. 24, 2020"]
    assert all(text[t.start : t.end] == t.text for t in found)


def test_find_timexes_weekday_depends_on_the_local_day_across_midnight():
    text = "The convoy was attacked on Monday."
    in_new_york = reference_time("2020-12-21T04:08:00Z", dateline="Washington DC")  # Sunday evening there
    in_utc = reference_time("2020-12-21T04:08:00Z")  # already Monday
    assert values(text, in_new_york)["Monday"] == "2020-12-14"
    assert values(text, in_utc)["Monday"] == "2020-12-21"


def test_find_timexes_weekday_on_its_own_day_is_that_day():
    sunday = reference_time("2020-12-21T04:08:00Z", dateline="Washington DC")
    assert values("Three rockets were fired at the Green Zone on Sunday.", sunday)["Sunday"] == "2020-12-20"


def test_find_timexes_future_cues_point_forward():
    assert values("The envoys will meet on Sunday.")["Sunday"] == "1998-01-11"
    assert values("They last met on Sunday.")["Sunday"] == "1998-01-04"
    assert values("A vote is planned for next Sunday.")["next Sunday"] == "1998-01-11"
    assert values("A vote was held last Thursday.")["last Thursday"] == "1998-01-01"


def test_find_timexes_month_without_year_takes_the_nearest_year():
    assert values("The militia was formed in December.")["December"] == "1997-12"
    assert values("In September, the paper reported the warning.", reference_time("2020-12-21"))["September"] == "2020-09"
    assert values("The treaty will be signed in March.")["March"] == "1998-03"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("It opened on Dec. 20, 2020.", "Dec. 20, 2020", "2020-12-20"),
        ("It opened on 20 December 2020.", "20 December 2020", "2020-12-20"),
        ("It opened on 2020-12-20.", "2020-12-20", "2020-12-20"),
        ("It opened on 12/20/2020.", "12/20/2020", "2020-12-20"),
        ("Updated: 21-12-2020 09:38 IST", "21-12-2020", "2020-12-21"),
        ("Prices rose in June 1997.", "June 1997", "1997-06"),
        ("The war ended in 1998.", "1998", "1998"),
        ("It was popular in the 1990s.", "the 1990s", "199"),
        ("Shares rose in the third quarter.", "the third quarter", "1997-Q3"),
        ("Sales fell in the first half of 1996.", "the first half of 1996", "1996-H1"),
        ("The service is held on Christmas Day.", "Christmas Day", "1997-12-25"),
    ],
)
def test_find_timexes_explicit_dates(text, expression, value):
    assert values(text)[expression] == value


@pytest.mark.parametrize(
    ("text", "expression", "kind", "value"),
    [
        ("He arrived yesterday.", "yesterday", "DATE", "1998-01-07"),
        ("He arrives today.", "today", "DATE", "1998-01-08"),
        ("He leaves tomorrow.", "tomorrow", "DATE", "1998-01-09"),
        ("Talks collapsed last week.", "last week", "DATE", "1998-W01"),
        ("Talks resume next week.", "next week", "DATE", "1998-W03"),
        ("It rained earlier this month.", "earlier this month", "DATE", "1998-01"),
        ("Profits fell last year.", "last year", "DATE", "1997"),
        ("They expect growth this summer.", "this summer", "DATE", "1998-SU"),
        ("The talks are now stalled.", "now", "DATE", "PRESENT_REF"),
        ("Prices have recently fallen.", "recently", "DATE", "PAST_REF"),
        ("The siege lasted two weeks.", "two weeks", "DURATION", "P2W"),
        ("He served three years.", "three years", "DURATION", "P3Y"),
        ("Hold them for 48 hours.", "48 hours", "DURATION", "PT48H"),
        ("The talks began three days ago.", "three days ago", "DATE", "1998-01-05"),
        ("The committee meets every week.", "every week", "SET", "P1W"),
        ("The paper is published daily.", "daily", "SET", "P1D"),
        ("The curfew starts at 4 p.m.", "4 p.m.", "TIME", "1998-01-08T16:00"),
        ("The blast came on Thursday night.", "Thursday night", "TIME", "1998-01-08TNI"),
    ],
)
def test_find_timexes_relative_expressions(text, expression, kind, value):
    found = {t.text: t for t in find_timexes(text, JAN_8_1998)}
    assert (found[expression].type, found[expression].value) == (kind, value)


def test_find_timexes_without_reference_leaves_relative_unresolved():
    found = values("On Sunday, a year after the 12 March 2019 raid, they met again yesterday.", None)
    assert found["Sunday"] is None
    assert found["yesterday"] is None
    assert "2019-03-12" in found.values()
    assert values("It began on Sunday.", reference_time(None))["Sunday"] is None


def test_find_timexes_skips_ages_rates_and_words_that_only_look_temporal():
    text = "A 44-year-old man, aged 52 years old, may march with 2000 people; flights run four times a week."
    found = values(text)
    assert not any("old" in t for t in found)
    assert "may" not in {t.lower() for t in found}
    assert "2000" not in found


def test_find_timexes_uses_the_parse_for_tense(nlp):
    text = "The two leaders meet in Geneva on Monday."
    assert values(text, doc=nlp(text))["Monday"] == "1998-01-12"
    text = "The two leaders met in Geneva on Monday."
    assert values(text, doc=nlp(text))["Monday"] == "1998-01-05"


def test_find_timexes_ignores_a_doc_of_another_text(nlp):
    text = "The leaders meet on Monday."
    assert find_timexes(text, JAN_8_1998, doc=nlp("Nothing here.")) == find_timexes(text, JAN_8_1998)


def test_find_timexes_same_input_same_output_whatever_the_day():
    text = "Officials said on Friday that the talks, held last month, would resume next year."
    assert find_timexes(text, JAN_8_1998) == find_timexes(text, reference_time("1998-01-08"))
    assert values(text) == {"Friday": "1998-01-02", "last month": "1997-12", "next year": "1999"}


def test_find_timexes_package_docstring_example_holds():
    import doctest

    import dateline.times

    assert doctest.testmod(dateline.times).failed == 0


def test_find_timexes_finds_expressions_far_apart_in_long_texts():
    filler = "The committee discussed the budget at length. " * 200
    text = "On Sunday, " + filler + "the vote was set for next Tuesday, " + filler + "in December 1997."
    found = values(text)
    assert found == {"Sunday": "1998-01-04", "next Tuesday": "1998-01-13", "December 1997": "1997-12"}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ./-:,aAmpMJanuMayFridTuesweksyoh'")), max_size=80))
def test_find_timexes_spans_are_ordered_disjoint_and_exact(text):
    found = find_timexes(text, JAN_8_1998)
    for timex in found:
        assert text[timex.start : timex.end] == timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
