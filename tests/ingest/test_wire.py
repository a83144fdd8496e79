"""Wire-copy metadata read from plain text (``article_from_text``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.ingest import article_from_text

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"


def _removed(article, reason):
    return [r.text for r in article.removed if r.reason == reason]


def _assert_spans_point_into_text(article):
    text = article.text
    assert text[article.body.start : article.body.end] == article.body.text
    for removed in article.removed:
        assert text[removed.span.start : removed.span.end] == removed.text == removed.span.text


@pytest.mark.shared
def test_article_from_text_reads_every_fact_of_the_example_story(example_story):
    text = example_story.read_text(encoding="utf-8")
    article = article_from_text(text)
    assert article.title == "Pompeo says 'Iran-Backed' forces behind Baghdad Green Zone Attack"
    assert article.outlet == "ANI"
    assert article.dateline == "Washington DC"
    assert article.published == "2020-12-21T04:08:00Z"
    assert article.language == "en" and article.skip_reason is None
    assert _removed(article, "image caption/credit") == [
        "US Secretary of State Michael Pompeo. Image Credit: ANI"
    ]
    assert _removed(article, "metadata line") == [
        "ANI | Washington DC | Updated: 21-12-2020 09:38 IST | Created: 21-12-2020 09:38 IST"
    ]
    assert _removed(article, "agency trailer") == ["(ANI)"]
    assert _removed(article, "trailing headline") == [
        "Ahead of the Biden-presidency, China and South Korea tie the knot"
    ]
    assert len(_removed(article, "repeated standfirst")) == 1
    assert article.body.text.startswith("US Secretary of State Michael Pompeo on Sunday accused")
    assert article.body.start > text.index("Image Credit: ANI")
    assert article.body.text.endswith("significant material damage. (ANI)")
    _assert_spans_point_into_text(article)
    assert article.text == text


def test_article_from_text_reads_reuters_layout():
    article = article_from_text((DATA / "reuters_layout.txt").read_text(encoding="utf-8"))
    assert article.title == "Flooding forces thousands from homes in northern river valley"
    assert article.outlet == "Reuters"
    assert article.dateline == "WASHINGTON"
    assert article.published == "2020-12-21T09:08:00Z"  # 4:08 a.m. ET in December is EST
    assert _removed(article, "byline") == ["By Jane Doe"]
    assert _removed(article, "dateline") == ["WASHINGTON (Reuters) -"]
    assert _removed(article, "boilerplate") == ["Follow us on Twitter"]
    assert _removed(article, "related link") == ["Related: Dam operators warn of more releases"]
    assert _removed(article, "agency trailer") == ["-- Reuters"]
    assert article.body.text.startswith("WASHINGTON (Reuters) - Heavy rain")
    assert article.body.text.endswith("at least Friday. -- Reuters")
    _assert_spans_point_into_text(article)


def test_article_from_text_reads_afp_layout_without_inventing_a_year():
    article = article_from_text((DATA / "afp_layout.txt").read_text(encoding="utf-8"))
    assert article.title is None  # the first line is a story sentence, not a headline
    assert article.outlet == "AFP"
    assert article.dateline == "BAGHDAD"
    assert article.published is None  # "Dec 20" has no year
    assert _removed(article, "image caption/credit") == [
        "File photo: smoke rises over a city skyline at dusk"
    ]
    assert _removed(article, "boilerplate") == ["Subscribe to our newsletter", "Share this article"]
    assert _removed(article, "agency trailer") == ["(AFP)"]
    assert article.body.text.endswith("the official added. (AFP)")
    _assert_spans_point_into_text(article)


def test_article_from_text_reads_ap_layout():
    article = article_from_text((DATA / "ap_layout.txt").read_text(encoding="utf-8"))
    assert article.title == "Police detain dozens after protest over fuel prices"
    assert article.outlet == "AP"
    assert article.dateline == "KABUL, Afghanistan"
    assert article.published == "2020-12-21T14:02:00Z"
    assert _removed(article, "image caption/credit") == ["(AFP Photo)"]
    assert _removed(article, "related link") == ["Read more: How fuel subsidies shaped the budget"]
    assert article.body.text.startswith("KABUL, Afghanistan (AP) — Police")
    _assert_spans_point_into_text(article)


def test_article_from_text_resolves_ist_by_the_filing_place_when_the_outlet_is_unknown():
    article = article_from_text((DATA / "irish_stamp.txt").read_text(encoding="utf-8"))
    assert article.outlet == "Inshore News"
    assert article.dateline == "Dublin"
    assert article.published == "2021-07-14T09:15:00Z"  # Irish Standard Time, UTC+1


def test_article_from_text_given_metadata_wins():
    text = "Headline here\n\nBy Jane Doe\n\nThe council met on Monday to discuss the invented budget."
    article = article_from_text(
        text, id="my-id", title="Given title", published="2021-01-04", url="https://x.example/a"
    )
    assert (article.id, article.title, article.published, article.url) == (
        "my-id",
        "Given title",
        "2021-01-04",
        "https://x.example/a",
    )


def test_article_from_text_gives_stable_ids():
    text = "Plain story without any metadata at all, written for this test."
    assert article_from_text(text).id == article_from_text(text).id
    assert article_from_text(text).id != article_from_text(text + " More.").id
    assert (
        article_from_text(text, url="https://www.n.example/s?utm_source=x").id
        == article_from_text(text, url="https://n.example/s").id
    )


def test_article_from_text_keeps_a_single_sentence_whole():
    text = "Rebels attacked an army post near the border on Tuesday, killing two soldiers."
    article = article_from_text(text)
    assert article.title is None and article.removed == ()
    assert article.body.text == text


def test_article_from_text_does_not_take_an_all_caps_headline_for_a_dateline():
    text = (
        "COLTS BEAT CHIEFS 20 - 13 TO CLINCH PLAYOFF BERTH\nThe home side scored twice in the final quarter."
    )
    article = article_from_text(text)
    assert article.dateline is None
    assert not _removed(article, "dateline")


def test_article_from_text_marks_non_english_text():
    text = (
        "Le gouvernement a annoncé dimanche une nouvelle loi sur la sécurité intérieure du pays, "
        "après plusieurs semaines de débats au parlement et de manifestations dans les grandes villes."
    )
    article = article_from_text(text)
    assert article.language == "fr"
    assert article.skip_reason == "language fr is not supported"


def test_article_from_text_counts_short_headlines_as_english():
    assert article_from_text("Taliban kill 12 in Kunduz").language == "en"


def test_article_from_text_refuses_empty_text():
    with pytest.raises(InputError):
        article_from_text("  \n ")


def test_article_from_text_does_not_take_hard_wrapped_prose_for_a_headline():
    text = "The minister said on Monday that the government would\nintroduce a new bill before the summer."
    assert article_from_text(text).title is None


def test_article_from_text_reads_a_dateline_standing_alone_on_its_line():
    article = article_from_text("WASHINGTON _\n\nThe Senate voted on Tuesday to approve the spending bill.")
    assert article.title is None and article.dateline == "WASHINGTON"
    assert _removed(article, "dateline") == ["WASHINGTON _"]


def test_article_from_text_reads_a_title_case_headline_ending_with_a_full_stop():
    text = "Stealth Vote: Council Members Walk Out Before Budget Decision.\n\nThe council met on Monday."
    assert article_from_text(text).title == "Stealth Vote: Council Members Walk Out Before Budget Decision."


def test_article_from_text_reads_outlet_from_byline_and_standalone_trailer():
    text = (
        "Rail strike halts trains\n\nBy JOHN SMITH Associated Press\n\nLONDON — Rail workers walked out on "
        "Tuesday in a dispute over pay, stranding thousands of commuters, union leaders said.\n\n"
        "(With inputs from PTI)"
    )
    article = article_from_text(text)
    assert article.outlet == "AP" and article.dateline == "LONDON"
    assert _removed(article, "agency trailer") == ["(With inputs from PTI)"]
    assert article.body.text.endswith("(With inputs from PTI)")


def test_article_from_text_reads_a_bare_date_line_under_the_headline():
    text = "Factory reopens after fire\nDecember 10, 2013\nThe factory reopened on Tuesday, its owners said."
    article = article_from_text(text)
    assert article.title == "Factory reopens after fire" and article.published == "2013-12-10"
    assert _removed(article, "metadata line") == ["December 10, 2013"]


def test_article_from_text_lead_with_a_date_but_no_place_sets_no_dateline():
    article = article_from_text(
        "Dec 21 (Reuters) - Oil prices rose on Monday after producers agreed to cut output, traders said."
    )
    assert article.outlet == "Reuters" and article.dateline is None
    assert _removed(article, "dateline") == ["Dec 21 (Reuters) -"]


def test_lead_with_an_outlet_the_agency_table_does_not_know():
    from dateline.ingest import article_from_text

    article = article_from_text("Headline\n\nMOSUL, Iraq (Global Press) — Six civilians were killed on Saturday.")
    assert article.dateline == "MOSUL, Iraq"
    assert article.outlet == "Global Press"
    assert [r.reason for r in article.removed] == ["dateline"]
    # a parenthesis after an ordinary sentence start is no lead
    plain = article_from_text("Headline\n\nOfficials said (on Monday) - nothing happened in the town that day.")
    assert plain.dateline is None and plain.outlet is None
