from __future__ import annotations

import pytest

from dateline.ontology import ACLED_TYPES, PLOVER_QUAD, acled_event_type_of, cameo, goldstein, plover_of, quad_class


def test_cameo_table_has_every_code_with_goldstein():
    assert cameo("190").name == "Use conventional military force"
    assert goldstein("194") == -10.0
    assert goldstein("111") == -2.0
    with pytest.raises(KeyError):
        cameo("999")


def test_plover_crosswalk_with_appeals_as_request():
    assert plover_of("1123") == ("ACCUSE", "allege")
    assert plover_of("020")[0] == "REQUEST"  # the contract departs from the draft crosswalk here
    assert plover_of("0213")[0] == "REQUEST"
    assert plover_of("010") == (None, None)  # statements have no PLOVER type
    assert plover_of("1313") == ("THREATEN", "relations")
    assert plover_of("194")[0] == "ASSAULT"


def test_quads_follow_the_plover_type():
    assert quad_class("ASSAULT") == 4 and quad_class("REQUEST") == 3 and quad_class("AID") == 2
    assert quad_class("SANCTION") == 4
    assert len(PLOVER_QUAD) == 16


def test_acled_sub_types_know_their_type():
    assert acled_event_type_of("Shelling/artillery/missile attack") == "Explosions/Remote violence"
    assert acled_event_type_of("Peaceful protest") == "Protests"
    assert sum(len(v) for v in ACLED_TYPES.values()) == 25
