"""dateline: political and conflict events from news text.

Library first: the CLI, the benchmarks and the Dask runner all call these functions.

    >>> from dateline import extract_text
    >>> document = extract_text("Police arrested 12 protesters in Dhaka on Monday.", published="2024-03-05")
    >>> [(e.event_type, e.cameo, e.date, e.arrested) for e in document.events]
    [('COERCE', '173', '2024-03-04', 12)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import (
    ConfigError,
    DatelineError,
    ExportError,
    ExtractionError,
    FetchError,
    InputError,
    MissingDependency,
    StoreError,
    UnsupportedInput,
)
from .models import (
    Article,
    Attribution,
    Document,
    Entity,
    Event,
    Failure,
    Mention,
    Modality,
    Place,
    Quantity,
    Quote,
    Removed,
    Span,
    Timex,
    Toponym,
)
from .version import __version__

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from datetime import date

__all__ = [
    "Article",
    "Attribution",
    "ConfigError",
    "DatelineError",
    "Document",
    "Entity",
    "Event",
    "ExportError",
    "ExtractionError",
    "Failure",
    "FetchError",
    "InputError",
    "Mention",
    "MissingDependency",
    "Modality",
    "Place",
    "Quantity",
    "Quote",
    "Removed",
    "Span",
    "StoreError",
    "Timex",
    "Toponym",
    "UnsupportedInput",
    "__version__",
    "extract_stream",
    "extract_text",
]


def extract_text(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    published: str | date | None = None,
    url: str | None = None,
) -> Document:
    """Events, quotes and time expressions of one text.

    Args:
        text: the article (wire metadata in it — headline, stamp, dateline — is read when the other
            arguments are not given).
        id: the document id (default: a stable hash of the text).
        published: a ``date``, a ``datetime`` (an aware one is read in UTC) or an ISO string: a UTC
            timestamp ("2020-12-21T04:08:00Z") or a local date ("2020-12-20").

    Raises:
        InputError: ``published`` of another type, or a string that is no date ("yesterday").

    Returns:
        The ``Document``: ``article`` (with metadata), ``events``, ``quotes``, ``timexes``.
    """
    from .extract import Extractor
    from .ingest import article_from_text
    from .pipeline import published_value

    article = article_from_text(text, id=id, title=title, published=published_value(published), url=url)
    return next(iter(Extractor().documents([article])))


def extract_stream(inputs: Iterable[str], *, workers: int = 1, progress: bool = False) -> Iterator[Document | Failure]:
    """Ingest paths/URLs/'-' and extract: one Document per article, one Failure per bad input, in order."""
    from .pipeline import extract_stream as _extract_stream

    return _extract_stream(inputs, workers=workers, progress=progress)
