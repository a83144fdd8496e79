"""HTML pages to articles: trafilatura's main text and metadata, wire rules for what it misses."""

from __future__ import annotations

import json
import logging
import re

from ..models import Article
from .articles import build_article
from .failures import NO_TEXT, UNSAFE, Refused
from .formats import entries, word_set
from .limits import Limits
from .stamps import find_stamp

__all__ = ["fragment_text", "html_article", "refuse_entities"]

log = logging.getLogger(__name__)


class _QuietDiscards(logging.Filter):
    """trafilatura warns "discarding data" for every page without main text; dateline reports those
    pages as failures itself, so the warning is only noise on stderr."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("discarding data")


logging.getLogger("trafilatura.core").addFilter(_QuietDiscards())

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)
_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_PUBLISHED_KEYS = word_set("html", "published_meta_keys")
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_BLOCK_TAGS = entries("html", "block_tags")


def refuse_entities(data: bytes) -> None:
    """Refuse XML/HTML that declares entities: expansion (billion laughs, XXE) is never attempted."""
    if _ENTITY_DECLARATION.search(data):
        raise Refused("XML entity declarations are not allowed", UNSAFE)


def html_article(
    html: str,
    *,
    url: str | None,
    source: str,
    id_bytes: bytes,
    limits: Limits,
    date_header: str | None = None,
) -> Article:
    """The article of one HTML page; raises ``Refused`` when the page has no main text."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            deduplicate=False,
            fast=_deeply_nested(html),
        )
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        log.debug("trafilatura failed on %s: %r", source, exc)
        document = None
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        text = fragment_text(html)
        document = None
    if not text.strip():
        raise Refused("no main text found in the HTML page", NO_TEXT)
    page_url = (getattr(document, "url", None) or url) if document is not None else url
    # A timed meta tag is the page's own statement; trafilatura's date is a guess (it may come from the
    # URL or the text), so a stamp printed in the text wins over it.
    published = _published_time(html)
    guessed = getattr(document, "date", None) if document is not None else None
    return build_article(
        text,
        title=getattr(document, "title", None) if document is not None else None,
        published=published,
        guessed_published=guessed,
        date_header=date_header,
        url=page_url,
        source=source,
        outlet=getattr(document, "sitename", None) if document is not None else None,
        id_bytes=id_bytes,
        limits=limits,
    )


_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
# Void elements never close; these others often go unclosed in real pages: neither counts as nesting.
_VOID = word_set("html", "unclosed_tags")
_MAX_SANE_DEPTH = 200


def _deeply_nested(html: str) -> bool:
    """Pages nested absurdly deep (real ones stay under ~60 levels) make trafilatura's fallback
    extractors quadratic; those pages get its fast mode, which skips the fallbacks."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if closing:
            depth = max(depth - 1, 0)
        elif not self_closing and name.lower() not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
            if deepest > _MAX_SANE_DEPTH:
                return True
    return False


def _published_time(html: str) -> str | None:
    """A publication time with its offset, from meta tags or JSON-LD (trafilatura keeps only the date)."""
    head = html[:200_000]
    for tag in _META_TAG.findall(head):
        attributes = {
            m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or "" for m in _ATTRIBUTE.finditer(tag)
        }
        named = (attributes[k] for k in entries("html", "meta_key_attributes") if attributes.get(k))
        key = next(named, "").lower()
        if key in _PUBLISHED_KEYS and attributes.get("content"):
            stamp = find_stamp(attributes["content"])
            if stamp and stamp.has_time and stamp.value.endswith("Z"):
                return stamp.value
    match = _JSON_LD_DATE.search(head)
    if match:
        try:
            stamp = find_stamp(json.loads(f'"{match.group(1)}"'))
        except ValueError:
            stamp = None
        if stamp and stamp.has_time and stamp.value.endswith("Z"):
            return stamp.value
    return None


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed summary), one line per block element."""
    import lxml.html
    from lxml import etree

    if not html.strip():
        return ""
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", html).strip()
    for element in list(root.iter("script", "style", "noscript")):
        element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
