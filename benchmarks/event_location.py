"""Event location quality of ``Geoparser.locate_event``.

    python benchmarks/event_location.py names [--limit N]   # event_location dev: gold triggers, place-name P/R
    python benchmarks/event_location.py acled [--limit N]   # ACLED dev notes: 25 km / 100 km / country

``names``: for every gold trigger of ``eval/dev/event_location.jsonl`` a spaCy Span is built from its
offsets and located; predicted (doc, place name) pairs are scored against the gold pairs the way
``score.py events`` scores location names (case-folded, a leading "the" and edge punctuation dropped).

``acled``: ACLED notes have no trigger annotation; the trigger is the first verb (or noun) whose lemma is
a violent or protest event word, else the first sentence's root. The located place is compared with the
gold coordinates (haversine) and country.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import time
from pathlib import Path

from dateline.nlp import load_nlp
from dateline.places import Geoparser

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
EVENT_WORDS = frozenset(
    ["attack", "clash", "kill", "fight", "shoot", "shell", "bomb", "explode", "protest", "demonstrate", "riot", "march", "rally", "strike", "abduct", "kidnap", "arrest", "raid", "ambush", "storm", "loot", "burn", "destroy", "seize", "capture", "assault", "beat", "injure", "wound", "stab", "hit", "target", "fire", "launch", "detonate", "gather", "block", "occupy", "displace", "torture", "execute", "murder", "battle", "airstrike", "shelling", "explosion", "protest", "demonstration", "violence"]
)


def norm(name: str | None) -> str | None:
    if not name:
        return None
    value = name.casefold().strip(" ,.;:'\"()[]")
    return re.sub(r"^the\s+", "", value) or None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def read(name: str, limit: int | None) -> list[dict]:
    with (SHARED / f"{name}.jsonl").open(encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle if line.strip()]
    return docs[:limit] if limit else docs


def names(limit: int | None) -> None:
    docs = read("event_location", limit)
    nlp, geoparser = load_nlp(), Geoparser.default()
    gold, pred = set(), set()
    started = time.perf_counter()
    for record, doc in zip(docs, nlp.pipe(d["text"] for d in docs)):
        toponyms = geoparser.toponyms(doc, doc_id=record["id"])
        for item in record["labels"]["event_location_triggers"]:
            gold.update((record["id"], norm(loc["text"])) for loc in item["locations"])
            trigger = doc.char_span(item["trigger"]["start"], item["trigger"]["end"], alignment_mode="expand")
            if trigger is None:
                continue
            place = geoparser.locate_event(doc, trigger, toponyms)
            if place is not None and norm(place.name):
                pred.add((record["id"], norm(place.name)))
    gold.discard(None)
    tp = len(gold & pred)
    p, r = tp / max(len(pred), 1), tp / max(len(gold), 1)
    print(f"event_location: {len(docs)} docs, gold pairs {len(gold)}, predicted {len(pred)}, tp {tp}")
    print(f"  location name P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f}"
          f"  ({time.perf_counter() - started:.0f}s)")


def first_event_word(doc):
    for token in doc:
        if token.lemma_.lower() in EVENT_WORDS and token.pos_ in {"VERB", "NOUN"}:
            return doc[token.i : token.i + 1]
    first = next(iter(doc.sents))
    return first[first.root.i - first.start : first.root.i - first.start + 1]


def acled(limit: int | None) -> None:
    docs = read("acled", limit)
    nlp, geoparser = load_nlp(), Geoparser.default()
    within25 = within100 = country = located = total = 0
    for record, doc in zip(docs, nlp.pipe(d["text"] for d in docs)):
        gold = record["events"][0]["location"]
        if gold is None or gold.get("lat") is None:
            continue
        total += 1
        place = geoparser.locate_event(doc, first_event_word(doc), geoparser.toponyms(doc, doc_id=record["id"]))
        if place is None or place.lat is None:
            continue
        located += 1
        distance = km(gold["lat"], gold["lon"], place.lat, place.lon)
        within25 += distance <= 25
        within100 += distance <= 100
        country += place.country_code == gold.get("country_code")
    print(f"acled: {total} events with gold coordinates, located {located}")
    print(f"  within 25 km {within25 / total:.3f}, within 100 km {within100 / total:.3f},"
          f" country {country / total:.3f} (of all gold)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("task", choices=["names", "acled"])
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    (names if args.task == "names" else acled)(args.limit)


if __name__ == "__main__":
    main()
