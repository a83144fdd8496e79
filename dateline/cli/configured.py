"""What the commands take from the active settings (``dateline --config``, ``DATELINE_*``, ``--set``)."""

from __future__ import annotations

from .. import settings
from ..ingest.limits import Limits
from ..settings import Settings

__all__ = ["ingest_limits", "stored_settings", "workers"]


def ingest_limits() -> Limits:
    """The ``[limits]`` section as the ``Limits`` ingestion enforces."""
    return Limits(**settings.current().limits.model_dump())


def workers(given: int | None) -> int:
    """``--workers`` when given, else ``run.workers``."""
    return given if given is not None else settings.current().run.workers



def stored_settings(no_text: bool) -> Settings:
    """The active settings for a command that stores articles; ``--no-text`` turns ``store.keep_text`` off."""
    active = settings.current()
    if not no_text:
        return active
    return active.model_copy(update={"store": active.store.model_copy(update={"keep_text": False})})
