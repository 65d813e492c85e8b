"""Time expressions normalised against the publication date: formats, weekdays,
relative days, weeks, months and years, with properties checked over any date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rashomon.nlp.temporal import find_times, weekday_date

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PUB = date(2020, 10, 28)  # a Wednesday


def values(text: str, anchor: date | None = PUB) -> list[tuple[str, str | None, str]]:
    return [(t.text, t.value, t.precision) for t in find_times(text, anchor)]


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("The talks were held on 27 October 2020 in Moscow.", "2020-10-27", "day"),
        ("The talks were held on October 27, 2020 in Moscow.", "2020-10-27", "day"),
        ("The talks were held on Oct. 27, 2020 in Moscow.", "2020-10-27", "day"),
        ("The file is dated 2020-10-27 in the archive.", "2020-10-27", "day"),
        ("The plan was drafted in October 2019 by the council.", "2019-10", "month"),
        ("A ceasefire, agreed in 1994, failed to end the war.", "1994", "year"),
        ("Fighting broke out on September 27 near the border.", "2020-09-27", "day"),
        ("The summit opened on 3 November.", "2019-11-03", "day"),
    ],
)
def test_dates_in_common_formats(text: str, value: str, precision: str) -> None:
    found = values(text)
    assert (value, precision) in [(v, p) for _, v, p in found], found


def test_a_day_without_a_year_after_publication_in_a_future_sentence() -> None:
    assert values("The envoys will meet on 3 November.")[0][1] == "2020-11-03"


def test_relative_days_weeks_months_and_years() -> None:
    text = (
        "It happened yesterday. Officials spoke today and will return tomorrow. "
        "The French government said last week that talks stalled. "
        "Prices rose last month and this year. Elections are due next year."
    )
    got = {t: v for t, v, _ in values(text)}
    assert got["yesterday"] == "2020-10-27" and got["today"] == "2020-10-28"
    assert got["tomorrow"] == "2020-10-29"
    assert got["last week"] == "2020-W43"
    assert got["last month"] == "2020-09" and got["this year"] == "2020"
    assert got["next year"] == "2021"


def test_parts_of_months_and_bounds() -> None:
    found = find_times("Since late September, clashes have continued until mid-October.", PUB)
    late = next(t for t in found if "September" in t.text)
    assert (late.value, late.precision, late.part) == ("2020-09", "month", "late")
    mid = next(t for t in found if "October" in t.text)
    assert (mid.value, mid.part) == ("2020-10", "mid")
    since = find_times("The toll has reached 1,068 since September 27.", PUB)
    assert since[0].relation == "since" and since[0].value == "2020-09-27"


def test_the_next_day_counts_from_the_last_date() -> None:
    found = values("The leaders spoke on October 27. The next day, shelling resumed.")
    assert found[-1][:2] == ("The next day", "2020-10-28")


def test_days_after_a_happening_count_from_the_day_the_text_gives_it() -> None:
    found = values(
        "Refugees crossed the border two days after the shelling. The shelling of the "
        "town began on October 20."
    )
    assert found[0][:2] == ("two days after the shelling", "2020-10-22")


def test_days_after_a_happening_the_text_does_not_date_count_from_the_story_s_day() -> None:
    found = find_times("Crowds gathered a week after the attack.", PUB, date(2020, 10, 20))
    assert (found[0].value, found[0].precision) == ("2020-10-27", "day")
    undated = find_times("Crowds gathered a week after the attack.", PUB)
    assert undated[0].value is None


def test_the_day_of_an_offset_s_own_sentence_is_not_the_happening_s_day() -> None:
    found = values("On Thursday, two days after the attack, crowds gathered.")
    assert dict((t, v) for t, v, _ in found)["two days after the attack"] is None


def test_without_a_publication_date_only_absolute_dates_resolve() -> None:
    found = {t: v for t, v, _ in values("On 27 October 2020 it began; on Tuesday it ended.", None)}
    assert found["27 October 2020"] == "2020-10-27"
    assert found["Tuesday"] is None


def test_numbers_are_not_years() -> None:
    assert values("The toll rose to 1,068 and then to 2,000 people in all.") == []


def test_may_the_verb_is_not_a_month() -> None:
    assert values("The toll may rise in may be days.") == []


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)), st.integers(0, 6))
def test_a_weekday_is_the_latest_such_day_on_or_before_publication(anchor: date, day: int) -> None:
    found = find_times(f"The strike came on {DAYS[day]}.", anchor)
    when = date.fromisoformat(found[0].value or "")
    assert when.weekday() == day
    assert timedelta(0) <= anchor - when < timedelta(days=7)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)), st.integers(0, 6))
def test_a_weekday_in_the_future_tense_is_after_publication(anchor: date, day: int) -> None:
    found = find_times(f"The ministers will meet on {DAYS[day]}.", anchor)
    when = date.fromisoformat(found[0].value or "")
    assert when.weekday() == day
    assert timedelta(0) < when - anchor <= timedelta(days=7)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)), st.integers(0, 6))
def test_last_and_next_weekday_are_strictly_before_and_after(anchor: date, day: int) -> None:
    last = weekday_date(day, anchor, "last", future=False)
    nxt = weekday_date(day, anchor, "next", future=False)
    assert last < anchor < nxt
    assert last.weekday() == day == nxt.weekday()
    assert (anchor - last).days <= 7 and (nxt - anchor).days <= 7


@given(st.dates(min_value=date(1990, 1, 2), max_value=date(2060, 12, 30)))
def test_yesterday_and_tomorrow_cross_month_and_year_boundaries(anchor: date) -> None:
    got = {t: v for t, v, _ in values("It began yesterday and ends tomorrow.", anchor)}
    assert got["yesterday"] == (anchor - timedelta(days=1)).isoformat()
    assert got["tomorrow"] == (anchor + timedelta(days=1)).isoformat()


def test_leap_days() -> None:
    assert values("It was signed on 29 February 2024.")[0][1] == "2024-02-29"
    assert values("It was signed on 29 February 2023.") == []  # no such day
    # a 29 February without a year is the last leap day on or before publication
    assert values("It was signed on 29 February.", date(2024, 3, 1))[0][1] == "2024-02-29"


def test_the_tense_is_read_from_the_expression_s_own_clause() -> None:
    anchor = date(2025, 3, 13)  # a Thursday
    said = find_times("The spokesman said on Wednesday that they will never arm anyone.", anchor)
    assert said[0].value == "2025-03-12"
    until = find_times("Trains would be replaced by buses until at least Sunday.", anchor)
    assert until[0].value == "2025-03-16" and until[0].relation == "until"


def test_weeks_of_months_and_weekends() -> None:
    anchor = date(2025, 3, 13)  # a Thursday
    got = {
        t.text: t.value
        for t in find_times(
            "The weapons crossed in the last week of February. Rain is expected over the "
            "weekend. Last weekend was dry.",
            anchor,
        )
    }
    assert got["the last week of February"] == "2025-W09"
    assert got["over the weekend"] == "2025-W11"
    assert got["Last weekend"] == "2025-W10"
