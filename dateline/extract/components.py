"""dateline's spaCy component, registered the spaCy way.

``dateline_events`` finds event triggers (``triggers.find_triggers``) and stores them on
``doc._.dateline_triggers``. It is pure with respect to the Doc (no I/O, no global state) and is also
advertised through the ``spacy_factories`` entry point, so a plain spaCy config can use it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .triggers import find_triggers

__all__ = ["EVENT_COMPONENT", "ensure_component", "make_event_component"]

EVENT_COMPONENT = "dateline_triggers"
FACTORY = "dateline_events"

if not Doc.has_extension(EVENT_COMPONENT):
    Doc.set_extension(EVENT_COMPONENT, default=None)


class EventTriggerComponent:
    """Finds the event triggers of a parsed Doc."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(EVENT_COMPONENT, find_triggers(doc))
        return doc


@Language.factory(
    FACTORY,
    assigns=[f"doc._.{EVENT_COMPONENT}"],
    requires=["token.lemma", "token.dep", "token.tag"],
    default_config={},
)
def make_event_component(nlp: Language, name: str) -> EventTriggerComponent:
    return EventTriggerComponent()


def ensure_component(nlp: Language) -> Language:
    """Add the trigger component at the end of ``nlp`` unless it is there already."""
    if FACTORY not in nlp.pipe_names:
        nlp.add_pipe(FACTORY, name=FACTORY, last=True)
    return nlp
