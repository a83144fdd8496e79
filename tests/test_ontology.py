from __future__ import annotations

import pytest

from dateline.ontology import (
    ACLED_TYPES,
    PLOVER_QUAD,
    acled_event_type_of,
    cameo,
    goldstein,
    plover_of,
    quad_class,
)


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


def test_plover_tables():
    from dateline import ontology

    assert ontology.plover_types()[:2] == ("AGREE", "CONSULT") and len(ontology.plover_types()) == 16
    assert ontology.quad_classes()[4] == "Material conflict"
    assert ontology.plover_modes("ACCUSE") == ("disapprove", "investigate", "allege")
    assert ontology.plover_modes("AGREE") == ()
    assert len(ontology.plover_contexts()) == 37 and "cbrn" in ontology.plover_contexts()
    assert ontology.plover_sectors()["COP"] == "police"


def test_acled_tables():
    from dateline import ontology

    assert tuple(ontology.acled_types()) == tuple(ACLED_TYPES)
    assert ontology.acled_disorder_type("Protests", "Excessive force against protesters") == (
        "Political violence; Demonstrations"
    )
    assert ontology.acled_disorder_type("Riots", "Mob violence") == "Political violence"
    assert ontology.acled_disorder_type("Riots") == "Demonstrations"
    assert ontology.acled_inter_codes()[8] == "External/Other Forces"
    assert ontology.acled_inter_of_sector("MIL") == 1 and ontology.acled_inter_of_sector("CVL") == 7
    assert ontology.acled_inter_of_sector("SOC") is None and ontology.acled_inter_of_sector(None) is None
    assert ontology.acled_time_precision("month") == 3 and ontology.acled_time_precision(None) is None
    assert ontology.acled_geo_precision("admin1") == 3
    assert ontology.acled_region("ARM") == "Central Asia and the Caucasus" and ontology.acled_region(None) == ""


def test_other_formats_codes_and_layouts():
    from dateline import ontology

    assert ontology.phoenix_quad_class("0211") == 0 and ontology.phoenix_quad_class("163") == 3
    assert ontology.plover_resolution("city") == 4
    assert ontology.gdelt_geo_type("admin1", usa=True) == 2 and ontology.gdelt_geo_type(None, usa=False) == 4
    assert len(ontology.columns("gdelt")) == 61 and len(ontology.columns("acled")) == 31
    assert len(ontology.columns("phoenix")) == 26
    assert ontology.column_kinds("events")["actor_names"] == "list"
    assert ontology.formats("extract") == ("jsonl", "json", "csv")


def test_every_table_says_what_it_holds():
    from importlib import resources

    folder = resources.files("dateline.ontology") / "data"
    files = [f for sub in (folder, folder / "columns") for f in sub.iterdir() if f.name.endswith(".tsv")]
    assert len(files) > 15
    for file in files:
        assert file.read_text(encoding="utf-8").startswith("#"), file.name
