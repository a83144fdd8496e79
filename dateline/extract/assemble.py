"""From mentions to events: one event per happening per article, with counts, quantities and confidence.

Mentions of one happening are merged (all their evidence kept): violent or material mentions of the same
PLOVER type whose places and dates agree, unless the text marks them apart ("another attack", "in a
separate incident"); speech acts only when the same actor repeats the same act ("called for" ... "we
call on"). Casualty counts go to the violent event of their sentence, else the latest one before them.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.tokens import Doc

from .. import lang
from ..distance import haversine_km
from ..doctext import input_text
from ..models import Attribution, Event, Mention, Modality, Place, Quantity
from ..models import Span as TextSpan
from .casualties import COUNT_KINDS, Count
from .mentions import MentionDraft, claim_attribution, claim_for

__all__ = ["assemble_events"]

EN = lang.load()


@cache
def _markers(group: str) -> frozenset[str]:
    """A group of ``happening_markers.toml``: words that set happenings apart or in the background."""
    return frozenset(EN.data("happening_markers")[group])



def assemble_events(
    doc: Doc,
    doc_id: str,
    drafts: list[MentionDraft],
    counts: list[Count],
    quantities: list,
    claims: list,
) -> list[Event]:
    groups = _fold_parts(_merge(drafts))
    events = [_event(doc, doc_id, group) for group in groups]
    _defer_to_protests(events, groups)
    _defer_to_speech(events, groups)
    _defer_to_main_predicates(events, groups)
    _defer_to_settings(events, groups)
    _attach_counts(events, groups, counts, claims, doc)
    _attach_quantities(events, groups, quantities, claims, doc)
    background = _background_groups(groups)
    return [_finish(e, groups[i]) for i, e in enumerate(events) if i not in background]




def _background_groups(groups: list[list[MentionDraft]]) -> set[int]:
    """Events told only as the occasion of another of a different kind in their sentence ("suspended
    aid after its vehicles were hit", "lifted the curfew imposed after the clashes", "failed to agree
    despite hours of talks", acts told in a relative clause): reported elsewhere as events of their own,
    here they are background, not a second happening of this article."""
    main_types = {(d.sentence.start, d.coding.event_type) for g in groups for d in g
                  if not _in_background_clause(d.head)}
    main_sentences = {start for start, _ in main_types}
    dropped: set[int] = set()
    for i, group in enumerate(groups):
        if len(group) > 1:
            continue
        draft = group[0]
        start = draft.sentence.start
        if start in main_sentences and (start, draft.coding.event_type) not in main_types \
                and _in_background_clause(draft.head):
            dropped.add(i)
    return dropped


@cache
def _function_words(group: str) -> frozenset[str]:
    """A group of function words from ``function_words.toml``."""
    return frozenset(EN.data("function_words")[group])


def _in_background_clause(token) -> bool:
    """Whether the token sits in an "after ..." / "following ..." / "despite ..." clause or phrase."""
    for node in [token, *token.ancestors]:
        if node.dep_ == "relcl":
            return True  # "families who say their sons were kidnapped": what describes someone in the news
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _markers("background_markers") for c in node.children):
            return True
        if node.dep_ in EN.labels("prepositional_objects") and node.head.dep_ == "prep" \
                and node.head.lower_ in _markers("background_markers"):
            return True
    return False


def _merge(drafts: list[MentionDraft]) -> list[list[MentionDraft]]:
    groups: list[list[MentionDraft]] = []
    for draft in drafts:
        target = next((g for g in groups if _same_happening(g, draft)), None)
        if target is None:
            groups.append([draft])
        else:
            target.append(draft)
    return groups




def _fold_parts(groups: list[list[MentionDraft]]) -> list[list[MentionDraft]]:
    """Houses burned in an attack, protesters arrested at their protest: part of that happening, told in
    its sentence or the next. They join its mentions and do not become events of their own."""
    kept: list[list[MentionDraft]] = []
    for group in groups:
        host = _host_of(group, groups) if _is_part(group) else None
        if host is None:
            kept.append(group)
        else:
            host.extend(group)
    return kept


def _is_part(group: list[MentionDraft]) -> bool:
    return all(d.coding.is_part for d in group)


def _host_of(group: list[MentionDraft], groups: list[list[MentionDraft]]) -> list[MentionDraft] | None:
    sentences = {d.sentence.start for d in group}
    previous = {d.sentence.start - 1 for d in group}
    for other in groups:
        if other is group or _is_part(other) or not other[0].coding.hosts_parts:
            continue
        if other[0].modality not in (Modality.ASSERTED, Modality.UNCERTAIN):
            continue  # "detained during an attempt to protest": an attempted protest is still the host
        if other[0].coding.event_type == "ASSAULT" and _other_hands(group, other):
            continue  # "Police arrested the gunman": the arrest after an attack is a happening of its own
        for draft in other:
            end = draft.sentence.end - 1
            if draft.sentence.start in sentences or end in previous:
                return other
    return None


def _other_hands(part: list[MentionDraft], host: list[MentionDraft]) -> bool:
    """Whether an arrest is made by others than the attack's actors ("troops raided the village and
    detained five" is one happening; gunmen shooting and police arresting them are two)."""
    if not all(d.coding.acled_sub_event_type == "Arrests" for d in part):
        return False
    makers = {_actor_key(e) for d in part for e in d.actors}
    attackers = {_actor_key(e) for d in host for e in d.actors}
    return bool(makers) and bool(attackers) and not makers & attackers


def _actor_key(entity) -> str:
    return entity.code or entity.name or entity.text


def _same_happening(group: list[MentionDraft], draft: MentionDraft) -> bool:
    first = group[0]
    if first.coding.event_type != draft.coding.event_type:
        return False
    if first.trigger.entry.is_speech or draft.trigger.entry.is_speech:
        return _same_speech_act(group, draft)
    if _marked_distinct(draft):
        return False
    if _opens_new_happening(draft) and not any(d.sentence.start == draft.sentence.start for d in group):
        return False  # "Separately, ..." sets its sentence apart from what came before, not from itself
    if _refers_back(draft):
        return _dates_agree(group, draft)  # "the attack", "the clashes": the happening already told
    if not _places_agree(_place_of(group), draft.location):
        return False
    return _dates_agree(group, draft)


def _same_speech_act(group: list[MentionDraft], draft: MentionDraft) -> bool:
    first = group[0]
    if first.head.lemma_.lower() != draft.head.lemma_.lower():
        return False
    mine = {e.code or e.country for e in first.actors if e.code or e.country}
    theirs = {e.code or e.country for e in draft.actors if e.code or e.country}
    return not mine or not theirs or bool(mine & theirs)


def _refers_back(draft: MentionDraft) -> bool:
    head = draft.head
    definite = _function_words("definite_determiners")
    return head.pos_ in EN.labels("nominal") and any(c.dep_ == "det" and c.lower_ in definite for c in head.children)


def _marked_distinct(draft: MentionDraft) -> bool:
    head = draft.head
    words = {c.lower_ for c in head.children if c.dep_ in EN.labels("distinguishing_modifiers")}
    if head.pos_ in EN.labels("verbal"):
        words |= {c.lower_ for c in head.children if c.dep_ == "advmod"}
    sentence = head.sent.text.lower()
    return bool(words & _markers("distinct_markers")) or any(p in sentence for p in _markers("distinct_phrases"))


def _opens_new_happening(draft: MentionDraft) -> bool:
    """ "Separately, gunmen attacked ...": every happening of the sentence is apart from earlier ones."""
    return bool({t.lower_ for t in draft.sentence[:3]} & _markers("new_happening_openers"))


def _place_of(group: list[MentionDraft]) -> Place | None:
    return next((d.location for d in group if d.location is not None), None)


def _places_agree(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None or a.lat is None or b.lat is None:
        return True
    if a.name and b.name and a.name.lower() == b.name.lower():
        return True
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= 50.0  # type: ignore[arg-type]


def _dates_agree(group: list[MentionDraft], draft: MentionDraft) -> bool:
    if not draft.date_explicit:
        return True
    dated = [d for d in group if d.date_explicit and d.date]
    if not dated:
        return True
    other = dated[0].date or ""
    mine = draft.date or ""
    short = min(len(other), len(mine))
    return other[:short] == mine[:short]


def _span(doc: Doc, start: int, end: int) -> TextSpan:
    return TextSpan.of(input_text(doc), start, end)


def _event(doc: Doc, doc_id: str, group: list[MentionDraft]) -> Event:
    first = group[0]
    own = [d for d in group if d.coding.event_type == first.coding.event_type] or group
    # the burning or looting in an attack is part of it: the attack's own coding names the event
    own = [d for d in own if not d.coding.is_part] or own
    coded = max(own, key=lambda d: (d.coding.weapon_strength, d.coding.specificity, len(d.coding.cameo), -d.head.i))
    if first.coding.event_type == "PROTEST":
        coded = first  # a later "the protests" may sum up other days; the first telling says how this one went
    coding = coded.coding
    dated = next((d for d in group if d.date_explicit), first)
    actors = next((d.actors for d in group if d.actors), [])
    recipients = next((d.recipients for d in group if d.recipients), [])
    mentions = tuple(
        Mention(trigger=_trigger_span(doc, d), evidence=_evidence(doc, d), modality=(d.trigger_modality or d.modality).value)
        for d in group
    )
    attribution = _merged_attribution(group)
    trigger = mentions[0].trigger
    return Event(
        id=f"{doc_id}:ev{trigger.start}",
        doc_id=doc_id,
        event_type=coding.event_type,
        mode=coding.mode,
        cameo=coding.cameo,
        quad_class=coding.quad_class,
        goldstein=coding.goldstein,
        acled_event_type=coding.acled_event_type,
        acled_sub_event_type=coding.acled_sub_event_type,
        actor=tuple(actors),
        recipient=tuple(recipients),
        date=dated.date,
        date_precision=dated.date_precision,
        date_reason=dated.date_reason,
        location=_place_of(group) or None,
        modality=first.modality.value,
        attribution=tuple(attribution),
        trigger=trigger,
        evidence=mentions[0].evidence,
        mentions=mentions,
        confidence=_confidence(group),
    )


_DEMOTION = 0.3
_NOUN_MODIFIERS = EN.labels("participle_modifiers")  # "citizens abducted decades ago", "the kidnapped citizens"


def _defer_to_protests(events: list[Event], groups: list[list[MentionDraft]]) -> None:
    """What protesters demand, denounce or reject is the protest's message, not the main event: such
    speech acts (in the protest's sentence, or with protesters as their speakers) rank below it."""
    protest_sentences = {d.sentence.start for g in groups for d in g if d.coding.event_type == "PROTEST"}
    if not protest_sentences:
        return
    for i, group in enumerate(groups):
        first = group[0]
        if not first.trigger.entry.is_speech:
            continue
        by_protesters = any(t.lemma_.lower() in EN.words("protester_nouns") for e in first.actors if e.span is not None
                            for t in first.sentence if e.span.start <= t.idx < e.span.end)
        if first.sentence.start in protest_sentences or by_protesters:
            events[i] = _demoted(events[i])


def _defer_to_speech(events: list[Event], groups: list[list[MentionDraft]]) -> None:
    """"Condemned the terrorist attack", "condolences after the assault", "protested against the
    attack": a happening named as what a statement or protest is about is told elsewhere; the statement
    (or protest) is this sentence's event."""
    speech_heads = {d.head.i for g in groups for d in g if d.trigger.entry.is_speech or _protest_verb(d)}
    for i, group in enumerate(groups):
        first = group[0]
        if first.trigger.entry.is_speech or first.head.pos_ not in EN.labels("nominal") or len(group) > 1:
            continue
        if any(a.i in speech_heads for a in first.head.ancestors):
            events[i] = _demoted(events[i])


def _demoted(event: Event) -> Event:
    """The event ranked below its sentence's news (still reported, with less confidence)."""
    return _replace(event, confidence=round(max(0.05, event.confidence - _DEMOTION), 3))


def _protest_verb(draft: MentionDraft) -> bool:
    """ "Protested against the attack": a protest told by its verb says what it is about, as a statement does."""
    return draft.coding.event_type == "PROTEST" and draft.head.pos_ == "VERB"


def _defer_to_main_predicates(events: list[Event], groups: list[list[MentionDraft]]) -> None:
    """ "Freed three citizens abducted decades ago": a happening told only in a participle or modifier
    describes someone in the news; its sentence's main predicate, of another kind, is the news."""
    mains = {(d.sentence.start, d.coding.event_type) for g in groups for d in g if _prominence(d) > 0}
    for i, group in enumerate(groups):
        if not all(d.head.dep_ in _NOUN_MODIFIERS for d in group):
            continue
        if all(_protest_verb(d) for d in group):
            continue  # "workers protested in Rijeka": no one is "protested", so no modifier, a misparsed verb
        kinds = {kind for start, kind in mains if any(d.sentence.start == start for d in group)}
        if kinds - {group[0].coding.event_type}:
            events[i] = _demoted(events[i])


def _defer_to_settings(events: list[Event], groups: list[list[MentionDraft]]) -> None:
    """ "Two people were killed in the protest": violence told as what happened in a happening of another
    kind is how that one went; the protest is the event the sentence reports."""
    heads = {d.head.i: d.coding for g in groups for d in g}
    for i, group in enumerate(groups):
        first = group[0]
        if len({d.sentence.start for d in group}) > 1 or first.coding.event_type != "ASSAULT":
            continue
        # "were killed and others injured in the protest": the phrase may hang on a conjoined predicate
        predicates = {t for d in group for t in (d.head, *d.head.conjuncts)}
        settings = _settings(predicates, heads)
        if any(c is not None and c.hosts_parts and c.event_type != first.coding.event_type for c in settings):
            events[i] = _demoted(events[i])


def _settings(predicates: set, heads: dict) -> list:
    """The codings of the happenings the predicates are set in ("killed in the protest")."""
    return [heads.get(p.i) for t in predicates for prep in t.children
            if prep.dep_ == "prep" and prep.lower_ in _markers("setting_prepositions")
            for p in prep.children if p.dep_ == "pobj"]


def _trigger_span(doc: Doc, draft: MentionDraft) -> TextSpan:
    span = draft.trigger.span
    return _span(doc, span.start_char, span.end_char)


def _evidence(doc: Doc, draft: MentionDraft) -> TextSpan:
    """The trigger's sentence, trimmed of the blanked-out non-story text around it."""
    sent = draft.sentence
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return _span(doc, start, sent.start_char + len(text.rstrip()))


def _merged_attribution(group: list[MentionDraft]) -> list[Attribution]:
    seen: set[tuple] = set()
    merged: list[Attribution] = []
    for draft in group:
        for item in draft.attribution + draft.extra_actor_attribution:
            key = (item.claimant, item.kind, item.about, item.via)
            if key not in seen:
                seen.add(key)
                merged.append(item)
    # an event the outlet narrates and a speaker restates: keep the speakers, drop the bare outlet line
    speakers = [a for a in merged if a.cue is not None and a.about == "event"]
    if speakers:
        merged = [a for a in merged if not (a.cue is None and a.about == "event" and a.kind == "report")] or merged
    return merged


def _confidence(group: list[MentionDraft]) -> float:
    """How likely the event is real and coded right: main-clause events with participants, a place
    and several mentions rank first (the scorer's "top event" is the most confident)."""
    best = max(group, key=_prominence)
    score = 0.4 + 0.15 * _prominence(best)
    score += 0.1 if best.actors else 0.0
    score += 0.05 if best.recipients else 0.0
    score += 0.05 if best.location is not None else 0.0
    score += 0.04 * min(len(group) - 1, 3)
    score += 0.05 if best.coding.acled_sub_event_type else 0.0
    score += 0.03 if best.coding.is_violent else 0.0
    if group[0].modality.value != "asserted":
        score -= 0.15
    return round(max(0.05, min(0.95, score)), 3)


def _prominence(draft: MentionDraft) -> int:
    """2 for the sentence's main predicate (or a light verb's object: "held a protest"), 1 for a
    coordinated or complement predicate, 0 for participles and modifiers."""
    head = draft.head
    if head.dep_ == "ROOT" or (head.dep_ in EN.labels("subjects_and_direct_object") and head.head.dep_ == "ROOT"):
        return 2
    if head.dep_ in EN.labels("coordinated_clauses") and head.head.dep_ == "ROOT":
        return 1
    if head.dep_ == "advcl" and head.tag_ != "VBG":
        return 1
    return 0


def _attach_counts(events: list[Event], groups: list[list[MentionDraft]], counts: list[Count], claims: list,
                   doc: Doc) -> None:
    per_event: dict[int, list[Count]] = {}
    violent = [i for i, g in enumerate(groups) if any(d.is_violent for d in g)]
    for count in counts:
        if count.coded:
            targets = violent  # the coder's figure is the record's, whichever happening of it comes first
        else:
            index = _event_for(count.anchor.idx, count.anchor.sent.start_char, groups, violent_only=True,
                               token=count.anchor)
            targets = [] if index is None else [index]
            if index is not None and any(d.head.i == count.anchor.i for d in groups[index]):
                # "air raids hit the village, killing four": the killing told as an event of its own is also
                # the outcome of the other violent happenings of its sentence
                same = [i for i in violent if i != index and any(
                    d.sentence.start_char == count.anchor.sent.start_char for d in groups[i])]
                if not same and _only_the_killing(groups[index], count) and not _new_happening(count.anchor.sent):
                    same = _told_before(count.anchor.sent.start_char, groups, violent)
                targets += same
        for index in targets:
            per_event.setdefault(index, []).append(count)
    for i, event in enumerate(events):
        if not _has_counts(event, groups[i]):
            continue
        found = per_event.get(i, [])
        values = {kind: _conservative([c for c in found if c.kind == kind]) for kind in COUNT_KINDS}
        extra = [_count_attribution(c, claims, doc) for c in found if c.value > 0]
        attribution = _unique(event.attribution + tuple(a for a in extra if a is not None))
        events[i] = _replace(event, attribution=attribution, **values)  # the kinds are Event's count fields


def _only_the_killing(group: list[MentionDraft], count: Count) -> bool:
    """Whether a happening is told only by the count's own word ("They killed 4 soldiers.")."""
    return all(d.head.i == count.anchor.i for d in group)


def _new_happening(sentence) -> bool:
    """ "Separately, gunmen killed a farmer", "In another attack ...": a sentence that starts a new happening."""
    text = sentence.text.lower()
    return bool({t.lower_ for t in sentence[:3]} & _markers("new_happening_openers")) \
        or any(p in text for p in _markers("new_happening_phrases"))


def _told_before(sentence_start: int, groups: list[list[MentionDraft]], violent: list[int]) -> list[int]:
    """The violent happening told last before a sentence ("Rebels attacked the base. They killed 4.")."""
    before = [(max(d.sentence.start_char for d in groups[i] if d.sentence.start_char < sentence_start), i)
              for i in violent if any(d.sentence.start_char < sentence_start for d in groups[i])]
    return [max(before)[1]] if before else []


def _has_counts(event: Event, group: list[MentionDraft]) -> bool:
    """Victim events, and every ACLED event but an agreement: ACLED codes fatalities (0 when none) for all
    of them, strategic developments included. (The event's type is that of its group's first mention.)"""
    if group[0].coding.is_violent:
        return True
    return event.acled_event_type is not None and event.acled_sub_event_type != "Agreement"


def _unique(items: tuple[Attribution, ...]) -> tuple[Attribution, ...]:
    seen: set[tuple] = set()
    kept = []
    for item in items:
        key = (item.claimant, item.kind, item.about, item.via, item.cue)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return tuple(kept)


def _conservative(counts: list[Count]) -> int:
    """ACLED: the most conservative figure; totals stated as such win over partial counts."""
    coded = [c.value for c in counts if c.coded]
    if coded:
        return min(coded)
    positive = [c for c in counts if c.value > 0]
    if not positive:
        return 0
    summaries = [c.value for c in positive if c.summary]
    if summaries:
        return min(summaries)
    # sentences restating one toll: the lowest; victims told as besides those ("3 others were also killed"): added
    by_sentence: dict[int, int] = {}
    for count in positive:
        if not count.additional:
            start = count.sentence_start
            by_sentence[start] = max(by_sentence.get(start, 0), count.value)
    base = min(by_sentence.values()) if by_sentence else 0
    return base + sum(c.value for c in positive if c.additional)


def _count_attribution(count: Count, claims: list, doc: Doc) -> Attribution | None:
    return _speaker_attribution(count.anchor.idx, claims, "casualties")


def _speaker_attribution(char: int, claims: list, about: str) -> Attribution | None:
    """Who states the figure at ``char``: the speaker of the claim covering it, if it has one."""
    claim = claim_for(char, claims)
    if claim is None or claim.speaker is None:
        return None
    return claim_attribution(claim, about)


def _event_for(char: int, sentence_start: int, groups: list[list[MentionDraft]], *, violent_only: bool,
               token=None) -> int | None:
    """The event a count at ``char`` belongs to: one in its sentence (the one whose trigger governs the
    count's word, else the nearest), else the latest one before it."""
    best: int | None = None
    best_start = -1
    here: list[tuple[int, int]] = []
    for i, group in enumerate(groups):
        for draft in group:
            if violent_only and not draft.is_violent:
                continue
            start = draft.sentence.start_char
            if start == sentence_start:
                here.append((_distance(draft.head, char, token), i))
            if start < sentence_start and start > best_start:
                best, best_start = i, start
    if here:
        return min(here)[1]
    if best is None:
        best = next((i for i, g in enumerate(groups) if any(d.is_violent for d in g)), None)
    return best


def _distance(head, char: int, token) -> int:
    """How far a trigger is from a count: 0 when the count's word is the trigger or under it in the parse
    ("fired on the crowd, killing 2"), else the character distance."""
    if token is not None and (head.i == token.i or head in token.ancestors):
        return -1 - len(list(head.ancestors))  # the deepest (closest) governing trigger first
    return abs(head.idx - char) + 10_000


def _attach_quantities(events: list[Event], groups: list[list[MentionDraft]], quantities: list, claims: list,
                       doc: Doc) -> None:
    for what, value, token in quantities:
        index = _event_for(token.idx, token.sent.start_char, groups, violent_only=True)
        if index is None:
            continue
        stated = _speaker_attribution(token.idx, claims, "quantities")
        attribution: tuple[Attribution, ...] = (stated,) if stated is not None else ()
        phrase = doc[token.left_edge.i : token.i + 1]
        quantity = Quantity(what=what, value=value, span=_span(doc, phrase.start_char, phrase.end_char),
                            attribution=attribution)
        event = events[index]
        if any(q.what == what for q in event.quantities):
            continue
        events[index] = _replace(event, quantities=event.quantities + (quantity,),
                                 attribution=_unique(event.attribution + attribution))


def _replace(event: Event, **changes) -> Event:
    return replace(event, **changes)


def _finish(event: Event, group: list[MentionDraft]) -> Event:
    if _has_counts(event, group):
        return event
    return _replace(event, dead=None, injured=None, arrested=None)
