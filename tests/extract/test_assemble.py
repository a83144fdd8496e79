"""Assembling mentions into events: merging, folding parts into their happening, counts, top event."""

from __future__ import annotations

import pytest

from dateline.extract.actors import ActorCoder, find_roles
from dateline.extract.assemble import assemble_events
from dateline.extract.casualties import find_counts, find_quantities
from dateline.extract.components import EVENT_COMPONENT, ensure_component
from dateline.extract.mentions import ArticleContext, read_mention
from dateline.extract.quotes import find_claims


@pytest.fixture(scope="module")
def events(nlp):
    pipeline = ensure_component(nlp)
    coder = ActorCoder.default()

    def run(text: str):
        doc = pipeline(text)
        claims = find_claims(doc)
        context = ArticleContext(doc=doc, claims=claims, outlet=None, country=None)
        drafts = [d for t in doc._.get(EVENT_COMPONENT) if (d := read_mention(t, context, find_roles, coder))]
        return assemble_events(doc, "doc", drafts, find_counts(doc), find_quantities(doc), claims)

    return run


def _top(found):
    return max(found, key=lambda e: e.confidence)


def test_assemble_burning_during_attack_is_part_of_it(events):
    found = events("Gunmen attacked the village of Oru and burned ten houses.")
    assert [e.acled_sub_event_type for e in found if e.acled_sub_event_type] == ["Attack"]
    assert len(found[0].mentions) == 2


def test_assemble_arrests_at_protest_fold_into_protest(events):
    found = events("Nurses protested outside the ministry over unpaid wages. Police arrested six of them.")
    typed = [e.acled_sub_event_type for e in found if e.acled_sub_event_type]
    assert typed == ["Protest with intervention"]


def test_assemble_arrest_without_host_stays_an_event(events):
    found = events("Police arrested the mayor of Oru on corruption charges.")
    assert [e.acled_sub_event_type for e in found] == ["Arrests"]


def test_assemble_protesters_demands_rank_below_protest(events):
    found = events("Farmers protested in the capital and demanded higher crop prices.")
    assert _top(found).event_type == "PROTEST"


def test_assemble_counts_go_to_violent_event(events):
    found = events("Rebels ambushed an army convoy near Oru. Five soldiers were killed.")
    assert _top(found).dead == 5


def test_assemble_no_counts_on_verbal_events(events):
    found = events("The minister condemned the killing of five soldiers.")
    assert all(e.dead is None for e in found if e.event_type == "ACCUSE")


def test_assemble_coder_figure_overrides_text_count(events):
    found = events("Rebels ambushed an army convoy near Oru. Five soldiers were killed. Fatalities coded as 2.")
    assert _top(found).dead == 2


def test_assemble_count_goes_to_the_trigger_governing_it(events):
    found = events("Villagers tried to seize two thieves when police fired on the crowd, killing a woman.")
    fired = next(e for e in found if e.trigger.text == "fired")
    assert fired.dead == 1


def test_assemble_killing_told_apart_is_the_attack_outcome(events):
    found = events("Rebels attacked an army post near Oru. The rebels claimed to have killed four soldiers.")
    assert _top(found).dead == 4


def test_assemble_victims_also_killed_add_up(events):
    found = events("Rebels ambushed an army convoy near Oru. Two soldiers were killed. Three rebels were also killed.")
    assert _top(found).dead == 5


def test_assemble_restated_toll_is_not_added(events):
    found = events("Rebels ambushed an army convoy near Oru, killing five soldiers. Five soldiers died in the ambush.")
    assert _top(found).dead == 5


def test_assemble_coder_figure_reaches_every_violent_event(events):
    found = events("Militias clashed near Oru and seized two villages. Fatalities coded as 4.")
    assert all(e.dead == 4 for e in found if e.event_type == "ASSAULT")


def test_assemble_acled_strategic_event_reports_zero_dead(events):
    found = events("Government forces established a new base in Oru.")
    typed = [e for e in found if e.acled_event_type is not None and e.acled_sub_event_type != "Agreement"]
    assert typed and all(e.dead == 0 for e in typed)


def test_assemble_separate_killing_keeps_its_count(events):
    found = events("Police fired tear gas at protesters in Oru. Two demonstrators were killed. "
                   "Separately, gunmen attacked a village near Ilo, killing a farmer.")
    protest = next(e for e in found if e.trigger.text == "fired")
    assert protest.dead == 2


def test_assemble_despite_clause_is_background_under_reporting_verb(events):
    found = events("Negotiators failed to reach agreement on Friday despite hours of talks in Geneva, officials said.")
    assert "CONSULT" not in [e.event_type for e in found]


def test_assemble_participle_ranks_below_sentence_predicate(events):
    found = events("Iran summoned the British envoy on Sunday to complain about his visit to the families of "
                   "those killed by the army.")
    killing = next(e for e in found if e.event_type == "ASSAULT")
    assert _top(found).event_type == "ACCUSE" and killing.confidence < 0.5


def test_assemble_killing_in_protest_defers_to_protest(events):
    found = events("At least two people were killed and several others were injured in the opposition protest "
                   "in Omdurman.")
    assert _top(found).event_type == "PROTEST"


def test_assemble_arrests_during_attempted_protest_fold_into_it(events):
    found = events("Four people have been detained in Minsk during an attempt to protest against repression.")
    assert [e.acled_sub_event_type for e in found if e.acled_sub_event_type] == ["Protest with intervention"]


def test_assemble_attack_protested_against_ranks_below_protest(events):
    found = events("Thousands of residents protested in Wana against the attack on their leader.")
    attack = next(e for e in found if e.event_type == "ASSAULT")
    assert _top(found).event_type == "PROTEST" and attack.confidence < 0.5


def test_assemble_relative_clause_act_is_background(events):
    found = events("Britain's foreign secretary said the two sides must reach an agreement that ends the war "
                   "before aid is released.")
    assert [e.event_type for e in found] == ["REQUEST"]


def test_assemble_arrest_by_others_after_attack_is_its_own_event(events):
    found = events("Gunmen shot dead a shopkeeper in Oru on Monday. Police arrested two suspects hours later.")
    types = sorted(e.acled_sub_event_type for e in found)
    assert types == ["Arrests", "Attack"]
    assert _top(found).acled_sub_event_type == "Attack"


def test_assemble_arrests_by_the_raiders_stay_part_of_the_raid(events):
    found = events("Soldiers raided the village of Oru on Monday, killing three men and detaining five.")
    assert [e.acled_sub_event_type for e in found if e.acled_sub_event_type] == ["Attack"]
