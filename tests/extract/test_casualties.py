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


def _dead(nlp, text: str) -> list[int]:
    return [c.value for c in find_counts(nlp(text)) if c.kind == "dead"]


def test_casualties_singular_victim_counts_one(nlp):
    assert _dead(nlp, "Gunmen killed the village chief outside his farm.") == [1]


def test_casualties_pronoun_victim_counts_one(nlp):
    assert _dead(nlp, "Soldiers opened fire on a trader, killing him.") == [1]


def test_casualties_named_victims_add_up(nlp):
    assert _dead(nlp, "Gunmen killed the teacher and a nephew near the market.") == [2]


def test_casualties_coordinated_death_shares_the_subject(nlp):
    assert _dead(nlp, "A herder was shot and died in the clinic.") == [1]


def test_casualties_beaten_to_death_counts_the_victim(nlp):
    assert _dead(nlp, "A vendor was beaten to death by a crowd.") == [1]


def test_casualties_fatally_shot_is_a_death(nlp):
    assert _dead(nlp, "A guard fatally shot a customer at the station.") == [1]


def test_casualties_death_of_a_person(nlp):
    assert _dead(nlp, "The shooting resulted in the death of a young farmer.") == [1]


def test_casualties_protest_over_a_death_counts_no_victim(nlp):
    assert _dead(nlp, "Students marched against the death of a classmate.") == []


def test_casualties_threat_to_kill_is_no_count(nlp):
    assert _dead(nlp, "A crowd threatened to kill a tax collector at the market.") == []


def test_casualties_alternatives_are_no_count(nlp):
    assert _dead(nlp, "Four rebels were killed, injured or captured during the operation.") == []


def test_casualties_killing_told_of_someone_else_is_background(nlp):
    assert _dead(nlp, "Youths burned the homes of bandits who killed a farmer last week.") == []


def test_casualties_total_and_injured_are_not_summed(nlp):
    found = find_counts(nlp("Gunmen attacked a bus. 1 fatality and 2 injured."))
    assert [c.value for c in found if c.kind == "dead"] == [1]


def test_casualties_fatalities_conjoined_with_counted_people_add_up(nlp):
    assert _dead(nlp, "The battle resulted in 12 rebel fighters and 4 military fatalities.") == [16]


def test_casualties_also_killed_is_additional(nlp):
    found = [c for c in find_counts(nlp("Two guards were killed. Three attackers were also killed.")) if c.kind == "dead"]
    assert [(c.value, c.additional) for c in found] == [(2, False), (3, True)]


def test_casualties_counted_subject_without_object(nlp):
    assert _dead(nlp, "Four people killed and twenty wounded in the fighting.") == [4]


def test_casualties_total_spread_over_locations_and_days(nlp):
    found = find_counts(nlp("Fighting raged for days. Fatalities coded as 12 and spread across three locations in two days."))
    assert [(c.value, c.coded) for c in found if c.kind == "dead"] == [(2, True)]


def test_casualties_small_total_split_over_many_events_rounds_to_zero(nlp):
    assert _dead(nlp, "A soldier was killed somewhere in the region [1 fatality split among 9 events].") == [0, 0]


def test_casualties_coded_with_injuries(nlp):
    found = find_counts(nlp("Both sides lost fighters. Unknown number of fatalities and injuries coded as 10."))
    assert [(c.value, c.coded) for c in found if c.coded] == [(10, True)]


def test_casualties_found_body_counts_one(nlp):
    assert _dead(nlp, "The body of a fisherman was found on the shore.") == [1]


def test_casualties_governing_body_is_no_victim(nlp):
    assert _dead(nlp, "Teachers protested outside the examination body in the capital.") == []


def test_casualties_abstract_object_is_no_victim(nlp):
    assert _dead(nlp, "The senators killed the bill in committee.") == []
    found = find_counts(nlp("The strike hurt the economy of the region."))
    assert [c for c in found if c.kind == "injured"] == []


def test_casualties_date_is_not_a_victim_count(nlp):
    assert _dead(nlp, "Around 14 June 2021 (as reported), 6 rebels were killed in a raid.") == [6]


def test_casualties_both_sides_add_up(nlp):
    assert _dead(nlp, "After the raid, 9 Tanzo fighters and 2 Kambaris were killed, and 6 Kambaris were injured.") == [11]


def test_casualties_bodies_of_people(nlp):
    assert _dead(nlp, "The bodies of 2 herders were found near the well.") == [2]


def test_casualties_telegraphic_list(nlp):
    assert _dead(nlp, "The sweep resulted in 14 bandits dead, 5 captured and 9 rifles recovered.") == [14]


def test_casualties_subject_of_left_dead_is_no_victim(nlp):
    assert _dead(nlp, "The sweep left 14 bandits dead and 5 captured.") == [14]


def test_casualties_body_not_found_is_no_count(nlp):
    assert _dead(nlp, "Villagers protested against the burial of the body of a patient in their cemetery.") == []


def test_casualties_range_of_victims_reads_lower_bound(nlp):
    assert _dead(nlp, "Between six and 14 migrants drowned when the boat capsized.") == [6]
