"""Real inputs from ../shared: every dev-set record ingests, unchanged."""

from __future__ import annotations

import json

import pytest

from dateline.ingest import ingest
from dateline.models import Article


@pytest.mark.shared
def test_ingest_reads_every_record_of_every_dev_set(eval_dev):
    files = sorted(eval_dev.glob("*.jsonl"))
    assert files
    for path in files:
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        items = list(ingest([str(path)]))
        failures = [i for i in items if not isinstance(i, Article)]
        assert not failures, (path.name, failures[:3])
        assert len(items) == len(records), path.name
        for record, article in zip(records, items, strict=True):
            assert article.id == record["id"]
            assert article.text == record["text"]
            assert article.published == record.get("published")
            assert article.title == record.get("title")
            assert article.body is not None
            assert article.text[article.body.start : article.body.end] == article.body.text
