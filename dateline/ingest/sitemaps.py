"""Sitemaps (sitemaps.org): the page URLs of a ``<urlset>`` and the child sitemaps of a ``<sitemapindex>``."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass

from .failures import MALFORMED, Refused

__all__ = ["Sitemap", "is_sitemap", "read_sitemap"]

_HEAD = 2048
_URLSET = "urlset"
_INDEX = "sitemapindex"


@dataclass(frozen=True, slots=True)
class Sitemap:
    """``pages``: (URL, lastmod or None) in document order; ``children``: the sitemaps an index lists."""

    pages: list[tuple[str, str | None]]
    children: list[str]


def is_sitemap(data: bytes) -> bool:
    """Whether ``data`` starts like a sitemap or a sitemap index (rather than a feed)."""
    head = data[:_HEAD].decode("utf-8", errors="replace")
    return f"<{_URLSET}" in head or f"<{_INDEX}" in head


def read_sitemap(data: bytes) -> Sitemap:
    """The URLs of the sitemap ``data``.

    Raises:
        Refused: not well-formed XML, or not a sitemap.
    """
    try:
        root = ElementTree.fromstring(data)  # expat refuses entity expansion bombs (Python >= 3.9)
    except ElementTree.ParseError as exc:
        raise Refused(f"malformed sitemap: {exc}", MALFORMED) from None
    kind = _local(root.tag)
    if kind != _URLSET and kind != _INDEX:
        raise Refused(f"not a sitemap: the root element is <{kind}>", MALFORMED)
    entries = [_entry(child) for child in root]
    located = [(loc, lastmod) for loc, lastmod in entries if loc]
    if kind == _INDEX:
        return Sitemap(pages=[], children=[loc for loc, _ in located])
    return Sitemap(pages=located, children=[])


def _entry(element: ElementTree.Element) -> tuple[str, str | None]:
    """(loc, lastmod) of one ``<url>`` or ``<sitemap>`` element."""
    fields = {_local(child.tag): (child.text or "").strip() for child in element}
    return fields.get("loc", ""), fields.get("lastmod") or None


def _local(tag: str) -> str:
    """A tag without its XML namespace."""
    return tag.rpartition("}")[2]
