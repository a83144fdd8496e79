"""The coding stage's rule tables: they load, they are checked, and they decide as the old code did.

No spaCy model: the ACLED rules are run on a stand-in for ``TriggerContext``.
"""

from __future__ import annotations

import pytest

import dateline.extract  # noqa: F401  (the pipeline's order; the import order itself: test_coding_imports.py)
from dateline.coding import Coding
from dateline.coding.acled import _check, acled_rules, sub_event_type
from dateline.coding.cameo import by_prefix
from dateline.coding.tables import cameo_group, plover_modes, recoding
from dateline.errors import ConfigError
from dateline.extract.coding import Sides


class _Context:
    """The readings ``sub_event_type`` asks for, with no parse behind them."""

    def __init__(self, sides: Sides | None = None, local: set[str] | None = None, lemmas=("attack",)):
        self.sides = sides or Sides()
        self.local = local or set()
        self.wide: set[str] = set()
        self.lemmas = lemmas
        self.trigger_lemma = {lemmas[0]}
        self.trigger_phrase = {" ".join(lemmas)}
        self.local_and_wide = self.local
        self.objects: set[str] = set()
        self.own_actions: set[str] = set()
        self.actions: set[str] = set()
        self.actions_unshot: set[str] = set()
        self.noun_trigger = False

    def fact(self, name: str) -> bool:
        if hasattr(self.sides, name):
            return bool(getattr(self.sides, name))
        return bool(getattr(self, name, False))


def test_acled_rules_load_in_order():
    rules = acled_rules()
    assert rules[0].codes == ("145",) or rules[0].codes == ("145*",)
    assert rules[-1].sub_event == "Attack" and not rules[-1].conditions


@pytest.mark.parametrize(
    ("code", "context", "expected"),
    [
        ("173", _Context(), "Arrests"),
        ("192", _Context(Sides(state_actor=True)), "Government regains territory"),
        ("192", _Context(), "Non-state actor overtakes territory"),
        ("010", _Context(), None),  # no ACLED type outside assaults and the listed codes
        ("190", _Context(Sides(victims=True)), "Attack"),
        ("190", _Context(Sides(armed_sides=2)), "Armed clash"),
        ("190", _Context(Sides(mob_actor=True)), "Mob violence"),
        ("190", _Context(lemmas=("clash",)), "Armed clash"),
        ("0841", _Context(lemmas=("exchange",)), "Agreement"),
        ("150", _Context(lemmas=("establish",)), "Headquarters or base established"),
    ],
)
def test_acled_rules_decide(code, context, expected):
    assert sub_event_type(code, context, None) == expected  # type: ignore[arg-type]


def test_acled_rules_are_checked():
    with pytest.raises(ConfigError):
        _check("no_such_fact")
    with pytest.raises(ConfigError):
        _check("no_such_list@local")
    with pytest.raises(ConfigError):
        _check("clash_cues@no_such_scope")


def test_recodings_and_groups():
    assert by_prefix(recoding("refusal"), "0871") == "1246"
    assert by_prefix(recoding("threat"), "190") == "138"
    assert recoding("intent")["0841"] == "0353"
    assert "03" in cameo_group("cooperative_roots")
    assert plover_modes("RETREAT") >= {"resign", "withdraw"}
    assert plover_modes("AGREE") == frozenset()


def test_coding_scores_and_roles():
    coding = Coding(cameo="190", event_type="ASSAULT", mode=None, acled_event_type="Battles",
                    acled_sub_event_type="Armed clash")
    assert coding.quad_class == 4 and coding.goldstein == -10.0
    assert coding.is_violent and coding.hosts_parts and not coding.is_part
    assert coding.specificity == 0
    arrests = Coding(cameo="173", event_type="COERCE", mode=None, acled_event_type="Strategic developments",
                     acled_sub_event_type="Arrests")
    assert arrests.is_part and not arrests.hosts_parts
