"""Inputs: folders (recursive, sorted, loops survived), missing paths, special files."""

from __future__ import annotations

import os

import pytest

from dateline.ingest import ingest
from dateline.models import Article, Failure


def _write(path, text="A story about a bridge that reopened on Monday, officials said."):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_ingest_folder_is_recursive_sorted_and_skips_hidden_names(tmp_path):
    _write(tmp_path / "b.txt", "Second story text, about a harbour.")
    _write(tmp_path / "a" / "z.txt", "First story text, about a river.")
    _write(tmp_path / "c" / "d.txt", "Third story text, about a market.")
    _write(tmp_path / ".hidden.txt")
    _write(tmp_path / ".git" / "x.txt")
    items = list(ingest([str(tmp_path)]))
    assert [os.path.relpath(i.source, tmp_path) for i in items] == ["a/z.txt", "b.txt", "c/d.txt"]


def test_ingest_folder_survives_symlink_loops(tmp_path):
    _write(tmp_path / "sub" / "story.txt")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    os.symlink(tmp_path / "sub", tmp_path / "again")
    items = list(ingest([str(tmp_path)]))
    assert len(items) == 1 and isinstance(items[0], Article)


def test_ingest_keeps_input_order_and_reports_missing_paths(tmp_path):
    _write(tmp_path / "one.txt", "First.")
    _write(tmp_path / "two.txt", "Second.")
    items = list(ingest([str(tmp_path / "two.txt"), str(tmp_path / "nope.txt"), str(tmp_path / "one.txt")]))
    assert [type(i) for i in items] == [Article, Failure, Article]
    assert items[0].text == "Second." and items[2].text == "First."
    assert items[1].reason == "no such file or directory" and items[1].code == "missing"


def test_ingest_same_input_twice_gives_two_articles_with_one_id(tmp_path):
    _write(tmp_path / "s.txt")
    first, second = ingest([str(tmp_path / "s.txt")] * 2)
    assert first.id == second.id and first is not second


def test_ingest_empty_folder_is_a_failure(tmp_path):
    (failure,) = ingest([str(tmp_path)])
    assert failure.reason == "folder has no files"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_ingest_refuses_a_fifo_instead_of_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (failure,) = ingest([str(tmp_path / "pipe")])
    assert failure.reason == "not a regular file"


def test_ingest_broken_symlink_is_missing(tmp_path):
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    (failure,) = ingest([str(tmp_path)])
    assert failure.code == "missing"


def test_ingest_progress_bar_writes_to_stderr(tmp_path, capsys):
    _write(tmp_path / "s.txt")
    items = list(ingest([str(tmp_path)], progress=True))
    captured = capsys.readouterr()
    assert len(items) == 1
    assert captured.out == "" and "ingest" in captured.err
