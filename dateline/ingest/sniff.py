"""Choosing a reader by content (first bytes), with the file name only as a tie-breaker."""

from __future__ import annotations

import json
import posixpath
import re

from .containers import is_tar
from .decode import refuse_signature, stream_encoding

__all__ = ["HEAD_BYTES", "sniff"]

HEAD_BYTES = 64 * 1024

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML_MARK = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
_HTML_TAG = re.compile(r"<(?:p|div|article|title|meta|span|a|h[1-6]|table|section|br|img|ul|ol|li)\b", re.I)
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
    if ext in (".jsonl", ".ndjson", ".jsonlines"):
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
    if ext in (".csv", ".tsv") or _csv_header(text, text_key):
        return "csv"
    if _HTML_MARK.search(text[:8000]) or ext in (".html", ".htm", ".xhtml"):
        return "html"
    return "text"


def _markup_kind(text: str, ext: str) -> str:
    if _FEED_ROOT.search(text) and not _HTML_MARK.search(text):
        return "feed"
    if _HTML_MARK.search(text) or _HTML_TAG.search(text[:200]) or ext in (".html", ".htm", ".xhtml"):
        return "html"
    if text.startswith("<?xml") or ext in (".xml", ".rss", ".atom"):
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
