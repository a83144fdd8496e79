"""Casualty counts: kind, value, negation, totals and ACLED's split totals."""

from __future__ import annotations

from dateline.extract.casualties import find_counts, find_quantities


def _counts(nlp, text: str) -> list[tuple[str, int, bool]]:
    return [(c.kind, c.value, c.summary) for c in find_counts(nlp(text))]


def test_casualties_killed_and_wounded(nlp):
    found = _counts(nlp, "Gunmen killed four villagers and wounded two others near the well.")
    assert ("dead", 4, False) in found
    assert any(kind == "injured" and value == 2 for kind, value, _ in found)


def test_casualties_fatalities_noun_is_a_summary(nlp):
    assert ("dead", 3, True) in _counts(nlp, "The clashes left 3 fatalities in the district.")


def test_casualties_nobody_hurt_is_zero(nlp):
    found = _counts(nlp, "A bomb exploded near the bridge but nobody was hurt.")
    assert ("injured", 0, False) in found


def test_casualties_split_total_is_divided(nlp):
    found = _counts(nlp, "Twelve fatalities were reported, split between 3 events.")
    assert ("dead", 4, True) in found


def test_casualties_arrests_counted(nlp):
    assert ("arrested", 15, False) in _counts(nlp, "Police arrested 15 protesters outside the hall.")


def test_quantities_counted_weapons(nlp):
    found = [(what, value) for what, value, _ in find_quantities(nlp("Militants fired three rockets at the base."))]
    assert found == [("rocket", 3)]


def test_casualties_coder_figure_is_flagged(nlp):
    found = [(c.kind, c.value, c.coded) for c in find_counts(nlp("A guard was killed. Fatalities coded as 0."))]
    assert ("dead", 0, True) in found


def test_casualties_number_subject_of_bare_participle(nlp):
    assert ("dead", 1, False) in _counts(nlp, "1 killed, 7 injured.")


def test_casualties_coordinated_passive_shares_its_subject(nlp):
    assert ("dead", 2, False) in _counts(nlp, "Two farmers were ambushed and killed near the river on Monday.")


def test_casualties_assassination_counts_its_victim(nlp):
    assert ("dead", 1, False) in _counts(nlp, "Gunmen assassinated a district judge outside his home.")
