"""Fixtures of the extraction tests: the mention drafts one text gives, read as the Extractor reads them."""

from __future__ import annotations

import pytest

from dateline.extract.actors import ActorCoder, find_roles
from dateline.extract.components import EVENT_COMPONENT, ensure_component
from dateline.extract.mentions import ArticleContext, read_mention
from dateline.extract.quotes import find_claims


@pytest.fixture(scope="module")
def read_drafts(nlp):
    """``read_drafts(text)`` -> the mention drafts of every trigger in ``text``, in text order."""
    pipeline = ensure_component(nlp)
    coder = ActorCoder.default()

    def read(text: str) -> list:
        doc = pipeline(text)
        context = ArticleContext(doc=doc, claims=find_claims(doc), outlet=None, country=None)
        found = (read_mention(t, context, find_roles, coder) for t in doc._.get(EVENT_COMPONENT))
        return [d for d in found if d is not None]

    return read
