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


def test_a_headline_amount_is_the_outlet_s_and_a_reported_toll_the_speaker_s(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    report = analyse_texts(
        tmp_path_factory.mktemp("port"),
        {
            "gazette.txt": (
                "Blast at Vell port kills at least 20\n\n"
                "A blast tore through the port of Vell on Monday. The Vell government puts "
                "the toll at 14.\n"
            ),
            "ledger.txt": (
                "Port of Vell hit by blast\n\n"
                "A blast tore through the port of Vell on Monday, destroying two cranes. "
                "Fourteen people were killed, officials said.\n"
            ),
        },
    )
    quantities = report.stories[0].quantities
    headline = next(q for q in quantities if q["in_title"])
    assert (headline["article_id"], headline["text"], headline["value"]) == (
        "gazette",
        "at least 20",
        [20, None],
    )
    assert headline["sentence"] == "Blast at Vell port kills at least 20"
    toll = next(q for q in quantities if q["text"] == "14")
    # the government's figure, not the outlet's: its speaker is the story's entity
    assert toll["attribution_id"] is not None and toll["stated_by"] == "Vell"
    conflict = next(c for c in report.stories[0].conflicts if c["kind"] == "quantity")
    assert "at least 20" in {i["text"] for i in conflict["items"]}


def _amount(counted: str | None, event: str) -> Any:
    from rashomon.nlp.quantities import Quantity

    return Quantity(0, 2, "14", 14.0, 14.0, False, counted, event, 0)


@pytest.mark.parametrize(
    ("counted", "event", "expected"),
    [
        ("civilian", "kill", "people killed"),
        ("shopper", "fear", "people killed"),
        (None, "toll", "people killed"),  # "the toll stands at 14"
        (None, "kill", "people killed"),  # "hundreds have been killed"
        ("militant", "send", "fighters sent"),
        ("year", "kill", None),  # "a 66-year-old woman was killed": an age
        ("time", "arrest", None),  # "arrested four times"
        (None, "leave", None),  # "with 14:05 left"
        ("point", "bring", None),
    ],
)
def test_a_measure_is_a_count_of_people_and_what_happened_to_them(
    counted: str | None, event: str, expected: str | None
) -> None:
    from rashomon.compare.numbers import measure

    assert measure(_amount(counted, event)) == expected
