"""Checks on the values users give to event queries (``dateline events``, the HTTP API)."""

from __future__ import annotations

from datetime import datetime

from ..errors import InputError

__all__ = ["check_date"]

_DATE_FORMATS = ((10, "%Y-%m-%d"), (7, "%Y-%m"), (4, "%Y"))


def check_date(name: str, value: str) -> str:
    """``value`` unchanged when it is a day, month or year the store's dates compare with; else InputError."""
    for length, fmt in _DATE_FORMATS:
        if len(value) == length:
            try:
                datetime.strptime(value, fmt)
            except ValueError:
                break
            return value
    raise InputError(f"{name}={value!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")
