from __future__ import annotations

import dataclasses
import json

import pytest

from dateline.models import Article, Attribution, Document, Entity, Event, Removed, Span


def _event() -> Event:
    text = "Rebels attacked the town."
    return Event(
        id="d:ev7", doc_id="d", event_type="ASSAULT", cameo="190", quad_class=4, goldstein=-10.0,
        trigger=Span.of(text, 7, 15), evidence=Span.of(text, 0, len(text)),
        actor=(Entity(text="Rebels", code="---REB", sector="REB", span=Span.of(text, 0, 6)),),
        attribution=(Attribution(claimant="Wirefeed", kind="report", via=("A", "B")),),
    )


def test_records_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        _event().cameo = "111"  # type: ignore[misc]


def test_event_to_dict_is_json_with_lists_and_nested_spans():
    data = _event().to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["trigger"] == {"start": 7, "end": 15, "text": "attacked"}
    assert data["actor"][0]["span"]["text"] == "Rebels"
    assert data["attribution"][0]["via"] == ["A", "B"]
    assert data["quantities"] == [] and data["mentions"] == []


def test_document_object_has_the_contract_keys_and_no_input_text():
    text = "Rebels attacked the town."
    article = Article(id="d", text=text, removed=(Removed(text="x", reason="credit", span=Span.of(text, 0, 1)),))
    data = Document(article=article, events=(_event(),)).to_dict()
    assert set(data) == {"article", "events", "quotes", "timexes"}
    assert {"id", "title", "outlet", "dateline", "published", "url", "language", "body", "removed"} <= set(data["article"])
    assert "text" not in data["article"]
