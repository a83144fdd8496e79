"""Geoparsing quality and cost on the GeoWebNews / GeoVirus dev sets.

    python benchmarks/geoparse.py                      # both dev sets, whole
    python benchmarks/geoparse.py --limit 50 geowebnews

Writes ``toponyms-<set>.jsonl`` (one resolved toponym per line, the ``dateline places`` shape) into
``--out`` and runs ``eval/score.py places`` on it. Timing: bare ``nlp.pipe`` over the texts, then
``nlp.pipe`` + ``Geoparser.toponyms`` over the same texts; the ratio is the share geoparsing adds.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from dateline.nlp import load_nlp
from dateline.places import Geoparser

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"


def read_docs(path: Path, limit: int | None) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle if line.strip()]
    return docs[:limit] if limit else docs


def run(name: str, limit: int | None, out: Path, demonyms: bool, facilities: bool) -> None:
    gold = SHARED / "dev" / f"{name}.jsonl"
    docs = read_docs(gold, limit)
    texts = [d["text"] for d in docs]
    nlp = load_nlp()
    geoparser = Geoparser(Geoparser.default().gazetteer, demonyms=demonyms, facilities=facilities)
    geoparser.gazetteer.warm()  # load the in-memory name sets outside the timed part (once per process)

    started = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    bare = time.perf_counter() - started

    started = time.perf_counter()
    parsed = list(nlp.pipe(texts))
    piped = time.perf_counter() - started
    started = time.perf_counter()
    rows = [t.to_dict() for d, doc in zip(docs, parsed) for t in geoparser.toponyms(doc, doc_id=d["id"])]
    geo = time.perf_counter() - started

    pred = out / f"toponyms-{name}.jsonl"
    with pred.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row) + "\n")
    print(f"{name}: {len(docs)} docs, {len(rows)} toponyms")
    # The faster of the two identical nlp.pipe passes is the baseline: the first pays for warming up.
    baseline = min(bare, piped)
    print(f"  nlp.pipe {bare:.1f}s / {piped:.1f}s, toponyms() {geo:.2f}s:"
          f" geoparsing adds {100 * geo / baseline:.1f}% to extraction time")
    if limit:  # score against the same documents only, or recall counts the unread ones as missed
        subset = out / f"gold-{name}-{limit}.jsonl"
        subset.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        gold = subset
    subprocess.run([sys.executable, str(SHARED / "score.py"), "places", str(gold), str(pred)], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", default=["geowebnews", "geovirus"])
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    parser.add_argument("--demonyms", action="store_true", help="count nationality words as toponyms")
    parser.add_argument("--facilities", action="store_true", help="report named facilities at their town")
    parser.add_argument("--out", type=Path, default=Path("/tmp"), help="folder for the toponym files")
    args = parser.parse_args()
    for name in args.sets:
        run(name, args.limit, args.out, args.demonyms, args.facilities)


if __name__ == "__main__":
    main()
