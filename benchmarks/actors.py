"""Measure actor coding: actor countries on PLOVER GSR (dev) and dev whole articles, CAMEO dyads on coder sentences.

    python benchmarks/actors.py [--sets plover,articles,coder,dictionary] [--workers N] [--keep DIR]

1. ``plover``: runs ``python -m dateline extract`` on the PLOVER GSR dev sentences and scores them with
   the shared scorer (``score.py events``): actor-country accuracy on matched events (same PLOVER type)
   and with any-type matching (the issue's bar: >= 0.80), and the PLOVER type F1 (bar: >= 0.75).
2. ``articles``: the same on the dev whole articles (``score.py articles``): ``fields.actor_country``,
   the share of found core happenings whose actor countries are right (bar: >= 0.70).
3. ``coder``: the sentences of ``tests/data/actors/coder_sentences.tsv`` (fictional, written for
   dateline, one actor-coding rule each): share whose top event has the coders' CAMEO root, and whose
   dyad (source code, target code, root) agrees entirely; ``--errors`` lists the disagreements.
4. ``dictionary``: the actor dictionary alone (``dateline.coding.actor_dictionary.lookup``) on the
   gold actor texts of PLOVER GSR: how often its country is the gold one (what the dictionary could
   give once it is wired into extraction).

With ``--recode``, sets 1-3 are scored twice more with the extractor's actor and recipient phrases
re-coded by the actor dictionary after extraction (``fill``: only entities without a country;
``replace``: wherever the dictionary codes the phrase): an estimate of wiring the dictionary in,
not a measure of the extractor.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared/eval"
CODER_SENTENCES = ROOT / "tests/data/actors/coder_sentences.tsv"
ALL_SETS = "plover,articles,coder,dictionary"


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT, **kwargs)


def _extract(docs: Path, out: Path, workers: int, output_format: str) -> None:
    _run([sys.executable, "-m", "dateline", "extract", str(docs), "--format", output_format,
          "--workers", str(workers), "--no-progress", "-o", str(out)])


def _score(mode: str, gold: Path, predictions: Path) -> dict:
    return json.loads(_run([sys.executable, str(EVAL / "score.py"), mode, str(gold), str(predictions),
                            "--json"]).stdout)


def _docs(gold: Path, folder: Path) -> Path:
    docs = folder / f"{gold.stem}.docs.jsonl"
    docs.write_text(_run([sys.executable, str(EVAL / "score.py"), "docs", str(gold)]).stdout, encoding="utf-8")
    return docs


def _get(result: object, *keys: str) -> object:
    for key in keys:
        result = result.get(key) or {} if isinstance(result, dict) else {}
    return result if result != {} else None


def _share(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else "n/a"


def _recode_entity(entity: dict, date: str | None, replace: bool) -> dict:
    from dateline.coding.actor_dictionary import lookup, region_codes

    if entity.get("country") and not replace:
        return entity
    coded = lookup((entity.get("text") or "").split(), date)
    if coded is None or coded.country is None or coded.country in region_codes():
        return entity
    return {**entity, "code": coded.code, "country": coded.country, "sector": coded.sector}


def _recoded(path: Path, mode: str) -> Path:
    """The extraction output with actor and recipient entities re-coded by the actor dictionary."""
    import dateline.extract  # noqa: F401  (the pipeline imports extraction before coding)

    out = path.with_name(f"{path.stem}.{mode}.jsonl")
    with out.open("w", encoding="utf-8") as sink:
        for line in path.read_text(encoding="utf-8").splitlines():
            event = json.loads(line)
            for role in ("actor", "recipient"):
                event[role] = [_recode_entity(e, event.get("date"), mode == "replace") for e in event.get(role) or []]
            sink.write(json.dumps(event) + "\n")
    return out


def _variants(path: Path, recode: bool) -> list[tuple[str, Path]]:
    return [("extractor", path)] + ([(mode, _recoded(path, mode)) for mode in ("fill", "replace")] if recode else [])


def measure_plover(folder: Path, workers: int, recode: bool) -> None:
    gold = EVAL / "dev/plover_gsr.jsonl"
    out = folder / "plover.events.jsonl"
    _extract(_docs(gold, folder), out, workers, "jsonl")
    for label, path in _variants(out, recode):
        _report_plover(label, _score("events", gold, path))


def _report_plover(label: str, result: dict) -> None:
    matched = _get(result, "attributes", "actor_country") or {}
    any_type = _get(result, "attributes_any_type", "actor_country") or {}
    print(f"PLOVER GSR dev (score.py events; actors: {label})")
    print(f"  actor country, same-type match:  {_share(_get(matched, 'accuracy_all'))} of gold "
          f"({_get(matched, 'correct')}/{_get(matched, 'gold')}); {_share(_get(matched, 'accuracy_matched'))} "
          f"of matched")
    print(f"  actor country, any-type match:   {_share(_get(any_type, 'accuracy_all'))} of gold "
          f"({_get(any_type, 'correct')}/{_get(any_type, 'gold')})   [bar 0.80]")
    print(f"  PLOVER type F1:                  {_share(_get(result, 'detection', 'plover', 'f1'))}   [bar 0.75]")


def measure_articles(folder: Path, workers: int, recode: bool) -> None:
    gold = EVAL / "dev/articles.jsonl"
    out = folder / "articles.events.jsonl"
    _extract(_docs(gold, folder), out, workers, "jsonl")
    for label, path in _variants(out, recode):
        field = _actor_country_field(_score("articles", gold, path))
        print(f"Dev whole articles (score.py articles; actors: {label})")
        print(f"  actor country on found core happenings: {_share(_field_share(field))}   [bar 0.70]  {field}")


def _actor_country_field(result: dict) -> object:
    return _get(result, "fields", "actor_country")


def _field_share(field: object) -> float | None:
    if isinstance(field, float):
        return field
    if isinstance(field, dict):
        for key in ("accuracy", "share", "value"):
            if isinstance(field.get(key), float):
                return field[key]
    return None


def _coder_rows() -> list[dict[str, str]]:
    lines = [line for line in CODER_SENTENCES.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _top_event(document: dict) -> dict | None:
    events = document.get("events") or []
    return max(events, key=lambda e: e.get("confidence") or 0) if events else None


def _first_code(event: dict, role: str) -> str:
    entities = event.get(role) or []
    return (entities[0].get("code") or "") if entities else ""


def _dyad(event: dict | None) -> tuple[str, str, str]:
    """(source code, target code, CAMEO root) of an event; empty strings for what it lacks."""
    if event is None:
        return "", "", ""
    return _first_code(event, "actor"), _first_code(event, "recipient"), (event.get("cameo") or "")[:2]


def measure_coder(folder: Path, workers: int, errors: bool, recode: bool) -> None:
    rows = _coder_rows()
    docs = folder / "coder.docs.jsonl"
    docs.write_text("".join(json.dumps({"id": row["id"], "text": row["sentence"]}) + "\n" for row in rows),
                    encoding="utf-8")
    out = folder / "coder.json"
    _extract(docs, out, workers, "json")
    documents = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line]
    top_events = [_top_event(document) for document in documents]
    print(f"Coder sentences ({len(rows)}, {CODER_SENTENCES.relative_to(ROOT)})")
    for mode in ("extractor", "fill", "replace") if recode else ("extractor",):
        events = top_events if mode == "extractor" else [_recoded_event(e, mode) for e in top_events]
        _report_coder(mode, rows, [_dyad(event) for event in events], errors and mode == "extractor")


def _recoded_event(event: dict | None, mode: str) -> dict | None:
    if event is None:
        return None
    import dateline.extract  # noqa: F401  (the pipeline imports extraction before coding)

    return {**event, **{role: [_recode_entity(e, event.get("date"), mode == "replace") for e in event.get(role) or []]
                        for role in ("actor", "recipient")}}


def _coders_dyad(row: dict[str, str]) -> tuple[str, str, str]:
    return row["source"], row["target"], row["root"]


def _report_coder(mode: str, rows: list[dict[str, str]], dyads: list[tuple[str, str, str]], errors: bool) -> None:
    root_hits = dyad_hits = 0
    for row, got in zip(rows, dyads, strict=True):
        wanted = _coders_dyad(row)
        root_hits += got[2] == row["root"]
        dyad_hits += got == wanted
        if errors and got != wanted:
            print(f"  {row['id']} coders {' '.join(wanted)}  got {' '.join(got) or '-'}  ({row['rule']})")
    print(f"  actors: {mode:<9} CAMEO root agrees: {root_hits / len(rows):.3f} ({root_hits}/{len(rows)});"
          f" dyad agrees (source, target, root): {dyad_hits / len(rows):.3f} ({dyad_hits}/{len(rows)})")


def measure_dictionary() -> None:
    import dateline.extract  # noqa: F401  (the pipeline imports extraction before coding)
    from dateline.coding.actor_dictionary import lookup

    gold = EVAL / "dev/plover_gsr.jsonl"
    total = hits = found = 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        for event in json.loads(line).get("events") or []:
            for entity in (event.get("actor") or []) + (event.get("recipient") or []):
                if not entity.get("country"):
                    continue
                total += 1
                coded = lookup(entity["text"].split())
                found += coded is not None
                hits += coded is not None and coded.country == entity["country"]
    print("Actor dictionary alone on PLOVER GSR gold actor texts (entities with a gold country)")
    print(f"  country right: {hits / max(total, 1):.3f} ({hits}/{total}); coded at all: {found}/{total}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=ALL_SETS, help="comma-separated: %(default)s")
    parser.add_argument("--workers", type=int, default=1, help="extraction processes")
    parser.add_argument("--errors", action="store_true", help="list coder-sentence disagreements")
    parser.add_argument("--recode", action="store_true", help="also score with the dictionary re-coding actors")
    parser.add_argument("--keep", type=Path, help="keep the extraction outputs in this folder")
    args = parser.parse_args(argv)
    wanted = set(args.sets.split(","))
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        if "dictionary" in wanted:
            measure_dictionary()
        if "coder" in wanted:
            measure_coder(folder, args.workers, args.errors, args.recode)
        if "plover" in wanted:
            measure_plover(folder, args.workers, args.recode)
        if "articles" in wanted:
            measure_articles(folder, args.workers, args.recode)
    return 0


if __name__ == "__main__":
    sys.exit(main())
