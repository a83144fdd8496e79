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
