"""Ingestion throughput: articles per second for plain text, HTML and JSON Lines.

Generates a corpus from invented sentence templates in a temporary folder (nothing third-party),
ingests each format in one process, and prints a small table::

    python benchmarks/ingest.py                 # 10,000 documents per format
    python benchmarks/ingest.py --docs 2000 --formats text,jsonl

Wire-copy layout (headline, metadata line, caption, agency trailer) is included so the metadata
rules run as they do on real copy.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's dateline

from dateline.ingest import ingest  # noqa: E402
from dateline.models import Article

ACTORS = [
    "Police",
    "Rebel fighters",
    "The army",
    "Protesters",
    "Government forces",
    "Unidentified gunmen",
    "The interior ministry",
    "Opposition leaders",
    "Border guards",
    "Local officials",
]
ACTIONS = [
    "clashed with",
    "detained",
    "attacked",
    "met",
    "criticised",
    "negotiated with",
    "accused",
    "evacuated",
]
TARGETS = [
    "demonstrators",
    "a militia group",
    "villagers",
    "foreign diplomats",
    "union members",
    "students",
    "a convoy",
    "journalists",
]
PLACES = [
    "Baghdad",
    "Kabul",
    "Mogadishu",
    "Lagos",
    "Dhaka",
    "Karachi",
    "Quito",
    "Tbilisi",
    "Yangon",
    "Beirut",
]
DAYS = ["on Monday", "on Tuesday", "late on Wednesday", "on Thursday", "early on Friday", "over the weekend"]
AGENCIES = ["ANI", "Reuters", "AFP", "AP", "PTI", "Xinhua"]


def _sentence(rng: random.Random) -> str:
    dead = rng.randint(0, 30)
    tail = f", leaving {dead} people dead" if dead and rng.random() < 0.4 else ""
    return (
        f"{rng.choice(ACTORS)} {rng.choice(ACTIONS)} {rng.choice(TARGETS)} in {rng.choice(PLACES)} "
        f"{rng.choice(DAYS)}{tail}, officials said."
    )


def _story(rng: random.Random) -> tuple[str, list[str]]:
    paragraphs = [
        " ".join(_sentence(rng) for _ in range(rng.randint(2, 5))) for _ in range(rng.randint(3, 7))
    ]
    return f"{rng.choice(ACTORS)} and {rng.choice(TARGETS)} in {rng.choice(PLACES)} standoff", paragraphs


def _wire_text(rng: random.Random) -> str:
    title, paragraphs = _story(rng)
    agency = rng.choice(AGENCIES)
    day = rng.randint(1, 28)
    clock = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    meta = f"{agency} | {rng.choice(PLACES)} | Updated: {day:02d}-03-2021 {clock} GMT"
    return (
        "\n\n".join(
            [
                title,
                meta,
                "File photo: a street scene. Image Credit: " + agency,
                *paragraphs[:-1],
                paragraphs[-1] + f" ({agency})",
                "Follow us on Twitter",
            ]
        )
        + "\n"
    )


def _html(rng: random.Random) -> str:
    title, paragraphs = _story(rng)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>"
        f'<meta property="article:published_time" content="2021-03-{rng.randint(1, 28):02d}T10:00:00+00:00">'
        f'<meta property="og:site_name" content="Generated Courier"></head><body><nav>Home | World</nav>'
        f"<article><h1>{title}</h1>{body}</article><footer>Copyright Generated Courier</footer></body></html>"
    )


def build_corpus(root: Path, docs: int, formats: list[str], seed: int = 7) -> dict[str, list[str]]:
    rng = random.Random(seed)
    inputs: dict[str, list[str]] = {}
    if "text" in formats:
        folder = root / "text"
        folder.mkdir()
        for index in range(docs):
            (folder / f"{index:06d}.txt").write_text(_wire_text(rng), encoding="utf-8")
        inputs["text"] = [str(folder)]
    if "html" in formats:
        folder = root / "html"
        folder.mkdir()
        for index in range(docs):
            (folder / f"{index:06d}.html").write_text(_html(rng), encoding="utf-8")
        inputs["html"] = [str(folder)]
    if "jsonl" in formats:
        path = root / "docs.jsonl"
        with path.open("w", encoding="utf-8") as output:
            for index in range(docs):
                output.write(
                    json.dumps({"id": f"g{index}", "text": _wire_text(rng), "published": "2021-03-01"}) + "\n"
                )
        inputs["jsonl"] = [str(path)]
    return inputs


def measure(inputs: list[str]) -> tuple[int, int, float]:
    start = time.perf_counter()
    articles = failures = 0
    for item in ingest(inputs):
        if isinstance(item, Article):
            articles += 1
        else:
            failures += 1
    return articles, failures, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents per format (default 10,000)")
    parser.add_argument("--formats", default="text,html,jsonl", help="comma-separated: text, html, jsonl")
    args = parser.parse_args()
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    list(ingest([]))  # imports
    from dateline.ingest.language import _identifier

    _identifier()  # load the language model outside the timings
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        corpus = build_corpus(Path(tmp), args.docs, formats)
        rows = [(name, *measure(inputs)) for name, inputs in corpus.items()]
    print(f"{'format':<8}{'docs':>8}{'failed':>8}{'seconds':>10}{'articles/s':>12}")
    for name, articles, failures, seconds in rows:
        print(f"{name:<8}{articles:>8}{failures:>8}{seconds:>10.1f}{articles / seconds:>12.0f}")


if __name__ == "__main__":
    main()
