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


def _tar_bytes(members, mode="w"):
    """A tar built in memory from (name, bytes) pairs, or (name, TarInfo-type, linkname) for links."""
    import tarfile

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:
        for member in members:
            info = tarfile.TarInfo(member[0])
            if len(member) == 2:
                info.size = len(member[1])
                archive.addfile(info, io.BytesIO(member[1]))
            else:
                info.type, info.linkname = member[1], member[2]
                archive.addfile(info)
    return buffer.getvalue()


def test_ingest_tar_reads_members_in_order_and_refuses_path_tricks(tmp_path):
    import tarfile

    path = tmp_path / "bundle.tar"
    path.write_bytes(
        _tar_bytes(
            [
                ("b/story.txt", STORY),
                ("../escape.txt", STORY),
                ("/etc/passwd.txt", STORY),
                ("link.txt", tarfile.SYMTYPE, "/etc/passwd"),
                ("dir", tarfile.DIRTYPE, ""),
                ("a/page.html", PAGE),
                ("a/.DS_Store", b"\0\1"),
            ]
        )
    )
    items = _run(path)
    assert [type(i) for i in items] == [Article, Failure, Failure, Failure, Article]
    assert items[0].source == f"{path}!b/story.txt" and items[0].text == STORY.decode()
    assert [f.code for f in items[1:4]] == ["unsafe", "unsafe", "unsafe"]
    assert items[1].input == f"{path}!../escape.txt"
    assert items[3].reason == "archive member is a link (/etc/passwd)"
    assert items[4].title == "Market fire"


def test_ingest_tar_gz_streams_members_and_each_gets_its_own_id(tmp_path):
    for name in ("bundle.tar.gz", "bundle.tgz"):
        path = tmp_path / name
        path.write_bytes(_tar_bytes([("one.txt", STORY), ("two.txt", STORY + b" More.")], mode="w:gz"))
        first, second = _run(path)
        assert first.source == f"{path}!one.txt" and second.source == f"{path}!two.txt"
        assert first.id != second.id and second.text.endswith("More.")


def test_ingest_tar_member_over_the_size_limit_fails_alone(tmp_path):
    for name, mode in (("big.tar.gz", "w:gz"), ("big.tar", "w")):  # streamed, and seeked over
        path = tmp_path / name
        path.write_bytes(_tar_bytes([("big.txt", b"word " * 2000), ("ok.txt", STORY)], mode=mode))
        failure, article = _run(path, limits=Limits(max_bytes=5000))
        assert failure.input == f"{path}!big.txt" and failure.code == "too-large"
        assert article.text == STORY.decode()


def test_ingest_tar_stops_at_the_member_limit(tmp_path):
    path = tmp_path / "many.tar"
    path.write_bytes(_tar_bytes([(f"{n}.txt", STORY + str(n).encode()) for n in range(5)]))
    items = _run(path, limits=Limits(max_members=2))
    assert [type(i) for i in items] == [Article, Article, Failure]
    assert items[2].reason == "archive has more than 2 members" and items[2].input == f"{path}!2.txt"


def test_ingest_tar_gz_bomb_is_bounded(tmp_path):
    path = tmp_path / "bomb.tar.gz"
    path.write_bytes(_tar_bytes([("zeros.txt", b"\0" * (20 * 1024 * 1024))], mode="w:gz"))
    (failure,) = _run(path)
    assert failure.input == str(path) and failure.reason == "compression ratio exceeds 100"


def test_ingest_truncated_tar_reads_what_it_can_then_fails_cleanly(tmp_path):
    data = _tar_bytes([("one.txt", STORY), ("two.txt", STORY * 40)])
    path = tmp_path / "cut.tar"
    path.write_bytes(data[:2048])  # the second member's data is cut short
    items = _run(path)
    assert isinstance(items[0], Article) and items[0].text == STORY.decode()
    assert isinstance(items[-1], Failure) and items[-1].code == "malformed"


def test_ingest_empty_tar_and_tar_in_a_zip(tmp_path):
    empty = tmp_path / "empty.tar"
    empty.write_bytes(_tar_bytes([]))
    (failure,) = _run(empty)
    # an empty tar is all zero blocks: it carries no ustar magic, so it reads as binary input
    assert failure.code == "binary"
    nested = tmp_path / "outer.zip"
    with zipfile.ZipFile(nested, "w") as archive:
        archive.writestr("inner.tar", _tar_bytes([("story.txt", STORY)]))
    (article,) = _run(nested)
    assert article.source == f"{nested}!inner.tar!story.txt"
