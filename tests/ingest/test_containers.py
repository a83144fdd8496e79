"""gzip, zip and WARC/ARC containers, built in the tests; bounded decompression."""

from __future__ import annotations

import gzip
import io
import zipfile

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.ingest import Limits, ingest
from dateline.models import Article, Failure

STORY = b"Soldiers reopened the mountain road on Wednesday after clearing a landslide, the army said."
PAGE = (
    b"<html><head><title>Market fire</title></head><body><article><h1>Market fire</h1>"
    b"<p>A fire destroyed dozens of stalls at the central market overnight, the fire brigade said on Monday, "
    b"adding that nobody was hurt and that the cause was still being investigated by officials.</p>"
    b"<p>Traders said they had lost most of their stock and asked the city for help to rebuild.</p>"
    b"</article></body></html>"
)


def _run(*inputs, **options):
    return list(ingest([str(i) for i in inputs], **options))


def test_ingest_gzip_text_reads_the_inner_document(tmp_path):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(STORY))
    (article,) = _run(path)
    assert article.text == STORY.decode()
    assert article.source == str(path)


def test_ingest_gzip_jsonl_streams_records(tmp_path):
    path = tmp_path / "docs.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n'))
    assert [a.id for a in _run(path)] == ["a", "b"]


def test_ingest_truncated_gzip_fails_cleanly(tmp_path):
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress(STORY * 50)[:-30])
    (failure,) = _run(path)
    assert isinstance(failure, Failure) and failure.code == "malformed"


def test_ingest_gzip_bomb_is_bounded(tmp_path):
    path = tmp_path / "bomb.gz"
    path.write_bytes(gzip.compress(b"\0" * (50 * 1024 * 1024)))
    (failure,) = _run(path)
    assert failure.reason == "compression ratio exceeds 100"


def test_ingest_zip_reads_members_in_order_and_refuses_unsafe_names(tmp_path):
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("b/story.txt", STORY)
        archive.writestr("../escape.txt", STORY)
        archive.writestr("a/page.html", PAGE)
        archive.writestr("__MACOSX/._junk", b"\0\1")
        archive.writestr("empty/", b"")
    items = _run(path)
    assert [type(i) for i in items] == [Article, Failure, Article]
    assert items[0].source == f"{path}!b/story.txt"
    assert items[1].input == f"{path}!../escape.txt" and items[1].code == "unsafe"
    assert items[2].title == "Market fire"


def test_ingest_zip_bomb_member_is_refused_without_inflating(tmp_path):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.txt", b"\0" * (10 * 1024 * 1024))
        archive.writestr("ok.txt", STORY)
    failure, article = _run(path)
    assert failure.reason == "compression ratio exceeds 100"
    assert article.text == STORY.decode()


def test_ingest_nested_archives_stop_at_the_depth_limit(tmp_path):
    data = STORY
    for level in range(5):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(f"level{level}.zip" if level else "story.txt", data)
        data = buffer.getvalue()
    path = tmp_path / "deep.zip"
    path.write_bytes(data)
    (failure,) = _run(path)
    assert failure.code == "too-deep"
    (article,) = _run(path, limits=Limits(max_depth=6))
    assert article.text == STORY.decode()


def test_ingest_zip_of_office_document_is_unsupported(tmp_path):
    path = tmp_path / "report.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    (failure,) = _run(path)
    assert failure.reason == "Office documents are not supported"


def _warc(path, *, gzip_records):
    with open(path, "wb") as output:
        writer = WARCWriter(output, gzip=gzip_records)
        for url, body, content_type in (
            ("https://news.example/market-fire", PAGE, "text/html; charset=utf-8"),
            ("https://news.example/logo.png", b"\x89PNG....", "image/png"),
            ("https://news.example/plain", STORY, "text/plain"),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )


def test_ingest_warc_reads_html_and_text_responses(tmp_path):
    for gzip_records in (False, True):
        path = tmp_path / f"crawl{int(gzip_records)}.warc{'.gz' if gzip_records else ''}"
        _warc(path, gzip_records=gzip_records)
        items = _run(path)
        assert [type(i) for i in items] == [Article, Article]
        page, plain = items
        assert page.title == "Market fire" and page.url == "https://news.example/market-fire"
        assert page.id.startswith("url-")
        assert plain.text == STORY.decode() and plain.url == "https://news.example/plain"
        assert page.source.startswith(f"{path}#")


def test_ingest_malformed_warc_fails_cleanly(tmp_path):
    path = tmp_path / "bad.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort")
    items = _run(path)
    assert items and all(isinstance(i, Failure) for i in items)
