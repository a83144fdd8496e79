"""Two processes writing the same documents to one database at once lose and duplicate nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from concurrent_writer import documents
from store_fixtures import any_db  # noqa: F401  (fixture)

from dateline.store import open_store

WRITER = Path(__file__).resolve().parent / "concurrent_writer.py"


def test_two_writers_at_once_lose_nothing_and_duplicate_nothing(any_db):
    with open_store(any_db):
        pass  # create the schema first, as `dateline run` would on its first open
    procs = [subprocess.Popen([sys.executable, str(WRITER), any_db, order], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for order in ("forward", "reverse")]  # fmt: skip
    outputs = [p.communicate(timeout=240) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err[-500:] for _, err in outputs]
    docs = documents()
    reads = [tuple(int(v) for v in out.split()) for out, _ in outputs]
    assert all(read[0] == len(docs) for read in reads)
    assert sum(read[1] for read in reads) == len(docs)  # each article new in exactly one process
    with open_store(any_db) as store:
        counts = store.counts()
        assert counts["articles"] == len(docs)
        assert counts["event_mentions"] == sum(len(d.events) for d in docs)
        events = list(store.events())
        assert sum(e.n_mentions for e in events) == counts["event_mentions"]
        assert {m.event_id for m in store.mentions()} == {e.id for e in events}
