"""Event ontologies as data: CAMEO codes and Goldstein values, PLOVER types and quads, ACLED types.

The tables are facts (CAMEO 1.1b3 / ICEWS Goldstein values, the 2021 CAMEO->PLOVER crosswalk, ACLED's
2019+ typology), kept as TSV in ``ontology/data``. Two decisions of ours, recorded here:

* PLOVER REQUEST covers CAMEO 02x appeals as well as 10x demands (CONTRACT.md departs from the draft
  crosswalk, which drops 02x). CAMEO 01x statements have no PLOVER type and are never emitted as events.
* The quad class is that of the PLOVER type (manual's summary table: SANCTION is material conflict, 4).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = [
    "ACLED_TYPES",
    "PLOVER_QUAD",
    "PLOVER_TYPES",
    "CameoCode",
    "acled_event_type_of",
    "cameo",
    "cameo_codes",
    "goldstein",
    "plover_of",
    "quad_class",
]

PLOVER_QUAD: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "SANCTION": 4, "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip
PLOVER_TYPES = tuple(PLOVER_QUAD)

ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class CameoCode:
    code: str
    level: str
    name: str
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None


@cache
def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO code of the table, by code string ("190", "1123")."""
    path = resources.files(__package__) / "data" / "cameo.tsv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    table: dict[str, CameoCode] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        table[row["code"]] = CameoCode(
            code=row["code"],
            level=row["level"],
            name=row["name"],
            goldstein=float(row["goldstein"]),
            plover_type=row["plover_type"] or None,
            plover_mode=row["plover_mode"] or None,
            plover_context=row["plover_context"] or None,
        )
    return table


def cameo(code: str) -> CameoCode:
    """Look a code up; raises KeyError for codes CAMEO does not have."""
    return cameo_codes()[code]


def goldstein(code: str) -> float:
    return cameo(code).goldstein


def plover_of(code: str) -> tuple[str | None, str | None]:
    """PLOVER (type, mode) for a CAMEO code, with dateline's 02x -> REQUEST decision."""
    if code.startswith("02"):
        return "REQUEST", None
    entry = cameo(code)
    if entry.plover_type:
        return entry.plover_type, entry.plover_mode
    if code.startswith("08"):
        return "CONCEDE", None
    return None, None


def quad_class(plover_type: str) -> int:
    return PLOVER_QUAD[plover_type]


def acled_event_type_of(sub_event_type: str) -> str:
    for event_type, subs in ACLED_TYPES.items():
        if sub_event_type in subs:
            return event_type
    raise KeyError(sub_event_type)
