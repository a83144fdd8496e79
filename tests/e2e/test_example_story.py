"""End to end on the real ANI wire story (read from ../shared; skipped with a reason when absent).

Every fact the foundation issue lists, through the CLI exactly as a user runs it.
"""

from __future__ import annotations

import json
import math

import pytest
from click.testing import CliRunner

from dateline.cli import cli

pytestmark = [pytest.mark.model, pytest.mark.shared]

BAGHDAD = (33.3406, 44.4009)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def story(example_story):
    result = CliRunner().invoke(cli, ["extract", str(example_story), "--format", "json"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    return json.loads(lines[0]), example_story.read_text(encoding="utf-8")


def _events(story, event_type):
    document, _ = story
    return [e for e in document["events"] if e["event_type"] == event_type]


def _attack(story):
    attacks = [e for e in _events(story, "ASSAULT") if "attack" in e["trigger"]["text"].lower()]
    assert len(attacks) == 1, [e["trigger"] for e in _events(story, "ASSAULT")]
    return attacks[0]


def test_article_metadata(story):
    document, text = story
    article = document["article"]
    assert article["title"] == "Pompeo says 'Iran-Backed' forces behind Baghdad Green Zone Attack"
    assert article["outlet"] == "ANI"
    assert article["dateline"] == "Washington DC"
    assert article["published"] == "2020-12-21T04:08:00Z"
    removed = " | ".join(r["text"] for r in article["removed"])
    assert "Image Credit: ANI" in removed
    assert "China and South Korea tie the knot" in removed
    body = article["body"]
    assert "Image Credit" not in text[body["start"] : body["end"]]
    assert "tie the knot" not in text[body["start"] : body["end"]]
    for item in article["removed"]:
        assert text[item["span"]["start"] : item["span"]["end"]] == item["span"]["text"]


def test_every_span_slices_the_input_text(story):
    document, text = story
    for event in document["events"]:
        for span in [event["trigger"], event["evidence"], *(m["trigger"] for m in event["mentions"])]:
            assert text[span["start"] : span["end"]] == span["text"]


def test_rocket_attack_codes(story):
    attack = _attack(story)
    assert attack["cameo"].startswith("19")
    assert attack["acled_event_type"] == "Explosions/Remote violence"
    assert attack["acled_sub_event_type"] == "Shelling/artillery/missile attack"
    assert attack["quad_class"] == 4
    assert "rocket attack" in attack["trigger"]["text"]


def test_rocket_attack_when_and_where(story):
    attack = _attack(story)
    assert attack["date"] == "2020-12-20"
    assert attack["date_precision"] == "day"
    place = attack["location"]
    assert place["country_code"] == "IRQ"
    assert "Green Zone" in place["name"]
    assert _km((place["lat"], place["lon"]), BAGHDAD) <= 25
    assert place["resolution"] == "city"


def test_rocket_attack_casualties_and_rockets(story):
    attack = _attack(story)
    assert attack["injured"] == 1
    assert attack["dead"] == 0
    rockets = [q for q in attack["quantities"] if q["what"] == "rocket"]
    assert [q["value"] for q in rockets] == [3]
    on_quantities = [a for a in attack["attribution"] if a["about"] == "quantities"]
    assert on_quantities and on_quantities[0]["claimant"] == "Iraqi TV"
    assert on_quantities[0]["via"] == ["Sputnik"]


def test_rocket_attack_perpetrator_is_alleged(story):
    attack = _attack(story)
    assert attack["modality"] == "asserted"
    perpetrators = attack["actor"]
    assert any("militia" in a["text"].lower() for a in perpetrators)
    militia = next(a for a in perpetrators if "militia" in a["text"].lower())
    assert militia["country"] == "IRQ" and militia["backer"] == "IRN"
    on_actor = [a for a in attack["attribution"] if a["about"] == "actor"]
    assert on_actor and on_actor[0]["kind"] == "allegation"
    assert "Pompeo" in on_actor[0]["claimant"] or on_actor[0]["claimant"] in ("United States", "USA")


def test_us_accusation_condemnation_and_appeal(story):
    accusations = _events(story, "ACCUSE")
    codes = sorted(e["cameo"] for e in accusations)
    assert any(c.startswith("112") for c in codes), codes
    assert "111" in codes
    for event in accusations:
        assert any(a["country"] == "USA" for a in event["actor"]), event["actor"]
    appeals = _events(story, "REQUEST")
    assert appeals and all(e["cameo"][:2] in ("02", "10") for e in appeals)
    assert any(a["country"] == "USA" for a in appeals[0]["actor"])


def test_september_warning_is_a_month_precision_threat(story):
    threats = _events(story, "THREATEN")
    assert len(threats) == 1
    threat = threats[0]
    assert threat["cameo"].startswith("13")
    assert threat["mode"] == "relations"
    assert threat["date"] == "2020-09"
    assert threat["date_precision"] == "month"
    wsj = [a for a in threat["attribution"] if "Wall Street Journal" in a["claimant"]]
    assert wsj and wsj[0]["kind"] == "report"


def test_no_asserted_embassy_closure(story):
    document, _ = story
    for event in document["events"]:
        if "close" in event["trigger"]["text"].lower():
            assert event["modality"] != "asserted"
    assert not _events(story, "SANCTION")


def test_negated_harm_is_not_an_injury(story):
    attack = _attack(story)
    assert attack["injured"] == 1  # the civilian casualty, not "no Embassy personnel were harmed"


def test_pompeo_direct_quotes(story):
    document, text = story
    direct = [q for q in document["quotes"] if q["kind"] == "direct"]
    pompeo = [q for q in direct if q["speaker"] and "Pompeo" in (q["speaker"]["name"] or q["speaker"]["text"])]
    assert len(pompeo) >= 3
    contents = [q["content"]["text"] for q in pompeo]
    assert any(c.startswith("The United States strongly condemns") for c in contents)
    assert any(c.rstrip(" ,").endswith("engaging in sectarian violence") for c in contents)
    assert any(c.startswith("We call on all Iraqis") for c in contents)
    for quote in pompeo:
        span = quote["content"]
        assert text[span["start"] : span["end"]] == span["text"]
        assert '"' not in span["text"].strip('"')[:1]
