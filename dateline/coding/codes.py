"""The codes of one event mention: what the coding stage hands to assembly."""

from __future__ import annotations

from dataclasses import dataclass

from ..ontology import goldstein, quad_class
from .tables import acled_subtype_rank, event_type_role

__all__ = ["Coding"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Coding:
    cameo: str
    event_type: str  # PLOVER type
    mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    weapon: str | None = None
    weapon_strength: int = 0  # 2 a named weapon, 1 an unspecified explosion, 0 none

    @property
    def goldstein(self) -> float:
        return goldstein(self.cameo)

    @property
    def quad_class(self) -> int:
        return quad_class(self.event_type)

    @property
    def is_violent(self) -> bool:
        """An event with victims or casualties (assault, coercion, protest): counts attach to it."""
        return event_type_role(self.event_type, "violent")

    @property
    def hosts_parts(self) -> bool:
        """Looting, arrests or weapons seized nearby are parts of this event (an attack, a protest)."""
        return event_type_role(self.event_type, "hosts_parts")

    @property
    def is_part(self) -> bool:
        """The event is a part of a larger happening told nearby (houses burned in an attack)."""
        return acled_subtype_rank(self.acled_sub_event_type or "")[1]

    @property
    def specificity(self) -> int:
        """How much the ACLED sub-type says: the mention that says most names a merged event."""
        return acled_subtype_rank(self.acled_sub_event_type or "")[0]
