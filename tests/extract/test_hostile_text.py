"""Issue 19: pathological runs cost what prose costs; long texts are parsed in blocks with bounded memory."""

from __future__ import annotations

import time

import pytest

import dateline.extract as extract_module
from dateline.extract import Extractor, _blocks, _story_text
from dateline.ingest import article_from_text
from dateline.models import Article

pytestmark = pytest.mark.issue(19)

PROSE = (
    "Soldiers killed four civilians near Mopti on Sunday, officials said, and protesters gathered in "
    "Bamako. The army said rebels attacked a convoy on the road to Gao and wounded three drivers.\n\n"
)


def _prose(size: int) -> str:
    return (PROSE * (size // len(PROSE) + 1))[:size]


@pytest.mark.parametrize("text", ["(" * 5000, "( " * 2500, "-" * 300 + "\nPolice killed two."])
def test_story_text_blanks_wordless_stretches_offsets_unchanged(text):
    story = _story_text(Article(id="x", text=text))
    assert len(story) == len(text)
    assert "(" not in story and "---" not in story
    assert story.endswith("Police killed two.") == text.endswith("Police killed two.")


def test_story_text_cuts_runs_without_spaces():
    text = "&amp;" * 2000
    story = _story_text(Article(id="x", text=text))
    assert len(story) == len(text)
    assert max(len(piece) for piece in story.split(" ")) <= extract_module.MAX_RUN


def test_story_text_leaves_prose_alone():
    text = _prose(5000)
    assert _story_text(Article(id="x", text=text)) == text


def test_blocks_cover_the_text_at_breaks():
    text = _prose(10_000)
    blocks = list(_blocks(text, 1000))
    assert "".join(blocks) == text
    assert all(len(b) <= 1000 for b in blocks)
    assert all(b.endswith("\n\n") for b in blocks[:-1])
    assert [len(b) for b in _blocks("x" * 2500, 1000)] == [1000, 1000, 500]


@pytest.fixture(scope="module")
def extractor(nlp):
    return Extractor(nlp)


def test_long_text_in_blocks_gives_the_events_of_the_whole(extractor, monkeypatch):
    article = article_from_text(_prose(3000), id="long")
    [whole] = extractor.documents([article])
    monkeypatch.setattr(extract_module, "BLOCK_CHARS", 700)
    [blocked] = extractor.documents([article])
    key = [(e.event_type, e.trigger.start, e.trigger.end) for e in whole.events]
    assert key and key == [(e.event_type, e.trigger.start, e.trigger.end) for e in blocked.events]


def _timed(extractor: Extractor, text: str) -> float:
    article = article_from_text(text, id="t")
    start = time.perf_counter()
    list(extractor.documents([article]))
    return time.perf_counter() - start


@pytest.mark.slow
def test_pathological_punctuation_costs_what_prose_costs(extractor):
    size = 100_000
    _timed(extractor, _prose(2000))  # warm up (lazy tables)
    prose = _timed(extractor, _prose(size))
    for unit in ("(", "( ", "&amp;", ")."):
        hostile = _timed(extractor, (unit * (size // len(unit) + 1))[:size])
        assert hostile <= 3 * prose, (unit, hostile, prose)
