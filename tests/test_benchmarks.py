"""Smoke tests of the quality and throughput benchmarks' plumbing (3 records per set)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _load(name: str):
    if name in sys.modules and getattr(sys.modules[name], "__file__", "").startswith(str(BENCHMARKS)):
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # throughput.py imports quality by this name
    spec.loader.exec_module(module)
    return module


quality = _load("quality")
throughput = _load("throughput")


def test_select_sets_expands_groups_in_order():
    names = [s.name for s in quality.select_sets("places, acled,geovirus")]
    assert names == ["geowebnews", "geovirus", "acled"]


def test_select_sets_rejects_unknown_name():
    with pytest.raises(ValueError, match="unknown set 'acledd'"):
        quality.select_sets("acledd")


def _document() -> dict:
    span = {"start": 30, "end": 36, "text": "struck"}
    return {
        "article": {"id": "t:1"},
        "events": [{"modality": "asserted", "mentions": [
            {"trigger": span, "evidence": span, "modality": "asserted"},
            {"trigger": {"start": 80, "end": 85, "text": "raid"}, "evidence": span, "modality": "negated"},
        ]}],
        "quotes": [
            {"speaker": {"text": "the mayor", "name": "Mayor"}, "content": {"start": 5, "end": 20, "text": "x"},
             "cue": "said", "kind": "direct"},
            {"speaker": None, "content": {"start": 40, "end": 50, "text": "y"}, "cue": None, "kind": "indirect"},
        ],
    }  # fmt: skip


def test_quote_lines_give_content_span_and_speaker_text():
    lines = list(quality.quote_lines([_document()]))
    assert lines == [
        {"doc_id": "t:1", "start": 5, "end": 20, "speaker": "the mayor"},
        {"doc_id": "t:1", "start": 40, "end": 50, "speaker": None},
    ]


def test_factuality_lines_give_every_mention_with_its_modality():
    lines = list(quality.factuality_lines([_document()]))
    assert [(x["start"], x["end"], x["modality"]) for x in lines] == [(30, 36, "asserted"), (80, 85, "negated")]


def test_render_table_marks_bars_support_and_unavailable_sets():
    sets = {s.name: s for s in quality.DEV_SETS}
    times = quality.SetResult(sets["tempeval3"], docs=3, scores={
        "relaxed": {"f1": 0.9}, "value": {"f1": 0.5}, "strict": {"f1": 0.7}})  # fmt: skip
    facts = quality.SetResult(sets["meantime_factuality"], docs=3,
                              scores={"modality": {"macro_f1": 0.8, "matched": 7}, "gold_matched_share": 0.1})
    links = quality.SetResult(sets["ecbplus"], status="not available", error="dateline run exited 2: boom")
    table = quality.render_table([times, facts, links]).splitlines()
    assert "| relaxed span F1 | 0.900 | >= 0.85 | ✓ |" in table[2]
    assert "| value F1 | 0.500 | >= 0.75 | ✗ |" in table[3]
    assert table[4].endswith("| strict span F1 | 0.700 |  |  |")
    assert "0.800 (7 matched) | >= 0.50 on >= 100 | ✗ |" in table[5]  # good F1 on too few triggers
    assert table[-1] == "| ecbplus | not available: dateline run exited 2: boom | | | |"


def test_a_ceiling_bar_is_met_from_below():
    sets = {s.name: s for s in quality.DEV_SETS}
    scores = {"records": {"precision": 0.8, "recall": 0.6, "usable_share": 0.4, "duplicate_share": 0.02}}
    figures = {f["label"]: f for f in quality.SetResult(sets["articles"], docs=2, scores=scores).figures()}
    assert figures["duplicate share"]["passed"] is True  # 0.02 <= 0.05
    assert figures["record recall (core happenings)"]["passed"] is False
    assert figures["confidence >= 0.9: precision"]["passed"] is None  # no value: no verdict
    table = quality.render_table([quality.SetResult(sets["articles"], docs=2, scores=scores)])
    assert "| duplicate share | 0.020 | <= 0.05 | ✓ |" in table


def test_runner_turns_a_failing_command_into_step_failed(tmp_path):
    runner = quality.DatelineRunner(in_process=True)
    with pytest.raises(quality.StepFailed, match="dateline export exited"):
        runner(["export", "no-such-format", "--db", str(tmp_path / "x.db")], tmp_path / "export.log")


@pytest.mark.model
def test_quality_main_scores_one_set_of_each_task(eval_dev, tmp_path):
    sets = "plover_gsr,geovirus,tempeval3,polnear,meantime_factuality,ecbplus"
    out = tmp_path / "figures.json"
    printed: list[str] = []
    code = quality.main(["--sets", sets, "--limit", "3", "--in-process", "--out-dir", str(tmp_path / "work"),
                         "--json", str(out), "--eval-dir", str(eval_dev.parent)], echo=printed.append)  # fmt: skip
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert list(data["sets"]) == sets.split(",")
    for name, result in data["sets"].items():
        assert result["status"] == "ok", (name, result["error"])
        assert result["docs"] == 3
        assert (tmp_path / "work" / name / "pred.jsonl").is_file()
        for figure in result["figures"]:
            assert isinstance(figure["value"], (int, float)), (name, figure)
    assert data["sets"]["tempeval3"]["scores"]["counts"]["gold_docs"] == 3  # scored on the 3 records only
    table = printed[0].splitlines()
    assert table[0] == "| set | metric | value | bar | ok |"
    assert len(table) == 2 + sum(len(r["figures"]) for r in data["sets"].values())


@pytest.mark.model
def test_throughput_measures_all_steps_on_three_articles(eval_dev):
    docs = throughput.load_corpus(eval_dev / "india_police.jsonl", limit=3)
    result = throughput.run_throughput(docs, repeats=1, workers=2)
    assert result["articles"] == 3
    # every step is timed; geoparsing three short parsed articles may take under the 1 ms the figures keep
    assert set(result["seconds"]) == {"baseline", "extraction", "geoparsing", "two_processes"}
    assert all(result["seconds"][step] > 0 for step in ("baseline", "extraction", "two_processes"))
    assert set(result["ratios"]) == {"extraction_vs_baseline", "two_vs_one_process", "geoparsing_share"}
    assert result["two_processes_same_events"] is True
    assert result["peak_rss_mb"]["main"] > 100  # the model alone is bigger
    table = throughput.render_table(result)
    assert "| extraction / bare nlp.pipe |" in table and "3 articles" in table
