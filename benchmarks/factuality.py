"""Event factuality benchmark on the MEANTIME dev set (WikiNews on Airbus, Apple, GM and stock markets).

Runs dateline as a user does, writes one ``score.py factuality`` line per mention trigger of every event,
and prints the scorer's table plus the share of gold triggers that dateline's lexicon reaches:

    python score.py docs GOLD > docs.jsonl
    dateline extract docs.jsonl --format json -o documents.jsonl
    # {"doc_id", "start", "end", "modality"} per event["mentions"][i]["trigger"] / ["modality"]
    python score.py factuality GOLD pred.jsonl

    python benchmarks/factuality.py                       # the whole dev set (60 short documents)
    python benchmarks/factuality.py --limit 20            # the first 20 documents
    python benchmarks/factuality.py --out-dir /tmp/mt --confusion --misses 40
    python benchmarks/factuality.py --documents /tmp/mt/documents.jsonl   # rescore without extracting

``--confusion`` prints gold against predicted modality on the matched triggers; ``--misses N`` prints
the N most frequent gold trigger words that no prediction overlaps (what the lexicon does not reach),
and ``--extra N`` the predicted triggers that overlap no gold trigger.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

# the same readers and line format as the quality table (benchmarks/ is on sys.path when run as a script)
sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import factuality_lines, read_jsonl, write_jsonl  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
GOLD_NAME = "meantime_factuality.jsonl"
# score.py's reading of dateline's labels (alleged/historical count as asserted)
_SCORED_AS = {"alleged": "asserted", "historical": "asserted", "actual": "asserted"}


def extract_documents(docs: Path, out: Path) -> None:
    """``dateline extract --format json``, as a user runs it."""
    command = [sys.executable, "-m", "dateline", "extract", str(docs), "--format", "json", "-o", str(out)]
    result = subprocess.run(command, check=False)
    if result.returncode not in (0, 1) or not out.exists():
        raise SystemExit(f"dateline extract failed with exit code {result.returncode}")


def match(gold: list[dict], predicted: list[dict]) -> list[tuple[dict, dict]]:
    """Gold and predicted triggers of one document paired one-to-one, largest overlap first (as score.py)."""
    pairs = []
    for g_index, g in enumerate(gold):
        for p_index, p in enumerate(predicted):
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0:
                pairs.append((-overlap, g_index, p_index))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matched = []
    for _, g_index, p_index in sorted(pairs):
        if g_index in used_gold or p_index in used_pred:
            continue
        used_gold.add(g_index)
        used_pred.add(p_index)
        matched.append((gold[g_index], predicted[p_index]))
    return matched


def diagnostics(gold_rows: list[dict], lines: list[dict], *, confusion: bool, misses: int, extra: int) -> str:
    by_doc: dict[str, list[dict]] = {}
    for line in lines:
        by_doc.setdefault(line["doc_id"], []).append(line)
    table: Counter[tuple[str, str]] = Counter()
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    for row in gold_rows:
        predicted = by_doc.get(row["id"], [])
        pairs = match(row["facts"], predicted)
        for g, p in pairs:
            label = str(p["modality"]).lower()
            table[(g["factuality"], _SCORED_AS.get(label, label))] += 1
        hit_gold = {id(g) for g, _ in pairs}
        hit_pred = {id(p) for _, p in pairs}
        missed.update(g["text"].lower() for g in row["facts"] if id(g) not in hit_gold)
        spurious.update(row["text"][p["start"] : p["end"]].lower() for p in predicted if id(p) not in hit_pred)
    out: list[str] = []
    if confusion:
        labels = sorted({g for g, _ in table} | {p for _, p in table})
        out.append("gold \\ predicted".ljust(18) + "".join(label[:10].rjust(11) for label in labels))
        for g in labels:
            out.append(g.ljust(18) + "".join(str(table[(g, p)]).rjust(11) for p in labels))
    if misses:
        out.append(f"most frequent unmatched gold triggers ({sum(missed.values())} in all):")
        out.append(", ".join(f"{word} {n}" for word, n in missed.most_common(misses)))
    if extra:
        out.append(f"predicted triggers matching no gold trigger ({sum(spurious.values())} in all):")
        out.append(", ".join(f"{word} {n}" for word, n in spurious.most_common(extra)))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--out-dir", type=Path, default=None, help="keep gold, docs, documents and pred here")
    parser.add_argument("--documents", type=Path, default=None, help="score this extract --format json output")
    parser.add_argument("--confusion", action="store_true", help="gold x predicted modality on matched triggers")
    parser.add_argument("--misses", type=int, default=0, metavar="N", help="N most frequent unmatched gold words")
    parser.add_argument("--extra", type=int, default=0, metavar="N", help="N most frequent unmatched predictions")
    args = parser.parse_args(argv)

    gold_file = args.eval_dir / "dev" / GOLD_NAME
    scorer = args.eval_dir / "score.py"
    if not gold_file.exists():
        print(f"skipped: {gold_file} not found (pass --eval-dir)", file=sys.stderr)
        return 0
    work = args.out_dir or Path(tempfile.mkdtemp(prefix="dateline-factuality-"))
    work.mkdir(parents=True, exist_ok=True)

    rows = read_jsonl(gold_file)[: args.limit] if args.limit else read_jsonl(gold_file)
    gold = work / "gold.jsonl"
    write_jsonl(gold, rows)  # cut to the documents read, so recall counts only what was run
    documents_file = args.documents
    if documents_file is None:
        docs = work / "docs.jsonl"
        with docs.open("w", encoding="utf-8") as handle:
            subprocess.run([sys.executable, str(scorer), "docs", str(gold)], stdout=handle, check=True)
        documents_file = work / "documents.jsonl"
        extract_documents(docs, documents_file)
    wanted = {row["id"] for row in rows}
    documents = [d for d in read_jsonl(documents_file) if d.get("article", {}).get("id") in wanted]
    lines = list(factuality_lines(documents))
    pred = work / "pred.jsonl"
    write_jsonl(pred, lines)

    subprocess.run([sys.executable, str(scorer), "factuality", str(gold), str(pred)], check=True)
    result = subprocess.run([sys.executable, str(scorer), "factuality", str(gold), str(pred), "--json"],
                            check=True, capture_output=True, text=True)  # fmt: skip
    figures = json.loads(result.stdout)
    modality = figures["modality"]
    print(f"\nmatched triggers {modality['matched']} of {figures['counts']['gold_facts']} gold "
          f"(share {figures['gold_matched_share']:.3f}), modality macro F1 {modality['macro_f1']:.3f} "
          f"(bar: >= 0.50 on >= 100 matched)")  # fmt: skip
    extra = diagnostics(rows, lines, confusion=args.confusion, misses=args.misses, extra=args.extra)
    if extra:
        print(extra)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
