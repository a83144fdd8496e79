"""Quality on every dev set of ``eval/``: dateline run as a user runs it, scored by ``eval/score.py``.

    python benchmarks/quality.py                                # every dev set, whole (10-20 min)
    python benchmarks/quality.py --sets acled,places --limit 50 # quick look: first 50 records per set
    python benchmarks/quality.py --sets articles                # whole articles, record by record
    python benchmarks/quality.py --json quality.json --out-dir /tmp/quality --workers 2

For each set: ``score.py docs GOLD > docs.jsonl``; the dateline command of the set's task writes the
predictions (``extract --format jsonl`` for event sets, ``places``, ``times``, ``extract --format json``
turned into quote or factuality lines, ``run`` + ``export mentions`` for links); ``score.py <task>
GOLD PRED --json`` scores them. Prints one markdown table: every headline figure next to its bar (from
the issues), ✓ or ✗. A step that fails is reported as "not available" with its error; the other sets
still run. ``--json OUT`` keeps every figure score.py reported. See docs/evaluation.md.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
# this checkout's dateline, not an older installed copy (a script's own folder comes first on sys.path)
sys.path.insert(0, str(REPO))
EVAL_ENV = "DATELINE_EVAL_DIR"

log = logging.getLogger("benchmarks.quality")


@dataclass(frozen=True)
class Metric:
    """One figure of a ``score.py --json`` result, found by ``path``, with its bar (None: shown only).

    ``support`` names a count that must reach ``min_support`` for the bar to be met ("macro F1 on at
    least 100 matched triggers").
    """

    label: str
    path: tuple[str, ...]
    bar: float | None = None
    support: tuple[str, ...] | None = None
    min_support: int = 0
    integer: bool = False
    at_most: bool = False  # the bar is a ceiling ("duplicates <= 5 % of records")


@dataclass(frozen=True)
class DevSet:
    """A dev gold file and the task (score.py subcommand) it is scored with."""

    name: str
    task: str
    metrics: tuple[Metric, ...]


def _attr(name: str) -> tuple[str, ...]:
    return ("attributes_any_type", name, "accuracy_all")


DEV_SETS: tuple[DevSet, ...] = (
    DevSet("acled", "events", (
        Metric("ACLED type F1", ("detection", "acled_event_type", "f1"), 0.85),
        Metric("ACLED sub-type F1", ("detection", "acled_sub_event_type", "f1"), 0.70),
        Metric("date exact (all gold)", _attr("date"), 0.97),
        Metric("dead exact (all gold)", _attr("dead"), 0.92),
        Metric("location within 25 km (all gold)", _attr("location_25km"), 0.68),
        Metric("location within 100 km (all gold)", _attr("location_100km"), 0.85),
        Metric("country code (all gold)", _attr("country_code"), 0.93),
    )),
    DevSet("plover_gsr", "events", (Metric("PLOVER type F1", ("detection", "plover", "f1"), 0.75),)),
    DevSet("pentaclass", "events", (Metric("PentaClass accuracy", ("classification", "pentaclass", "accuracy"), 0.75),)),
    DevSet("case2021", "events", (
        Metric("CASE 2021 weighted F1", ("classification", "case2021", "weighted_f1"), 0.70),
    )),
    DevSet("event_location", "events", (Metric("location names F1", ("location_names", "f1")),)),
    DevSet("wikievents", "events", (Metric("location names F1", ("location_names", "f1")),)),
    DevSet("geowebnews", "places", (
        Metric("recognition recall", ("recognition", "recall"), 0.80),
        Metric("recognition precision", ("recognition", "precision"), 0.75),
        Metric("accuracy within 161 km (recognised)", ("resolution", "accuracy_161km_matched"), 0.85),
        Metric("accuracy within 161 km (all gold)", ("resolution", "accuracy_161km_all")),
    )),
    DevSet("geovirus", "places", (
        Metric("recognition recall", ("recognition", "recall"), 0.80),
        Metric("recognition precision", ("recognition", "precision"), 0.75),
        Metric("accuracy within 161 km (recognised)", ("resolution", "accuracy_161km_matched"), 0.85),
        Metric("accuracy within 161 km (all gold)", ("resolution", "accuracy_161km_all")),
    )),
    DevSet("tempeval3", "times", (
        Metric("relaxed span F1", ("relaxed", "f1"), 0.85),
        Metric("value F1", ("value", "f1"), 0.75),
        Metric("strict span F1", ("strict", "f1")),
    )),
    DevSet("polnear", "quotes", (
        Metric("content F1", ("content", "f1"), 0.60),
        Metric("speaker accuracy (matched)", ("speaker", "accuracy_matched"), 0.75),
    )),
    DevSet("meantime_factuality", "factuality", (
        Metric("modality macro F1", ("modality", "macro_f1"), 0.50, support=("modality", "matched"),
               min_support=100),
        Metric("matched triggers", ("modality", "matched"), integer=True),
        Metric("matched share of gold triggers", ("gold_matched_share",)),
    )),
    DevSet("articles", "articles", (
        Metric("record precision", ("records", "precision"), 0.70),
        Metric("record recall (core happenings)", ("records", "recall"), 0.70),
        Metric("usable share", ("records", "usable_share"), 0.35),
        Metric("duplicate share", ("records", "duplicate_share"), 0.05, at_most=True),
        Metric("confidence >= 0.9: precision", ("confidence", "from_0_9", "precision"), 0.85),
        Metric("confidence >= 0.9: share of records", ("confidence", "from_0_9", "share"), 0.25),
        Metric("actor country (found core)", ("fields", "actor_country", "accuracy"), 0.70),
        Metric("place (found core)", ("fields", "location", "accuracy")),
        Metric("date (found core)", ("fields", "date", "accuracy")),
        Metric("dead (found core)", ("fields", "dead", "accuracy")),
    )),
    DevSet("ecbplus", "links", (
        Metric("CoNLL F1", ("coreference", "conll_f1"), 0.70),
        Metric("B-cubed precision", ("coreference", "b3", "precision"), 0.70),
        Metric("mention recall", ("mentions", "recall")),
    )),
)
SETS_BY_NAME = {s.name: s for s in DEV_SETS}
GROUPS = {
    "all": [s.name for s in DEV_SETS],
    "events": [s.name for s in DEV_SETS if s.task == "events"],
    "places": ["geowebnews", "geovirus"],
    "times": ["tempeval3"],
    "quotes": ["polnear"],
    "factuality": ["meantime_factuality"],
    "links": ["ecbplus"],
    "articles": ["articles"],
}


class StepFailed(Exception):
    """A dateline or score.py step did not produce usable output."""


def select_sets(spec: str) -> list[DevSet]:
    """Dev sets named in a comma-separated ``spec`` of set names and groups (``acled,places``), in order."""
    names: list[str] = []
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        if part not in GROUPS and part not in SETS_BY_NAME:
            known = ", ".join([*GROUPS, *SETS_BY_NAME])
            raise ValueError(f"unknown set {part!r} (known: {known})")
        names += GROUPS.get(part, [part])
    return [SETS_BY_NAME[n] for n in dict.fromkeys(names)]


def find_eval_dir(explicit: str | Path | None = None) -> Path | None:
    """The ``eval`` folder (score.py + dev/): ``explicit``, $DATELINE_EVAL_DIR, or ../shared/eval."""
    if explicit is not None:
        return Path(explicit)
    if os.environ.get(EVAL_ENV):
        return Path(os.environ[EVAL_ENV])
    for candidate in (REPO.parent / "shared" / "eval", Path("/work/shared/eval")):
        if (candidate / "score.py").is_file():
            return candidate
    return None


# --- running dateline ---------------------------------------------------------------------------


class DatelineRunner:
    """Runs ``dateline ARGS`` as a user would: a subprocess, or the same click command in this process.

    In-process runs share one loaded model between sets (the smoke test uses it); subprocesses keep
    sets apart, so a crash or a leak in one cannot touch the next. Exit code 1 (some inputs failed)
    still yields output: the failed inputs are counted from stderr.
    """

    def __init__(self, *, in_process: bool = False) -> None:
        self.in_process = in_process

    def __call__(self, args: Sequence[str], log_path: Path) -> int:
        """Run; return the number of inputs reported failed. Raises StepFailed on any other error."""
        code = self._in_process(args, log_path) if self.in_process else self._subprocess(args, log_path)
        text = log_path.read_text(encoding="utf-8", errors="replace") if log_path.exists() else ""
        if code not in (0, 1):
            last = next((ln for ln in reversed(text.splitlines()) if ln.strip()), "no message")
            raise StepFailed(f"dateline {args[0]} exited {code}: {last.strip()[:200]}")
        return sum(1 for line in text.splitlines() if line.startswith("failed:"))

    @staticmethod
    def _subprocess(args: Sequence[str], log_path: Path) -> int:
        with log_path.open("w", encoding="utf-8") as stream:
            done = subprocess.run([sys.executable, "-m", "dateline", *args], stdout=stream, stderr=stream,
                                  cwd=REPO, check=False)  # fmt: skip
        return done.returncode

    @staticmethod
    def _in_process(args: Sequence[str], log_path: Path) -> int:
        from dateline.cli import cli

        with (
            log_path.open("w", encoding="utf-8") as stream,
            contextlib.redirect_stdout(stream),
            contextlib.redirect_stderr(stream),
        ):
            try:
                cli.main(args=list(args), prog_name="dateline", standalone_mode=False)
            except SystemExit as exc:
                return exc.code if isinstance(exc.code, int) else 1
            except Exception as exc:  # noqa: BLE001 -- a crash in one set is that set's error, not the run's
                stream.write(f"{type(exc).__name__}: {exc}\n")
                return 3
        return 0


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_jsonl(path: Path, rows: Iterable[dict]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def quote_lines(documents: Iterable[dict]) -> Iterable[dict]:
    """``score.py quotes`` lines from ``extract --format json`` documents: content span + speaker."""
    for document in documents:
        doc_id = document["article"]["id"]
        for quote in document.get("quotes") or []:
            speaker = quote.get("speaker") or {}
            content = quote["content"]
            yield {"doc_id": doc_id, "start": content["start"], "end": content["end"],
                   "speaker": speaker.get("text") or speaker.get("name")}  # fmt: skip


def factuality_lines(documents: Iterable[dict]) -> Iterable[dict]:
    """``score.py factuality`` lines: every mention trigger of every event, with its modality."""
    for document in documents:
        doc_id = document["article"]["id"]
        for event in document.get("events") or []:
            for mention in event.get("mentions") or []:
                trigger = mention["trigger"]
                yield {"doc_id": doc_id, "start": trigger["start"], "end": trigger["end"],
                       "modality": mention.get("modality") or event.get("modality")}  # fmt: skip


def _extract_json(run: DatelineRunner, docs: Path, work: Path, workers: int) -> tuple[list[dict], int]:
    out = work / "documents.jsonl"
    failed = run(["extract", str(docs), "--format", "json", "--workers", str(workers), "-o", str(out)],
                 work / "extract.log")  # fmt: skip
    return read_jsonl(out), failed


def predict(task: str, run: DatelineRunner, docs: Path, work: Path, workers: int) -> tuple[Path, int]:
    """Write the predictions of ``task`` for ``docs`` into ``work``; return (path, failed inputs)."""
    pred = work / "pred.jsonl"
    if task in ("events", "articles"):
        failed = run(["extract", str(docs), "--format", "jsonl", "--workers", str(workers), "-o", str(pred)],
                     work / "extract.log")  # fmt: skip
    elif task in ("places", "times"):
        failed = run([task, str(docs), "--format", "jsonl", "-o", str(pred)], work / f"{task}.log")
    elif task in ("quotes", "factuality"):
        documents, failed = _extract_json(run, docs, work, workers)
        write_jsonl(pred, (quote_lines if task == "quotes" else factuality_lines)(documents))
    elif task == "links":
        db = work / "links.db"
        db.unlink(missing_ok=True)
        failed = run(["run", str(docs), "--db", str(db), "--workers", str(workers)], work / "run.log")
        run(["export", "mentions", "--db", str(db), "-o", str(pred)], work / "export.log")
    else:
        raise ValueError(f"unknown task {task!r}")
    if not pred.exists():
        raise StepFailed(f"{task}: no prediction file was written")
    return pred, failed


# --- scoring ------------------------------------------------------------------------------------


def score(eval_dir: Path, args: Sequence[str], stdout: Path | None = None) -> dict[str, Any] | None:
    """Run ``score.py ARGS``; parse its JSON, or write its stdout to ``stdout``."""
    command = [sys.executable, str(eval_dir / "score.py"), *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise StepFailed(f"score.py {args[0]} exited {done.returncode}: {done.stderr.strip()[-200:]}")
    if stdout is not None:
        stdout.write_text(done.stdout, encoding="utf-8")
        return None
    return json.loads(done.stdout)


def lookup(data: Any, path: Sequence[str]) -> Any:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


@dataclass
class SetResult:
    """What one dev set gave: figures, or why it is not available."""

    dev_set: DevSet
    status: str = "ok"
    error: str | None = None
    docs: int = 0
    seconds: float = 0.0
    failed_inputs: int = 0
    scores: dict[str, Any] = field(default_factory=dict)

    def figures(self) -> list[dict[str, Any]]:
        """Each metric with value, bar and verdict (None: no bar, or no value)."""
        rows = []
        for metric in self.dev_set.metrics:
            value = lookup(self.scores, metric.path)
            support = lookup(self.scores, metric.support) if metric.support else None
            passed = None
            if metric.bar is not None and isinstance(value, (int, float)):
                within = value <= metric.bar if metric.at_most else value >= metric.bar
                passed = within and (metric.support is None or (support or 0) >= metric.min_support)
            rows.append({"label": metric.label, "value": value, "bar": metric.bar, "passed": passed,
                         "support": support, "min_support": metric.min_support or None})  # fmt: skip
        return rows

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "error": self.error, "docs": self.docs, "seconds": round(self.seconds, 1),
                "failed_inputs": self.failed_inputs, "figures": self.figures(), "scores": self.scores}  # fmt: skip


def measure_set(dev_set: DevSet, eval_dir: Path, work: Path, *, run: DatelineRunner, limit: int | None,
                workers: int) -> SetResult:  # fmt: skip
    """Run and score one dev set; a failing step makes it "not available", never an exception."""
    result = SetResult(dev_set)
    work.mkdir(parents=True, exist_ok=True)
    gold = eval_dir / "dev" / f"{dev_set.name}.jsonl"
    started = time.perf_counter()
    try:
        if not gold.is_file():
            raise StepFailed(f"no gold file {gold}")
        if limit:  # score against the same documents only, or recall counts the unread ones as missed
            subset = work / "gold.jsonl"
            with gold.open(encoding="utf-8") as handle:
                lines = [line for _, line in zip(range(limit), (ln for ln in handle if ln.strip()))]
            subset.write_text("".join(lines), encoding="utf-8")
            gold = subset
        docs = work / "docs.jsonl"
        score(eval_dir, ["docs", str(gold)], stdout=docs)
        result.docs = sum(1 for line in docs.open(encoding="utf-8") if line.strip())
        pred, result.failed_inputs = predict(dev_set.task, run, docs, work, workers)
        result.scores = score(eval_dir, [dev_set.task, str(gold), str(pred), "--json"]) or {}
    except (StepFailed, OSError, ValueError) as exc:
        result.status, result.error = "not available", str(exc)
        log.warning("%s: not available: %s", dev_set.name, exc)
    result.seconds = time.perf_counter() - started
    return result


def run_quality(sets: Sequence[DevSet], eval_dir: Path, out_dir: Path, *, limit: int | None = None,
                workers: int = 1, in_process: bool = False,
                on_result: Callable[[list[SetResult]], None] | None = None) -> list[SetResult]:  # fmt: skip
    """Measure ``sets`` one after the other, keeping each set's files under ``out_dir/<set>``.

    ``on_result`` sees the results so far after each set (a long run keeps what it has measured).
    """
    runner = DatelineRunner(in_process=in_process)
    eval_dir, out_dir = eval_dir.resolve(), out_dir.resolve()  # the subprocesses run in the repository
    results: list[SetResult] = []
    for dev_set in sets:
        log.info("%s: running (%s)", dev_set.name, dev_set.task)
        result = measure_set(dev_set, eval_dir, out_dir / dev_set.name, run=runner, limit=limit, workers=workers)
        log.info("%s: %s in %.0f s", dev_set.name, result.status, result.seconds)
        results.append(result)
        if on_result is not None:
            on_result(results)
    return results


# --- the table ----------------------------------------------------------------------------------


def _value_text(value: Any, integer: bool) -> str:
    if value is None:
        return "n/a"
    if integer or isinstance(value, int) and not isinstance(value, bool):
        return str(int(value))
    return f"{value:.3f}"


def _bar_text(metric: Metric) -> str:
    if metric.bar is None:
        return ""
    extra = f" on >= {metric.min_support}" if metric.support else ""
    return f"{'<=' if metric.at_most else '>='} {metric.bar:.2f}{extra}"


def render_table(results: Sequence[SetResult]) -> str:
    """One markdown table: set, metric, value, bar, ✓/✗ (blank when the figure has no bar)."""
    lines = ["| set | metric | value | bar | ok |", "|---|---|---:|---|:---:|"]
    for result in results:
        name = f"{result.dev_set.name} ({result.docs} docs, {result.seconds:.0f} s"
        name += f", {result.failed_inputs} inputs failed)" if result.failed_inputs else ")"
        if result.status != "ok":
            error = (result.error or "").replace("|", "\\|")
            lines.append(f"| {result.dev_set.name} | {result.status}: {error} | | | |")
            continue
        for metric, figure in zip(result.dev_set.metrics, result.figures()):
            mark = {True: "✓", False: "✗", None: ""}[figure["passed"]]
            value = _value_text(figure["value"], metric.integer)
            if metric.support:
                value += f" ({_value_text(figure['support'], True)} matched)"
            lines.append(f"| {name} | {metric.label} | {value} | {_bar_text(metric)} | {mark} |")
            name = ""
    return "\n".join(lines)


def _commit() -> str | None:
    """The commit measured, with "+dirty" when dateline's sources differ from it (read-only git calls)."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                          check=False).stdout.strip()  # fmt: skip
    changed = subprocess.run(["git", "status", "--porcelain", "--", "dateline"], cwd=REPO, capture_output=True,
                             text=True, check=False).stdout.strip()  # fmt: skip
    return f"{head}+dirty" if head and changed else head or None


def report(results: Sequence[SetResult], *, limit: int | None, workers: int, eval_dir: Path) -> dict[str, Any]:
    return {
        "generated": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": _commit(),
        "eval_dir": str(eval_dir),
        "limit": limit,
        "workers": workers,
        "sets": {r.dev_set.name: r.to_dict() for r in results},
    }


def main(argv: Sequence[str] | None = None, *, echo: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default="all", help="comma-separated dev sets or groups: "
                        + ", ".join([*GROUPS, *SETS_BY_NAME]) + " (default all)")  # fmt: skip
    parser.add_argument("--limit", type=int, default=None, help="first N records of each set only")
    parser.add_argument("--workers", type=int, default=1, help="extraction processes (dateline --workers)")
    parser.add_argument("--out-dir", type=Path, default=None, help="keep the intermediate files here")
    parser.add_argument("--json", dest="json_out", type=Path, default=None, help="write every figure here")
    parser.add_argument("--eval-dir", default=None, help=f"the eval folder (default ${EVAL_ENV} or ../shared/eval)")
    parser.add_argument("--in-process", action="store_true",
                        help="run the dateline commands in this process (one model load; no isolation)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    logging.getLogger("dateline").setLevel(logging.WARNING)  # in-process runs: only the stages' warnings
    try:
        sets = select_sets(args.sets)
    except ValueError as exc:
        parser.error(str(exc))
    eval_dir = find_eval_dir(args.eval_dir)
    if eval_dir is None or not (eval_dir / "score.py").is_file():
        if args.eval_dir:
            parser.error(f"no score.py in {args.eval_dir}")
        log.warning("skipped: the eval data (../shared/eval or $%s) is not here", EVAL_ENV)
        return 0
    def save(results: list[SetResult]) -> None:
        if args.json_out:
            data = report(results, limit=args.limit, workers=args.workers, eval_dir=eval_dir)
            args.json_out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    with contextlib.ExitStack() as stack:
        out_dir = args.out_dir or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="dateline-quality-")))
        results = run_quality(sets, eval_dir, out_dir, limit=args.limit, workers=args.workers,
                              in_process=args.in_process, on_result=save)  # fmt: skip
    echo(render_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
