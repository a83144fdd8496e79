"""Mentions: which coded triggers are the content or the background of another act."""

from __future__ import annotations

import pytest

from dateline.extract.actors import ActorCoder, find_roles
from dateline.extract.components import EVENT_COMPONENT, ensure_component
from dateline.extract.mentions import ArticleContext, content_parent, read_mention
from dateline.extract.quotes import find_claims


@pytest.fixture(scope="module")
def drafts(nlp):
    pipeline = ensure_component(nlp)
    coder = ActorCoder.default()

    def read(text: str) -> dict[str, object]:
        doc = pipeline(text)
        context = ArticleContext(doc=doc, claims=find_claims(doc), outlet=None, country=None)
        found = [read_mention(t, context, find_roles, coder) for t in doc._.get(EVENT_COMPONENT)]
        found = [d for d in found if d is not None]
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
