"""Issue 19: a few hundred hostile inputs mixed with good articles; every input is accounted for.

Each file of the generated corpus ends as stored articles or failure rows (nothing vanishes, nothing
aborts the run), and every good article is stored. The full-size run is ``benchmarks/hostile.py``.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from dateline.models import Article, Failure

pytestmark = pytest.mark.issue(19)

HOSTILE = Path(__file__).resolve().parents[2] / "benchmarks" / "hostile.py"


def _load():
    spec = importlib.util.spec_from_file_location("hostile_corpus", HOSTILE)
    module = importlib.util.module_from_spec(spec)
    sys.modules["hostile_corpus"] = module
    spec.loader.exec_module(module)
    return module


def test_hostile_corpus_every_input_is_an_article_or_a_failure_row(tmp_path):
    hostile = _load()
    manifest = hostile.generate(tmp_path, hostile=250, good=50)
    root = manifest["root"]
    result = hostile.account(root, str(tmp_path / "h.db"))
    items = result["items"]
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, Failure)]

    # every file of the corpus (names as stored: escaped) has at least one item, and every item a file
    names = sorted(os.fsdecode(n) for n in os.listdir(os.fsencode(root)) if n != b"zz-loop")
    escaped = [n.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace") for n in names]
    owner = {name: 0 for name in escaped}
    for item in items:
        where = (item.input if isinstance(item, Failure) else item.source)[len(root) + 1 :]
        name = next((n for n in escaped if where == n or where.startswith((n + ":", n + "!", n + "#"))), None)
        assert name is not None, where
        owner[name] += 1
    assert all(owner.values()), [n for n, c in owner.items() if not c]

    # what was read is what was stored: articles (all texts differ) and failure rows
    assert result["summary"].new == len(articles) and result["summary"].duplicates == 0
    assert len(result["failures"]) == len(failures) == len(result["summary"].failures)
    assert not [f for f in failures if f.code == "error"]  # no reader bug: every refusal has its reason
    # every good article stored
    stored = {row["id"] for row in result["articles"]}
    by_marker = {m: a.id for a in articles for m in manifest["good"] if m in a.text}
    assert sorted(by_marker) == sorted(manifest["good"])
    assert all(by_marker[m] in stored for m in manifest["good"])
    # nothing from outside the corpus was read
    assert not [a for a in articles if "secret file" in a.text]
