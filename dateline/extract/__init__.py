"""Event extraction: articles in, documents (events, quotes, time expressions) out.

``Extractor`` holds the spaCy pipeline, loaded once per process: the trained model's components and
dateline's steps from the shipped config (``components.py``, ``pipeline.cfg``). Each article becomes a Doc
made first (``nlp.make_doc`` of the story text, ``doc._.dateline_article = article``), and its headline a
second Doc; both go through the same ``nlp.pipe`` stream, in batches, and are paired again in order. The
steps write declared ``Doc._`` extensions; the document is read off them. ``extract_documents`` streams
articles (and passes failures through) in input order, optionally over several processes with the same
output.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import tee
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from ..doctext import ARTICLE, TEXT, text_of
from ..errors import ExtractionError
from ..models import Article, Document, Failure
from ..nlp import load_nlp
from .components import HEADLINE, add_pipeline
from .headlines import (
    attach_headline_events,
    headline_article,
    headline_parse_text,
    headline_span,
    with_headline_modality,
)

if TYPE_CHECKING:
    from ..places import Geoparser
    from .actors import ActorCoder

__all__ = ["Extractor", "extract_documents"]

log = logging.getLogger(__name__)

BATCH_SIZE = 32
BLOCK_CHARS = 100_000  # longer texts are parsed in blocks of this size (bounded memory; issue 19)


class Extractor:
    """Turns articles into ``Document`` records. Build one per process and reuse it.

    ``nlp``: a loaded spaCy pipeline (default: the language's model, ``load_nlp``), to which dateline's
    components are added (``components.add_pipeline``; ``pipeline``: the config, default the settings'
    ``[extract] pipeline`` or the packaged one). ``geoparser`` / ``actor_coder`` replace those the config
    names, in every component that holds one.
    """

    def __init__(self, nlp: Language | None = None, *, geoparser: Geoparser | None = None,
                 actor_coder: ActorCoder | None = None, pipeline: str | Path | None = None) -> None:  # fmt: skip
        from .components import pipeline_config

        config = pipeline_config(pipeline)
        self.nlp = add_pipeline(nlp or load_nlp(), config)
        self.steps = tuple(config["nlp"]["pipeline"])  # dateline's own pipes (the rest is the model's)
        for _, component in self.nlp.pipeline:
            if geoparser is not None and hasattr(component, "geoparser"):
                component.geoparser = geoparser
            if actor_coder is not None and hasattr(component, "coder"):
                component.coder = actor_coder

    def documents(self, articles: Iterable[Article]) -> Iterator[Document]:
        """One document per article, in order (articles marked to skip get no events).

        Raises:
            ExtractionError: an article's text is longer than the pipeline's ``max_length`` (the articles
                before it have their documents).
        """
        pending, ahead = tee(articles)
        docs = iter(self._pipe(self._docs(ahead)))
        for article in pending:
            if article.skip_reason:
                yield Document(article=article)
                continue
            self._check_length(article)
            story = next(docs)
            headline = next(docs) if headline_span(article) is not None else None
            yield self.document(story, headline)

    def _pipe(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        """``nlp.pipe`` in batches, in order; a Doc longer than ``BLOCK_CHARS`` goes through the model in
        blocks (``_parse_long``)."""
        batch: list[Doc] = []
        for doc in docs:
            long = len(text_of(doc)) > BLOCK_CHARS
            if not long:
                batch.append(doc)
                if len(batch) < BATCH_SIZE:
                    continue
            yield from self.nlp.pipe(batch, batch_size=BATCH_SIZE)
            batch = []
            if long:
                yield self._parse_long(doc)
        yield from self.nlp.pipe(batch, batch_size=BATCH_SIZE)

    def _parse_long(self, doc: Doc) -> Doc:
        """A long Doc processed: the model's pipes on its text block by block, joined (same text, same
        offsets), then dateline's steps on the joined Doc.

        The parser's working memory grows with the length of what it is given at once (a 1,000,000
        character article took 3.3 GB whole); blocks end at a paragraph or line break where there is
        one, so sentences are rarely cut.
        """
        blocks = self.nlp.pipe(_blocks(doc.text, BLOCK_CHARS), batch_size=1, disable=list(self.steps))
        joined = Doc.from_docs(list(blocks), ensure_whitespace=False)
        joined._.set(ARTICLE, doc._.get(ARTICLE))
        if doc._.get(HEADLINE):
            joined._.set(HEADLINE, True)
        for name, step in self.nlp.pipeline:
            if name in self.steps:
                joined = step(joined)
        return joined

    def _docs(self, articles: Iterable[Article]) -> Iterator[Doc]:
        """The Docs of each article, made before the pipeline runs: the story, then the headline if any."""
        for article in articles:
            if article.skip_reason or len(article.text) > self.nlp.max_length:
                continue
            yield self._doc(_story_text(article), article)
            span = headline_span(article)
            if span is not None:
                headline = headline_article(article, span)
                yield self._doc(headline_parse_text(article, span), headline, headline=True)

    def _doc(self, text: str, article: Article, *, headline: bool = False) -> Doc:
        doc = self.nlp.make_doc(text)
        doc._.set(TEXT, text)  # the tokenizer keeps every character: doc.text == text, never rebuilt from tokens
        doc._.set(ARTICLE, article)
        if headline:
            doc._.set(HEADLINE, True)
        return doc

    def _check_length(self, article: Article) -> None:
        limit = self.nlp.max_length
        if len(article.text) > limit:
            raise ExtractionError(
                f"extraction failed: the text has {len(article.text)} characters, more than the spaCy "
                f"pipeline's max_length of {limit}; split the article or raise nlp.max_length"
            )

    def document(self, story: Doc, headline: Doc | None = None) -> Document:
        """The article's document, read off its processed story Doc, with what the processed headline Doc
        says joined to the story's events (``headlines``)."""
        document = _document_of(story)
        if headline is None:
            return document
        found = with_headline_modality(headline._.dateline_events, headline)
        return replace(document, events=tuple(attach_headline_events(document.events, found)))


def _document_of(doc: Doc) -> Document:
    """The document of a processed Doc (the story, or the headline alone), from the steps' extensions."""
    return Document(
        article=doc._.get(ARTICLE),
        events=tuple(doc._.dateline_events),
        quotes=doc._.dateline_quotes,
        timexes=tuple(doc._.dateline_timexes),
        toponyms=tuple(doc._.dateline_toponyms),
    )


def _blocks(text: str, size: int) -> Iterator[str]:
    """``text`` in consecutive pieces of at most ``size`` characters, cut after a paragraph break, else a
    line break, else a sentence end, else a space, in the second half of the piece where there is one."""
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = -1
        for mark in ("\n\n", "\n", ". ", " "):
            cut = text.rfind(mark, start + size // 2, end)
            if cut >= 0:
                cut += len(mark)
                break
        end = cut if cut > start else end
        yield text[start:end]
        start = end
    yield text[start:]


def _story_text(article: Article) -> str:
    """The input text with everything that is not the story blanked out (offsets unchanged).

    Headlines, metadata lines, captions and trailers are replaced by spaces (newlines kept), so the
    parser never joins a credit line to the story's first sentence and no event is read from them.
    """
    text = article.text
    if article.skip_reason:
        return ""
    blank = [(r.span.start, r.span.end) for r in article.removed]
    if article.body is not None:
        blank += [(0, article.body.start), (article.body.end, len(text))]
    blank += [m.span() for m in _NO_WORDS.finditer(text)]  # see _NO_WORDS
    long_runs = [m.span() for m in _LONG_RUN.finditer(text)]
    if not blank and not long_runs:
        return text
    chars = list(text)
    for start, end in blank:
        for i in range(max(0, start), min(end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    for start, end in long_runs:  # a space every MAX_RUN characters: see _LONG_RUN
        for i in range(start + MAX_RUN, end, MAX_RUN):
            chars[i] = " "
    return "".join(chars)


# Pathological runs are bounded before the parser, offsets unchanged (the cost must stay linear in the
# input and comparable to prose; issue 19):
# - spaCy's tokenizer looks for a suffix across the whole rest of a token each time it strips one, so a
#   token of n punctuation characters ("(" * 12000) costs time quadratic in n: runs of more than MAX_RUN
#   characters without a space are cut by a space every MAX_RUN characters (no word or URL is that long);
# - a stretch of NO_WORDS or more characters without a letter or digit ("( ( ( (", rules of "-----") is a
#   token per character or two, several times what prose costs per character, and holds no event: blanked.
MAX_RUN = 100
NO_WORDS = 64
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
_NO_WORDS = re.compile(rf"[^\w]{{{NO_WORDS},}}")


def extract_documents(items: Iterable[Article | Failure], *, workers: int = 1) -> Iterator[Document | Failure]:
    """Documents for articles and failures passed through, in input order.

    With ``workers`` > 1 the articles are processed by that many processes (same output).
    """
    if workers > 1:
        from .parallel import extract_parallel

        yield from extract_parallel(items, workers=workers)
        return
    extractor: Extractor | None = None
    pending: list[Article | Failure] = []
    for item in items:
        pending.append(item)
        if len(pending) >= BATCH_SIZE:
            if extractor is None:
                extractor = Extractor()
            yield from _flush(extractor, pending)
            pending = []
    if pending:
        if extractor is None and any(isinstance(i, Article) for i in pending):
            extractor = Extractor()
        yield from _flush(extractor, pending)  # type: ignore[arg-type]


def _extraction_error(exc: Exception) -> ExtractionError:
    """``exc`` as the ExtractionError of one article: itself when it is one, else one that names it."""
    if isinstance(exc, ExtractionError):
        return exc
    message = f"extraction failed: {type(exc).__name__}: {exc}"
    error = ExtractionError(message)
    error.__cause__ = exc
    return error


def _failure(article: Article, error: ExtractionError) -> Failure:
    """The failure record of an article whose extraction failed with ``error``."""
    return Failure(input=article.source or article.id, stage="extract", code=error.code, reason=str(error))


def _flush(extractor: Extractor, items: list[Article | Failure]) -> Iterator[Document | Failure]:
    """Documents for a batch, failures in place; one article that breaks extraction becomes a Failure
    and the rest of the batch is carried on from the next article."""
    articles = [i for i in items if isinstance(i, Article)]
    documents = iter(extractor.documents(articles)) if articles else iter(())
    done = 0
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        document: Document | Failure
        try:
            document = next(documents)
        except Exception as exc:  # noqa: BLE001 - one bad article must not end the batch
            log.debug("extraction failed for %s", item.id, exc_info=True)
            document = _failure(item, _extraction_error(exc))
            documents = iter(extractor.documents(articles[done + 1 :]))
        done += 1
        yield document
