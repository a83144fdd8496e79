"""The coding stage's rule tables, read once from ``dateline/ontology/data``.

Each table is a TSV whose leading ``#`` lines say what it holds and what each column means; the first
other line names the columns.
"""

from __future__ import annotations

from functools import cache

from ..ontology import table

__all__ = ["acled_subtype_rank", "cameo_group", "event_type_role", "plover_modes", "recoding", "table"]


def _sets(name: str) -> dict[str, frozenset[str]]:
    """A table's first column -> the space-separated entries of its second."""
    return {key: frozenset(values.split()) for key, values, *_ in (tuple(row.values()) for row in table(name))}


@cache
def cameo_group(group: str) -> frozenset[str]:
    """A group of CAMEO codes or roots of ``cameo_groups.tsv`` ("cooperative_roots": 03 ... 08)."""
    return _sets("cameo_groups")[group]


@cache
def plover_modes(event_type: str) -> frozenset[str]:
    """The PLOVER manual's modes of ``event_type`` (none for a type the manual gives no modes)."""
    return _sets("plover_modes").get(event_type, frozenset())


@cache
def recoding(kind: str) -> dict[str, str]:
    """One recoding of ``cameo_recodings.tsv`` ("intent", "refusal", ...): from-code -> to-code."""
    return {row["from"]: row["to"] for row in table("cameo_recodings") if row["recoding"] == kind}


@cache
def acled_subtype_rank(sub_event_type: str) -> tuple[int, bool]:
    """(specificity, part) of an ACLED sub-event type: ``acled_subtype_ranks.tsv``."""
    for row in table("acled_subtype_ranks"):
        if row["sub_event_type"] == sub_event_type:
            return int(row["specificity"]), row["part"] == "1"
    return 0, False


@cache
def event_type_role(event_type: str, role: str) -> bool:
    """Whether a PLOVER type has ``role`` ("violent", "hosts_parts") in ``event_type_roles.tsv``."""
    return any(row["event_type"] == event_type and row[role] == "1" for row in table("event_type_roles"))
