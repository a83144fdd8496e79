"""Turning one text (with whatever metadata its input gave) into an ``Article``."""

from __future__ import annotations

import logging
from datetime import date

from ..models import Article
from .clean import clean_text, escape_name, has_invalid
from .failures import EMPTY, MALFORMED, TOO_LARGE, Refused
from .identity import content_id, normalised_fingerprint, url_id
from .language import detect_language, skip_reason
from .limits import DEFAULT_LIMITS, Limits
from .signature import article_signature
from .stamps import normalise_published
from .wire import WireInfo, read_wire

__all__ = ["build_article"]

log = logging.getLogger(__name__)


def build_article(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    published: str | None = None,
    guessed_published: str | None = None,
    date_header: str | None = None,
    url: str | None = None,
    source: str | None = None,
    outlet: str | None = None,
    id_bytes: bytes | None = None,
    infer_metadata: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> Article:
    """The article for ``text``. Given metadata wins; missing title/published are read from the text
    when ``infer_metadata`` (records that say ``null`` explicitly keep it).

    ``guessed_published`` (a date a page's markup suggested) is used only when the text itself has
    no publication stamp. A lead dated without a year ("BAGHDAD, Dec 20 (AFP) -") takes its year from
    the nearest clue: a stamp line elsewhere in the text, ``guessed_published``, else ``date_header``
    (the input's own date header, e.g. an archived response's ``Last-Modified``); with none, published
    stays None and the lead's month and day are kept as a ``dateline date`` removed piece.

    The id is the given one, else one from the canonical URL, else ``content_id(id_bytes or text)``.
    """
    if not text.strip():
        raise Refused("empty input", EMPTY)
    if len(text) > limits.max_text_chars:
        raise Refused(f"text is longer than the {limits.max_text_chars:,} character limit", TOO_LARGE)
    if id is not None and has_invalid(id):
        raise Refused("id holds a NUL or a lone surrogate (ids are passed through unchanged)", MALFORMED)
    text, invalid = clean_text(text)  # NUL and lone surrogates: replaced one for one, listed in removed
    title, url, outlet = (escape_name(v) if v is not None else None for v in (title, url, outlet))
    published = escape_name(published) if published is not None else None
    wire = read_wire(text, given_title=title, infer_title=infer_metadata and title is None)
    if title is None and infer_metadata:
        title = wire.title
    given_published, published = published, normalise_published(published)
    if given_published and given_published.strip() and published is None:
        log.warning("%s: published %r is not a readable date; read as null", source or id, given_published[:40])
    if published is None and infer_metadata:
        published = wire.published or _from_clues(wire, guessed_published, date_header)
    removed = list(wire.removed)
    if invalid:
        removed = sorted([*removed, *invalid], key=lambda r: r.span.start)
    if published is None and wire.lead_date is not None:
        removed = sorted([*removed, wire.lead_date.removed()], key=lambda r: r.span.start)
    if id is None:
        id = url_id(url) if url else content_id(id_bytes if id_bytes is not None else text.encode("utf-8"))
    body_text = wire.body.text if wire.body else text
    language = detect_language(body_text)
    return Article(
        id=id,
        text=text,
        title=title,
        outlet=outlet or wire.outlet,
        dateline=wire.dateline,
        published=published,
        url=url,
        language=language,
        body=wire.body,
        removed=tuple(removed),
        source=source,
        fingerprint=normalised_fingerprint(text),
        signature=article_signature(text),
        skip_reason=skip_reason(language),
    )


def _from_clues(wire: WireInfo, guessed_published: str | None, date_header: str | None) -> str | None:
    """A year-less lead dated by the first clue there is; else the markup's guessed date."""
    guessed = normalise_published(guessed_published)
    for clue in (wire.year_clue, _as_date(guessed), _as_date(normalise_published(date_header))):
        if clue is not None:
            dated = wire.lead_date_with_year(clue)
            if dated:
                return dated
    return guessed


def _as_date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None
