"""Issue 19: hostile inputs are cleaned or confined to one failure, never the end of a run."""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile

import pytest

from dateline.ingest import ingest
from dateline.models import Article, Failure

pytestmark = pytest.mark.issue(19)

GOOD = "Soldiers killed four near Mopti."


def _items(*paths) -> list[Article | Failure]:
    return list(ingest([str(p) for p in paths]))


def test_ingest_lone_surrogate_is_replaced_and_listed_in_removed(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id":"a","text":"\\ud800 x"}\n{"id":"b","text":"%s"}\n' % GOOD)
    items = _items(path)
    assert [type(i) for i in items] == [Article, Article]
    first = items[0]
    assert first.text == "\ufffd x"
    assert [(r.reason, r.span.start, r.span.end) for r in first.removed] == [("invalid character", 0, 1)]
    first.text.encode("utf-8")  # storable, printable
    assert items[1].id == "b" and items[1].text == GOOD


def test_ingest_nul_is_replaced_offsets_unchanged(tmp_path):
    path = tmp_path / "n.jsonl"
    path.write_text('{"id":"n","text":"Police killed two in Kano.\\u0000\\u0000 x","title":"a\\u0000b"}\n')
    [article] = _items(path)
    assert article.text == "Police killed two in Kano.\ufffd\ufffd x"
    assert "\x00" not in article.title
    [removed] = article.removed
    assert (removed.span.start, removed.span.end, removed.reason) == (26, 28, "invalid character")


def test_ingest_a_record_that_breaks_a_reader_fails_alone(tmp_path, monkeypatch):
    from dateline.ingest import records

    real = records.record_article

    def explode(record, **kwargs):
        if record.get("id") == "bad":
            raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
        return real(record, **kwargs)

    monkeypatch.setattr(records, "record_article", explode)
    path = tmp_path / "r.jsonl"
    path.write_text('{"id":"bad","text":"x"}\n{"id":"b","text":"%s"}\n' % GOOD)
    items = _items(path)
    assert isinstance(items[0], Failure) and items[0].input.endswith("r.jsonl:1")
    assert isinstance(items[1], Article) and items[1].id == "b"


def test_ingest_id_with_nul_is_a_failure_of_its_record(tmp_path):
    path = tmp_path / "i.jsonl"
    path.write_text('{"id":"a\\u0000","text":"x y"}\n{"id":"b","text":"%s"}\n' % GOOD)
    items = _items(path)
    assert isinstance(items[0], Failure) and items[0].code == "malformed"
    assert isinstance(items[1], Article)


def test_ingest_non_utf8_file_name_is_escaped(tmp_path):
    folder = os.fsencode(tmp_path / "d2")
    os.mkdir(folder)
    with open(os.path.join(folder, b"bin\xffname.txt"), "wb") as handle:
        handle.write(b"\x00\x01")
    with open(os.path.join(folder, b"good\xfe.txt"), "wb") as handle:
        handle.write(GOOD.encode())
    items = _items(tmp_path / "d2")
    assert isinstance(items[0], Failure) and items[0].input.endswith("bin\\xffname.txt")
    assert isinstance(items[1], Article) and items[1].source.endswith("good\\xfe.txt")
    for item in items:
        json.dumps(item.to_dict(), ensure_ascii=False).encode("utf-8")


def test_ingest_impossible_published_is_null_with_a_warning(tmp_path, caplog):
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"id": "x", "text": GOOD, "published": "2020-13-45"}) + "\n")
    [article] = _items(path)
    assert isinstance(article, Article) and article.published is None
    assert "2020-13-45" in caplog.text


@pytest.mark.parametrize(
    ("name", "data"),
    [("fs.jsonl", b"\x1c"), ("blank.jsonl", b"\x1c\n\x1d\n"), ("h.csv", b"id,text\n"), ("h2.csv", b"id,text\n\n")],
)
def test_ingest_input_without_records_is_a_failure(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    items = _items(path)
    assert items and all(isinstance(i, Failure) for i in items)


def test_ingest_symlink_out_of_the_folder_is_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Police killed two in the secret file.")
    folder = tmp_path / "d3"
    folder.mkdir()
    (folder / "s.txt").write_text("Police killed two.")
    (folder / "l").symlink_to(outside)
    (folder / "f.txt").symlink_to(outside / "secret.txt")
    (folder / "inside.txt").symlink_to(folder / "s.txt")
    items = _items(folder)
    read = [i.source for i in items if isinstance(i, Article)]
    refused = sorted(os.path.basename(i.input) for i in items if isinstance(i, Failure))
    assert refused == ["f.txt", "l"]
    assert all("outside" not in s and "secret" not in s for s in read)
    assert any(s.endswith("inside.txt") for s in read)
    followed = list(ingest([str(folder)], follow_links=True))
    assert sum(1 for i in followed if isinstance(i, Article) and "secret" in i.text) == 2


def test_ingest_zip_symlink_member_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
        archive.writestr("good.txt", GOOD)
    path = tmp_path / "a.zip"
    path.write_bytes(buffer.getvalue())
    items = _items(path)
    assert isinstance(items[0], Failure) and items[0].code == "unsafe"
    assert isinstance(items[1], Article)
