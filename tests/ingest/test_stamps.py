from __future__ import annotations

import pytest

from dateline.ingest.stamps import find_stamp, normalise_published


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("Updated: 21-12-2020 09:38 IST", "IND", "2020-12-21T04:08:00Z"),
        ("Updated: 14-07-2021 10:15 IST", "IRL", "2021-07-14T09:15:00Z"),
        ("Updated: 14-07-2021 10:15 IST", "ISR", "2021-07-14T08:15:00Z"),
        ("Published: Dec. 21, 2020 4:08 a.m. ET", None, "2020-12-21T09:08:00Z"),
        ("July 4, 2021 8 p.m. PT", None, "2021-07-05T03:00:00Z"),
        ("Mon 21 Dec 2020 09.38 GMT", None, "2020-12-21T09:38:00Z"),
        ("21 December 2020 14:02 UTC+3", None, "2020-12-21T11:02:00Z"),
        ("2020-12-21T09:38:00+05:30", None, "2020-12-21T04:08:00Z"),
        ("Posted 10:30 PKT, 3 March 2021", None, "2021-03-03T05:30:00Z"),
        ("12 March 2021 10:00 PST", "PAK", "2021-03-12T05:00:00Z"),
        ("12 March 2021 10:00 CST", "CHN", "2021-03-12T02:00:00Z"),
    ],
)
def test_find_stamp_converts_zoned_times_to_utc(text, country, expected):
    assert find_stamp(text, country=country).value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("December 10, 2013", "2013-12-10"),
        ("This story is from March 10, 2002", "2002-03-10"),
        ("21 Dec 2020 23:30", "2020-12-21"),  # a time without a zone keeps the local date
        ("21 Dec 2020 23:30 XYZ", "2020-12-21"),
    ],
)
def test_find_stamp_keeps_local_dates_unshifted(text, expected):
    assert find_stamp(text).value == expected


def test_find_stamp_reads_ambiguous_numeric_dates_by_country():
    assert find_stamp("05/06/2020", country="USA").value == "2020-05-06"
    assert find_stamp("05/06/2020", country="GBR").value == "2020-06-05"
    assert find_stamp("13/06/2020", country="USA").value == "2020-06-13"


def test_find_stamp_needs_a_year_and_a_day():
    assert find_stamp("on Sunday") is None
    assert find_stamp("Dec 20") is None
    assert find_stamp("December 2020") is None


def test_normalise_published_keeps_contract_forms_and_converts_offsets():
    assert normalise_published("1998-01-08") == "1998-01-08"
    assert normalise_published("2020-12-21T04:08:00Z") == "2020-12-21T04:08:00Z"
    assert normalise_published("2020-12-21T09:38:00+05:30") == "2020-12-21T04:08:00Z"
    assert normalise_published("not a date") is None
    assert normalise_published(None) is None
