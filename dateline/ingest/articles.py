"""Turning one text (with whatever metadata its input gave) into an ``Article``."""

from __future__ import annotations

from ..models import Article
from .failures import EMPTY, TOO_LARGE, Refused
from .identity import content_id, normalised_fingerprint, url_id
from .language import detect_language, skip_reason
from .limits import DEFAULT_LIMITS, Limits
from .stamps import normalise_published
from .wire import read_wire

__all__ = ["build_article"]


def build_article(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    published: str | None = None,
    guessed_published: str | None = None,
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
    no publication stamp. The id is the given one, else one from the canonical URL, else
    ``content_id(id_bytes or text)``.
    """
    if not text.strip():
        raise Refused("empty input", EMPTY)
    if len(text) > limits.max_text_chars:
        raise Refused(f"text is longer than the {limits.max_text_chars:,} character limit", TOO_LARGE)
    wire = read_wire(text, given_title=title, infer_title=infer_metadata and title is None)
    if title is None and infer_metadata:
        title = wire.title
    published = normalise_published(published)
    if published is None and infer_metadata:
        published = wire.published or normalise_published(guessed_published)
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
        removed=tuple(wire.removed),
        source=source,
        fingerprint=normalised_fingerprint(text),
        skip_reason=skip_reason(language),
    )
