"""``dateline events``: --type and --country checked (exit 2 naming what is allowed); --country is the
event's place, --actor-country an actor's or recipient's country."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.store import open_store
from dateline.store.query import ExactStore


@pytest.fixture
def empty_db(tmp_path) -> str:
    db = tmp_path / "events.db"
    with open_store(str(db)):
        pass
    return str(db)


@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        ("--type", "BOMBING", "choose one of AGREE, CONSULT"),
        ("--country", "XX", "ISO 3166 alpha-3"),
        ("--country", "Iraq", "ISO 3166 alpha-3"),
        ("--actor-country", "ZZZ", "ISO 3166 alpha-3"),
    ],
)
def test_an_unknown_type_or_country_exits_2_saying_what_is_allowed(empty_db, option, value, says):
    result = CliRunner().invoke(cli, ["events", "--db", empty_db, option, value])
    assert result.exit_code == 2, result.output
    assert says in result.output and f"{value!r}" in result.output


def test_known_values_in_any_case_are_accepted(empty_db):
    args = ["events", "--db", empty_db, "--type", "assault", "--country", "irq", "--actor-country", "Syr"]
    result = CliRunner().invoke(cli, [*args, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert result.output == ""


def _event(id_: str, place: str | None, *actors: str | None, backer: str | None = None):
    actor = [{"country": code, "backer": backer} for code in actors]
    return SimpleNamespace(id=id_, country_code=place, actor=actor, recipient=[])


class _LooseStore:
    """A store whose ``country`` matches the place or an actor's country, as the SQL store's does."""

    EVENTS = (
        _event("in-iraq-by-syria", "IRQ", "SYR"),
        _event("in-syria-by-iraq", "SYR", "IRQ"),
        _event("in-iraq", "IRQ", None),
        _event("in-syria-backed-by-iran", "SYR", "SYR", backer="IRN"),
    )

    def events(self, country=None, limit=None, offset=0, **_):
        assert limit is None and offset == 0  # the exact store pages the exact events itself
        for e in self.EVENTS:
            countries = {a["country"] for a in e.actor} | {a["backer"] for a in e.actor}
            if country is None or country in {e.country_code} | countries:
                yield e

    def counts(self):
        return {"events": len(self.EVENTS)}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"country": "IRQ"}, ["in-iraq-by-syria", "in-iraq"]),
        ({"country": "irq", "limit": 1, "offset": 1}, ["in-iraq"]),
        ({"actor_country": "IRQ"}, ["in-syria-by-iraq"]),
        ({"actor_country": "IRN"}, ["in-syria-backed-by-iran"]),
        ({"country": "IRQ", "actor_country": "SYR"}, ["in-iraq-by-syria"]),
    ],
)
def test_country_is_the_place_and_actor_country_the_actors(filters, expected):
    store = ExactStore(_LooseStore())
    assert [e.id for e in store.events(**filters)] == expected
    assert store.counts() == {"events": 4}  # everything else goes to the store itself


def test_the_default_listing_holds_what_happened_and_all_modalities_adds_the_rest():
    from dateline.store.query import HappenedStore

    class Listed:
        def __init__(self, id_, modality):
            self.id, self.modality = id_, modality

    class Store:
        EVENTS = [Listed("a", "asserted"), Listed("n", "negated"), Listed("h", "historical"),
                  Listed("f", "future"), Listed("l", "alleged"), Listed("u", "uncertain")]  # fmt: skip

        def events(self, **_):
            yield from self.EVENTS

    happened = HappenedStore(Store())
    assert [e.id for e in happened.events()] == ["a", "h", "l"]
    assert [e.id for e in happened.events(limit=1, offset=1)] == ["h"]  # pages count the listed records
    assert [e.id for e in Store().events()] == ["a", "n", "h", "f", "l", "u"]
