"""Query filter values: dates as the store compares them."""

from __future__ import annotations

import pytest

from dateline.errors import InputError
from dateline.store.filters import check_date


@pytest.mark.parametrize("value", ["2020-12-20", "2020-12", "2020"])
def test_check_date_accepts_day_month_and_year(value):
    assert check_date("since", value) == value


@pytest.mark.parametrize("value", ["2020-13", "2020-02-30", "20-12-2020", "yesterday", ""])
def test_check_date_refuses_what_is_no_date_and_names_the_filter(value):
    with pytest.raises(InputError, match="since="):
        check_date("since", value)
