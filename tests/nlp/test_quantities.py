"""Amounts and what they count, and when two amounts of one thing conflict.
Sentences are written for these tests."""

from __future__ import annotations

import math

import pytest

from rashomon.nlp.models import load_nlp
from rashomon.nlp.quantities import Quantity, compatible, find_quantities


def amounts(text: str) -> list[Quantity]:
    return find_quantities(load_nlp()(text))


def one(text: str) -> Quantity:
    found = amounts(text)
    assert len(found) == 1, [(q.text, q.value) for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "approximate", "counted", "event"),
    [
        ("Officials said 12 people were killed in the blast.", 12, False, "people", "kill"),
        ("At least 64 militants were killed in the clashes.", [64, None], False, "militant",
         "kill"),
        ("More than 1,000 soldiers were sent to the front.", [1001, None], False, "soldier",
         "send"),
        ("Hundreds of fighters were transferred to the region.", [200, 999], True, "fighter",
         "transfer"),
        ("Several dozen separatist fighters died overnight.", [24, 99], True, "fighter", "die"),
        ("Thirty-one people were wounded in the attack.", 31, False, "people", "wound"),
        ("As many as 40 people may have died.", [0, 40], False, "people", "die"),
        ("Between 30 and 40 houses were destroyed.", [30, 40], True, "house", "destroy"),
        ("About 300 families were evacuated.", [270, 330], True, "family", "evacuate"),
        ("The government puts the toll at 14.", 14, False, None, "toll"),
        ("Dozens feared dead as drones hit the port", [24, 99], True, None, "fear"),
        ("Drones were seen over the harbour twice in February.", 2, False, None, "see"),
    ],
)  # fmt: skip
def test_amounts_and_what_they_count(
    text: str, value: object, approximate: bool, counted: str | None, event: str
) -> None:
    q = one(text)
    assert q.value == value
    assert q.approximate is approximate
    assert (q.counted, q.event) == (counted, event)


def test_dates_years_times_and_percentages_are_not_counts() -> None:
    text = (
        "On 27 October 2020 at 9 am, prices rose 5 percent, the highest since 1994, "
        "and the ceasefire of 2019 held for 3 days."
    )
    assert amounts(text) == []


def test_compatibility_of_intervals() -> None:
    def q(low: float, high: float) -> Quantity:
        return Quantity(0, 1, "x", low, high, False, None, "kill", 0)

    at_least_64, seventy = q(64, math.inf), q(70, 70)
    hundreds, thousands, three_hundred = q(200, 999), q(2000, 9999), q(300, 300)
    assert compatible(at_least_64, seventy)
    assert not compatible(hundreds, thousands)
    assert compatible(three_hundred, hundreds)
    assert not compatible(q(12, 12), q(14, 14))


def test_round_trip_through_the_cache() -> None:
    for q in amounts("At least 64 militants were killed and hundreds were wounded."):
        assert Quantity.from_list(q.to_list()) == q


def test_a_bare_amount_of_their_number_counts_the_subject_of_the_sentence_before() -> None:
    found = amounts(
        "Volunteers from abroad are said to be joining the militia. Estimates of their "
        "number range from a few dozen to several hundred."
    )
    assert [(q.text, q.counted, q.event) for q in found] == [
        ("a few dozen", "volunteer", "join"),
        ("several hundred", "volunteer", "join"),
    ]


def test_held_counts_only_those_who_are_held() -> None:
    # a funeral is held, not the victims: no arrest to compare with other counts
    assert one("A funeral for seven of the victims will be held on Saturday.").event is None
    assert one("Police held 12 protesters overnight.").event == "hold"
    assert one("Three journalists are being held by the rebels.").event == "hold"


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # text converted from tokens, with a space after the thousands' comma
        ("The tsunami killed 230, 000 people across Asia.", [230000]),
        ("More than 1, 000 people were killed in the war.", [[1001, None]]),
        # a day and a count stay two numbers
        ("On May 5, 300 people were arrested.", [300]),
    ],
)
def test_a_thousands_comma_with_a_space_after_it_is_one_number(
    text: str, values: list[object]
) -> None:
    assert [q.value for q in amounts(text)] == values
