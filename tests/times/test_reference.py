from __future__ import annotations

import datetime as dt

import pytest

from dateline.errors import InputError
from dateline.times import Reference, reference_time, zone_for_place


def test_reference_time_reads_utc_stamp_at_the_dateline():
    reference = reference_time("2020-12-21T04:08:00Z", dateline="Washington DC")
    assert reference.zone == "America/New_York"
    assert reference.date == dt.date(2020, 12, 20)
    assert reference.date.isoweekday() == 7  # Sunday in New York, Monday in UTC
    assert (reference.moment.hour, reference.moment.minute) == (23, 8)


def test_reference_time_bare_date_is_never_shifted():
    reference = reference_time("1998-01-08", dateline="Honolulu")
    assert reference == Reference(date=dt.date(1998, 1, 8), moment=None, zone=None)


def test_reference_time_none_or_empty_gives_no_date():
    assert reference_time(None).date is None
    assert reference_time("  ", dateline="Paris").date is None


def test_reference_time_without_dateline_uses_outlet_country_then_utc():
    late_evening_utc = "2020-12-21T20:00:00Z"
    assert reference_time(late_evening_utc, outlet="ANI").date == dt.date(2020, 12, 22)  # India, UTC+5:30
    assert reference_time(late_evening_utc).date == dt.date(2020, 12, 21)
    assert reference_time(late_evening_utc).zone == "UTC"


def test_reference_time_offset_stamp_converts_to_the_place():
    reference = reference_time("2020-12-21T01:00:00+01:00", dateline="Tokyo")
    assert reference.zone == "Asia/Tokyo"
    assert reference.date == dt.date(2020, 12, 21)
    assert reference.moment.hour == 9


def test_reference_time_accepts_feed_style_stamps():
    reference = reference_time("Mon, 21 Dec 2020 04:08:00 GMT", dateline="Washington DC")
    assert reference.date == dt.date(2020, 12, 20)


def test_reference_time_rejects_unreadable_published():
    with pytest.raises(InputError, match="neither a date"):
        reference_time("last Tuesday")
    with pytest.raises(InputError, match="not a valid date"):
        reference_time("2020-02-30")


@pytest.mark.parametrize(
    ("place", "zone"),
    [
        ("Washington DC", "America/New_York"),
        ("WASHINGTON (AP) _", "America/New_York"),
        ("NAIROBI, Kenya", "Africa/Nairobi"),
        ("Kenya", "Africa/Nairobi"),
        ("New Delhi", "Asia/Kolkata"),
        ("Tbilisi, Georgia", "Asia/Tbilisi"),
    ],
)
def test_zone_for_place_finds_city_or_capital(place, zone):
    assert zone_for_place(place) == zone


def test_zone_for_place_unknown_is_none():
    assert zone_for_place("Qwzxville") is None
