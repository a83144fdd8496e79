"""Event mentions: one coded trigger with everything its own sentence says about it.

``read_mentions`` turns the triggers of a parsed article into ``MentionDraft`` records: codes, roles,
modality, claims, date and place. ``assemble.py`` then merges the mentions of one happening into an event.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from .. import lang
from ..doctext import text_of
from ..models import Attribution, Entity, Modality, Place
from ..models import Span as TextSpan
from .lexicon import code_group, coding_cues
from .modality import has_condition, is_obliged, is_presupposed, modality_of
from .quotes import Claim
from .triggers import Trigger

if TYPE_CHECKING:
    from ..coding import Coding

__all__ = ["ArticleContext", "MentionDraft", "read_mention"]

_EN = lang.load()


def _sectors(column: str) -> frozenset[str]:
    """The actor sector codes marked in that column of ``lang/en/actors/sector_codes.tsv``."""
    return frozenset(row["code"] for row in _EN.rows("actors/sector_codes") if row[column] == "yes")


# Content of these acts is not a happening of its own: a threat's closure, an appeal's justice, a plan.
_CONTENT_ONLY_TYPES = code_group("plover_type", "content_only")
_CONTESTED_KINDS = code_group("attribution_kind", "contested")  # the author of a known act is alleged
_ARMED_SECTORS = _sectors("armed")
_STATE_FORCES = _sectors("state_force")
_UNARMED_SECTORS = _sectors("unarmed")
_FIRST_PERSON = _EN.words("first_person_words")
_PROTESTER_WORDS = _EN.words("protester_nouns")
# an "Islamist group", "armed men": a group that fights, not a crowd
_MILITANT_WORDS = _EN.words("militant_words")
_AIMED_VERBS = _EN.words("aimed_verbs")  # "at" names a target only for these
_TARGET_PREPS = _EN.words("target_prepositions")
_AIMED_TARGET_PREPS = _TARGET_PREPS | {"at"}  # "fired at the crowd"
_OFF_DUTY = _EN.words("off_duty_words")
_VICTIM_TRIGGERS = _EN.words("victim_trigger_lemmas")

_NOMINAL = _EN.labels("nominal")
_DIRECT_OBJECTS = _EN.labels("direct_objects")
_OBJECTS_AND_PASSIVE_SUBJECTS = _EN.labels("objects_and_passive_subjects")
_CORE_ARGUMENTS = _EN.labels("core_arguments")
_NOUN_MODIFIERS = _EN.labels("noun_modifiers")
_NOUN_PREMODIFIERS = _EN.labels("noun_premodifiers")
_MODIFIER_CLAUSES = _EN.labels("modifier_clauses")
_COMPLEMENT_CLAUSES = _EN.labels("complement_clauses")
_TIME_ENTITIES = _EN.labels("time_entities")
_GROUP_ENTITIES = _EN.labels("group_entities")
_SETTLEMENT_ENTITIES = _EN.labels("settlement_entities")


@dataclass(slots=True)
class MentionDraft:
    trigger: Trigger
    coding: Coding
    modality: Modality  # of the event as coded (an intent, refusal or threat is itself asserted)
    actors: list[Entity]
    recipients: list[Entity]
    attribution: list[Attribution]
    claim: Claim | None
    date: str | None = None
    date_precision: str | None = None
    date_reason: str | None = None
    date_explicit: bool = False
    location: Place | None = None
    content_of: MentionDraft | None = None
    confidence: float = 0.5
    trigger_modality: Modality | None = None  # of the trigger's own happening ("would buy": future)
    extra_actor_attribution: list[Attribution] = field(default_factory=list)

    @property
    def head(self) -> Token:
        return self.trigger.head

    @property
    def sentence(self) -> Span:
        return self.trigger.head.sent

    @property
    def is_violent(self) -> bool:
        return self.coding.is_violent  # assault, coercion, protest (ontology/data/event_type_roles.tsv)


@dataclass(slots=True)
class ArticleContext:
    """What the mention reader needs about the article beyond the parse."""

    doc: Doc
    claims: list[Claim]
    outlet: str | None
    country: str | None  # the article's main country (context for "Iran-backed militias")


def claim_for(char: int, claims: list[Claim]) -> Claim | None:
    """The innermost claim whose content covers the character ``char``."""
    covering = [c for c in claims if c.content.start <= char < c.content.end]
    return min(covering, key=lambda c: c.content.end - c.content.start) if covering else None


def read_mention(trigger: Trigger, context: ArticleContext, roles, coder) -> MentionDraft | None:
    """Code one trigger; None when it is no codable event."""
    # the chain's one step from extraction into coding: coding/ reads extract's text readings, so it is
    # reached at call time (a module-level import would loop when dateline.coding is imported first)
    from ..coding import code_trigger, recode_for_modality

    actor_spans, recipient_spans = roles(trigger.span)
    claim = claim_for(trigger.head.idx, context.claims)
    actors = [_entity(s, coder, context, claim) for s in actor_spans]
    recipients = [_entity(s, coder, context, claim) for s in recipient_spans]
    victims = _has_victims(trigger, recipients)
    armed = int(_is_armed(actors, actor_spans)) + int(
        (_is_armed(recipients, recipient_spans) or _armed_victims(trigger)) and not _off_duty(trigger))
    coding = code_trigger(trigger, sentence=trigger.head.sent, victims=victims, armed_sides=armed,
                          mob_actor=_is_mob(actor_spans) and not _is_armed(actors, actor_spans),
                          protester_actor=_is_protesters(actor_spans),
                          state_actor=any(e.sector in _STATE_FORCES for e in actors))
    if coding is None:
        return None
    modality = own_modality = modality_of(trigger.head)
    recoded = recode_for_modality(coding, trigger, modality.value, has_condition(trigger.head),
                                  obliged=is_obliged(trigger.head))
    if recoded is not None:
        coding, modality = recoded, Modality.ASSERTED  # the intent, refusal or threat itself is asserted
    elif modality == Modality.NEGATED and coding.acled_sub_event_type is not None:
        coding = replace(coding, acled_event_type=None, acled_sub_event_type=None)  # "entered without fighting"
    draft = MentionDraft(
        trigger=trigger,
        coding=coding,
        modality=modality,
        actors=actors,
        recipients=recipients,
        attribution=[],
        claim=claim,
        trigger_modality=own_modality,
    )
    draft.attribution = _attributions(draft, context)
    return draft


def _entity(span: Span, coder, context: ArticleContext, claim: Claim | None) -> Entity:
    """Code a role phrase; first-person pronouns inside a quote are its speaker."""
    if span.text.lower() in _FIRST_PERSON and claim is not None and claim.speaker is not None:
        speaker_span = _speaker_tokens(span.doc, claim)
        if speaker_span is not None:
            coded = coder.code(speaker_span, context_country=context.country)
            return Entity(
                text=span.text,
                name=claim.speaker.name or coded.name,
                code=coded.code,
                country=coded.country,
                sector=coded.sector,
                backer=coded.backer,
                span=TextSpan.of(text_of(span.doc), span.start_char, span.end_char),
            )
    return coder.code(span, context_country=context.country)


def _speaker_tokens(doc: Doc, claim: Claim) -> Span | None:
    """The named speaker's tokens (a pronoun speaker resolves to its antecedent's name)."""
    speaker = claim.speaker
    if speaker is None or speaker.span is None:
        return None
    name = speaker.name or speaker.text
    if name and name != speaker.text:
        start = text_of(doc).rfind(name, 0, speaker.span.start + 1)
        if start < 0:
            start = text_of(doc).find(name)
        if start >= 0:
            found = doc.char_span(start, start + len(name), alignment_mode="expand")
            if found is not None:
                return found
    return doc.char_span(speaker.span.start, speaker.span.end, alignment_mode="expand")


def _is_armed(entities: list[Entity], spans: list[Span]) -> bool:
    if any(e.sector in _ARMED_SECTORS for e in entities):
        return True
    armed_words = coding_cues().lists["armed_words"]
    return any(t.lemma_.lower() in armed_words or t.lower_ in armed_words for s in spans for t in s
               if t.pos_ in _NOMINAL)


def _is_protesters(spans: list[Span]) -> bool:
    return any(s.root.lemma_.lower() in _PROTESTER_WORDS or s.root.lower_ in _PROTESTER_WORDS for s in spans)


def _is_mob(spans: list[Span]) -> bool:
    """A crowd, villagers or a numbered group of people as the perpetrator (ACLED's mob violence)."""
    words = coding_cues().lists["mob_actor_words"]
    armed = coding_cues().lists["armed_words"] | _MILITANT_WORDS
    return any((s.root.lower_ in words or s.root.lemma_.lower() in words)
               and not any(t.lower_ in armed or t.lemma_.lower() in armed for t in s) and not _named_group(s)
               for s in spans)


def _named_group(span: Span) -> bool:
    """"Al-Shabaab members", "BJP workers": members of a named organisation, not a crowd."""
    return any(c.i < span.root.i and c.dep_ in _NOUN_PREMODIFIERS
               and c.ent_type_ != "NORP" and (c.pos_ == "PROPN" or c.ent_type_ == "ORG")
               for c in span.root.children)


def _victim_nouns(trigger: Trigger) -> list[Token]:
    """Who or what the act was done to: its objects, "on/against/at" targets, and the objects of a
    coordinated verb ("shot and killed a man"); dates ("on 2 May") are not targets."""
    head = trigger.head
    verbs = [head] + [c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if head.dep_ == "conj" and head.head.pos_ == "VERB":
        verbs.append(head.head)
    nouns: list[Token] = []
    for verb in verbs:
        nouns += [c for c in verb.children if c.dep_ in _OBJECTS_AND_PASSIVE_SUBJECTS]
        nouns += _prepositional_objects(verb, _target_prepositions(verb))
    if head.dep_ == "acl" and head.tag_ == "VBN":
        nouns.append(head.head)
    return [n for n in nouns if n.ent_type_ not in _TIME_ENTITIES]


def _target_prepositions(verb: Token) -> frozenset[str]:
    """"on" and "against" name a target; "at" too after an aimed verb ("fired at the crowd")."""
    return _AIMED_TARGET_PREPS if verb.lemma_.lower() in _AIMED_VERBS else _TARGET_PREPS


def _prepositional_objects(verb: Token, prepositions: frozenset[str]) -> list[Token]:
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ in prepositions
            for g in c.children if g.dep_ == "pobj"]


def _armed_victims(trigger: Trigger) -> bool:
    return any(_is_armed_noun(n) for n in _victim_nouns(trigger))


def _is_armed_noun(noun: Token) -> bool:
    """"soldiers", and "Al-Shabaab members": a noun that names fighters or members of an armed group."""
    armed_words = coding_cues().lists["armed_words"]
    words = [noun] + [c for c in noun.children if c.dep_ in _NOUN_MODIFIERS]
    return any(w.lemma_.lower() in armed_words or w.lower_ in armed_words for w in words)


def _off_duty(trigger: Trigger) -> bool:
    """"an off-duty soldier", "an unarmed policeman": a member of the forces who was not fighting."""
    text = trigger.head.sent.text.lower()
    return any(w in text for w in _OFF_DUTY)


def _has_victims(trigger: Trigger, recipients: list[Entity]) -> bool:
    if any(e.sector in _UNARMED_SECTORS for e in recipients) or _off_duty(trigger):
        return True
    if any(e.sector in _ARMED_SECTORS for e in recipients):
        return False
    if trigger.entry.lemmas[0] in _VICTIM_TRIGGERS:
        return True  # bodies found, people found dead or tortured: violence against those people
    victim_words = coding_cues().lists["victim_words"]
    nouns = _victim_nouns(trigger)
    if any(o.lemma_.lower() in victim_words and not _is_armed_noun(o) for o in nouns):
        return True
    # "militants attacked Muaja": a village or town as the target is an attack on its people
    return not _armed_victims(trigger) and any(o.ent_type_ in _SETTLEMENT_ENTITIES or _named_target(o) for o in nouns)


def _named_target(token: Token) -> bool:
    """A village or a person named as the object ("attacked Napula (Macomia)"): the parser often takes an
    unknown village name for a person; either way the target is no armed group."""
    return token.pos_ == "PROPN" and token.ent_type_ not in _GROUP_ENTITIES and token.dep_ in _DIRECT_OBJECTS


def _attributions(draft: MentionDraft, context: ArticleContext) -> list[Attribution]:
    """Who says so: the claim the trigger sits in, else the outlet's own report."""
    claim = draft.claim
    found: list[Attribution] = []
    if claim is not None and not _is_speaker_act(draft, claim):
        about = "event"
        if claim.attribution_kind in _CONTESTED_KINDS and is_presupposed(draft.head):
            about = "actor"  # "accused X of carrying out the attack": the attack is known, its author alleged
        found.append(claim_attribution(claim, about))
    elif claim is not None:
        found.append(claim_attribution(claim, "event"))
    if not found or found[0].about != "event":
        found.append(
            Attribution(claimant=context.outlet or "the article", kind="report", cue=None, about="event", via=(), span=None)
        )
    return found


def _is_speaker_act(draft: MentionDraft, claim: Claim) -> bool:
    """The trigger is the claim's own cue ("accused", "condemns" said by the speaker)."""
    cue = claim.cue_span
    return cue is not None and cue.start <= draft.head.idx < cue.end


def claim_attribution(claim: Claim, about: str) -> Attribution:
    """The contract's attribution for what ``claim`` says: its speaker, cue, relay chain and cue span."""
    speaker = claim.speaker
    claimant = (speaker.name or speaker.text) if speaker is not None else "unnamed source"
    span = claim.cue_span or (speaker.span if speaker is not None else None)
    return Attribution(
        claimant=claimant,
        kind=claim.attribution_kind,
        cue=claim.cue,
        about=about,
        via=tuple(claim.via),
        span=span,
    )


def content_parent(draft: MentionDraft, others: list[MentionDraft]) -> MentionDraft | None:
    """The act whose content this mention is: "would close the embassy" inside "warned"; "demanding
    wages" inside "protested"."""
    ancestors = set(t.i for t in draft.head.ancestors)
    if draft.trigger.entry.is_speech and draft.head.dep_ in _MODIFIER_CLAUSES and draft.head.tag_ == "VBG":
        protest = next((o for o in others if o.head.i == draft.head.head.i and o.coding.event_type == "PROTEST"), None)
        if protest is not None:
            return protest
    for other in others:
        if other is draft or other.head.i not in ancestors:
            continue
        if other.coding.event_type in _CONTENT_ONLY_TYPES and other.trigger.entry.is_speech \
                and not _protest_beside_speech(draft, other):
            return other
        if draft.trigger.entry.is_speech and other.coding.event_type == "PROTEST":
            return other  # "staged demonstrations to demand reforms": the demand is the protest's message
    spoken = _clause_of_speech_noun(draft, others)
    if spoken is not None:
        return spoken
    return _relative_clause_host(draft, others)


def _protest_beside_speech(draft: MentionDraft, speech: MentionDraft) -> bool:
    """"Workers protested in Rijeka and demanded a moratorium", parsed with "protested" as a modifier of
    "workers": a protest told by its own verb before the demand, not inside a clause the demand governs
    ("called on supporters to protest"), is the happening the demand was made at, not its content."""
    if draft.coding.event_type != "PROTEST" or draft.head.pos_ != "VERB" or draft.head.i > speech.head.i:
        return False
    node = draft.head
    while node.i != speech.head.i and node.head.i != node.i:
        if node.dep_ in _COMPLEMENT_CLAUSES:
            return False
        node = node.head
    return True


def _clause_of_speech_noun(draft: MentionDraft, others: list[MentionDraft]) -> MentionDraft | None:
    """"reiterated its demand that Israel ease restrictions": the parser hangs the "that" clause on the
    verb, but it is the content of the demand noun."""
    head = draft.head
    clause = next((t for t in [head, *head.ancestors] if t.dep_ == "ccomp"), None)
    if clause is None:
        return None
    nouns = {c.i for c in clause.head.children if c.dep_ in _DIRECT_OBJECTS and c.i < clause.i}
    return next((o for o in others if o is not draft and o.head.i in nouns and o.trigger.entry.is_speech
                 and o.coding.event_type in _CONTENT_ONLY_TYPES), None)


def _relative_clause_host(draft: MentionDraft, others: list[MentionDraft]) -> MentionDraft | None:
    """An act told in a relative clause ("the curfew imposed after clashes that killed 24", "refugees,
    whom the authorities blame for ...") describes a participant of the sentence's main event, which is
    another kind of act outside that clause: background, not a second happening of the sentence."""
    head = draft.head
    clause = next((t for t in [head, *head.ancestors] if t.dep_ == "relcl"), None)
    if clause is None or _is_trigger_head(clause.head, others):
        return None  # "an attack that killed five": the killing is the attack's own toll
    inner = {t.i for t in clause.subtree}
    return next((o for o in others if o is not draft and o.head.i not in inner
                 and o.sentence.start == draft.sentence.start
                 and o.coding.event_type != draft.coding.event_type and _is_main_clause(o.head)), None)


def _is_trigger_head(token: Token, others: list[MentionDraft]) -> bool:
    return any(o.head.i == token.i for o in others)


def _is_main_clause(token: Token) -> bool:
    """The token is the sentence's main verb, its object, or coordinated with it."""
    node = token
    if node.dep_ in _CORE_ARGUMENTS:
        node = node.head
    while node.dep_ == "conj":
        node = node.head
    return node.dep_ == "ROOT" or (node.dep_ == "ccomp" and node.head.dep_ == "ROOT")


def propagate_actor_codes(drafts: list[MentionDraft]) -> None:
    """Within one article, "Pompeo" is the "US Secretary of State Michael Pompeo" named before:
    an uncoded entity takes the codes of a coded one whose text ends with or contains its name."""
    coded: list[Entity] = []
    for draft in drafts:
        for role in (draft.actors, draft.recipients):
            for i, entity in enumerate(role):
                if entity.code or entity.country:
                    coded.append(entity)
                    continue
                match = next((c for c in reversed(coded) if _same_name(entity.text, c)), None)
                if match is not None:
                    role[i] = replace(entity, name=match.name, code=match.code, country=match.country,
                                      sector=match.sector, backer=match.backer)


def _same_name(text: str, entity: Entity) -> bool:
    name = text.strip().lower()
    if len(name) < 3 or name in _FIRST_PERSON:
        return False
    other = (entity.name or entity.text).lower()
    return other.endswith(name) or f" {name} " in f" {other} "


def is_presupposed_in_allegation(draft: MentionDraft) -> bool:
    return (draft.claim is not None and draft.claim.attribution_kind in _CONTESTED_KINDS
            and is_presupposed(draft.head))


def inside(span: TextSpan | None, char: int) -> bool:
    return span is not None and span.start <= char < span.end
