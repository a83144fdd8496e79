"""One input's bytes to articles: sniff the format, then hand the stream to its reader.

``read_stream`` never raises for bad input: whatever a reader refuses becomes a ``Failure`` named after
the input (or the record, ``file.jsonl:LINE``, ``feed.xml#N``, ``archive.zip!member``).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import IO

from ..models import Article, Failure
from .articles import build_article
from .clean import escape_name
from .containers import Budget, GunzipStream, tar_members, zip_members
from .decode import decode_text, stream_encoding
from .failures import EMPTY, MALFORMED, TOO_DEEP, TOO_LARGE, UNSUPPORTED, Refused
from .feeds import read_feed
from .formats import word_set
from .html import html_article, refuse_entities
from .limits import Limits
from .records import read_csv, read_json, read_jsonl
from .sniff import HEAD_BYTES, sniff, xml_root
from .warc import read_warc

__all__ = ["Reading", "read_stream"]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Reading:
    """Settings shared by every reader during one top-level input."""

    limits: Limits
    field_map: Mapping[str, str] | None
    budget: Budget


class _Prefixed(io.RawIOBase):
    """The already-read head followed by the rest of the stream, so sniffing costs no re-read."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def read_stream(
    stream: IO[bytes],
    *,
    name: str,
    hint: str,
    url: str | None,
    reading: Reading,
    depth: int = 0,
    date_header: str | None = None,
) -> Iterator[Article | Failure]:
    """Articles (or failures) from one input stream; bad input never raises.

    ``date_header`` is the input's own date header (an archived response's ``Last-Modified``): only a
    year-less wire lead uses it, for its year.
    """
    try:
        yield from _dispatch(
            stream, name=name, hint=hint, url=url, reading=reading, depth=depth, date_header=date_header
        )
    except Refused as refused:
        yield Failure(input=name, stage="ingest", reason=refused.reason, code=refused.code)
    except RecursionError:
        yield Failure(input=name, stage="ingest", reason="input is nested too deeply to read", code=MALFORMED)
    except Exception as exc:  # a reader bug must not end the batch: report it like any failure
        log.debug("unexpected error reading %s", name, exc_info=True)
        yield Failure(
            input=name,
            stage="ingest",
            code="error",
            reason=f"unexpected error: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}",
        )


def _dispatch(
    stream: IO[bytes],
    *,
    name: str,
    hint: str,
    url: str | None,
    reading: Reading,
    depth: int,
    date_header: str | None = None,
) -> Iterator[Article | Failure]:
    limits = reading.limits
    if depth > limits.max_depth:
        raise Refused(f"archive nesting is deeper than {limits.max_depth} levels", TOO_DEEP)
    seekable = _seekable(stream)
    start = stream.tell() if seekable else 0
    head = stream.read(HEAD_BYTES)
    if not head or (len(head) < HEAD_BYTES and not head.strip()):
        raise Refused("empty input", EMPTY)
    kind = sniff(head, hint=hint, text_key=(reading.field_map or {}).get("text", "text"))
    log.debug("%s: reading as %s", name, kind)
    rest = io.BufferedReader(_Prefixed(head, stream), buffer_size=HEAD_BYTES)
    if kind == "gzip":
        inner = io.BufferedReader(
            GunzipStream(rest, limits=limits, budget=reading.budget), buffer_size=HEAD_BYTES
        )
        yield from _dispatch(
            inner,
            name=name,
            hint=_strip_gz(hint),
            url=url,
            reading=reading,
            depth=depth + 1,
            date_header=date_header,
        )
    elif kind == "zip":
        if seekable:
            stream.seek(start)
            archive: IO[bytes] = stream
        else:
            archive = io.BytesIO(_read_whole(rest, limits))
        members = zip_members(archive, limits=limits, budget=reading.budget)
        yield from _read_members(members, "zip", name=name, reading=reading, depth=depth)
    elif kind == "tar":
        if seekable:
            stream.seek(start)
        members = tar_members(stream if seekable else rest, seekable=seekable, limits=limits)
        yield from _read_members(members, "tar", name=name, reading=reading, depth=depth)
    elif kind == "warc":
        yield from read_warc(rest, name=name, limits=limits, read_payload=_payload_reader(reading, depth))
    elif kind in word_set("reader", "record_kinds"):
        yield from _read_lines(kind, rest, head, name=name, reading=reading)
    else:
        data = _read_whole(rest, limits)
        yield from _read_document(kind, data, name=name, url=url, reading=reading, date_header=date_header)


def _read_document(
    kind: str, data: bytes, *, name: str, url: str | None, reading: Reading, date_header: str | None = None
) -> Iterator[Article | Failure]:
    limits = reading.limits
    if kind in word_set("reader", "markup_kinds"):
        refuse_entities(data)
    if kind == "feed":
        yield from read_feed(data, name=name, limits=limits)
        return
    text = decode_text(data)
    if kind == "xml":
        raise Refused(f"unsupported XML document (root element <{xml_root(text)}>)", UNSUPPORTED)
    if kind == "html":
        yield html_article(text, url=url, source=name, id_bytes=data, limits=limits, date_header=date_header)
    elif kind == "json":
        try:
            yield from read_json(text, name=name, field_map=reading.field_map, limits=limits)
        except Refused as refused:
            if "Extra data" not in refused.reason:
                raise
            yield from read_jsonl(
                io.BytesIO(text.encode("utf-8")),
                name=name,
                encoding="utf-8",
                field_map=reading.field_map,
                limits=limits,
            )
    else:
        yield build_article(text, url=url, source=name, id_bytes=data, limits=limits, date_header=date_header)


def _read_lines(
    kind: str, stream: IO[bytes], head: bytes, *, name: str, reading: Reading
) -> Iterator[Article | Failure]:
    encoding = stream_encoding(head)
    if encoding.startswith(("utf-16", "utf-32")):  # line splitting needs an ASCII-compatible encoding
        stream = io.BytesIO(decode_text(_read_whole(stream, reading.limits)).encode("utf-8"))
        encoding = "utf-8"
    reader = read_jsonl if kind == "jsonl" else read_csv
    yield from reader(
        stream, name=name, encoding=encoding, field_map=reading.field_map, limits=reading.limits
    )


def _read_members(
    members: Iterator[tuple[str, bytes | Refused]], kind: str, *, name: str, reading: Reading, depth: int
) -> Iterator[Article | Failure]:
    """Each archive member read as its own input, named ``archive!member``; a bad member is a failure."""
    empty = True
    for member, payload in members:
        empty = False
        where = f"{name}!{escape_name(member)}"
        if isinstance(payload, Refused):
            yield Failure(input=where, stage="ingest", reason=payload.reason, code=payload.code)
        else:
            yield from read_stream(
                io.BytesIO(payload), name=where, hint=member, url=None, reading=reading, depth=depth + 1
            )
    if empty:
        raise Refused(f"{kind} archive has no documents", EMPTY)


def _extension_hint(content_type: str) -> str:
    """A file name extension for an archived payload's content type (the sniffer's tie-breaker)."""
    if "html" in content_type:
        return ".html"
    return ".txt" if content_type == "text/plain" else ""


def _payload_reader(reading: Reading, depth: int):
    def read_payload(
        data: bytes, where: str, url: str | None, content_type: str, date_header: str | None = None
    ) -> Iterator[Article | Failure]:
        yield from read_stream(
            io.BytesIO(data),
            name=where,
            hint=_extension_hint(content_type),
            url=url,
            reading=reading,
            depth=depth + 1,
            date_header=date_header,
        )

    return read_payload


def _read_whole(stream: IO[bytes], limits: Limits) -> bytes:
    data = stream.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise Refused(f"input is larger than the {limits.describe_bytes(limits.max_bytes)} limit", TOO_LARGE)
    return data


def _seekable(stream: IO[bytes]) -> bool:
    try:
        return stream.seekable()
    except (AttributeError, OSError, ValueError):
        return False


def _strip_gz(hint: str) -> str:
    lower = hint.lower()
    if lower.endswith(".tgz"):
        return hint[:-4] + ".tar"
    return hint[:-3] if lower.endswith(".gz") else hint
