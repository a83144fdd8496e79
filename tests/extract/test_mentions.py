"""Mentions: which coded triggers are the content or the background of another act."""

from __future__ import annotations

import pytest

from dateline.extract.mentions import content_parent


@pytest.fixture(scope="module")
def drafts(read_drafts):
    def read(text: str) -> dict[str, object]:
        found = read_drafts(text)
        return {d.trigger.span.text: (d, found) for d in found}

    return read


def _parent(drafts, text: str, word: str):
    draft, found = drafts(text)[word]
    parent = content_parent(draft, found)
    return parent.trigger.span.text if parent is not None else None


def test_mentions_clause_of_a_demand_noun_is_its_content(drafts):
    text = "The council renewed its demand on Monday that the army withdraw from the valley."
    assert _parent(drafts, text, "withdraw") == "demand"


def test_mentions_act_in_a_relative_clause_is_background(drafts):
    text = "The governor lifted the curfew that had been imposed after clashes between two clans."
    assert _parent(drafts, text, "clashes") == "lifted"


def test_mentions_toll_of_an_attack_in_its_relative_clause_is_kept(drafts):
    text = "Gunmen attacked a bus that carried pilgrims to the shrine."
    assert _parent(drafts, text, "attacked") is None
