"""Over a thousand generated bad inputs mixed with good ones, ingested in one call.

Every generated file yields exactly one item (an article or a failure), so the count must match;
the good ones must come back as articles carrying their marker, in input order.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import re
import signal
import zipfile

import pytest

from dateline.ingest import Limits, ingest
from dateline.models import Article, Failure

WORDS = ["army", "police", "rebels", "minister", "council", "border", "town", "river", "market", "protest", "talks", "ceasefire", "village", "officials", "said", "on", "monday", "tuesday", "attack", "convoy", "road", "bridge", "election", "court", "strike", "harbour"]
LIMITS = Limits(max_bytes=256 * 1024, max_decompressed=8 * 1024 * 1024)


def _sentence(rng: random.Random, marker: str) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 30))]
    return f"{marker} {' '.join(words).capitalize()}."


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _good(rng: random.Random, index: int) -> tuple[str, bytes, str]:
    marker = f"Good{index:05d}"
    text = _sentence(rng, marker) + " " + _sentence(rng, "Also")
    kind = rng.choice(("txt", "html", "jsonl", "gz", "latin1", "utf16", "cp1252", "zip"))
    if kind == "html":
        article = f"<article><p>{text}</p><p>{text}</p></article>"
        body = f"<html><head><title>T {marker}</title></head><body>{article}</body></html>"
        return "html", body.encode(), marker
    if kind == "jsonl":
        return "jsonl", (json.dumps({"id": marker, "text": text}) + "\n").encode(), marker
    if kind == "gz":
        return "txt.gz", gzip.compress(text.encode()), marker
    if kind == "latin1":
        return "txt", (text + " Café à Noël.").encode("latin-1"), marker
    if kind == "cp1252":
        return "txt", (text + " \u201cQuoted\u201d \u2013 end.").encode("cp1252"), marker
    if kind == "utf16":
        return "txt", text.encode("utf-16"), marker
    if kind == "zip":
        return "zip", _zip({"inner.txt": text.encode()}), marker
    return "txt", text.encode(), marker


def _bad_generators(rng: random.Random):
    good_text = _sentence(rng, "Text").encode()
    zip_bomb = _zip({"zeros.txt": b"\0" * (4 * 1024 * 1024)})
    gzip_bomb = gzip.compress(b"\0" * (4 * 1024 * 1024))
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
            for i in range(1, 10)
        )
        + "]><rss><channel><item><description>&lol9;</description></item></channel></rss>"
    ).encode()
    return [
        ("bin", lambda: bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 2048)))),
        ("gz", lambda: gzip.compress(good_text * 20)[: rng.randint(5, 60)]),
        ("zip", lambda: _zip({rng.choice(("../evil.txt", "/abs/evil.txt", "a/../../evil.txt")): good_text})),
        ("zip", lambda: zip_bomb),
        ("gz", lambda: gzip_bomb),
        ("xml", lambda: laughs),
        ("xml", lambda: b"<rss><channel><item><title>cut off" + bytes([rng.randint(60, 90)])),
        ("html", lambda: ("<html><body>" + "<div>" * rng.randint(1, 3000) + "<<>>&&;</p").encode()),
        ("json", lambda: b'{"id": 1, "text": ' + bytes(rng.getrandbits(8) for _ in range(10))),
        ("json", lambda: b"[1, 2"),
        ("csv", lambda: b'id,text\n1,"unterminated ' + good_text),
        ("txt", lambda: b""),
        ("txt", lambda: b" \n\t\r\n" * rng.randint(1, 50)),
        ("txt", lambda: b"a" * (300 * 1024)),
        ("txt", lambda: good_text[:20] + b"\0" * rng.randint(1, 50) + good_text),
        ("txt", lambda: "".join(chr(rng.randint(1, 31)) for _ in range(500)).encode()),
        ("pdf", lambda: b"%PDF-1.7\n" + bytes(rng.getrandbits(8) for _ in range(100))),
        ("json", lambda: b'[{"text": null}]'),
        ("warc", lambda: b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 50000\r\n\r\n" + good_text),
    ]


@pytest.fixture
def watchdog():
    """Fail instead of hanging the suite if a reader ever loops (a guard, not a timing assertion)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expired(signum, frame):
        raise TimeoutError("ingest hung on generated input")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(300)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_ingest_survives_a_thousand_bad_inputs_mixed_with_good_ones(tmp_path, watchdog):
    rng = random.Random(20201221)
    generators = _bad_generators(rng)
    expected: dict[str, str] = {}  # path -> marker for the good inputs
    paths = []
    for index in range(1240):
        if index % 4 == 0:
            extension, data, marker = _good(rng, index)
        else:
            extension, make = rng.choice(generators)
            data, marker = make(), None
        path = tmp_path / f"{index:05d}.{extension}"
        path.write_bytes(data)
        paths.append(str(path))
        if marker:
            expected[str(path)] = marker
    bad_count = len(paths) - len(expected)
    assert bad_count >= 900

    items = list(ingest(paths, limits=LIMITS))

    assert len(items) == len(paths)
    by_input = {}
    for item in items:
        key = item.source if isinstance(item, Article) else item.input
        by_input[re.split(r"[!#]|:(?=\d+$)", key)[0]] = item
    assert list(by_input) == paths  # every input once, in input order
    for path, marker in expected.items():
        article = by_input[path]
        assert isinstance(article, Article), (path, article)
        assert marker in article.text
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(failures) >= bad_count // 2
    assert all(f.reason and "\n" not in f.reason for f in failures)
    assert not [f for f in failures if f.code == "error"], [f for f in failures if f.code == "error"][:3]
