"""TempEval-3 style benchmark of the temporal resolver.

Reads a gold file (``id``/``text``/``published`` per line, e.g. ``eval/dev/tempeval3.jsonl``), writes one
timex per line with the library, then runs the shared scorer on it.

    python benchmarks/times.py ../shared/eval/dev/tempeval3.jsonl -o /tmp/timexes.jsonl [--limit 50] [--no-parse]

``--limit`` scores the first N documents only against the whole gold file (the rest count as misses): use it
to check that the script runs, not for figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateline.nlp import load_nlp  # noqa: E402
from dateline.times import find_timexes, reference_time  # noqa: E402

DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "dev" / "tempeval3.jsonl"


def write_predictions(gold: Path, out: Path, limit: int | None, *, parse: bool) -> tuple[int, float]:
    nlp = load_nlp(disable=("ner",)) if parse else None
    started = time.perf_counter()
    documents = 0
    with gold.open(encoding="utf-8") as source, out.open("w", encoding="utf-8") as sink:
        for line in source:
            if limit is not None and documents >= limit:
                break
            record = json.loads(line)
            documents += 1
            reference = reference_time(record.get("published"))
            doc = nlp(record["text"]) if nlp is not None else None
            for timex in find_timexes(record["text"], reference, doc=doc):
                sink.write(json.dumps({"doc_id": record["id"], **timex.to_dict()}) + "\n")
    return documents, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("-o", "--output", type=Path, default=Path(tempfile.gettempdir()) / "dateline-timexes.jsonl")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--no-parse", action="store_true", help="rules only, without the spaCy parse")
    parser.add_argument("--json", action="store_true", help="pass --json to the scorer")
    args = parser.parse_args()
    documents, seconds = write_predictions(args.gold, args.output, args.limit, parse=not args.no_parse)
    print(f"{documents} documents in {seconds:.2f} s -> {args.output}", file=sys.stderr)
    scorer = args.gold.resolve().parent.parent / "score.py"
    command = [sys.executable, str(scorer), "times", str(args.gold), str(args.output)]
    if args.json:
        command.append("--json")
    sys.exit(subprocess.call(command))


if __name__ == "__main__":
    main()
