"""Documents as records: JSON Lines, a JSON array (or one object), CSV with a header.

A record is ``{"id", "text", "published", "title", "url"}``; a missing key is null, unknown keys are
ignored, and ``field_map`` renames fields (``{"text": "body"}`` reads the text from ``body``). Records
give their metadata explicitly, so nothing is inferred: a null ``published`` stays null (no reference
date) and a null ``title`` stays null. Each bad record becomes its own failure (``file.jsonl:LINE``).
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterator, Mapping
from typing import IO, Any

from ..models import Article, Failure
from .articles import build_article
from .failures import EMPTY, MALFORMED, TOO_LARGE, Refused
from .formats import entries
from .limits import Limits

__all__ = ["FIELDS", "read_csv", "read_json", "read_jsonl"]

log = logging.getLogger(__name__)

FIELDS = entries("records", "fields")
_UTF8 = frozenset({"utf-8", "utf-8-sig"})


def _key(field: str, field_map: Mapping[str, str] | None) -> str:
    return (field_map or {}).get(field, field)


def record_article(
    record: Any, *, where: str, field_map: Mapping[str, str] | None, limits: Limits
) -> Article:
    """The article of one record, or ``Refused`` naming what is wrong with it."""
    if not isinstance(record, Mapping):
        raise Refused(f"record is a JSON {type(record).__name__}, not an object", MALFORMED)
    values: dict[str, str | None] = {}
    for field in FIELDS:
        value = record.get(_key(field, field_map))
        if isinstance(value, (int, float)) and not isinstance(value, bool) and field == "id":
            value = str(value)
        if value is not None and not isinstance(value, str):
            raise Refused(
                f"field '{_key(field, field_map)}' must be a string (got {type(value).__name__})", MALFORMED
            )
        values[field] = value if value != "" or field == "text" else None  # "" means not given
    text = values["text"]
    if text is None:
        raise Refused(f"record has no '{_key('text', field_map)}' field", MALFORMED)
    return build_article(
        text,
        id=values["id"],
        title=values["title"],
        published=values["published"],
        url=values["url"],
        source=where,
        infer_metadata=False,
        limits=limits,
    )


def _one(record: Any, where: str, field_map: Mapping[str, str] | None, limits: Limits) -> Article | Failure:
    try:
        return record_article(record, where=where, field_map=field_map, limits=limits)
    except Refused as refused:
        return Failure(input=where, stage="ingest", reason=refused.reason, code=refused.code)
    except Exception as exc:  # noqa: BLE001 - whatever breaks one record stays with that record
        log.debug("unexpected error reading %s", where, exc_info=True)
        return Failure(input=where, stage="ingest", code="error",
                       reason=f"unexpected error: {type(exc).__name__}: {_first_line(exc)}")  # fmt: skip


def read_jsonl(
    stream: IO[bytes], *, name: str, encoding: str, field_map: Mapping[str, str] | None, limits: Limits
) -> Iterator[Article | Failure]:
    """One article or failure per non-blank line; failures are named ``name:LINE``.

    Blank means JSON whitespace only (``str.strip`` would also take ``\x1c``-``\x1f`` for blanks); a file
    without any record is refused as empty, never skipped silently.
    """
    records = 0
    for number, raw in enumerate(_bounded_lines(stream, limits), start=1):
        where = f"{name}:{number}"
        records += 1
        if isinstance(raw, Refused):
            yield Failure(input=where, stage="ingest", reason=raw.reason, code=raw.code)
            continue
        line = _decode_line(raw, encoding, first=number == 1)
        if not line.strip(_JSON_SPACE):
            records -= 1
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield Failure(
                input=where, stage="ingest", reason=f"malformed JSON: {_first_line(exc)}", code=MALFORMED
            )
            continue
        yield _one(record, where, field_map, limits)
    if not records:
        raise Refused("JSON Lines file has no records", EMPTY)


_JSON_SPACE = " \t\r\n\ufeff"


def _bounded_lines(stream: IO[bytes], limits: Limits) -> Iterator[bytes | Refused]:
    """Lines of the stream; a line over the size limit is skipped whole and reported."""
    while True:
        line = stream.readline(limits.max_bytes + 1)
        if not line:
            return
        if len(line) > limits.max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # drain the rest of the oversized line
                line = stream.readline(1024 * 1024)
            yield Refused(
                f"record is larger than the {limits.describe_bytes(limits.max_bytes)} limit", TOO_LARGE
            )
            continue
        yield line


def _decode_line(raw: bytes, encoding: str, *, first: bool) -> str:
    if encoding.startswith("utf-16") or encoding.startswith("utf-32"):
        return raw.decode(encoding, errors="replace")
    try:
        return raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError:
        return raw.decode(encoding if encoding != "utf-8" else "cp1252", errors="replace")


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def read_json(
    text: str, *, name: str, field_map: Mapping[str, str] | None, limits: Limits
) -> Iterator[Article | Failure]:
    """A JSON array of records (``name#N``) or a single record object (``name``)."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise Refused(f"malformed JSON: {_first_line(exc)}", MALFORMED) from None
    if isinstance(data, list):
        if not data:
            raise Refused("JSON array has no records", MALFORMED)
        for index, record in enumerate(data, start=1):
            yield _one(record, f"{name}#{index}", field_map, limits)
    elif isinstance(data, dict):
        yield _one(data, name, field_map, limits)
    else:
        raise Refused(f"JSON {type(data).__name__} is not a document or a list of documents", MALFORMED)


def read_csv(
    stream: IO[bytes],
    *,
    name: str,
    encoding: str,
    field_map: Mapping[str, str] | None,
    limits: Limits,
    delimiter: str | None = None,
) -> Iterator[Article | Failure]:
    """One article or failure per data row (``name:LINE``); the header names the fields."""
    if csv.field_size_limit() < limits.max_text_chars + 1:
        csv.field_size_limit(limits.max_text_chars + 1)  # articles are longer than csv's 128 KB default
    text_stream = io.TextIOWrapper(stream, encoding=_csv_encoding(encoding), errors="replace", newline="")
    head = text_stream.readline()
    text_key = _key("text", field_map)
    delimiter = delimiter or _delimiter(head, text_key)
    header = [cell.strip() for cell in next(csv.reader([head], delimiter=delimiter), [])]
    if text_key not in header:
        raise Refused(f"CSV header has no '{text_key}' column (columns: {', '.join(header[:10])})", MALFORMED)
    reader = csv.reader(text_stream, delimiter=delimiter)
    line = 2
    rows = 0
    while True:
        where = f"{name}:{line}"
        try:
            row = next(reader)
        except StopIteration:
            if not rows:
                raise Refused("CSV file has a header but no rows", EMPTY) from None
            return
        except csv.Error as exc:
            yield Failure(input=where, stage="ingest", reason=f"malformed CSV: {exc}", code=MALFORMED)
            rows += 1
            line = reader.line_num + 2
            continue
        line = reader.line_num + 2
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        if len(row) != len(header):
            yield Failure(
                input=where,
                stage="ingest",
                code=MALFORMED,
                reason=f"row has {len(row)} fields, the header has {len(header)}",
            )
            continue
        record = {
            key: (cell if cell != "" or key == text_key else None)
            for key, cell in zip(header, row, strict=True)
        }
        yield _one(record, where, field_map, limits)


def _delimiter(header_line: str, text_key: str) -> str:
    """The delimiter under which the header names the text column (comma, tab or semicolon)."""
    for delimiter in (",", "\t", ";"):
        if text_key in (cell.strip().strip('"') for cell in header_line.split(delimiter)):
            return delimiter
    return ","


def _csv_encoding(encoding: str) -> str:
    return "utf-8-sig" if encoding in _UTF8 else encoding
