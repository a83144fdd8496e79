"""Durations as people write them for ``--every``: ``90``, ``90s``, ``15m``, ``2h``, ``1d``."""

from __future__ import annotations

import re

from ..errors import ConfigError

__all__ = ["seconds"]

_UNITS = "smhd"  # each unit's factor is the product of the ones before it
_FACTORS = (1, 60, 60 * 60, 24 * 60 * 60)
_DURATION = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*")


def seconds(text: str) -> float:
    """The number of seconds ``text`` says (a bare number is seconds).

    Raises:
        ConfigError: ``text`` is not a number with an optional unit s, m, h or d.
    """
    match = _DURATION.fullmatch(text)
    if not match:
        raise ConfigError(f"not a duration: {text!r} (write e.g. 90s, 15m, 2h or 1d)")
    number, unit = match.groups()
    return float(number) * _FACTORS[_UNITS.index(unit or "s")]
