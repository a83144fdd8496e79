"""Benchmark: time to link 10k, 100k and 1M synthetic event mentions with ``dateline.store.Linker``.

    python benchmarks/linking.py                      # 10k, 100k, 1M
    python benchmarks/linking.py --sizes 10000 100000

The synthetic stream has a constant daily rate (``--per-day`` happenings, each reported by 1-4
articles of different outlets, published over the next two days), 40 countries with Zipf-like
weights, 16 PLOVER types (ASSAULT most frequent), city-level coordinates and a few topical words per
happening. A bigger N is therefore a longer period, as in a real archive, and the cost per mention
should stay flat: blocking by (type, day) keeps candidate sets small. Only linking is timed (the
generator runs between timed chunks). Printed: mentions, linked events, wall and CPU seconds, mentions per CPU second,
B-cubed precision/recall against the generator's truth, peak memory; then the 1M/100k time ratio
(bar: <= 12, i.e. near-linear).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dateline.link import Features, Linker  # noqa: E402

TYPES = ["ASSAULT"] * 6 + ["PROTEST"] * 3 + ["COERCE"] * 2 + ["ACCUSE", "REQUEST", "CONSULT", "AGREE",
         "THREATEN", "MOBILIZE", "SANCTION", "AID", "COOPERATE", "RETREAT", "REJECT", "SUPPORT", "CONCEDE"]  # fmt: skip
CAMEO = {"ASSAULT": "190", "PROTEST": "141", "COERCE": "173", "ACCUSE": "112", "REQUEST": "102"}
# Letters only (linking's keyword filter ignores digits), no trailing "s" (it folds plurals).
VOCABULARY = ["zq" + "".join("abcdefghijklmnopqr"[(i // 18**k) % 18] for k in range(3)) for i in range(3000)]
START_DAY = 737_000  # an ordinal day (2018-11-xx); only differences matter


def _countries(rng: random.Random) -> list[tuple[str, float, float, float]]:
    """(code, lat, lon, weight) for 40 synthetic countries."""
    return [(f"C{i:02d}", rng.uniform(-40, 60), rng.uniform(-120, 140), 1 / (i + 1)) for i in range(40)]


def synthetic_articles(n_mentions: int, *, per_day: int, seed: int = 7) -> Iterator[list[tuple[str, Features, int]]]:
    """Articles as lists of (mention id, features, true happening id); about ``n_mentions`` in all."""
    rng = random.Random(seed)
    countries = _countries(rng)
    weights = [c[3] for c in countries]
    made = happening = 0
    day = START_DAY
    while made < n_mentions:
        for _ in range(per_day):
            happening += 1
            code, clat, clon, _ = rng.choices(countries, weights)[0]
            event_type = rng.choice(TYPES)
            lat, lon = clat + rng.uniform(-3, 3), clon + rng.uniform(-3, 3)
            topic = rng.sample(VOCABULARY, 8)
            actors = frozenset({f"{code}{rng.choice(['GOV', 'MIL', 'REB', 'COP', 'CVL'])}"})
            for k in range(rng.choice([1, 1, 2, 3, 4])):
                words = frozenset(rng.sample(topic, 5) + rng.sample(VOCABULARY, 3))
                reported = day + rng.choice([0, 0, 0, 1])  # most outlets agree on the day
                explicit = rng.random() < 0.4
                features = Features(
                    event_type=event_type, cameo=CAMEO.get(event_type, "040"), day=reported,
                    date_precision="day", date_explicit=explicit, lat=lat + rng.uniform(-0.02, 0.02),
                    lon=lon + rng.uniform(-0.02, 0.02), country=code,
                    actor_codes=actors if rng.random() < 0.6 else frozenset(),
                    actor_countries=frozenset({code}) if rng.random() < 0.6 else frozenset(),
                    words=words, articles=frozenset({f"a{happening}-{k}"}),
                )  # fmt: skip
                yield [(f"m{happening}-{k}", features, happening)]
                made += 1
                if made >= n_mentions:
                    return
        day += 1


def b_cubed(truth: list[int], predicted: list[str]) -> tuple[float, float]:
    """B-cubed precision and recall of a clustering against the true one."""
    pair = Counter(zip(truth, predicted))
    true_size, pred_size = Counter(truth), Counter(predicted)
    precision = sum(n * n / pred_size[p] for (t, p), n in pair.items()) / len(truth)
    recall = sum(n * n / true_size[t] for (t, p), n in pair.items()) / len(truth)
    return precision, recall


def run(n: int, *, per_day: int, horizon: int | None) -> dict[str, float]:
    linker = Linker(horizon_days=horizon)
    truth: list[int] = []
    predicted: list[str] = []
    elapsed = cpu = 0.0
    chunk: list[list[tuple[str, Features, int]]] = []
    per_chunk: list[float] = []  # CPU seconds per 10k mentions: flat when linking scales linearly

    def flush() -> None:
        nonlocal elapsed, cpu
        started, started_cpu = time.perf_counter(), time.process_time()
        results = [linker.link_article([(mid, f) for mid, f, _ in article]) for article in chunk]
        elapsed += time.perf_counter() - started
        cpu += time.process_time() - started_cpu
        per_chunk.append(time.process_time() - started_cpu)
        for article, ids in zip(chunk, results):
            truth.extend(h for _, _, h in article)
            predicted.extend(ids)
        chunk.clear()

    for article in synthetic_articles(n, per_day=per_day):
        chunk.append(article)
        if len(chunk) >= 10_000:
            flush()
    flush()
    precision, recall = b_cubed(truth, predicted)
    per_chunk.sort()
    return {"mentions": len(truth), "events": len(set(predicted)), "seconds": elapsed, "cpu": cpu,
            "chunk_median": per_chunk[len(per_chunk) // 2], "precision": precision,
            "recall": recall, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}  # fmt: skip


def _document(mention_id: str, features: Features):
    """A minimal Document carrying the synthetic mention (for the store benchmark)."""
    from datetime import date

    from dateline.models import Article, Document, Entity, Event, Place, Span

    text = " ".join(sorted(features.words)) + "."
    when = date.fromordinal(features.day).isoformat() if features.day else None
    actors = tuple(Entity(text=code, code=code, country=code[:3]) for code in sorted(features.actor_codes))
    event = Event(
        id=f"{mention_id}-e0", doc_id=mention_id, event_type=features.event_type, cameo=features.cameo,
        quad_class=4, goldstein=-5.0, trigger=Span.of(text, 0, text.index(" ")),
        evidence=Span.of(text, 0, len(text)), actor=actors, date=when, date_precision="day",
        date_reason="explicit" if features.date_explicit else "relative",
        location=Place(name=features.country or "", lat=features.lat, lon=features.lon,
                       country_code=features.country, resolution="city"),
    )  # fmt: skip
    article = Article(id=f"a-{mention_id}", text=text, published=when, outlet="synthetic")
    return Document(article=article, events=(event,))


def run_store(n: int, db: str, *, per_day: int) -> dict[str, float]:
    """Time ``Store.write_document`` (duplicate checks, indexed blocking, linking, upserts) for n mentions."""
    from dateline.store import open_store

    truth: list[int] = []
    elapsed = 0.0
    with open_store(db) as store:
        for article in synthetic_articles(n, per_day=per_day):
            (mention_id, features, happening), = article
            doc = _document(mention_id, features)
            started = time.perf_counter()
            store.write_document(doc)
            elapsed += time.perf_counter() - started
            truth.append(happening)
        by_article = {m.article_id: m.event_id for m in store.mentions()}
        events = store.counts()["events"]
    ids = [f"a-{mid}" for article in synthetic_articles(n, per_day=per_day) for mid, _, _ in article]
    predicted = [by_article[i] for i in ids]
    precision, recall = b_cubed(truth, predicted)
    return {"mentions": len(truth), "events": events, "seconds": elapsed, "precision": precision,
            "recall": recall, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}  # fmt: skip


def main() -> None:
    # The stream is in date order, as an archive replay or a live feed is, so the linker keeps a 30-day
    # horizon in memory (--horizon 0 keeps every event: same links here, more memory).
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--per-day", type=int, default=400, help="happenings per synthetic day")
    parser.add_argument("--store", metavar="DB", help="also time writing --store-size mentions into DB "
                        "(a new SQLite file or an empty postgresql:// database)")
    parser.add_argument("--store-size", type=int, default=10_000)
    parser.add_argument("--horizon", type=int, default=30, help="Linker horizon_days (0: keep everything)")
    args = parser.parse_args()
    print(f"{'mentions':>10} {'events':>9} {'wall s':>8} {'CPU s':>8} {'mentions/s':>11} {'B3 P':>6} {'B3 R':>6} "
          f"{'peak MB':>8} {'CPU s/10k (median)':>19}")  # fmt: skip
    times = {}
    for n in args.sizes:
        r = run(n, per_day=args.per_day, horizon=args.horizon or None)
        times[n] = (r["seconds"], r["cpu"])
        print(f"{r['mentions']:>10} {r['events']:>9} {r['seconds']:>8.2f} {r['cpu']:>8.2f} "
              f"{r['mentions'] / r['cpu']:>11.0f} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['peak_mb']:>8.0f} "
              f"{r['chunk_median']:>19.3f}",
              flush=True)  # fmt: skip
    if 100_000 in times and 1_000_000 in times:
        # CPU time is the measure: on a shared machine wall time mostly measures the neighbours.
        wall, cpu = (times[1_000_000][i] / times[100_000][i] for i in (0, 1))
        print(f"ratio 1M/100k: CPU {cpu:.2f}, wall {wall:.2f} (bar <= 12: {'ok' if cpu <= 12 else 'FAILED'})")
    if args.store:
        r = run_store(args.store_size, args.store, per_day=args.per_day)
        print(f"store {args.store}: {r['mentions']} mentions -> {r['events']} events in {r['seconds']:.1f} s "
              f"({r['mentions'] / r['seconds']:.0f}/s), B3 P {r['precision']:.3f} R {r['recall']:.3f}")


if __name__ == "__main__":
    main()
