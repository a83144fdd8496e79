"""Checks on the values users give to event queries (``dateline events``, the HTTP API)."""

from __future__ import annotations

import re
from datetime import datetime

from ..errors import InputError

__all__ = ["check_date"]

# A day, a month or a year: the store's dates compare with these as strings.
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def check_date(name: str, value: str) -> str:
    """``value`` unchanged when it is a day, month or year the store's dates compare with; else InputError."""
    if _DATE.fullmatch(value):
        try:
            datetime.strptime(value, "-".join(("%Y", "%m", "%d")[: value.count("-") + 1]))
        except ValueError:
            pass
        else:
            return value
    raise InputError(f"{name}={value!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")
