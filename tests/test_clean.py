"""The cleaner: body kept, furniture out with a reason, header and trailer lines read
as metadata. Cases are written by us in the shapes scraped text really has."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.ingest.clean import clean_text, normalise

BODY = (
    "The harbour authority said on Monday that two cargo ships had collided near the "
    "northern pier, and that no one was hurt.\n\n"
    "Officials added that the channel would reopen within days, according to a statement "
    "published by the port."
)


def reasons(text: str, **kw: object) -> dict[str, str]:
    cleaned = clean_text(text, **kw)  # type: ignore[arg-type]
    return {r.text: r.reason for r in cleaned.removed}


def test_reads_title_date_and_url_lines_as_metadata() -> None:
    text = "Ships collide in harbour\nDate: 3 March 2024\nhttps://news.example/ships\n\n" + BODY
    cleaned = clean_text(text)
    assert cleaned.meta.title == "Ships collide in harbour"
    assert cleaned.meta.published == "2024-03-03"
    assert cleaned.meta.url == "https://news.example/ships"
    assert cleaned.text == BODY


def test_first_line_that_is_a_sentence_is_body_not_title() -> None:
    cleaned = clean_text(BODY)
    assert cleaned.meta.title is None
    assert cleaned.text == BODY


def test_trailing_tag_line_becomes_tags() -> None:
    cleaned = clean_text(BODY + "\n\n  Harbour, Shipping, Port Authority")
    assert cleaned.meta.tags == ["Harbour", "Shipping", "Port Authority"]
    assert cleaned.text == BODY


def test_labelled_tag_line_becomes_tags() -> None:
    cleaned = clean_text(BODY + "\n\nTags: ships; harbour")
    assert cleaned.meta.tags == ["ships", "harbour"]


def test_author_initials_at_the_end_are_removed() -> None:
    assert reasons(BODY + "\n\nJK") == {"JK": "author initials"}


def test_donation_appeal_and_its_heading_are_removed() -> None:
    appeal = (
        "Our reporting depends on readers like you. Please consider a donation to keep "
        "independent journalism alive."
    )
    got = reasons(
        BODY + "\n\nHelp us stay independent\n\n" + appeal + "\n\nMore text follows here."
    )
    assert got[appeal].startswith("call to action")
    assert got["Help us stay independent"].startswith("heading of removed block")


def test_newsletter_signup_is_removed() -> None:
    line = "Sign up for our morning newsletter and get the news in your inbox."
    assert reasons(BODY + "\n\n" + line)[line].startswith("call to action")


def test_copyright_and_reuse_notice_is_removed() -> None:
    for line in (
        "© 2024 Northern Gazette. All rights reserved.",
        "This article may not be republished without written permission.",
    ):
        assert reasons(BODY + "\n\n" + line)[line] == "copyright or reuse notice"


def test_share_bar_is_removed_wherever_it_is() -> None:
    bar = "Share: Facebook | Twitter | WhatsApp | Email"
    text = BODY.replace("\n\n", f"\n\n{bar}\n\n")
    assert reasons(text) == {bar: "share bar"}


def test_related_links_block_at_the_end_is_removed() -> None:
    tail = "\n\nRead more\n\nFerry strike ends after two weeks\n\nNew crane arrives at the port"
    got = reasons(BODY + tail)
    assert set(got) == {
        "Read more",
        "Ferry strike ends after two weeks",
        "New crane arrives at the port",
    }
    assert all(r == "related links or navigation" for r in got.values())


def test_repeated_paragraph_is_removed_once() -> None:
    first, second = BODY.split("\n\n")
    cleaned = clean_text("\n\n".join([first, second, first]))
    assert cleaned.text == BODY
    assert [r.reason for r in cleaned.removed] == ["repeated paragraph"]


def test_standfirst_shown_twice_around_header_lines() -> None:
    first = BODY.split("\n\n")[0]
    header = f"Ships collide\nhttps://x.example/a\n{first}\nMar 4, 2024 10:00 UTC\n• Ships collide"
    text = f"{header}\n\n{BODY}"
    cleaned = clean_text(text)
    assert cleaned.text == BODY
    assert cleaned.meta.published == "2024-03-04"
    why = {r.reason for r in cleaned.removed}
    assert "repeated standfirst (the lead paragraph shown twice)" in why
    assert "title repeated" in why


def test_body_paragraph_mentioning_support_is_kept() -> None:
    text = BODY + "\n\nThe minister said the government would support the port with new funds."
    assert clean_text(text).removed == []


def test_quoted_appeal_inside_the_story_is_kept() -> None:
    quote = '"Please support your local lifeboat crew," the mayor told residents.'
    assert clean_text(BODY + "\n\n" + quote).removed == []


def test_mid_text_subheading_is_kept() -> None:
    first, second = BODY.split("\n\n")
    text = f"{first}\n\nWhat happens next\n\n{second}"
    assert "What happens next" in clean_text(text).text


def test_photo_caption_is_removed() -> None:
    line = "Photo: A tug pulls the damaged ship (Harbour Press)"
    assert reasons(BODY + "\n\n" + line)[line] == "photo caption or credit"


def test_hard_wrapped_prose_is_joined() -> None:
    wrapped = (
        "The harbour authority said on Monday that two cargo ships had\n"
        "collided near the northern pier, and that no one was hurt in the\n"
        "accident, which happened shortly after dawn in thick fog, it said."
    )
    cleaned = clean_text(wrapped)
    assert "\n" not in cleaned.text
    assert cleaned.text.startswith("The harbour authority said")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\u00a0b", "a b"),
        ("«quoted»", "\u201cquoted\u201d"),
        ("„quoted“", "\u201cquoted\u201c"),
        ("war \u2015 peace", "war \u2014 peace"),
        ("one -- two", "one \u2014 two"),
        ("soft\u00adhyphen", "softhyphen"),
        ("word .", "word."),
        ("zero\u200bwidth", "zerowidth"),
        ("a   b", "a b"),
    ],
)
def test_normalises_spaces_quotes_and_dashes(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_cleans_without_error(text: str) -> None:
    cleaned = clean_text(text)
    assert isinstance(cleaned.text, str)
    # Nothing is lost: every kept or removed paragraph came from the input.
    for r in cleaned.removed:
        assert r.reason


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([BODY, "Share: Facebook Twitter", "© 2020 X", "JK", "", "\n"]), max_size=8
    )
)
def test_body_survives_any_furniture_around_it(parts: list[str]) -> None:
    text = "\n\n".join([*parts, BODY])
    assert BODY.split("\n\n")[1] in clean_text(text).text


def test_production_credit_is_removed_and_names_the_authors() -> None:
    cleaned = clean_text(BODY + "\n\nReporting by Ana Ruiz and Tom Bell; editing by Lea Marx")
    assert cleaned.text == BODY
    assert cleaned.meta.authors == ["Ana Ruiz", "Tom Bell"]
    assert [r.reason for r in cleaned.removed] == ["production credit"]


@pytest.mark.parametrize(
    "line",
    [
        "3 comments",
        "Comments are closed.",
        "Leave a reply",
        "By submitting this form you agree to our privacy policy and the use of your data.",
        "Republished from the Coast Daily under a content-sharing agreement.",
    ],
)
def test_comment_consent_and_syndication_lines_are_removed(line: str) -> None:
    cleaned = clean_text(BODY + "\n\n" + line)
    assert cleaned.text == BODY


def test_teaser_block_in_the_middle_is_removed_and_the_story_goes_on() -> None:
    first, second = BODY.split("\n\n")
    teaser = "Don't miss\n\nFerry strike ends after talks [VIDEO]\n\nNew crane for the port"
    cleaned = clean_text(f"{first}\n\n{teaser}\n\n{second}")
    assert cleaned.text == BODY
