"""The timeline: claims with dates normalised per article, merged across outlets,
sorted, with inferred anchors marked and date conflicts. Articles written for these
tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import analyse_texts

ARTICLES = {
    "wire.txt": (
        "Date: 14 May 2025\n\n"
        "Storm floods Kessel harbour\n\n"
        "A storm flooded the harbour of Kessel on Tuesday, the port authority said. "
        "The next day, the navy began pumping water out of the docks.\n"
    ),
    "paper.txt": (
        "Date: 16 May 2025\n\n"
        "Kessel counts the cost of the storm\n\n"
        "A storm flooded the harbour of Kessel on 13 May, the port authority said. "
        "Repairs to the flooded docks will start on Monday. Volunteers cleared the quay "
        "two days after the storm.\n"
    ),
    "blog.txt": (
        "Kessel flood: what we know\n\n"
        "On 13 May 2025 a storm hit the north coast. A storm flooded the harbour of Kessel "
        "on Tuesday, the port authority said.\n"
    ),
}


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Any:
    report = analyse_texts(tmp_path_factory.mktemp("kessel"), ARTICLES)
    assert len(report.stories) == 1
    return report.stories[0]


def entry_with(story: Any, words: str) -> dict[str, Any]:
    found = [e for e in story.timeline if any(words in ev for ev in e["evidence"])]
    assert found, story.timeline
    return found[0]


def test_the_same_event_from_several_outlets_is_one_entry(story: Any) -> None:
    flood = entry_with(story, "flooded the harbour")
    assert flood["date"] == "2025-05-13" and flood["precision"] == "day"
    assert {"wire", "paper"} <= set(flood["article_ids"])


def test_relative_dates_follow_the_article_s_own_day(story: Any) -> None:
    assert entry_with(story, "The next day")["date"] == "2025-05-14"
    assert entry_with(story, "Repairs to the flooded docks")["date"] == "2025-05-19"


def test_an_undated_article_is_anchored_on_its_own_dates_and_marked(story: Any) -> None:
    blog_only = [e for e in story.timeline if e["article_ids"] == ["blog"]]
    assert all(e["inferred"] for e in blog_only if "Tuesday" in " ".join(e["evidence"]))
    dated = [e for e in story.timeline if "wire" in e["article_ids"]]
    assert dated and not any(e["inferred"] for e in dated)


def test_the_timeline_is_sorted(story: Any) -> None:
    dates = [e["date"] for e in story.timeline]
    assert dates == sorted(dates)


def test_days_after_the_story_s_happening_count_from_its_day(story: Any) -> None:
    assert entry_with(story, "two days after the storm")["date"] == "2025-05-15"


DISPUTED = {
    "courier.txt": (
        "Date: 3 March 2025\n\n"
        "Mill fire in Harlow\n\n"
        "Police said the Harlow Front set fire to the grain mill in Harlow on Sunday. "
        "The Harlow Front denied that it set fire to the mill.\n"
    ),
    "herald.txt": (
        "Date: 4 March 2025\n\n"
        "Harlow mill burns\n\n"
        "The Harlow Front set fire to the grain mill in Harlow on Sunday, the fire brigade "
        "said. The group denied it.\n"
    ),
}


def test_a_disputed_claim_is_dated_only_with_its_sides(tmp_path: Any) -> None:
    story = analyse_texts(tmp_path, DISPUTED).stories[0]
    disputed = {c["id"]: c for c in story.claims if c["status"] == "disputed"}
    entries = [e for e in story.timeline if set(e["claim_ids"]) & set(disputed)]
    assert entries, (story.claims, story.timeline)
    for e in entries:
        claim = disputed[e["claim_ids"][0]]
        # not "Harlow Front set fire to the grain mill" as a fact of 2 March
        assert e["event"].startswith("disputed: ") and " deny: " in e["event"], e
        assert claim["text"] in e["event"]
