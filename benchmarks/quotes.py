"""Quote / attribution benchmark on the PolNeAR dev set.

Runs ``nlp.pipe`` over the dev texts, calls ``find_claims`` on each document, writes one line
per claim in ``score.py quotes`` format and prints the scorer's table.  The speaker written is
the surface string (``Entity.text``: "he", "Mr. Trump"), because the scorer compares speakers
with the gold source *as written*.

    python benchmarks/quotes.py                      # full dev set (504 long articles: slow)
    python benchmarks/quotes.py --limit 50           # the first 50 articles
    python benchmarks/quotes.py --out quotes.jsonl --eval-dir ../shared/eval
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateline.extract.quotes import find_claims  # noqa: E402
from dateline.nlp import load_nlp  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval"


def _read_gold(path: Path, offset: int, limit: int | None) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    rows = rows[offset:]
    return rows[:limit] if limit else rows


def write_predictions(rows: list[dict], out: Path, *, batch_size: int = 8) -> int:
    """Parse the dev texts, write one ``{doc_id, start, end, speaker}`` line per claim."""
    nlp = load_nlp()
    written = 0
    with out.open("w", encoding="utf-8") as handle:
        texts = (row["text"] for row in rows)
        for row, doc in zip(rows, nlp.pipe(texts, batch_size=batch_size)):
            for claim in find_claims(doc):
                line = {
                    "doc_id": row["id"],
                    "start": claim.content.start,
                    "end": claim.content.end,
                    "speaker": claim.speaker.text if claim.speaker else None,
                    "kind": claim.kind,
                    "cue": claim.cue,
                }
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
                written += 1
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--offset", type=int, default=0, help="skip the first N articles")
    parser.add_argument("--out", type=Path, default=Path("quotes.jsonl"))
    args = parser.parse_args()

    gold_path = args.eval_dir / "dev" / "polnear.jsonl"
    rows = _read_gold(gold_path, args.offset, args.limit)
    started = time.perf_counter()
    written = write_predictions(rows, args.out)
    elapsed = time.perf_counter() - started
    print(f"{len(rows)} articles, {written} claims, {elapsed:.1f} s", file=sys.stderr)

    # Score only the articles we ran: a gold file cut to the same rows.
    subset = args.out.with_suffix(".gold.jsonl")
    with subset.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    scorer = args.eval_dir / "score.py"
    result = subprocess.run([sys.executable, str(scorer), "quotes", str(subset), str(args.out)], check=False)
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
