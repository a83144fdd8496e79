"""Helper process for the concurrency test: ``python concurrent_writer.py DB forward|reverse``.

Writes the same synthetic documents as ``documents()`` through ``store_stream``, in the given order.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import json  # noqa: E402

from store_factory import STORIES, make_document  # noqa: E402


def _shift(value: str | None, days: int) -> str | None:
    return (date.fromisoformat(value) + timedelta(days=days)).isoformat() if value else None


def documents(copies: int = 8):
    stories = json.loads(STORIES.read_text(encoding="utf-8"))
    docs = []
    for i in range(copies):
        for name in ("market_bombing", "two_attacks"):
            for spec in stories[name]:
                spec = json.loads(json.dumps(spec))
                spec["id"] = f"{spec['id']}-{i}"
                spec["text"] += f" Desk note {i}."
                spec["published"] = _shift(spec["published"], 10 * i)
                for event in spec["events"]:
                    event["date"] = _shift(event["date"], 10 * i)
                docs.append(make_document(spec))
    return docs


if __name__ == "__main__":
    from dateline.store import open_store
    from dateline.store.loading import store_stream

    docs = documents()
    if sys.argv[2] == "reverse":
        docs.reverse()
    with open_store(sys.argv[1]) as store:
        summary = store_stream(docs, store)
    print(summary.articles, summary.new, summary.duplicates)
