"""Reading counts: number words, digits, ranges and ACLED's vague quantities."""

from __future__ import annotations

from dateline.extract.numbers import number_of, value_of_phrase


def test_numbers_words_and_digits():
    assert value_of_phrase("three") == 3
    assert value_of_phrase("2,500") == 2500
    assert value_of_phrase("twenty-five") == 25


def test_numbers_range_reads_lower_bound():
    assert value_of_phrase("20-25") == 20


def test_numbers_vague_quantities_follow_acled():
    assert value_of_phrase("dozens") == 12
    assert value_of_phrase("hundreds") == 100


def test_numbers_not_a_number():
    assert value_of_phrase("market") is None


def test_numbers_number_of_noun(nlp):
    doc = nlp("Seven farmers were wounded near the river.")
    farmers = next(t for t in doc if t.text == "farmers")
    assert number_of(farmers) == 7


def test_numbers_fallback_counts_conjuncts_without_number(nlp):
    doc = nlp("Gunmen killed the driver and two passengers.")
    driver = next(t for t in doc if t.text == "driver")
    assert number_of(driver) == 2
    assert number_of(driver, fallback=lambda t: 1) == 3


def test_numbers_skip_leaves_out_conjuncts(nlp):
    doc = nlp("Police detained 4 students and 3 teachers.")
    students = next(t for t in doc if t.text == "students")
    assert number_of(students) == 7
    assert number_of(students, skip=lambda t: t.text == "teachers") == 4


def test_numbers_hundred_and_fifty(nlp):
    doc = nlp("Two hundred and fifty people were evacuated.")
    people = next(t for t in doc if t.text == "people")
    assert number_of(people) == 250


def test_numbers_between_range_is_not_a_sum(nlp):
    doc = nlp("Between 5 and 23 people were evacuated.")
    people = next(t for t in doc if t.text == "people")
    assert number_of(people) == 5
