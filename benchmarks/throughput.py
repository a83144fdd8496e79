"""Extraction throughput against bare spaCy, on real articles (CONTRACT.md "Throughput").

    python benchmarks/throughput.py                 # the whole india_police corpus, 3 repeats
    python benchmarks/throughput.py --limit 100 --repeats 1 --json throughput.json

Corpus: the ``text`` fields of ``eval/dev/india_police.jsonl``, ingested once (untimed) into Articles.
Each repeat times, over the same texts and in this order:

1. baseline: bare ``nlp.pipe`` with the same spaCy model, one process, dateline's component disabled;
2. dateline extraction in one process: ``Extractor().documents(articles)``;
3. geoparsing alone: ``Geoparser.toponyms`` over the docs parsed in (1);
4. dateline extraction in two processes: ``extract_documents(articles, workers=2)`` (pool start-up
   included: it is part of what a user waits for).

Model loading and the gazetteer build happen before, in a warm-up, and are reported apart. Figures are
medians over the repeats; ratios are taken within each repeat (the machine is shared and noisy, so a
ratio of two figures measured minutes apart means little) and their median is reported. Bars: extraction
/ baseline >= 0.8, two processes / one >= 1.5, geoparsing / baseline <= 0.15.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality import find_eval_dir

log = logging.getLogger("benchmarks.throughput")

CORPUS = "india_police"
BAR_EXTRACTION = 0.8
BAR_TWO_PROCESSES = 1.5
BAR_GEOPARSING = 0.15
STEPS = ("baseline", "extraction", "geoparsing", "two_processes")


def load_corpus(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The corpus as input documents ({id, text, published, title}), the first ``limit`` only if given."""
    docs = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            docs.append({k: record.get(k) for k in ("id", "text", "published", "title")})
            if limit and len(docs) >= limit:
                break
    return docs


def ingest_articles(docs: Sequence[dict[str, Any]]):
    """Articles for ``docs`` through dateline's own JSON Lines ingestion, as ``extract`` reads them."""
    from dateline.ingest import ingest
    from dateline.models import Article

    with tempfile.TemporaryDirectory(prefix="dateline-throughput-") as folder:
        path = Path(folder) / "docs.jsonl"
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        items = list(ingest([str(path)]))
    articles = [i for i in items if isinstance(i, Article)]
    if len(articles) != len(docs):
        log.warning("%d of %d documents did not ingest", len(docs) - len(articles), len(docs))
    return articles


def _timed(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = work()
    return time.perf_counter() - started, value


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pool's workers, once joined)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _measured(work: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall and CPU seconds of ``work()``, and its value. CPU time hardly moves with other jobs' load."""
    cpu = _cpu_seconds()
    wall, value = _timed(work)
    return wall, _cpu_seconds() - cpu, value


def _event_ids(documents) -> list[tuple[str, ...]]:
    from dateline.models import Document

    return [tuple(e.id for e in d.events) if isinstance(d, Document) else ("failure",) for d in documents]


@dataclass
class Repeat:
    """Wall seconds of each timed step in one repeat, and CPU seconds by step."""

    baseline: float
    extraction: float
    geoparsing: float
    two_processes: float
    cpu: dict[str, float]

    def ratios(self) -> dict[str, float]:
        return {
            "extraction_vs_baseline": self.baseline / self.extraction,
            "two_vs_one_process": self.extraction / self.two_processes,
            "geoparsing_share": self.geoparsing / self.baseline,
        }


class Bench:
    """The loaded parts (model, extractor, geoparser) and the corpus, warmed up once."""

    def __init__(self, docs: Sequence[dict[str, Any]], workers: int = 2) -> None:
        from dateline.extract import BATCH_SIZE, Extractor
        from dateline.nlp import load_nlp
        from dateline.places import Geoparser

        self.workers = workers
        self.batch_size = BATCH_SIZE
        self.texts = [d["text"] for d in docs]
        self.setup: dict[str, float] = {}
        self.setup["ingest_s"], self.articles = _timed(lambda: ingest_articles(docs))
        self.setup["model_load_s"], self.nlp = _timed(load_nlp)
        self.model_pipes = tuple(self.nlp.pipe_names)  # before dateline adds its component
        self.setup["extractor_build_s"], self.extractor = _timed(Extractor)
        self.geoparser = Geoparser.default()
        self.setup["warm_up_s"], _ = _timed(self._warm_up)

    def _warm_up(self) -> None:
        few = self.articles[:3]
        list(self.extractor.documents(few))
        for doc in self._bare_docs(self.texts[:3]):
            self.geoparser.toponyms(doc, doc_id="warm-up")

    def _bare_docs(self, texts: Sequence[str]) -> list:
        added = [name for name in self.nlp.pipe_names if name not in self.model_pipes]
        with self.nlp.select_pipes(disable=added):
            return list(self.nlp.pipe(texts, batch_size=self.batch_size))

    def run_once(self) -> tuple[Repeat, bool]:
        """One repeat; also whether two processes gave the same events as one."""
        from dateline.extract import extract_documents

        cpu: dict[str, float] = {}
        baseline, cpu["baseline"], docs = _measured(lambda: self._bare_docs(self.texts))
        extraction, cpu["extraction"], one = _measured(lambda: list(self.extractor.documents(self.articles)))
        geoparsing, cpu["geoparsing"], _ = _measured(
            lambda: [self.geoparser.toponyms(d, doc_id=str(i)) for i, d in enumerate(docs)]
        )
        two_processes, cpu["two_processes"], two = _measured(
            lambda: list(extract_documents(self.articles, workers=self.workers))
        )
        repeat = Repeat(baseline, extraction, geoparsing, two_processes, cpu)
        return repeat, _event_ids(one) == _event_ids(two)


def _peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def run_throughput(docs: Sequence[dict[str, Any]], *, repeats: int = 3, workers: int = 2,
                   on_result: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:  # fmt: skip
    """Measure ``repeats`` times; medians of seconds and of per-repeat ratios, with the bars.

    ``on_result`` sees the summary after each repeat (a run cut short keeps what it measured).
    """
    bench = Bench(docs, workers=workers)
    runs: list[Repeat] = []
    same = True
    for number in range(repeats):
        repeat, identical = bench.run_once()
        same = same and identical
        log.info("repeat %d: wall %s, cpu %s", number + 1, {k: round(getattr(repeat, k), 2) for k in STEPS},
                 {k: round(v, 2) for k, v in repeat.cpu.items()})  # fmt: skip
        runs.append(repeat)
        if on_result is not None and number + 1 < repeats:
            on_result(summarise(bench, runs, same))
    return summarise(bench, runs, same)


def summarise(bench: Bench, runs: Sequence[Repeat], same: bool) -> dict[str, Any]:
    """Medians over ``runs`` and the verdicts against the bars."""
    n = len(bench.articles)
    seconds = {k: statistics.median(getattr(r, k) for r in runs) for k in STEPS}
    cpu = {k: statistics.median(r.cpu[k] for r in runs) for k in STEPS}
    ratios = {k: statistics.median(r.ratios()[k] for r in runs) for k in runs[0].ratios()}
    cpu_ratio = statistics.median(r.cpu["baseline"] / r.cpu["extraction"] for r in runs)
    return {
        "articles": n,
        "words": sum(len(t.split()) for t in bench.texts),
        "repeats": len(runs),
        "workers": bench.workers,
        "cpu_count": os.cpu_count(),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "setup_seconds": {k: round(v, 2) for k, v in bench.setup.items()},
        "seconds": {k: round(v, 3) for k, v in seconds.items()},
        "cpu_seconds": {k: round(v, 3) for k, v in cpu.items()},
        "seconds_each_repeat": [{k: round(getattr(r, k), 3) for k in STEPS} for r in runs],
        "cpu_seconds_each_repeat": [{k: round(v, 3) for k, v in r.cpu.items()} for r in runs],
        "articles_per_second": {k: round(n / v, 2) for k, v in seconds.items() if k != "geoparsing"},
        "ratios": {k: round(v, 3) for k, v in ratios.items()},
        "extraction_vs_baseline_cpu": round(cpu_ratio, 3),
        "passed": {
            "extraction_vs_baseline": ratios["extraction_vs_baseline"] >= BAR_EXTRACTION,
            "two_vs_one_process": ratios["two_vs_one_process"] >= BAR_TWO_PROCESSES,
            "geoparsing_share": ratios["geoparsing_share"] <= BAR_GEOPARSING,
        },
        "two_processes_same_events": same,
        "peak_rss_mb": {
            "main": round(_peak_rss_mb(resource.RUSAGE_SELF)),
            "largest_worker": round(_peak_rss_mb(resource.RUSAGE_CHILDREN)),
        },
    }


def render_table(result: dict[str, Any]) -> str:
    """The figures as one markdown table."""
    rate, secs, ratio, ok = result["articles_per_second"], result["seconds"], result["ratios"], result["passed"]
    cpu = result["cpu_seconds"]
    mark = {True: "✓", False: "✗"}
    workers = result["workers"]
    setup = result["setup_seconds"]
    rows = [
        ("corpus", f"{result['articles']} articles, {result['words']} words ({CORPUS})", "", ""),
        ("bare nlp.pipe, 1 process", f"{rate['baseline']:.1f} articles/s ({secs['baseline']:.1f} s)", "", ""),
        ("dateline extraction, 1 process", f"{rate['extraction']:.1f} articles/s ({secs['extraction']:.1f} s)", "", ""),
        (f"dateline extraction, {workers} processes",
         f"{rate['two_processes']:.1f} articles/s ({secs['two_processes']:.1f} s)", "", ""),
        ("extraction / bare nlp.pipe", f"{ratio['extraction_vs_baseline']:.2f}", f">= {BAR_EXTRACTION}",
         mark[ok["extraction_vs_baseline"]]),
        ("extraction / bare nlp.pipe, by CPU time",
         (f"{result['extraction_vs_baseline_cpu']:.2f} (CPU s: {cpu['baseline']:.1f} bare, "
          f"{cpu['extraction']:.1f} dateline, {cpu['two_processes']:.1f} dateline in {workers} processes)"), "", ""),
        (f"{workers} processes / 1 process", f"{ratio['two_vs_one_process']:.2f}", f">= {BAR_TWO_PROCESSES}",
         mark[ok["two_vs_one_process"]]),
        ("geoparsing / bare nlp.pipe", f"{ratio['geoparsing_share']:.3f} ({secs['geoparsing']:.2f} s)",
         f"<= {BAR_GEOPARSING}", mark[ok["geoparsing_share"]]),
        (f"{workers}-process output = 1-process output", "yes" if result["two_processes_same_events"] else "NO", "", ""),
        ("peak RSS", (f"{result['peak_rss_mb']['main']} MB main, {result['peak_rss_mb']['largest_worker']} MB "
                      "largest worker"), "", ""),
        ("untimed set-up", (f"model {setup['model_load_s']:.1f} s, extractor (gazetteer, lexicons) "
                            f"{setup['extractor_build_s']:.1f} s, ingest {setup['ingest_s']:.1f} s"), "", ""),
        ("machine", (f"{result['cpu_count']} CPUs, load {result['load_average_1min']}; median of "
                     f"{result['repeats']} repeats"), "", ""),
    ]  # fmt: skip
    lines = ["| measure | value | bar | ok |", "|---|---|---|:---:|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None, *, echo: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--repeats", type=int, default=3, help="timed repeats (median reported)")
    parser.add_argument("--workers", type=int, default=2, help="processes of the parallel measurement")
    parser.add_argument("--json", dest="json_out", type=Path, default=None, help="write every figure here")
    parser.add_argument("--eval-dir", default=None, help="the eval folder (default ../shared/eval)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    eval_dir = find_eval_dir(args.eval_dir)
    corpus = eval_dir / "dev" / f"{CORPUS}.jsonl" if eval_dir else None
    if corpus is None or not corpus.is_file():
        if args.eval_dir:
            parser.error(f"no dev/{CORPUS}.jsonl in {args.eval_dir}")
        log.warning("skipped: the eval data (../shared/eval) is not here")
        return 0
    if args.repeats < 1 or args.workers < 2:
        parser.error("--repeats must be >= 1 and --workers >= 2")
    def save(result: dict[str, Any]) -> None:
        if args.json_out:
            args.json_out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")

    result = run_throughput(load_corpus(corpus, args.limit), repeats=args.repeats, workers=args.workers,
                            on_result=save)  # fmt: skip
    save(result)
    echo(render_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
