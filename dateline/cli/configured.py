"""What the commands take from the active settings (``dateline --config``, ``DATELINE_*``, ``--set``)."""

from __future__ import annotations

from .. import settings
from ..ingest.limits import Limits

__all__ = ["ingest_limits", "workers"]


def ingest_limits() -> Limits:
    """The ``[limits]`` section as the ``Limits`` ingestion enforces."""
    return Limits(**settings.current().limits.model_dump())


def workers(given: int | None) -> int:
    """``--workers`` when given, else ``run.workers``."""
    return given if given is not None else settings.current().run.workers

