"""A hostile-input corpus: files an attacker or an unlucky operator would feed ``dateline run`` (issue 19).

``generate(folder, hostile=N, good=M)`` writes N hostile inputs mixed with M good articles (each good text
carries a marker ``GOOD-00042``) under ``folder/corpus`` (plus a target outside it for symlinks) and returns
the manifest: ``{"inputs": [top-level names], "good": [markers]}``. The accounting test in the suite runs
a few hundred; run this file for the full size:

    python benchmarks/hostile.py OUT --hostile 2000 --good 200 --db OUT/h.db

and it prints whether every input ended as an article or a failure row and every good article was stored.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import stat
import sys
import tarfile
import zipfile
from pathlib import Path

WORDS = ("army police rebels minister council border town river market protest talks village officials "
         "said monday attack convoy road bridge election court strike").split()  # fmt: skip


def _prose(rng: random.Random, marker: str) -> str:
    return f"Soldiers killed four civilians near Mopti, officials said. {marker} " + " ".join(
        rng.choice(WORDS) for _ in range(rng.randint(20, 60))
    ) + "."


def _zip(entries: list[tuple[str, bytes, bool]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data, link in entries:
            info = zipfile.ZipInfo(name)
            if link:
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def _tar(entries: list[tuple[str, bytes | None, str | None]]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for name, data, link in entries:
            info = tarfile.TarInfo(name)
            if link:
                info.type, info.linkname = tarfile.SYMTYPE, link
                archive.addfile(info)
            else:
                info.size = len(data or b"")
                archive.addfile(info, io.BytesIO(data or b""))
    return buffer.getvalue()


def _hostile(rng: random.Random, n: int, unique: str) -> tuple[bytes, bytes]:
    """(file name, bytes) of hostile input number ``n`` (its kind is ``n`` modulo the kinds)."""
    text = f"Police killed two in Kano. {unique}"
    kinds = [
        (b".jsonl", json.dumps({"id": unique, "text": text + "\u0000 x"}).encode()),  # NUL: cleaned
        (b".jsonl", ('{"id":"%s","text":"\\ud800 %s"}' % (unique, text)).encode()),  # lone surrogate
        (b".jsonl", ('{"id":"%s\\u0000","text":"%s"}' % (unique, text)).encode()),  # id with NUL: failure
        (b".jsonl", json.dumps({"id": unique, "text": text, "published": "2020-13-45"}).encode()),
        (b".jsonl", b"\x1c"),
        (b".csv", b"id,text\n"),
        (b"bin\xffname.txt", b"\x00\x01\x02\x03"),
        (b"ok\xfe.txt", text.encode()),
        (b".txt", b""),
        (b".txt", b"   \n\t \n"),
        (b".txt", ("(" * rng.randint(3000, 12000) + " " + text).encode()),
        (b".jsonl", b'{"id": "x", "text": ' + b"[" * 50),
        (b".json", b"[]"),
        (b".json", b"[" * 100_000 + b"]" * 100_000),
        (b".zip", _zip([("link.txt", b"/etc/passwd", True), ("good.txt", text.encode(), False)])),
        (b".tar", _tar([("l.txt", None, "/etc/shadow"), ("g.txt", text.encode(), None)])),
        (b".txt.gz", gzip.compress(text.encode())[:-6]),
        (b".html", b'<!DOCTYPE x [<!ENTITY a "aaaa">]><html><body>&a;</body></html>'),
        (b".html", b"<html><body><p>" + b"&amp;" * rng.randint(1000, 30000) + b"</p><p>" + text.encode() + b"</p></html>"),
        (b".csv", b"id,text\n" + f'"{unique}","{text}",extra\n'.encode()),
        (b".jsonl", "\ufeff".encode("utf-16") + json.dumps({"id": unique, "text": text}).encode("utf-16-le")),
        (b".txt", (text + " \u202e\u200b\x07\x1b[31m").encode()),
        (b".jsonl", json.dumps({"id": unique, "text": 5}).encode()),
        (b".jsonl", json.dumps([1, 2]).encode()),
        (b".pdf", b"%PDF-1.4 binary"),
    ]
    suffix, data = kinds[n % len(kinds)]
    name = suffix if not suffix.startswith(b".") else b"h%05d%s" % (n, suffix)
    if not suffix.startswith(b"."):
        name = b"h%05d-%s" % (n, suffix)
    return name, data


def generate(folder: str | os.PathLike, *, hostile: int = 300, good: int = 60, seed: int = 19) -> dict:
    """Write the corpus under ``folder``; return ``{"root", "good": [markers], "files": n}``."""
    rng = random.Random(seed)
    root = Path(folder) / "corpus"
    outside = Path(folder) / "outside"
    root.mkdir(parents=True, exist_ok=True)
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_text("Police killed two in the secret file outside the corpus.")
    goods = []
    raw_root = os.fsencode(root)
    for n in range(hostile):
        name, data = _hostile(rng, n, f"HOSTILE-{n:05d}")
        with open(os.path.join(raw_root, name), "wb") as handle:
            handle.write(data)
    for n in range(good):
        marker = f"GOOD-{n:05d}"
        goods.append(marker)
        if n % 3 == 0:  # some good articles inside a JSON Lines file of their own, next to bad lines
            lines = [json.dumps({"id": marker, "text": _prose(rng, marker)}), '{"broken": ', "\x1c"]
            (root / f"g{n:05d}.jsonl").write_text("\n".join(lines) + "\n")
        else:
            (root / f"g{n:05d}.txt").write_text(_prose(rng, marker))
    (root / "zz-link-out").symlink_to(outside)
    (root / "zz-link-file.txt").symlink_to(outside / "secret.txt")
    (root / "zz-loop").symlink_to(root)
    return {"root": str(root), "good": goods, "files": hostile + good}


def account(root: str, db: str) -> dict:
    """Ingest ``root`` into the SQLite ``db`` (articles without extraction) and count what became of
    every input: each top-level file must appear as an article or a failure row."""
    from dateline.ingest import ingest
    from dateline.models import Article, Document
    from dateline.store import open_store
    from dateline.store.loading import store_stream

    items = list(ingest([root]))
    documents = [Document(article=i) if isinstance(i, Article) else i for i in items]
    with open_store(db) as store:
        summary = store_stream(documents, store)
        stored_texts = [row for row in store.articles()]
        failures = list(store.failures())
    return {"items": items, "summary": summary, "articles": stored_texts, "failures": failures}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--hostile", type=int, default=2000)
    parser.add_argument("--good", type=int, default=200)
    parser.add_argument("--db", default=None)
    args = parser.parse_args(argv)
    manifest = generate(args.out, hostile=args.hostile, good=args.good)
    result = account(manifest["root"], args.db or str(Path(args.out) / "hostile.db"))
    print(f"inputs: {manifest['files']}; articles: {result['summary'].new}; failures: {len(result['failures'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
