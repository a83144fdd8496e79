"""Cross-article event linking on ECB+ dev, measured the way a user runs dateline.

    python benchmarks/links.py                                  # extract, run, export, score: one table
    python benchmarks/links.py --cache /tmp/ecb_docs.pickle      # keep the extracted documents ...
    python benchmarks/links.py --cache /tmp/ecb_docs.pickle      # ... and re-link them only (seconds)
    python benchmarks/links.py --gold other.jsonl --db /tmp/links.db

Steps: ``score.py docs GOLD`` gives the texts; ``dateline.pipeline.extract_stream`` extracts them (the
same code ``dateline run`` runs; with ``--cache`` the documents are pickled so that a later call only
re-links); ``dateline.store.loading.store_stream`` writes them into a fresh SQLite store (linking as
``dateline run`` does); the ``mentions`` exporter writes ``{doc_id, start, end, event_id}`` lines;
``score.py links GOLD PRED --json`` scores them. Prints mention detection and the coreference table
(MUC, B-cubed, CEAF-e, CoNLL F1) against the bars: CoNLL F1 >= 0.70 and B-cubed precision >= 0.70.
A cache is only valid for the dateline code that wrote it: delete it after extraction changes.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

BARS = {("coreference", "conll_f1"): 0.70, ("coreference", "b3", "precision"): 0.70}


def find_gold(explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit)
    base = Path(os.environ["DATELINE_EVAL_DIR"]) if os.environ.get("DATELINE_EVAL_DIR") else REPO.parent / "shared" / "eval"
    gold = base / "dev" / "ecbplus.jsonl"
    return gold if gold.is_file() else None


def extract(docs_path: Path, cache: Path | None) -> list[Any]:
    """The extracted documents (and failures) of ``docs_path``, from ``cache`` when it exists."""
    if cache and cache.is_file():
        with cache.open("rb") as handle:
            return pickle.load(handle)
    from dateline.pipeline import extract_stream

    items = list(extract_stream([str(docs_path)]))
    if cache:
        with cache.open("wb") as handle:
            pickle.dump(items, handle)
    return items


def link_and_export(items: list[Any], db: Path, mentions_path: Path) -> tuple[Any, int]:
    from dateline.export import export
    from dateline.store import open_store
    from dateline.store.loading import store_stream

    db.unlink(missing_ok=True)
    with open_store(str(db)) as store:
        summary = store_stream(items, store)
        n = export(store, "mentions", mentions_path)
    return summary, n


def score_links(score_py: Path, gold: Path, pred: Path) -> dict[str, Any]:
    out = subprocess.run([sys.executable, str(score_py), "links", str(gold), str(pred), "--json"],
                         check=True, capture_output=True, text=True)  # fmt: skip
    return json.loads(out.stdout)


def _lookup(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def render(result: dict[str, Any]) -> str:
    m, c = result["mentions"], result["coreference"]
    lines = [
        (
            f"mention detection: P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f} "
            f"({c['mentions']} matched mentions, {c['gold_chains']} gold chains, {c['predicted_chains']} predicted)"
        ),
        "",
        "| metric | P | R | F1 |",
        "|---|---|---|---|",
    ]
    for name, key in (("MUC", "muc"), ("B-cubed", "b3"), ("CEAF-e", "ceafe")):
        lines.append(f"| {name} | {c[key]['precision']:.3f} | {c[key]['recall']:.3f} | {c[key]['f1']:.3f} |")
    lines.append(f"| CoNLL F1 | | | {c['conll_f1']:.3f} |")
    lines.append("")
    for path, bar in BARS.items():
        value = _lookup(result, path)
        lines.append(f"{'.'.join(path)} = {value:.3f} (bar >= {bar}) {'ok' if value >= bar else 'MISSED'}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", help="ECB+ gold JSONL (default: ../shared/eval/dev/ecbplus.jsonl)")
    parser.add_argument("--cache", type=Path, help="pickle of the extracted documents (read if present)")
    parser.add_argument("--db", type=Path, help="SQLite store to (re)create (default: a temporary file)")
    parser.add_argument("--json", type=Path, help="also write score.py's full result here")
    args = parser.parse_args()
    gold = find_gold(args.gold)
    if gold is None or not gold.is_file():
        print("ECB+ dev set not found (../shared/eval or $DATELINE_EVAL_DIR); nothing measured", file=sys.stderr)
        return 2
    score_py = gold.parent.parent / "score.py"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docs = work / "docs.jsonl"
        with docs.open("w", encoding="utf-8") as handle:
            subprocess.run([sys.executable, str(score_py), "docs", str(gold)], check=True, stdout=handle)
        started = time.perf_counter()
        items = extract(docs, args.cache)
        extracted = time.perf_counter()
        pred = work / "mentions.jsonl"
        summary, n_lines = link_and_export(items, args.db or work / "links.db", pred)
        linked = time.perf_counter()
        result = score_links(score_py, gold, pred)
    print(f"extraction {extracted - started:.1f} s, store + linking {linked - extracted:.1f} s; "
          f"{summary.mentions} mentions stored, {summary.new_events} events, {summary.linked} joined; "
          f"{n_lines} mention lines")  # fmt: skip
    print(render(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
