from __future__ import annotations

import pytest

from dateline.times import Reference, contract_date, event_date, find_timexes, reference_time

SUNDAY_IN_WASHINGTON = reference_time("2020-12-21T04:08:00Z", dateline="Washington DC")


def date_of(nlp, text: str, trigger_word: str, reference: Reference = SUNDAY_IN_WASHINGTON):
    doc = nlp(text)
    timexes = find_timexes(text, reference, doc=doc)
    index = next(t.i for t in doc if t.text == trigger_word)
    return event_date(doc, doc[index : index + 1], timexes, reference)


def test_event_date_takes_the_timex_of_the_trigger_phrase(nlp):
    found = date_of(nlp, "The envoy condemned the Sunday rocket attack on the embassy.", "attack")
    assert (found.date, found.precision) == ("2020-12-20", "day")
    assert found.reason == "relative to published ('Sunday')"


def test_event_date_takes_the_timex_of_the_trigger_clause(nlp):
    found = date_of(nlp, "Officials say three rockets hit the compound on Sunday.", "hit")
    assert found.date == "2020-12-20"
    assert found.reason == "relative to published ('on Sunday')"
    assert found.timex is not None and found.timex.text == "Sunday"


def test_event_date_falls_back_to_the_reporting_clause(nlp):
    text = "In September, the newspaper reported that the capital had warned the militias."
    found = date_of(nlp, text, "warned")
    assert (found.date, found.precision) == ("2020-09", "month")
    assert found.reason == "from a reporting clause ('In September')"


def test_event_date_explicit_date_says_so(nlp):
    found = date_of(nlp, "Troops seized the bridge on 3 March 2019.", "seized")
    assert (found.date, found.precision, found.reason) == ("2019-03-03", "day", "explicit date ('on 3 March 2019')")


def test_event_date_without_cue_uses_the_reference_date(nlp):
    found = date_of(nlp, "Troops seized the bridge.", "seized")
    assert (found.date, found.precision, found.reason) == ("2020-12-20", "day", "reference date (no time cue)")
    assert found.timex is None


def test_event_date_without_reference_is_unresolved(nlp):
    undated = reference_time(None)
    found = date_of(nlp, "Troops seized the bridge on Sunday.", "seized", undated)
    assert (found.date, found.precision) == (None, None)
    assert found.reason == "unresolved: no reference date"
    explicit = date_of(nlp, "Troops seized the bridge in May 2019.", "seized", undated)
    assert (explicit.date, explicit.precision) == ("2019-05", "month")


def test_event_date_on_the_example_story(nlp, example_story):
    text = example_story.read_text(encoding="utf-8")
    doc = nlp(text)
    timexes = find_timexes(text, SUNDAY_IN_WASHINGTON, doc=doc)
    attack = text.index("the Sunday rocket attack") + len("the Sunday rocket ")
    trigger = doc.char_span(attack, attack + len("attack"))
    assert event_date(doc, trigger, timexes, SUNDAY_IN_WASHINGTON).date == "2020-12-20"
    warned = text.index("had warned") + len("had ")
    found = event_date(doc, doc.char_span(warned, warned + len("warned")), timexes, SUNDAY_IN_WASHINGTON)
    assert (found.date, found.precision) == ("2020-09", "month")
    assert found.reason == "from a reporting clause ('In September')"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-12-20", ("2020-12-20", "day")),
        ("2020-12-20T16:00", ("2020-12-20", "day")),
        ("2020-12-20TNI", ("2020-12-20", "day")),
        ("2020-09", ("2020-09", "month")),
        ("2020", ("2020", "year")),
        ("1998-W02", ("1998-01", "month")),
        ("2020-W53", ("2020-12", "month")),
        ("1998-Q3", ("1998", "year")),
        ("1998-SU", ("1998", "year")),
        ("PRESENT_REF", ("2020-12-20", "day")),
        ("PAST_REF", None),
        ("P2W", None),
        ("XXXX-WXX-2", None),
        ("199", None),
        (None, None),
    ],
)
def test_contract_date_converts_timex_values(value, expected):
    assert contract_date(value, SUNDAY_IN_WASHINGTON) == expected


def test_an_undated_sentence_continues_the_day_named_earlier_in_its_paragraph(nlp):
    from dateline.times import event_date, find_timexes, reference_time

    text = ("On 8 May 2020, police raided a district of Rio de Janeiro. A shoot-out broke out there.\n\n"
            "A second shoot-out broke out elsewhere.")
    doc = nlp(text)
    reference = reference_time(None)
    timexes = find_timexes(text, reference, doc=doc)
    first = doc.char_span(text.index("shoot-out"), text.index("shoot-out") + len("shoot-out"))
    when = event_date(doc, first, timexes, reference)
    assert (when.date, when.precision) == ("2020-05-08", "day")
    assert "earlier in the paragraph" in when.reason
    other = text.rindex("shoot-out")
    later = event_date(doc, doc.char_span(other, other + len("shoot-out")), timexes, reference)
    assert later.date is None  # a new paragraph does not inherit the date
