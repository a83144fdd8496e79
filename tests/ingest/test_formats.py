"""Each reader, chosen by content: text, HTML, RSS/Atom, JSON Lines, JSON, CSV."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from dateline.ingest import Limits, content_id, ingest
from dateline.models import Article, Failure

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"


def _run(*inputs, **options):
    return list(ingest([str(i) for i in inputs], **options))


def test_ingest_plain_text_keeps_the_decoded_file_unchanged(tmp_path):
    path = tmp_path / "story.txt"
    data = "Héadline of a story\n\nThe minister resigned on Friday after a week of protests.\r\n".encode()
    path.write_bytes(data)
    (article,) = _run(path)
    assert article.text == data.decode("utf-8")
    assert article.id == content_id(data)
    assert article.source == str(path)
    assert article.fingerprint


def test_ingest_sniffs_html_without_an_extension(tmp_path):
    path = tmp_path / "page-without-extension"
    shutil.copy(DATA / "page.html", path)
    (article,) = _run(path)
    assert article.title == "Bridge reopens after repairs"
    assert article.outlet == "The Valley Courier"
    assert article.published == "2021-03-04T17:30:00Z"
    assert article.url == "https://www.valleycourier.example/news/bridge-reopens"
    assert article.id.startswith("url-")
    assert "eight months of repairs" in article.text
    assert "<p>" not in article.text and "Copyright" not in article.text
    assert article.body.text.startswith("The old stone bridge")


def test_ingest_rss_gives_one_article_per_entry_and_a_failure_for_an_empty_entry():
    items = _run(DATA / "feed.rss")
    assert [type(i) for i in items] == [Article, Article, Failure]
    first, second, empty = items
    assert first.title == "Talks resume over border crossing"
    assert first.url == "https://wire.example/2021/05/talks-resume"
    assert first.published == "2021-05-03T06:15:00Z"
    assert first.text.startswith("Negotiators from two neighbouring states")
    assert first.outlet == "Example Wire"
    assert first.source.endswith("feed.rss#1")
    assert second.id == "wire-item-2" and second.published == "2021-05-04"
    assert empty.input.endswith("feed.rss#3") and empty.reason == "feed entry has no text"


def test_ingest_atom_entry_uses_content_and_published_time():
    (article,) = _run(DATA / "feed.atom")
    assert article.published == "2021-06-01T12:00:00Z"
    assert article.text.splitlines() == [
        "The island ferry resumed its normal timetable on Tuesday after a week of storms.",
        "The operator said all crossings were running on time.",
    ]


def test_ingest_jsonl_reads_records_and_reports_bad_lines_by_number():
    items = _run(DATA / "docs.jsonl")
    articles = [i for i in items if isinstance(i, Article)]
    failures = {i.input.rsplit(":", 1)[1]: i for i in items if isinstance(i, Failure)}
    assert [a.id for a in articles[:2]] == ["rec-1", "rec-2"]
    assert articles[0].title == "Protest at parliament" and articles[0].published == "2021-02-06"
    assert articles[1].published is None and articles[1].title is None  # explicit nulls stay null
    assert (
        articles[0].text
        == "Protesters gathered outside the parliament building on Saturday to demand new elections."
    )
    assert articles[2].id == content_id(articles[2].text.encode("utf-8"))
    assert articles[0].source.endswith("docs.jsonl:1")
    assert set(failures) == {"4", "6", "7", "8"}
    assert failures["4"].reason.startswith("malformed JSON")
    assert failures["6"].reason == "record is a JSON list, not an object"
    assert failures["8"].reason == "record has no 'text' field"


def test_ingest_jsonl_passes_ids_through_and_keeps_duplicates(tmp_path):
    path = tmp_path / "dups.jsonl"
    line = '{"id": "x 1/é", "text": "Same story twice."}\n'
    path.write_text(line * 2, encoding="utf-8")
    items = _run(path)
    assert [a.id for a in items] == ["x 1/é", "x 1/é"]


def test_ingest_json_array_and_field_map(tmp_path):
    path = tmp_path / "docs.json"
    path.write_text(
        '[{"key": "a", "body": "First invented story text.", "date": "2021-01-02"}, 7]', encoding="utf-8"
    )
    items = _run(path, field_map={"id": "key", "text": "body", "published": "date"})
    assert isinstance(items[0], Article) and items[0].id == "a" and items[0].published == "2021-01-02"
    assert isinstance(items[1], Failure) and items[1].input.endswith("docs.json#2")


def test_ingest_csv_with_field_map_reports_bad_rows_by_line():
    items = _run(DATA / "docs.csv", field_map={"text": "body", "published": "date"})
    assert [type(i) for i in items] == [Article, Article, Failure, Failure]
    assert items[0].id == "c-1" and items[0].published == "2021-08-11" and items[0].title == "Fire contained"
    assert items[1].published is None and items[1].title is None
    assert items[2].input.endswith("docs.csv:4") and items[2].reason == "empty input"
    assert items[3].input.endswith("docs.csv:5")


def test_ingest_csv_without_the_text_column_fails_clearly():
    (failure,) = _run(DATA / "docs.csv")
    assert failure.reason.startswith("CSV header has no 'text' column")


def test_ingest_reads_stdin():
    items = list(ingest(["-"], stdin=io.BytesIO(b"Troops withdrew from the town on Monday, officials said.")))
    assert items[0].text == "Troops withdrew from the town on Monday, officials said."
    assert items[0].source == "-"


def test_ingest_decodes_latin1_cp1252_and_utf16(tmp_path):
    text = "Le café de la gare a rouvert à Noël, selon le maire. Déjà plein."
    (tmp_path / "a-latin1.txt").write_bytes(text.encode("latin-1"))
    (tmp_path / "b-cp1252.txt").write_bytes("The \u201cpeace\u201d talks \u2013 finally.".encode("cp1252"))
    (tmp_path / "c-utf16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "d-bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    items = _run(tmp_path)
    assert [i.text for i in items] == [text, "The \u201cpeace\u201d talks \u2013 finally.", text, text]


def test_ingest_refuses_binary_empty_and_oversized_input(tmp_path):
    (tmp_path / "a.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "b.txt").write_bytes(b"  \n\t ")
    (tmp_path / "c.txt").write_bytes(b"x" * 2048)
    (tmp_path / "d.pdf").write_bytes(b"%PDF-1.4 rest")
    items = _run(tmp_path, limits=Limits(max_bytes=1024))
    assert [(i.reason, i.code) for i in items] == [
        ("binary input", "binary"),
        ("empty input", "empty"),
        ("input is larger than the 1 KB limit", "too-large"),
        ("PDF documents are not supported", "unsupported"),
    ]


def test_ingest_default_limit_message_names_20_mb(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * (4 * 1024 * 1024 + 1))
    (failure,) = _run(path)
    assert failure.reason == "input is larger than the 20 MB limit"


def test_ingest_refuses_entity_declarations(tmp_path):
    path = tmp_path / "laughs.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        "<rss><channel><item><description>&lol2;</description></item></channel></rss>"
    )
    (failure,) = _run(path)
    assert failure.reason == "XML entity declarations are not allowed"


def test_ingest_refuses_other_xml(tmp_path):
    path = tmp_path / "doc.xml"
    path.write_text('<?xml version="1.0"?><catalogue><book>Title</book></catalogue>')
    (failure,) = _run(path)
    assert failure.reason == "unsupported XML document (root element <catalogue>)"


def test_ingest_accepts_a_single_path_string(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("A single story about a harbour.", encoding="utf-8")
    (article,) = ingest(str(path))
    assert article.text == "A single story about a harbour."


def test_ingest_rejects_an_unknown_field_map_target(tmp_path):
    import pytest

    from dateline.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown field in field_map: body"):
        list(ingest([str(tmp_path)], field_map={"body": "text"}))


def test_ingest_reads_a_tar_archive_like_a_zip(tmp_path):
    import tarfile

    story = tmp_path / "story.txt"
    story.write_text("A story inside a tar file.", encoding="utf-8")
    with tarfile.open(tmp_path / "bundle.tar", "w") as archive:
        archive.add(story, arcname="story.txt")
    story.unlink()
    (article,) = _run(tmp_path)
    assert article.text == "A story inside a tar file."
    assert article.source == f"{tmp_path / 'bundle.tar'}!story.txt"


def test_ingest_refuses_text_over_the_character_limit_and_blank_record_fields(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(
        '{"id": "long", "text": "' + "word " * 50 + '"}\n{"id": "", "title": "", "text": "Short story."}\n',
        encoding="utf-8",
    )
    failure, article = _run(path, limits=Limits(max_text_chars=100))
    assert failure.reason == "text is longer than the 100 character limit" and failure.code == "too-large"
    assert article.id == content_id(b"Short story.") and article.title is None


def test_ingest_reads_absurdly_nested_html_in_fast_mode(tmp_path):
    story = "<p>The harbour reopened on Monday after a storm, port officials said in a statement.</p>"
    (tmp_path / "a.html").write_text(
        "<html><body>" + "<div>" * 240 + story + "</div>" * 240 + "</body></html>"
    )
    # deeper than libxml2 parses (256 levels): a clean failure, not a hang
    (tmp_path / "b.html").write_text(
        "<html><body>" + "<div>" * 5000 + story + "</div>" * 5000 + "</body></html>"
    )
    article, failure = _run(tmp_path)
    assert isinstance(article, Article) and "harbour reopened" in article.text
    assert failure.reason == "no main text found in the HTML page"


def test_ingest_html_without_metadata_falls_back_to_wire_rules(tmp_path):
    path = tmp_path / "bare.html"
    path.write_text(
        "<html><body><article><p>Dam repairs finished ahead of schedule</p>"
        "<p>Updated: 14-07-2021 10:15 GMT</p>"
        "<p>KABUL, Afghanistan (AP) — Engineers finished repairing the dam wall on Tuesday, two weeks ahead "
        "of schedule, the water ministry said in a statement to reporters.</p>"
        "<p>Farmers downstream said they expected water for the autumn planting season.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (article,) = _run(path)
    assert article.title == "Dam repairs finished ahead of schedule"
    assert article.published == "2021-07-14T10:15:00Z"
    assert article.outlet == "AP" and article.dateline == "KABUL, Afghanistan"
