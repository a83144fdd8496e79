"""Measure the actor coder and role finder on the PLOVER gold standard records (dev set).

    python benchmarks/actors.py [--gold ../shared/eval/dev/plover_gsr.jsonl] [--limit N] [--errors]

Two measurements, printed as a table:

1. Coding: for each gold actor/recipient ``text``, the spaCy span covering it is coded with
   ``ActorCoder.code`` (no context country: the gold sentences carry no event location). Country
   accuracy over gold entities with an ISO3 country; organisation accuracy over gold IGO/NGO entities
   (predicted code starts with IGO/NGO); sector accuracy over gold entities with a PLOVER sector
   (first three letters: "CVLkur" -> CVL; "***" and unknown codes skipped); and how often a sector is
   predicted where the gold has none.
2. Roles: ``find_roles`` on the sentence's main verb (the parse ROOT) as trigger; the share of gold
   actor (recipient) texts overlapped by a found actor (recipient) phrase, and the share of found
   phrases that overlap some gold entity of the same role. "embedded" repeats this with the ROOT
   replaced by its clausal complement when the ROOT is a reporting verb ("..., the White House
   announced"), which is how the event extractor sees those sentences.

Use ``--errors`` to list mismatches (to find failure classes; never to copy records into lexicons).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateline.extract.actors import ActorCoder, find_roles
from dateline.nlp import load_nlp

DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "dev" / "plover_gsr.jsonl"
SECTORS = frozenset("COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP "
                    "PRE REL SOC".split())
PRONOUNS = frozenset("i you he she it we they who whom which that this these those me him her us them".split())
REPORTING = frozenset({"say", "announce", "report", "tell", "state", "add", "claim", "confirm", "quote"})


def _span_for(doc, text: str):
    start = doc.text.find(text)
    if start < 0:
        start = doc.text.lower().find(text.lower())
    if start < 0:
        return None
    return doc.char_span(start, start + len(text), alignment_mode="expand")


def _overlaps(span, start: int, end: int) -> bool:
    return span.start_char < end and start < span.end_char


def _gold_offsets(doc, entities) -> list[tuple[int, int]]:
    offsets = []
    for ent in entities or ():
        span = _span_for(doc, ent["text"]) if ent.get("text") else None
        if span is not None:
            offsets.append((span.start_char, span.end_char))
    return offsets


class Tally(Counter):
    def share(self, hit: str, total: str) -> str:
        n = self[total]
        return f"{self[hit] / n:.3f} ({self[hit]}/{n})" if n else "n/a"


def measure_coding(doc, event, coder: ActorCoder, tally: Tally, errors: list[str]) -> None:
    for role in ("actor", "recipient"):
        for ent in event.get(role) or ():
            span = _span_for(doc, ent.get("text") or "")
            if span is None:
                tally["unaligned"] += 1
                continue
            got = coder.code(span)
            gold_code = ent.get("code") or ""
            if ent.get("country"):
                tally["country_total"] += 1
                tally["country_hit"] += got.country == ent["country"]
                if got.country != ent["country"]:
                    errors.append(f"country {ent['text']!r}: gold {ent['country']} got {got.country}")
            elif gold_code[:3] in ("IGO", "NGO"):
                tally["org_total"] += 1
                tally["org_hit"] += (got.code or "")[:3] in ("IGO", "NGO")
            sector = (ent.get("sector") or "")[:3]
            if sector in SECTORS:
                tally["sector_total"] += 1
                tally["sector_hit"] += got.sector == sector
                if got.sector != sector:
                    errors.append(f"sector {ent['text']!r}: gold {ent['sector']} got {got.sector}")
            elif not ent.get("sector"):
                tally["nosector_total"] += 1
                tally["nosector_spurious"] += got.sector is not None
                if got.sector is not None:
                    errors.append(f"sector {ent['text']!r}: gold none got {got.sector}")


def _embedded(root):
    if root.lemma_ not in REPORTING:
        return root
    for child in root.children:
        if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
            return child
    return root


def measure_roles(doc, event, tally: Tally, prefix: str, trigger_token, errors: list[str]) -> None:
    actors, recipients = find_roles(doc[trigger_token.i:trigger_token.i + 1])
    for role, found in (("actor", actors), ("recipient", recipients)):
        gold = _gold_offsets(doc, event.get(role))
        tally[f"{prefix}{role}_gold"] += len(gold)
        tally[f"{prefix}{role}_found"] += sum(any(_overlaps(s, a, b) for s in found) for a, b in gold)
        tally[f"{prefix}{role}_pred"] += len(found)
        tally[f"{prefix}{role}_right"] += sum(any(_overlaps(s, a, b) for a, b in gold) for s in found)
        if prefix and gold and not any(_overlaps(s, a, b) for s in found for a, b in gold):
            errors.append(f"{role} missed at {trigger_token.text!r}: gold "
                          f"{[doc.text[a:b] for a, b in gold]} found {[s.text for s in found]} | {doc.text}")


def measure_wikievents(path: Path, nlp, limit: int) -> None:
    """Role overlap on full news articles, with the gold trigger words as triggers (WikiEvents dev:
    Attacker/Killer/... -> actor, Victim/Target -> recipient; gold arguments are head words)."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    records = records[:limit] if limit else records
    tally = Tally()
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records)):
        cursor = 0
        for event, label in zip(record.get("events") or (), record["labels"]["wikievents_events"]):
            token = next((t for t in doc[cursor:] if t.text == label["trigger"]), None) or next(
                (t for t in doc if t.text == label["trigger"]), None)  # events are not always in text order
            if token is None:
                tally["unaligned"] += 1
                continue
            cursor = token.i
            _tally_roles(doc, event, find_roles(doc[token.i:token.i + 1]), tally)
    print(f"\nWikiEvents ({len(records)} articles, gold triggers; {tally['unaligned']} not aligned;"
          f" {tally['pronoun']} pronoun arguments left out)")
    for role in ("actor", "recipient"):
        print(f"   {role:<9} recall {tally.share(role + '_found', role + '_gold'):<22}"
              f" any-role recall {tally.share(role + '_any', role + '_gold')}")


def _tally_roles(doc, event, found_roles, tally: Tally) -> None:
    actors, recipients = found_roles
    for role, found in (("actor", actors), ("recipient", recipients)):
        for ent in event.get(role) or ():
            if ent["text"].lower() in PRONOUNS:
                tally["pronoun"] += 1  # find_roles drops pronouns by design (no coreference)
                continue
            gold = _near_trigger_offsets(doc, ent["text"], found)
            if gold is None:
                continue
            tally[role + "_gold"] += 1
            tally[role + "_found"] += any(_overlaps(s, *gold) for s in found)
            tally[role + "_any"] += any(_overlaps(s, *gold) for s in actors + recipients)


def _near_trigger_offsets(doc, text: str, found) -> tuple[int, int] | None:
    """The gold head word's occurrence inside a found phrase if there is one, else its first one."""
    for span in found:
        at = span.text.find(text)
        if at >= 0:
            return span.start_char + at, span.start_char + at + len(text)
    at = doc.text.find(text)
    return (at, at + len(text)) if at >= 0 else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--limit", type=int, default=0, help="only the first N records")
    parser.add_argument("--errors", action="store_true", help="list mismatches")
    parser.add_argument("--wikievents", type=Path, nargs="?", const=DEFAULT_GOLD.with_name("wikievents.jsonl"),
                        help="also measure roles on WikiEvents articles (default: the dev file)")
    args = parser.parse_args(argv)
    records = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line]
    if args.limit:
        records = records[:args.limit]
    nlp, coder = load_nlp(), ActorCoder.default()
    tally, errors = Tally(), []
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records)):
        for event in record.get("events") or ():
            measure_coding(doc, event, coder, tally, errors)
            root = next(t for t in doc if t.dep_ == "ROOT")
            measure_roles(doc, event, tally, "root_", root, [])
            measure_roles(doc, event, tally, "embedded_", _embedded(root), errors)
    print(f"records: {len(records)}  gold entity texts not found in the sentence: {tally['unaligned']}")
    print(f"country accuracy (gold ISO3)          {tally.share('country_hit', 'country_total')}")
    print(f"IGO/NGO recognised (gold IGO/NGO)     {tally.share('org_hit', 'org_total')}")
    print(f"sector accuracy (gold PLOVER sector)  {tally.share('sector_hit', 'sector_total')}")
    print(f"spurious sector (gold has none)       {tally.share('nosector_spurious', 'nosector_total')}")
    for prefix in ("root_", "embedded_"):
        for role in ("actor", "recipient"):
            p = f"{prefix}{role}"
            print(f"{prefix[:-1]:>8} {role:<9} recall {tally.share(p + '_found', p + '_gold'):<22}"
                  f" precision {tally.share(p + '_right', p + '_pred')}")
    if args.wikievents:
        measure_wikievents(args.wikievents, nlp, args.limit)
    if args.errors:
        print("\n".join(["", *errors]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
