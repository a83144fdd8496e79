"""Event ontologies as data: CAMEO, PLOVER, ACLED, quad classes and the column layouts of the exports.

Every table is a TSV file in ``ontology/data`` whose ``#`` header says what it holds and where its rows
came from (/work/shared/ONTOLOGIES.md documents the standards); this module reads each file once and
answers typed questions::

    from dateline import ontology

    ontology.cameo("190").name            # "Use conventional military force"
    ontology.goldstein("194")             # -10.0
    ontology.plover_of("1123")            # ("ACCUSE", "allege")
    ontology.plover_types()               # ("AGREE", "CONSULT", ...), the manual's order
    ontology.quad_class("ASSAULT")        # 4
    ontology.acled_types()                # {"Battles": ("Armed clash", ...), ...}
    ontology.columns("gdelt")             # the 61 GDELT column names
    ontology.table("cameo_compatible_roots")  # any other table of the folder, as rows

Two decisions of ours, recorded here:

* PLOVER REQUEST covers CAMEO 02x appeals as well as 10x demands (CONTRACT.md departs from the draft
  crosswalk, which drops 02x). CAMEO 01x statements have no PLOVER type and are never emitted as events.
* The quad class is that of the PLOVER type (manual's summary table: SANCTION is material conflict, 4).
  GDELT's QuadClass (``gdelt_quad_class``) is that of the CAMEO root instead (01-05 1, 06-08 2, 09-13 3,
  14-20 4), which is what the gdelt export writes: the two differ for appeals (02, PLOVER REQUEST: 3 vs 1),
  investigations (09, ACCUSE) and a few others.
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
    "AcledActor",
    "acled_actor",
    "acled_actor_kind",
    "acled_day",
    "acled_disorder_type",
    "acled_event_type_of",
    "acled_geo_precision",
    "acled_inter_codes",
    "acled_inter_of_sector",
    "acled_region",
    "acled_regions",
    "acled_time_precision",
    "acled_types",
    "cameo",
    "cameo_codes",
    "column_kinds",
    "columns",
    "formats",
    "gdelt_geo_type",
    "gdelt_quad_class",
    "goldstein",
    "phoenix_agents",
    "phoenix_quad_class",
    "plover_contexts",
    "plover_modes",
    "plover_of",
    "plover_resolution",
    "plover_sectors",
    "plover_types",
    "quad_class",
    "quad_classes",
    "standard_modalities",
    "table",
]

_DATA = resources.files(__package__) / "data"
_DEFAULT_DISORDER = "Political violence"  # ACLED's disorder type of an event type the tables lack


# --- the reader ---------------------------------------------------------------------------------


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``ontology/data/NAME.tsv`` (``columns/gdelt`` for a subfolder), each a dict keyed by
    the first line that is not a ``#`` comment."""
    path = _DATA.joinpath(*f"{name}.tsv".split("/"))
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, restval=""))


def _column(name: str, column: str) -> tuple[str, ...]:
    return tuple(row[column] for row in table(name))


@cache
def _mapping(name: str, key: str, value: str) -> dict[str, str]:
    """Column ``key`` -> column ``value`` of a table, blank values left out (shared: do not mutate)."""
    return {row[key]: row[value] for row in table(name) if row[value]}


def _int_or_none(name: str, key: str, value: str, wanted: str | None) -> int | None:
    found = _mapping(name, key, value).get(wanted or "")
    return None if found is None else int(found)


# --- CAMEO --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class CameoCode:
    code: str
    level: str
    name: str
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None


def _cameo_code(row: dict[str, str]) -> CameoCode:
    return CameoCode(
        code=row["code"],
        level=row["level"],
        name=row["name"],
        goldstein=float(row["goldstein"]),
        plover_type=row["plover_type"] or None,
        plover_mode=row["plover_mode"] or None,
        plover_context=row["plover_context"] or None,
    )


@cache
def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO code of the table, by code string ("190", "1123")."""
    return {entry.code: entry for entry in map(_cameo_code, table("cameo"))}


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


@cache
def _phoenix_quads() -> dict[str, int]:
    return {root: int(quad) for root, quad in _mapping("phoenix_quad_classes", "cameo_root", "quad_class").items()}


def phoenix_quad_class(code: str) -> int | None:
    """Phoenix's quad class (0 neutral .. 4) of a CAMEO code, by its root; None for an unknown root."""
    return _phoenix_quads().get(code[:2])


@cache
def _gdelt_quads() -> dict[str, int]:
    return {root: int(quad) for root, quad in _mapping("gdelt_quad_classes", "cameo_root", "quad_class").items()}


def gdelt_quad_class(code: str) -> int | None:
    """GDELT's QuadClass (1-4) of a CAMEO code, by its root; None for an unknown root."""
    return _gdelt_quads().get(code[:2])


def phoenix_agents() -> tuple[str, ...]:
    """The sector codes Phoenix reads as an actor code's primary agent (characters 4-6)."""
    return _column("phoenix_agents", "agent")


# --- PLOVER -------------------------------------------------------------------------------------


@cache
def _plover_quads() -> dict[str, int]:
    return {kind: int(quad) for kind, quad in _mapping("plover_types", "type", "quad_class").items()}


def plover_types() -> tuple[str, ...]:
    """The 16 PLOVER event types, in the manual's order (cooperation first)."""
    return tuple(_plover_quads())


def quad_class(plover_type: str) -> int:
    """The quad class (1-4) of a PLOVER type; raises KeyError for other names."""
    return _plover_quads()[plover_type]


@cache
def quad_classes() -> dict[int, str]:
    """Quad class number -> label ("Verbal cooperation" ...)."""
    return {int(number): name for number, name in _mapping("quad_classes", "quad_class", "name").items()}


@cache
def plover_modes(plover_type: str) -> tuple[str, ...]:
    """The modes the PLOVER manual defines for a type (empty for types without modes)."""
    return tuple(_mapping("plover_modes", "event_type", "modes").get(plover_type, "").split())


def plover_contexts() -> tuple[str, ...]:
    """The 37 PLOVER contexts, in the manual's order."""
    return _column("plover_contexts", "context")


def plover_sectors() -> dict[str, str]:
    """PLOVER actor sector code -> what it covers ("COP" -> "police")."""
    return _mapping("plover_sectors", "sector", "name")


# --- ACLED --------------------------------------------------------------------------------------


@cache
def acled_types() -> dict[str, tuple[str, ...]]:
    """ACLED event type -> its sub-event types, in ACLED's order."""
    types: dict[str, tuple[str, ...]] = {kind: () for kind in _column("acled_event_types", "event_type")}
    for row in table("acled_sub_event_types"):
        types[row["event_type"]] += (row["sub_event_type"],)
    return types


@cache
def _event_type_of_sub() -> dict[str, str]:
    return _mapping("acled_sub_event_types", "sub_event_type", "event_type")


def acled_event_type_of(sub_event_type: str) -> str:
    """The ACLED event type of a sub-event type; raises KeyError for other names."""
    return _event_type_of_sub()[sub_event_type]


def acled_disorder_type(event_type: str | None, sub_event_type: str | None = None) -> str:
    """ACLED's disorder type: that of the sub-event type when it is known (excessive force against
    protesters is both political violence and a demonstration), else that of the event type."""
    by_sub = _disorder_types("acled_sub_event_types", "sub_event_type")
    if sub_event_type in by_sub:
        return by_sub[sub_event_type]
    return _disorder_types("acled_event_types", "event_type").get(event_type or "", _DEFAULT_DISORDER)


def _disorder_types(name: str, key: str) -> dict[str, str]:
    return _mapping(name, key, "disorder_type")


@cache
def acled_inter_codes() -> dict[int, str]:
    """ACLED actor category code (inter1/inter2) -> name (1 "State Forces" .. 8 "External/Other Forces")."""
    return {int(code): name for code, name in _mapping("acled_inter_codes", "inter", "name").items()}


@dataclass(frozen=True, slots=True, kw_only=True)
class AcledActor:
    """An ACLED actor category as the acled export names it (a row of ``acled_actors.tsv``)."""

    kind: str
    inter: int
    template: str  # "Military Forces of {country}", "{name}"
    by_name: bool  # a group ACLED knows by name keeps its name
    fallback: str | None  # the kind naming an actor of this kind that has no such name


@cache
def _acled_actors() -> dict[str, AcledActor]:
    return {
        row["kind"]: AcledActor(kind=row["kind"], inter=int(row["inter"]), template=row["template"],
                                by_name=row["by_name"] == "yes", fallback=row["fallback"] or None)
        for row in table("acled_actors")
    }  # fmt: skip


def acled_actor(kind: str) -> AcledActor:
    """An ACLED actor category by kind ("state_police", "protesters", ...); KeyError for other names."""
    return _acled_actors()[kind]


def acled_actor_kind(sector: str | None) -> str | None:
    """The ACLED actor category (kind) of an actor of this PLOVER sector, None when the sector does not say."""
    return _mapping("plover_sectors", "sector", "acled_actor").get(sector or "")


def acled_inter_of_sector(sector: str | None) -> int | None:
    """The ACLED actor category code of an actor of this PLOVER sector, None when the sector alone does not say."""
    kind = acled_actor_kind(sector)
    return None if kind is None else acled_actor(kind).inter


def acled_time_precision(date_precision: str | None) -> int | None:
    """ACLED's time_precision of a date precision ("day" -> 1), None when ACLED cannot date it (a year)."""
    return _int_or_none("date_precisions", "precision", "acled_time_precision", date_precision)


def acled_day(date_precision: str | None) -> int | None:
    """The day of the month ACLED's event_date takes for a date of this precision (month -> 15), None
    when the event's own day is used."""
    return _int_or_none("date_precisions", "precision", "acled_day", date_precision)


def acled_geo_precision(resolution: str | None) -> int | None:
    """ACLED's geo_precision of a place resolution ("city" -> 1), None when unknown."""
    return _int_or_none("place_resolutions", "resolution", "acled_geo_precision", resolution)


def acled_regions() -> dict[str, str]:
    """ISO3 country code -> ACLED region (UN M49 subregions with ACLED's departures)."""
    return _mapping("acled_regions", "iso3", "acled_region")


def acled_region(iso3: str | None) -> str:
    """ACLED's region of a country (ISO3), or "" when unknown."""
    return acled_regions().get(iso3 or "", "")


@cache
def standard_modalities() -> frozenset[str]:
    """The modalities the standard exports (and the default event listing) hold: reported as having
    happened (asserted, alleged, historical)."""
    return frozenset(row["modality"] for row in table("modalities") if row["standard"] == "yes")


# --- other formats' codes -----------------------------------------------------------------------


def plover_resolution(resolution: str | None) -> int | None:
    """PLOVER's location resolution (5 sub-city .. 1 country) of a place resolution, None when unknown."""
    return _int_or_none("place_resolutions", "resolution", "plover_resolution", resolution)


def gdelt_geo_type(resolution: str | None, *, usa: bool) -> int:
    """GDELT's Geo_Type of a place: 1 country, 2 US state, 3 US city, 4 world city, 5 first-level unit
    outside the US. A place of unknown resolution counts as a town."""
    column = "gdelt_geo_type_usa" if usa else "gdelt_geo_type"
    by_resolution = _mapping("place_resolutions", "resolution", column)
    return int(by_resolution.get(resolution or "", by_resolution["city"]))


def columns(layout: str) -> tuple[str, ...]:
    """The column names of an output layout, in order: ``gdelt``, ``phoenix``, ``acled``, ``plover``,
    ``events`` (csv, parquet, GeoJSON), ``extract_csv``, ``mentions``."""
    return _column(f"columns/{layout}", "column")


def column_kinds(layout: str) -> dict[str, str]:
    """Column -> kind (string, int, float, list, json) of a layout that types its columns (``events``)."""
    return _mapping(f"columns/{layout}", "column", "kind")


def formats(command: str) -> tuple[str, ...]:
    """The output format names of a command (``extract`` or ``export``), in the order it lists them."""
    return tuple(row["format"] for row in table("formats") if row["command"] == command)


# Names of the first version, kept for their importers (copies: mutating them changes no table).
PLOVER_QUAD: dict[str, int] = dict(_plover_quads())
PLOVER_TYPES: tuple[str, ...] = plover_types()
ACLED_TYPES: dict[str, tuple[str, ...]] = dict(acled_types())
