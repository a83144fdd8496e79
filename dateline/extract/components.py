"""dateline's extraction steps as spaCy components, and the pipeline that assembles them from a config.

The trained model's own components (tagger, parser, NER...) come from the model package (``dateline.nlp``);
dateline's steps come from ``pipeline.cfg``, shipped next to this module (``[extract] pipeline`` in the
settings may name another one). Each step is a factory registered with a versioned name
(``dateline_timexes_v1``: spaCy refuses dots in factory names), declares what it ``requires`` and
``assigns``, and writes declared ``Doc._`` extensions only. The article a Doc was made from is the Doc's
``doc._.dateline_article`` (``dateline.doctext``): the extractor sets it on ``nlp.make_doc(text)`` before
passing the Doc to ``nlp.pipe``; a Doc made from a bare text is an article of its own text.

| pipe name | assigns |
|---|---|
| ``dateline_headline_tense`` | ``token.tag`` (headline Docs only: "Company buys rival" read as past) |
| ``dateline_triggers`` | ``doc._.dateline_triggers`` |
| ``dateline_timexes`` | ``doc._.dateline_reference``, ``doc._.dateline_timexes`` |
| ``dateline_toponyms`` | ``doc._.dateline_toponyms`` |
| ``dateline_claims`` | ``doc._.dateline_claims``, ``doc._.dateline_quotes`` |
| ``dateline_mentions`` | ``doc._.dateline_mentions`` |
| ``dateline_counts`` | ``doc._.dateline_counts``, ``doc._.dateline_quantities`` |
| ``dateline_events`` | ``doc._.dateline_events`` |

Components are pure with respect to the Doc: the geoparser and the actor coder are loaded once, by the
registered functions ``dateline.geoparser.v1`` / ``dateline.actor_coder.v1`` the config names, and held
by the component objects. The factories are also advertised through the ``spacy_factories`` entry point,
so a plain spaCy config can use them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import load_config, registry

from ..doctext import article_of, declare
from ..errors import ConfigError
from .assemble import assemble_events
from .casualties import find_counts, find_quantities
from .headlines import read_as_past
from .mentions import ArticleContext, MentionDraft, propagate_actor_codes, read_mention
from .quotes import find_claims
from .story import (
    is_own_happening,
    main_country,
    said_somewhere,
    speakers_scene,
    story_filter,
    told_around_the_speech,
)
from .triggers import find_triggers

if TYPE_CHECKING:
    from ..models import Place, Toponym
    from ..places import Geoparser
    from .actors import ActorCoder

__all__ = [
    "EVENT_COMPONENT",
    "HEADLINE",
    "PACKAGED_PIPELINE",
    "add_pipeline",
    "ensure_component",
    "pipeline_config",
]

PACKAGED_PIPELINE = Path(__file__).with_name("pipeline.cfg")

# The Doc extensions dateline's components write are those their factories declare they assign (``_step``),
# besides those of dateline.doctext, dateline.places and extract/quotes.py, which cache what they read.
EVENT_COMPONENT = "dateline_triggers"  # the trigger finder's pipe name and extension (tests read it)
HEADLINE = "dateline_headline"  # True on the Doc of an article's headline (set by the extractor)
declare(HEADLINE)

_PARSE = ["token.tag", "token.dep"]


# --- the steps ------------------------------------------------------------------------------------------


class HeadlineTense:
    """On a headline Doc, bare present-tense verbs are read as the past they report (``read_as_past``)."""

    def __call__(self, doc: Doc) -> Doc:
        if doc._.dateline_headline:
            read_as_past(doc)
        return doc


class TriggerFinder:
    """The event triggers of a parsed Doc (``triggers.find_triggers``)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.dateline_triggers = find_triggers(doc)
        return doc


class TimexTagger:
    """The article's reference time and the temporal expressions of the text (offsets of the input)."""

    def __call__(self, doc: Doc) -> Doc:
        from ..doctext import text_of
        from ..times import find_timexes, reference_time

        article = article_of(doc)
        reference = reference_time(article.published, dateline=article.dateline, outlet=article.outlet)
        doc._.dateline_reference = reference
        doc._.dateline_timexes = find_timexes(text_of(doc), reference, doc=doc)
        return doc


class ToponymResolver:
    """Resolved place names of the Doc, through the geoparser the component holds."""

    def __init__(self, geoparser: Geoparser) -> None:
        self.geoparser = geoparser

    def __call__(self, doc: Doc) -> Doc:
        doc._.dateline_toponyms = self.geoparser.toponyms(doc, doc_id=article_of(doc).id)
        return doc


class ClaimFinder:
    """Who says what: the claims of the text, and the quotes of those inside the story."""

    def __call__(self, doc: Doc) -> Doc:
        keep = story_filter(article_of(doc))
        claims = find_claims(doc)
        doc._.dateline_claims = claims
        doc._.dateline_quotes = tuple(c.to_quote() for c in claims if keep(c.content.start, c.content.end))
        return doc


class MentionReader:
    """The event mentions of the story: each trigger read with its actors, modality, date and place, less
    those that are not happenings of their own (``story.is_own_happening``)."""

    def __init__(self, geoparser: Geoparser, actor_coder: ActorCoder) -> None:
        self.geoparser = geoparser
        self.coder = actor_coder

    def __call__(self, doc: Doc) -> Doc:
        from .actors import find_roles

        article = article_of(doc)
        keep = story_filter(article)
        toponyms = doc._.dateline_toponyms
        context = ArticleContext(doc=doc, claims=doc._.dateline_claims, outlet=article.outlet,
                                 country=main_country(toponyms))  # fmt: skip
        drafts: list[MentionDraft] = []
        for trigger in doc._.dateline_triggers:
            span = trigger.span
            if not keep(span.start_char, span.end_char):
                continue
            draft = read_mention(trigger, context, find_roles, self.coder)
            if draft is not None:
                drafts.append(draft)
        kept = [d for d in drafts if is_own_happening(d, drafts)]
        for draft in kept:
            self._date(doc, draft)
            self._place(doc, draft, toponyms, article.dateline)
        propagate_actor_codes(kept)
        doc._.dateline_mentions = kept
        return doc

    @staticmethod
    def _date(doc: Doc, draft: MentionDraft) -> None:
        from ..times import event_date

        when = event_date(doc, draft.trigger.span, doc._.dateline_timexes, doc._.dateline_reference)
        draft.date, draft.date_precision, draft.date_reason = when.date, when.precision, when.reason
        draft.date_explicit = when.timex is not None

    def _place(self, doc: Doc, draft: MentionDraft, toponyms: list[Toponym], dateline: str | None) -> None:
        """Where the happening was; a speech act's place only when the text ties the act to it."""
        speech = draft.trigger.entry.is_speech and not said_somewhere(draft.head)
        place = self.geoparser.locate_event(doc, draft.trigger.span, toponyms, dateline=dateline)
        draft.location = None if speech and not told_around_the_speech(draft, place) else place
        if speech and draft.location is None:
            draft.location = self._where_the_speakers_were(doc, draft, toponyms, dateline)

    def _where_the_speakers_were(self, doc: Doc, draft: MentionDraft, toponyms: list[Toponym],
                                 dateline: str | None) -> Place | None:  # fmt: skip
        previous = speakers_scene(doc, draft)
        if previous is None:
            return None
        root = previous.root
        place = self.geoparser.locate_event(doc, doc[root.i : root.i + 1], toponyms, dateline=dateline)
        if place is None or place.span is None:
            return None
        return place if previous.start_char <= place.span.start < previous.end_char else None


class CountFinder:
    """Casualty and other counts, and quantities, anchored inside the story."""

    def __call__(self, doc: Doc) -> Doc:
        keep = story_filter(article_of(doc))
        counts = find_counts(doc)
        doc._.dateline_counts = [c for c in counts if keep(c.anchor.idx, c.anchor.idx + len(c.anchor))]
        quantities = find_quantities(doc)
        doc._.dateline_quantities = [q for q in quantities if keep(q[2].idx, q[2].idx + len(q[2]))]
        return doc


class EventAssembler:
    """The story's events: its mentions merged per happening, with counts, quantities and attribution."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.dateline_events = assemble_events(
            doc, article_of(doc).id, doc._.dateline_mentions, doc._.dateline_counts,
            doc._.dateline_quantities, doc._.dateline_claims,
        )  # fmt: skip
        return doc


# --- registration -----------------------------------------------------------------------------------------


@registry.misc("dateline.geoparser.v1")
def default_geoparser() -> Geoparser:
    """The process-wide geoparser over the gazetteer of the settings (``[places] gazetteer``)."""
    from ..places import Geoparser

    return Geoparser.default()


@registry.misc("dateline.actor_coder.v1")
def default_actor_coder() -> ActorCoder:
    """The process-wide actor coder (lexicons loaded once)."""
    from .actors import ActorCoder

    return ActorCoder.default()


def _step(factory: str, *, assigns: list[str], requires: list[str],
          default_config: dict[str, Any] | None = None) -> Any:  # fmt: skip
    """``Language.factory``, declaring the Doc extensions the step assigns."""
    for attr in assigns:
        if attr.startswith("doc._."):
            declare(attr.removeprefix("doc._."))
    return Language.factory(factory, assigns=assigns, requires=requires, default_config=default_config or {})


_GEOPARSER = {"@misc": "dateline.geoparser.v1"}
_ACTOR_CODER = {"@misc": "dateline.actor_coder.v1"}


@_step("dateline_headline_tense_v1", assigns=["token.tag"], requires=_PARSE)
def make_headline_tense(nlp: Language, name: str) -> HeadlineTense:
    return HeadlineTense()


@_step("dateline_triggers_v1", assigns=[f"doc._.{EVENT_COMPONENT}"], requires=["token.lemma", *_PARSE])
def make_trigger_finder(nlp: Language, name: str) -> TriggerFinder:
    return TriggerFinder()


# The entry point of installs made before the pipeline had its config (``pip install -e .`` refreshes it).
make_event_component = make_trigger_finder


@_step(
    "dateline_timexes_v1",
    assigns=["doc._.dateline_reference", "doc._.dateline_timexes"],
    requires=["doc.ents", *_PARSE],
)
def make_timex_tagger(nlp: Language, name: str) -> TimexTagger:
    return TimexTagger()


@_step(
    "dateline_toponyms_v1",
    assigns=["doc._.dateline_toponyms"],
    requires=["doc.ents", "token.ent_type", *_PARSE],
    default_config={"geoparser": _GEOPARSER},
)
def make_toponym_resolver(nlp: Language, name: str, geoparser: Any) -> ToponymResolver:
    return ToponymResolver(geoparser)


@_step("dateline_claims_v1", assigns=["doc._.dateline_claims", "doc._.dateline_quotes"], requires=_PARSE)
def make_claim_finder(nlp: Language, name: str) -> ClaimFinder:
    return ClaimFinder()


@_step(
    "dateline_mentions_v1",
    assigns=["doc._.dateline_mentions"],
    requires=[
        "doc._.dateline_triggers",
        "doc._.dateline_reference",
        "doc._.dateline_timexes",
        "doc._.dateline_toponyms",
        "doc._.dateline_claims",
    ],
    default_config={"geoparser": _GEOPARSER, "actor_coder": _ACTOR_CODER},
)
def make_mention_reader(nlp: Language, name: str, geoparser: Any, actor_coder: Any) -> MentionReader:
    return MentionReader(geoparser, actor_coder)


@_step(
    "dateline_counts_v1",
    assigns=["doc._.dateline_counts", "doc._.dateline_quantities"],
    requires=["doc.ents", *_PARSE],
)
def make_count_finder(nlp: Language, name: str) -> CountFinder:
    return CountFinder()


@_step(
    "dateline_events_v1",
    assigns=["doc._.dateline_events"],
    requires=[
        "doc._.dateline_mentions",
        "doc._.dateline_counts",
        "doc._.dateline_quantities",
        "doc._.dateline_claims",
    ],
)
def make_event_assembler(nlp: Language, name: str) -> EventAssembler:
    return EventAssembler()


# --- the pipeline from its config ---------------------------------------------------------------------------


def pipeline_config(path: str | Path | None = None) -> Any:
    """The parsed pipeline config: ``path``, else the one ``[extract] pipeline`` of the settings names, else
    the packaged ``pipeline.cfg``. Its ``[nlp] pipeline`` lists the pipe names in order; each
    ``[components.NAME]`` gives the factory and its settings, as in any spaCy config.

    Raises:
        ConfigError: there is no file at the path.
    """
    if path is None:
        from .. import settings

        path = settings.current().extract.pipeline or PACKAGED_PIPELINE
    if not Path(path).is_file():
        raise ConfigError(f"extract.pipeline: no spaCy config file at {path}; give the path of a .cfg file "
                          "like dateline/extract/pipeline.cfg, or leave the setting empty for that one")  # fmt: skip
    return load_config(Path(path), interpolate=False)


def add_pipeline(nlp: Language, config: Any = None) -> Language:
    """Add dateline's components of ``config`` (default: ``pipeline_config()``) to the end of ``nlp``, in the
    config's order; components of the config already there are replaced (``ensure_component`` may have
    added the trigger finder alone). The model's own components are left as they are."""
    config = pipeline_config() if config is None else config
    names = list(config["nlp"]["pipeline"])
    if nlp.pipe_names[-len(names) :] == names:
        return nlp
    for name in names:
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    for name in names:
        settings = dict(config["components"][name])
        nlp.add_pipe(settings.pop("factory"), name=name, config=settings)
    return nlp


def ensure_component(nlp: Language) -> Language:
    """Add the trigger finder at the end of ``nlp`` unless it is there already (tests that read triggers
    only; the extractor adds the whole pipeline, ``add_pipeline``)."""
    if EVENT_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe("dateline_triggers_v1", name=EVENT_COMPONENT, last=True)
    return nlp
