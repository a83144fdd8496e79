"""The one great-circle distance the stages share."""

from __future__ import annotations

import pytest

from dateline.distance import haversine_km


def test_haversine_km_same_point_is_zero():
    assert haversine_km(33.34, 44.40, 33.34, 44.40) == 0.0


def test_haversine_km_one_degree_of_latitude_is_about_111_km():
    assert haversine_km(0.0, 10.0, 1.0, 10.0) == pytest.approx(111.2, abs=0.1)


def test_haversine_km_across_the_antimeridian_takes_the_short_way():
    assert haversine_km(-17.8, 179.9, -17.8, -179.9) == pytest.approx(21.2, abs=0.2)
