"""Numbers across a story: who states each amount, and conflicts only where two
sources' amounts of the same thing cannot both hold. Articles written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import analyse_texts

ARTICLES = {
    "north.txt": (
        "Fighting spreads in the Aral valley\n\n"
        "At least 64 militants were killed in the Aral valley on Monday, the regional "
        "governor said. Hundreds of fighters were sent to the valley from the north.\n"
    ),
    "south.txt": (
        "Aral valley clashes continue\n\n"
        "Seventy militants were killed in the Aral valley on Monday. Thousands of fighters "
        "have been sent to the valley, according to a monitoring group.\n"
    ),
}


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Any:
    report = analyse_texts(tmp_path_factory.mktemp("aral"), ARTICLES)
    assert len(report.stories) == 1
    return report.stories[0]


def test_every_amount_is_listed_with_its_evidence(story: Any) -> None:
    values = {(q["article_id"], q["text"]): q for q in story.quantities}
    assert values[("north", "At least 64")]["value"] == [64, None]
    assert values[("south", "Seventy")]["value"] == 70
    hundreds = values[("north", "Hundreds")]
    assert hundreds["approximate"] and hundreds["sentence"].startswith("Hundreds of fighters")


def test_an_amount_inside_a_statement_is_stated_by_its_speaker(story: Any) -> None:
    thousands = next(q for q in story.quantities if q["text"] == "Thousands")
    assert thousands["attribution_id"] is not None
    assert "monitoring group" in thousands["stated_by"]


def test_incompatible_amounts_conflict_and_compatible_ones_do_not(story: Any) -> None:
    conflicts = [c for c in story.conflicts if c["kind"] == "quantity"]
    assert len(conflicts) == 1, conflicts
    conflict = conflicts[0]
    assert {i["article_id"] for i in conflict["items"]} == {"north", "south"}
    assert {i["text"] for i in conflict["items"]} == {"Hundreds", "Thousands"}
    assert all(i["evidence"] for i in conflict["items"])
