"""Event extraction: articles in, documents (events, quotes, time expressions) out.

``Extractor`` holds the parts that are loaded once per process (spaCy pipeline, gazetteer, lexicons) and
runs ``nlp.pipe`` in batches; ``extract_documents`` streams articles (and passes failures through) in input
order, optionally over several processes with the same output.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Doc

from ..doctext import text_of
from ..models import Article, Document, Failure, Modality
from ..nlp import load_nlp
from .assemble import INPUT_TEXT, assemble_events
from .casualties import find_counts, find_quantities
from .components import EVENT_COMPONENT, ensure_component
from .components import FACTORY as EVENT_FACTORY
from .headlines import (
    attach_headline_events,
    headline_article,
    headline_parse_text,
    headline_span,
    parse_headline,
    with_headline_modality,
)
from .mentions import ArticleContext, MentionDraft, content_parent, propagate_actor_codes, read_mention
from .quotes import find_claims

__all__ = ["Extractor", "extract_documents"]

log = logging.getLogger(__name__)

BATCH_SIZE = 32
BLOCK_CHARS = 100_000  # longer texts are parsed in blocks of this size (bounded memory; issue 19)


class Extractor:
    """Turns articles into ``Document`` records. Build one per process and reuse it."""

    def __init__(self, nlp=None, *, geoparser=None, actor_coder=None) -> None:
        from ..places import Geoparser
        from .actors import ActorCoder

        self.nlp = ensure_component(nlp or load_nlp())
        self.geoparser = geoparser or Geoparser.default()
        self.coder = actor_coder or ActorCoder.default()

    def documents(self, articles: Iterable[Article]) -> Iterator[Document]:
        """One document per article, in order (articles marked to skip get no events)."""
        stream = ((_story_text(a), a) for a in articles)
        for doc, article in self._parse(stream):
            yield self.document(article, doc)

    def _parse(self, stream: Iterable[tuple[str, Article]]) -> Iterator[tuple[Doc, Article]]:
        """``nlp.pipe`` in batches; a text longer than BLOCK_CHARS is parsed in blocks (see ``_parse_long``)."""
        batch: list[tuple[str, Article]] = []
        for text, article in stream:
            if len(text) <= BLOCK_CHARS:
                batch.append((text, article))
                if len(batch) < BATCH_SIZE:
                    continue
            yield from self.nlp.pipe(batch, as_tuples=True, batch_size=BATCH_SIZE)
            batch = []
            if len(text) > BLOCK_CHARS:
                yield self._parse_long(text), article
        yield from self.nlp.pipe(batch, as_tuples=True, batch_size=BATCH_SIZE)

    def _parse_long(self, text: str) -> Doc:
        """The Doc of a long text, parsed block by block and joined (same text, same offsets).

        The parser's working memory grows with the length of what it is given at once (a 1,000,000
        character article took 3.3 GB whole); blocks end at a paragraph or line break where there is
        one, so sentences are rarely cut. dateline's own component runs on the joined Doc.
        """
        ours = [name for name in self.nlp.pipe_names if name == EVENT_FACTORY]
        blocks = self.nlp.pipe(_blocks(text, BLOCK_CHARS), batch_size=1, disable=ours)
        doc = Doc.from_docs(list(blocks), ensure_whitespace=False)
        for name in ours:
            doc = self.nlp.get_pipe(name)(doc)
        return doc

    def document(self, article: Article, doc: Doc) -> Document:
        """The article's document: the story's events, with what the headline says joined to them
        (``headlines``)."""
        if article.skip_reason:
            return Document(article=article)
        story = self._story_document(article, doc)
        span = headline_span(article)
        if span is None:
            return story
        headline_doc = parse_headline(self.nlp, headline_parse_text(article, span))
        headline = self._story_document(headline_article(article, span), headline_doc)
        found = with_headline_modality(headline.events, headline_doc)
        return replace(story, events=tuple(attach_headline_events(story.events, found)))

    def _story_document(self, article: Article, doc: Doc) -> Document:
        """The document of the text ``article.body`` delimits (the story, or the headline alone)."""
        from ..times import find_timexes, reference_time

        doc.user_data[INPUT_TEXT] = article.text
        reference = reference_time(article.published, dateline=article.dateline, outlet=article.outlet)
        timexes = find_timexes(text_of(doc), reference, doc=doc)  # the story text: same offsets as the input
        toponyms = self.geoparser.toponyms(doc, doc_id=article.id)
        claims = find_claims(doc)
        keep = _story_filter(article)
        context = ArticleContext(doc=doc, claims=claims, outlet=article.outlet, country=_main_country(toponyms))
        drafts = self._mentions(doc, context, keep, timexes, toponyms, reference, article)
        counts = [c for c in find_counts(doc) if keep(c.anchor.idx, c.anchor.idx + len(c.anchor))]
        quantities = [q for q in find_quantities(doc) if keep(q[2].idx, q[2].idx + len(q[2]))]
        events = assemble_events(doc, article.id, drafts, counts, quantities, claims)
        quotes = tuple(c.to_quote() for c in claims if keep(c.content.start, c.content.end))
        return Document(article=article, events=tuple(events), quotes=quotes, timexes=tuple(timexes),
                        toponyms=tuple(toponyms))

    def _mentions(self, doc, context, keep, timexes, toponyms, reference, article) -> list[MentionDraft]:
        from ..times import event_date
        from .actors import find_roles

        triggers = doc._.get(EVENT_COMPONENT)
        drafts: list[MentionDraft] = []
        for trigger in triggers:
            span = trigger.span
            if not keep(span.start_char, span.end_char):
                continue
            draft = read_mention(trigger, context, find_roles, self.coder)
            if draft is not None:
                drafts.append(draft)
        kept = [d for d in drafts if _is_own_happening(d, drafts)]
        for draft in kept:
            when = event_date(doc, draft.trigger.span, timexes, reference)
            draft.date, draft.date_precision, draft.date_reason = when.date, when.precision, when.reason
            draft.date_explicit = when.timex is not None
            speech = draft.trigger.entry.is_speech and not _said_somewhere(draft.head)
            place = self.geoparser.locate_event(doc, draft.trigger.span, toponyms, dateline=article.dateline)
            draft.location = None if speech and not _told_around_the_speech(draft, place) else place
            if speech and draft.location is None:
                draft.location = self._where_the_speakers_were(doc, draft, toponyms, article)
        propagate_actor_codes(kept)
        return kept


    def _where_the_speakers_were(self, doc, draft, toponyms, article):
        """"Merchants gathered in Plaza San Martin in Santa Rosa ... The group demanded ...": speakers told
        by a pronoun or a definite noun the sentence before introduced are where that sentence put them."""
        previous = _sentence_before(doc, draft.sentence)
        if previous is None or not _speakers_told_before(draft.head, previous):
            return None
        root = previous.root
        place = self.geoparser.locate_event(doc, doc[root.i : root.i + 1], toponyms, dateline=article.dateline)
        if place is None or place.span is None or not previous.start_char <= place.span.start < previous.end_char:
            return None
        return place


_PERSONAL_PRONOUNS = frozenset("they he she we".split())


def _sentence_before(doc, sentence):
    if sentence.start == 0:
        return None
    return doc[sentence.start - 1].sent


def _speakers_told_before(verb, previous) -> bool:
    """The speech act's subject is "they"/"he"/"she"/"we", or "the <noun>" / "<noun>s of the ..." whose noun
    the sentence before uses ("a group of merchants ... The group demanded")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    subject = subjects[0]
    if subject.lower_ in _PERSONAL_PRONOUNS:
        return True
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children) or any(
        c.dep_ == "prep" and any(g.dep_ == "pobj" and any(d.lower_ == "the" for d in g.children) for g in c.children)
        for c in subject.children)
    return definite and any(t.lemma_.lower() == subject.lemma_.lower() for t in previous if t.pos_ in ("NOUN", "PROPN"))


_WISH_VERBS = frozenset("want wish hope seek desire aim intend try".split())


def _is_wish(token) -> bool:
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in _WISH_VERBS


def _said_somewhere(verb) -> bool:
    """A speech act has a place only when the text says where it was made ("said in Baghdad")."""
    return any(
        c.dep_ == "prep" and c.lower_ in ("in", "at") and any(g.ent_type_ in ("GPE", "LOC", "FAC") for g in c.subtree)
        for c in verb.children
    )


_SCENE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "on"})
_ALONGSIDE = frozenset({"advcl", "conj", "xcomp", "acl", "pcomp"})


def _told_around_the_speech(draft: MentionDraft, place) -> bool:
    """Where a speech act was made, when the text does not say "said in X": where its speakers are
    ("protesters in Diwaniya city rejected the proposal"), where the act it goes with took place ("blocked
    the road in Draa-Ben-Khedda, denouncing ..."), or the scene the sentence opens with ("On 7 May, in
    Santa Rosa, merchants gathered ... to draw attention to their demand"). Never a place inside what was
    said ("condemned the attack in Baghdad") or a speaker that is itself a place ("Moscow blames")."""
    if place is None or place.span is None:
        return False
    sentence = draft.sentence
    named = [t for t in sentence if place.span.start <= t.idx < place.span.end]
    if not named:
        return False
    head = draft.head
    for subject in (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject not in named and all(t in subject.subtree for t in named):
            return True
    related = [c for c in head.children if c.dep_ == "conj"]
    if head.dep_ in _ALONGSIDE:
        related.append(head.head)
    root = sentence.root
    for verb in related + [root]:
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in _SCENE_PREPS:
                continue
            if verb is root and verb not in related and prep.i > root.i:
                continue  # only the opening scene of the sentence, not any place after its main verb
            if all(t in prep.subtree for t in named) and head not in prep.subtree:
                return True
    return False


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
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))
_NO_WORDS = re.compile(r"[^\w]{%d,}" % NO_WORDS)


def _is_own_happening(draft: MentionDraft, drafts: list[MentionDraft]) -> bool:
    """The content of a threat, appeal or plan is not an event of its own; nor is a hypothetical."""
    if draft.modality in (Modality.HYPOTHETICAL,) and not draft.trigger.entry.is_speech:
        return False
    if _is_wish(draft.head):
        return False  # "the attackers wanted to kill as many as possible": a wish, not a happening
    parent = content_parent(draft, drafts)
    return parent is None


def _story_filter(article: Article):
    """Accept character ranges inside the story body and outside the removed parts."""
    body = article.body
    removed = [(r.span.start, r.span.end) for r in article.removed]

    def keep(start: int, end: int) -> bool:
        if body is not None and not (body.start <= start and end <= body.end):
            return False
        return not any(s <= start < e for s, e in removed)

    return keep


def _main_country(toponyms) -> str | None:
    counts: dict[str, int] = {}
    for toponym in toponyms:
        if toponym.country_code:
            counts[toponym.country_code] = counts.get(toponym.country_code, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


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
        try:
            document = next(documents)
        except Exception as exc:  # noqa: BLE001 - one bad article must not end the batch
            log.debug("extraction failed for %s", item.id, exc_info=True)
            document = Failure(input=item.source or item.id, stage="extract", code="extract",
                               reason=f"extraction failed: {type(exc).__name__}: {exc}")
            documents = iter(extractor.documents(articles[done + 1 :]))
        done += 1
        yield document
