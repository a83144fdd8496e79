"""The text of a parsed Doc, read once.

spaCy rebuilds ``Doc.text`` from its tokens on every access; the extraction reads it thousands of times per
batch (spans, quote marks, line checks), so it is cached in ``doc.user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["text_of"]

_KEY = "dateline_doc_text"


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once per Doc."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
