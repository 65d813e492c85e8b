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


@pytest.mark.parametrize(
    ("sentence", "amount", "measured"),
    [
        ("In 2004, a huge quake off Aceh set off a tsunami that killed 230,000 people.",
         "230,000", "people killed in 2004"),
        ("The 2004 tsunami that killed about 170,000 people in Aceh was triggered by a quake.",
         "about 170,000", "people killed in 2004"),
        ("In the 2006 war, 28 civilians were killed in a bombing.", "28", "people killed in 2006"),
        ("The catastrophe four years ago killed more than 230,000 people.",
         "more than 230,000", "people killed four years ago"),
        # this event: a year no earlier than the article's, or one it is measured from
        ("The quake on 2 March 2013 killed seven people.", "seven", "people killed"),
        ("The quake killed five people, the deadliest since 2004.", "five", "people killed"),
        ("At least 40 people were injured in the quakes, which revived memories of those "
         "that hit the town in 2002.", "At least 40", "people wounded"),
    ],
)  # fmt: skip
def test_an_amount_of_an_earlier_event_measures_that_event(
    sentence: str, amount: str, measured: str
) -> None:
    from rashomon.compare.numbers import dated_measure, latest_year
    from rashomon.nlp.models import load_nlp
    from rashomon.nlp.quantities import find_quantities

    doc = load_nlp()(f"A strong quake struck Aceh on 2 March 2013. {sentence}")
    found = {q.text: q for q in find_quantities(doc)}
    assert dated_measure(found[amount], doc, latest_year(doc)) == measured


def test_a_toll_of_an_earlier_event_is_not_in_conflict_with_this_one(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    report = analyse_texts(tmp_path_factory.mktemp("aceh"), {
        "a.txt": (
            "Quake kills five in Aceh\n\n"
            "A strong earthquake struck Aceh on 2 March 2013, killing at least five "
            "people, officials said. In 2004, a huge earthquake off Aceh set off a tsunami "
            "that killed 230,000 people across Asia.\n"
        ),
        "b.txt": (
            "Aceh quake toll rises to seven\n\n"
            "The earthquake that hit Aceh on 2 March 2013 killed seven people, the "
            "disaster agency said.\n"
        ),
        # names no year of its own: the story's other articles give it
        "c.txt": (
            "Aceh shaken again\n\n"
            "The earthquake that hit Aceh on Saturday killed seven people, officials said. "
            "In 2004, a tsunami off Aceh killed 170,000 people in the province.\n"
        ),
    })  # fmt: skip
    (story,) = report.stories
    conflicts = [c for c in story.conflicts if c["kind"] == "quantity"]
    for c in conflicts:
        said = {i["text"] for i in c["items"]}
        assert not (said & {"230,000", "170,000"} and said & {"seven", "at least five"}), c
    tolls = [c for c in story.claims if c.get("differs_on") == "people killed"]
    assert all("0,000" not in c["text"] for c in tolls), [c["text"] for c in story.claims]


def test_tolls_of_two_places_do_not_conflict_and_of_one_place_do(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    report = analyse_texts(tmp_path_factory.mktemp("bener"), {
        "a.txt": (
            "Quake strikes Aceh\n\n"
            "The earthquake killed twelve people in Bener district on Monday, the "
            "district chief said. Rescuers searched the ruins all night.\n"
        ),
        "b.txt": (
            "Aceh earthquake toll\n\n"
            "The earthquake killed 40 people in Aceh province on Monday, the disaster "
            "agency said. Rescuers searched the ruins all night.\n"
        ),
        "c.txt": (
            "Aceh quake toll feared higher\n\n"
            "The earthquake killed at least 90 people in Aceh province on Monday, a "
            "hospital official said. Rescuers searched the ruins all night.\n"
        ),
    })  # fmt: skip
    (story,) = report.stories
    pairs = [{i["text"] for i in c["items"]} for c in story.conflicts if c["kind"] == "quantity"]
    # the district's toll and the province's may both be true
    assert not any({"twelve", "40"} <= {t.lower() for t in said} for said in pairs), pairs
    # the province's two tolls cannot
    assert any({"40", "at least 90"} <= said for said in pairs), pairs
