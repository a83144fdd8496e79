"""Choosing a reader by content (first bytes), with the file name only as a tie-breaker."""

from __future__ import annotations

import json
import posixpath
import re

from .containers import is_tar
from .decode import refuse_signature, stream_encoding
from .formats import entries, word_set

__all__ = ["HEAD_BYTES", "sniff"]

HEAD_BYTES = 64 * 1024



def _element(key: str) -> re.Pattern[str]:
    """An opening tag whose name is one of the alternatives of ``formats.toml`` [sniff] ``key``."""
    return re.compile(rf"<(?:{'|'.join(entries('sniff', key))})\b", re.I)


_FEED_ROOT = _element("feed_roots")
_HTML_MARK = _element("html_marks")
_HTML_TAG = _element("html_tags")
_TAG_START = re.compile(r"<[A-Za-z!?]")


def extension(hint: str) -> str:
    return posixpath.splitext(hint.lower().split("?")[0])[1]


def sniff(head: bytes, *, hint: str = "", text_key: str = "text") -> str:
    """The reader for content starting with ``head``: gzip, zip, tar, warc, feed, html, xml, jsonl, json, csv
    or text. Raises ``Refused`` for known binary formats."""
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"WARC/") or head.startswith(b"filedesc://"):
        return "warc"
    if is_tar(head):
        return "tar"
    refuse_signature(head)
    text = head.decode(stream_encoding(head), errors="replace").lstrip("\ufeff \t\r\n")
    ext = extension(hint)
    if text.startswith("<") and _TAG_START.match(text):
        return _markup_kind(text[:8000], ext)
    if ext in word_set("sniff", "jsonl_extensions"):
        return "jsonl"
    if text.startswith("{"):
        first, newline, _ = text.partition("\n")
        if not newline:
            return "jsonl"  # the first record is longer than the sniffed head
        try:
            return "jsonl" if isinstance(json.loads(first), dict) else "json"
        except ValueError:
            return "json"
    if text.startswith("[") or ext == ".json":
        return "json"
    if ext in word_set("sniff", "csv_extensions") or _csv_header(text, text_key):
        return "csv"
    if _HTML_MARK.search(text[:8000]) or ext in word_set("sniff", "html_extensions"):
        return "html"
    return "text"


def _markup_kind(text: str, ext: str) -> str:
    if _FEED_ROOT.search(text) and not _HTML_MARK.search(text):
        return "feed"
    if _HTML_MARK.search(text) or _HTML_TAG.search(text[:200]) or ext in word_set("sniff", "html_extensions"):
        return "html"
    if text.startswith("<?xml") or ext in word_set("sniff", "xml_extensions"):
        return "xml"
    return "html"


def _csv_header(text: str, text_key: str) -> bool:
    first = text.partition("\n")[0].strip()
    for delimiter in (",", "\t", ";"):
        cells = [cell.strip().strip('"') for cell in first.split(delimiter)]
        if len(cells) >= 2 and text_key in cells:
            return True
    return False


def xml_root(text: str) -> str:
    """The root element's name, for the 'unsupported XML' message."""
    body = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "", text[:8000], flags=re.S)
    match = re.search(r"<([A-Za-z_][\w:.-]*)", body)
    return match.group(1) if match else "?"
