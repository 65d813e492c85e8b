"""Exact and near-duplicate detection."""

from __future__ import annotations

from rashomon.dedup import Deduplicator
from rashomon.ingest import content_hash
from rashomon.model import Article, Source
from rashomon.settings import Settings

TEXT = (
    "Rescue teams in the mountain town of Velmora worked through the night on Sunday "
    "after a landslide buried part of the main road, the regional governor said. At "
    "least nine people were taken to hospital, and officials said the search would go on "
    "until everyone was accounted for. Residents described a roar before the hillside "
    "gave way, and schools in the district were closed for the rest of the week while "
    "engineers checked the slopes above the town for further movement."
)


def article(aid: str, text: str) -> Article:
    return Article(id=aid, source=Source("text"), text=text, content_hash=content_hash(text))


def test_same_text_with_other_spacing_is_an_exact_duplicate() -> None:
    d = Deduplicator(Settings())
    first = d.check(article("a", TEXT))
    second = d.check(article("b", "  " + TEXT.replace(" ", "  ").upper()))
    assert first.status == "ok"
    assert (second.status, second.duplicate_of) == ("duplicate", "a")
    assert second.reason == "the same text as a"


def test_syndicated_copy_with_a_sentence_trimmed_is_a_near_duplicate() -> None:
    d = Deduplicator(Settings())
    d.check(article("wire", TEXT))
    copy = TEXT.replace("Residents described a roar before the hillside gave way, and ", "")
    got = d.check(article("copy", copy + " Reporting by our partners."))
    assert (got.status, got.duplicate_of) == ("duplicate", "wire")
    assert got.reason is not None and "near-copy of wire" in got.reason


def test_different_article_on_the_same_event_is_not_a_duplicate() -> None:
    other = (
        "A landslide near Velmora cut the main road on Sunday. The governor's office "
        "counted nine injured, while a hospital spokesman said twelve people were treated. "
        "Opposition councillors blamed years of illegal logging on the slopes, a claim the "
        "forestry agency rejected in a statement on Monday."
    )
    d = Deduplicator(Settings())
    d.check(article("a", TEXT))
    assert d.check(article("b", other)).status == "ok"


def test_threshold_is_configurable() -> None:
    half = " ".join(TEXT.split()[: len(TEXT.split()) // 2]) + " An unrelated ending follows here."
    strict, loose = Deduplicator(Settings()), Deduplicator(Settings(near_duplicate_threshold=0.3))
    for d in (strict, loose):
        d.check(article("a", TEXT))
    assert strict.check(article("b", half)).status == "ok"
    assert loose.check(article("b", half)).status == "duplicate"


def test_rejected_articles_are_left_alone() -> None:
    d = Deduplicator(Settings())
    rejected = Article(id="r", source=Source("text"), status="rejected", reason="empty input")
    assert d.check(rejected).status == "rejected"


def test_a_high_threshold_still_finds_close_copies() -> None:
    d = Deduplicator(Settings(near_duplicate_threshold=0.95))
    d.check(article("a", TEXT))
    assert d.check(article("b", TEXT + " Ends.")).status == "duplicate"
    trimmed = TEXT.replace("Residents described a roar before the hillside gave way, and ", "")
    assert d.check(article("c", trimmed)).status == "ok"  # about 0.8: below 0.95


def test_a_threshold_out_of_range_is_a_clear_error() -> None:
    import pytest

    from rashomon import errors

    with pytest.raises(errors.ConfigError, match="near_duplicate_threshold"):
        Deduplicator(Settings(near_duplicate_threshold=1.5))
