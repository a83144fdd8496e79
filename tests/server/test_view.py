"""The dashboard's aggregates over hand-made events: order, facets, timeline bins, GeoJSON."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest

from dateline.server.filters import Selection, selection
from dateline.server.view import (
    Bin,
    Count,
    Sources,
    View,
    facet_counts,
    geojson,
    newest_first,
    timeline,
    totals,
)
from dateline.store import StoredEvent


def _event(event_id: str, **values) -> StoredEvent:
    row = {f.name: None for f in fields(StoredEvent)}
    row.update(
        id=event_id,
        event_type="ASSAULT",
        cameo="190",
        quad_class=4,
        goldstein=-10.0,
        modality="asserted",
        confidence=0.9,
        n_mentions=1,
        n_articles=1,
        first_mention_id="m" + event_id,
    )
    row.update({k: json.dumps(v) if isinstance(v, list) else v for k, v in values.items()})
    return StoredEvent.from_row(row)


def _view(*events: StoredEvent, outlets=None) -> View:
    return View(events=tuple(newest_first(events)), sources=Sources(outlets=outlets or {}))


def test_newest_first_puts_later_dates_first_and_undated_last():
    events = [_event("a", date="1935", date_precision="year"), _event("b"),
              _event("c", date="2026-03-14", date_precision="day"),
              _event("d", date="2026-04", date_precision="month"),
              _event("e", date="2026-03-14", date_precision="day", last_seen="2026-03-15T10:00:00Z")]  # fmt: skip
    assert [e.id for e in newest_first(events)] == ["d", "e", "c", "a", "b"]


def test_timeline_bins_days_and_weeks_and_counts_coarse_dates_apart():
    events = [_event("a", date="2026-03-02", date_precision="day", dead=2),  # a Monday
              _event("b", date="2026-03-08", date_precision="day", dead=1),  # the Sunday after
              _event("c", date="2026-03-10", date_precision="day"),
              _event("d", date="2026-03", date_precision="month"), _event("e")]  # fmt: skip
    daily = timeline(events, Bin.DAY)
    assert len(daily["bins"]) == 9 and daily["coarse"] == 1 and daily["undated"] == 1
    assert [b["count"] for b in daily["bins"]] == [1, 0, 0, 0, 0, 0, 1, 0, 1]
    weekly = timeline(events, Bin.WEEK)
    assert [(b["start"], b["end"], b["count"], b["dead"]) for b in weekly["bins"]] == [
        ("2026-03-02", "2026-03-08", 2, 3), ("2026-03-09", "2026-03-15", 1, 0)
    ]  # fmt: skip
    assert timeline(events)["bin"] == "day"  # auto: nine days
    far = [*events, _event("f", date="2027-01-01", date_precision="day")]
    assert timeline(far)["bin"] == "week"
    assert timeline([_event("g")]) == {"bin": "day", "bins": [], "coarse": 0, "undated": 1}


def test_facets_totals_and_confidence_at_least():
    view = _view(
        _event(
            "a", country_code="IRQ", confidence=0.95, dead=3, actor=[{"name": "police"}], lat=1.0, lon=2.0
        ),
        _event(
            "b", country_code="IRQ", confidence=0.72, event_type="PROTEST", recipient=[{"text": "police"}]
        ),
        _event("c", confidence=0.5, modality="negated"),
        outlets={"a": frozenset({"Wirefeed"}), "b": frozenset({"Wirefeed", "Global Press"})},
    )
    facets = facet_counts(view)
    assert facets["type"] == [Count("ASSAULT", 2), Count("PROTEST", 1)]
    assert facets["country"][0] == Count("IRQ", 2)
    assert facets["actor"] == [Count("police", 2)]
    assert facets["outlet"] == [Count("Wirefeed", 2), Count("Global Press", 1)]
    assert facets["confidence"] == [Count("0.9", 1), Count("0.7", 2),
                                    Count("0.5", 3)]  # fmt: skip
    assert totals(view)["dead"] == 3 and totals(view)["located"] == 1 and totals(view)["undated"] == 3


def test_geojson_keeps_unlocated_events_with_null_geometry():
    collection = geojson(_view(_event("a", lat=36.3, lon=43.1, date="2026-03-14"), _event("b")))
    assert [(f["id"], f["geometry"]) for f in collection["features"]] == [
        ("a", {"type": "Point", "coordinates": [43.1, 36.3]}), ("b", None)
    ]  # fmt: skip


def test_selection_checks_values_and_keeps_the_place_country():
    chosen = selection({"type": "protest", "country": "ken", "confidence": "0.7", "modality": "ALLEGED"})
    assert chosen.store == {"event_type": "PROTEST", "country": "KEN"}
    assert (chosen.place_country, chosen.min_confidence, chosen.modality) == ("KEN", 0.7, "alleged")
    assert selection({"type": " ", "outlet": ""}) == Selection()
    kenyan_actor = _event("a", country_code="UGA")
    assert not chosen.keeps(kenyan_actor)
    from dateline.errors import InputError

    with pytest.raises(InputError, match="PLOVER"):
        selection({"type": "BOMBING"})


def test_near_leaves_out_events_placed_only_at_a_country_centroid():
    chosen = selection({"near": "33.31,44.36,150"})  # Baghdad
    assert chosen.keeps(_event("a", resolution="city", country_code="IRQ"))
    assert not chosen.keeps(_event("b", resolution="country", country_code="IRQ"))
    assert selection({}).keeps(_event("c", resolution="country"))
