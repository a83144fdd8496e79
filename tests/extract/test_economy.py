"""The economic and administrative trigger lexicon (lang/en/triggers_economy.tsv) on invented sentences."""

from __future__ import annotations

import pytest

from dateline import lang
from dateline.extract import lexicon
from dateline.extract.triggers import _has_dependent, find_triggers
from dateline.ontology import cameo_codes, plover_of

ECONOMY = "triggers_economy"


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in lang.load().lines(name)]


def _codes(nlp, text: str) -> dict[str, str]:
    """Trigger text -> CAMEO code of its lexicon row."""
    return {t.span.text: t.entry.cameo for t in find_triggers(nlp(text))}


def test_economy_rows_have_five_columns_and_known_cameo_codes():
    rows = _rows(ECONOMY)
    assert len(rows) > 30
    for row in rows:
        assert len(row) == 5, row
        assert row[2] in cameo_codes(), row
        assert set(row[1].split()) <= {"V", "N", "A"}, row


def test_economy_rows_do_not_repeat_a_core_row():
    core = {tuple(r[:4]) for r in _rows("triggers")}
    repeated = [r for r in _rows(ECONOMY) if tuple(r[:4]) in core]
    assert repeated == []


def test_economy_needs_use_relations_the_matcher_knows(nlp):
    token = nlp("Fiat bought a stake.")[1]
    for row in _rows(ECONOMY):
        for alternative in filter(None, row[3].split("|")):
            rel, lemma = alternative.split(":", 1)
            _has_dependent(token, rel, lemma)  # an unknown relation raises KeyError


def test_trigger_entries_include_economy_rows_after_core_rows():
    entries = lexicon.trigger_entries()
    assert [e.cameo for e in entries["buy"]] == ["061"]
    assert [e.cameo for e in entries["strike"]][-1] == "143"  # added after the core's strike rows


def test_purchase_of_a_stake_is_economic_cooperation(nlp):
    codes = _codes(nlp, "Fiat bought a twenty percent stake in Chrysler in 2009.")
    assert codes == {"bought": "061"}
    assert plover_of("061")[0] == "COOPERATE"


def test_sale_to_a_buyer_is_coded_but_market_sales_are_not(nlp):
    assert _codes(nlp, "The government sold the plant to a Korean carmaker last year.") == {"sold": "061"}
    assert _codes(nlp, "Automobile sales in the United States fell 35% in January.") == {}
    assert _codes(nlp, "The chief investment officer of the bank spoke on Monday.") == {}


def test_bailout_and_rescue_package_are_economic_aid(nlp):
    assert _codes(nlp, "Congress approved the bailout of the insurer last week.") == {"bailout": "071"}
    codes = _codes(nlp, "The Treasury moved to bail out the two carmakers on Friday.")
    assert codes.get("bail out") == "071"


def test_ban_on_imports_is_an_administrative_sanction(nlp):
    codes = _codes(nlp, "The ministry imposed a ban on imports of European aircraft.")
    assert codes == {"ban": "172"}
    assert plover_of("172") == ("COERCE", "restrict")


def test_aircraft_orders_need_a_count_or_firmness(nlp):
    assert _codes(nlp, "The airline placed 35 firm orders for the new jet on Tuesday.") == {"orders": "061"}
    assert _codes(nlp, "The commander gave orders to the unit on Monday.") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Workers struck at the car plant on Monday.", "143"),
        ("Government jets struck the town on Monday.", "190"),
    ],
)
def test_strike_is_a_walkout_only_with_workers_as_subject(nlp, text, expected):
    assert list(_codes(nlp, text).values()) == [expected]


def test_job_cuts_and_plant_closures_reduce_relations_but_cost_cuts_do_not(nlp):
    assert _codes(nlp, "The carmaker Voltra will cut 4,000 jobs in Varnholt next year.") == {"cut": "160"}
    assert _codes(nlp, "Voltra plans to close two plants in the north.") == {"close": "160"}
    assert _codes(nlp, "About 900 jobs will be cut at the Kessel plant.") == {"cut": "160"}
    assert _codes(nlp, "The company had cut its costs by a fifth last year.") == {}
    assert _codes(nlp, "Police closed the road after the crash.") == {}
    assert plover_of("160")[0] == "SANCTION"


def test_bankruptcy_filing_is_a_petition_and_a_filed_lawsuit_an_accusation(nlp):
    assert _codes(nlp, "The airline Kestrel filed for bankruptcy on Monday.") == {"filed": "020", "bankruptcy": "020"}
    assert _codes(nlp, "Kestrel's bankruptcy filing was the largest of the year.") == {"bankruptcy": "020"}
    assert _codes(nlp, "A class-action lawsuit was filed against the maker in May.").get("filed") == "115"
    assert _codes(nlp, "The report was filed by a junior clerk.") == {}


def test_resolving_a_dispute_is_an_agreement_and_a_named_deal_cooperation(nlp):
    assert _codes(nlp, "The two record companies resolved their trademark dispute.") == {"resolved": "057"}
    assert _codes(nlp, "The deal was cancelled by the ministry in October.") == {"deal": "061"}
    assert _codes(nlp, "A great deal of work remains to be done.") == {}
