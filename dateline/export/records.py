"""Writers for ``dateline extract``: per-document event records straight from the extractor.

``jsonl`` writes one event per line (the contract's event record), ``json`` one document object per
line, ``csv`` one event per row with nested fields flattened by dotted paths (``location.lat``,
``actor.0.code``, ``trigger.start``); lists of records beyond the flattened columns stay JSON text.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from .. import ontology
from ..models import Document, Event

__all__ = ["EVENT_CSV_COLUMNS", "RecordWriter", "flatten_event"]

EVENT_CSV_COLUMNS = ontology.columns("extract_csv")


def flatten_event(event: Event) -> dict[str, Any]:
    """One CSV row: scalar fields as they are, first actor/recipient/attribution and the place by dotted
    path, whole lists as JSON text."""
    data = event.to_dict()
    row: dict[str, Any] = {}
    for column in EVENT_CSV_COLUMNS:
        row[column] = _cell(_lookup(data, column))
    return row


def _lookup(data: Any, path: str) -> Any:
    for part in path.split("."):
        if isinstance(data, list):
            index = int(part)
            data = data[index] if index < len(data) else None
        elif isinstance(data, dict):
            data = data.get(part)
        if data is None:
            return None
    return data


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


class RecordWriter:
    """Streams documents to ``stream`` in one of the extract formats: jsonl, json, csv."""

    FORMATS = ontology.formats("extract")

    def __init__(self, stream: IO[str], fmt: str) -> None:
        if fmt not in self.FORMATS:
            raise ValueError(f"unknown format {fmt!r}")
        self.stream = stream
        self.fmt = fmt
        self._csv: csv.DictWriter | None = None
        self.events = 0
        self.documents = 0

    def write(self, document: Document) -> None:
        self.documents += 1
        if self.fmt == "json":
            self._line(document.to_dict())
            return
        for event in document.events:
            self.events += 1
            if self.fmt == "jsonl":
                self._line(event.to_dict())
            else:
                self._csv_writer().writerow(flatten_event(event))

    def write_all(self, documents: Iterable[Document]) -> None:
        for document in documents:
            self.write(document)

    def close(self) -> None:
        if self.fmt == "csv":
            self._csv_writer()  # a header even when no event was found
        self.stream.flush()

    def _csv_writer(self) -> csv.DictWriter:
        if self._csv is None:
            self._csv = csv.DictWriter(self.stream, fieldnames=EVENT_CSV_COLUMNS, lineterminator="\n")
            self._csv.writeheader()
        return self._csv

    def _line(self, data: dict[str, Any]) -> None:
        self.stream.write(json.dumps(data, ensure_ascii=False) + "\n")
