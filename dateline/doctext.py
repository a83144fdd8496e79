"""The texts a parsed Doc stands for: its own text, read once, and the exact input text of its article.

Both are declared ``Doc`` extensions:

* ``doc._.dateline_article``: the ``Article`` the Doc was made from. The extractor sets it before the Doc
  enters ``nlp.pipe`` (``nlp.make_doc(text)``, then ``doc._.dateline_article = article``); dateline's
  components read the article's metadata from it (``article_of``).
* ``doc._.dateline_text``: ``doc.text``, cached. spaCy rebuilds ``Doc.text`` from its tokens on every access
  and the extraction reads it thousands of times per batch (spans, quote marks, line checks).

Hot paths read an extension's value where spaCy keeps it (``stored``): a plain ``doc._.name`` lookup goes
through spaCy's ``Underscore`` object and costs some 40 times a dict lookup.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .models import Article

__all__ = ["ARTICLE", "TEXT", "article_of", "declare", "input_text", "storage_key", "stored", "text_of"]

ARTICLE = "dateline_article"
TEXT = "dateline_text"


# spaCy keys extension values in ``doc.user_data`` by tuples, though its type stubs say str keys.
ExtensionKey = Any


def storage_key(name: str) -> ExtensionKey:
    """The key under which spaCy stores the value of the Doc extension ``name`` (``Underscore._get_key``)."""
    return ("._.", name, None, None)


def declare(name: str) -> ExtensionKey:
    """Declare the Doc extension ``name`` (``default=None``) unless it is; its storage key."""
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)
    return storage_key(name)


_TEXT_KEY = declare(TEXT)
_ARTICLE_KEY = declare(ARTICLE)


def stored(doc: Doc, name: str) -> Any:
    """``doc._.<name>`` (a Doc extension declared with ``default=None``), read without spaCy's indirection."""
    return doc.user_data.get(storage_key(name))


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (``doc._.dateline_text``)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def article_of(doc: Doc) -> Article:
    """The article of ``doc`` (``doc._.dateline_article``); a Doc made from a bare text (``nlp(text)``, a
    plain spaCy pipeline) is an article of its own text, recorded on the Doc so every component reads it."""
    article = doc.user_data.get(_ARTICLE_KEY)
    if article is None:
        article = doc.user_data[_ARTICLE_KEY] = Article(id="", text=text_of(doc))
    return article


def input_text(doc: Doc) -> str:
    """The exact input text the Doc's offsets refer to: the article's, when the parse saw a blanked copy
    (the story alone, the headline alone), else the Doc's own text."""
    article = doc.user_data.get(_ARTICLE_KEY)
    return article.text if article is not None else text_of(doc)
