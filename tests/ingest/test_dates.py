"""Dates as inputs state them, to ISO: every common written form, never invented."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rashomon.ingest.dates import to_iso_date

PAST = st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31))
FORMATS = [
    "%Y-%m-%d",
    "%Y-%m-%dT%H:%M:%S+00:00",
    "%d %B %Y",
    "%B %d, %Y",
    "%b %d, %Y 13:32 UTC",
    "%a, %d %b %Y 08:00:00 +0000",
    "%A, %d %B %Y",
    "Published: %B %d, %Y",
    "%Y%m%d",
]


@given(day=PAST, fmt=st.sampled_from(FORMATS))
def test_any_written_date_reads_back_to_the_same_day(day: date, fmt: str) -> None:
    text = datetime(day.year, day.month, day.day).strftime(fmt)
    assert to_iso_date(text) == day.isoformat()


@given(day=PAST)
def test_unambiguous_numeric_dates(day: date) -> None:
    if day.day > 12:
        assert to_iso_date(f"{day.day:02d}/{day.month:02d}/{day.year}") == day.isoformat()
        assert to_iso_date(f"{day.month:02d}/{day.day:02d}/{day.year}") == day.isoformat()


@given(day=PAST)
def test_ambiguous_numeric_dates_are_not_guessed(day: date) -> None:
    if day.day <= 12 and day.day != day.month:
        assert to_iso_date(f"{day.day:02d}/{day.month:02d}/{day.year}") is None


@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    got = to_iso_date(text)
    assert got is None or len(got) in (4, 7, 10)


@given(st.integers(min_value=1_000_000_000, max_value=1_735_689_600))
def test_epoch_seconds_and_milliseconds(seconds: int) -> None:
    want = datetime.fromtimestamp(seconds, UTC).date().isoformat()
    assert to_iso_date(seconds) == want
    assert to_iso_date(seconds * 1000) == want
    assert to_iso_date(str(seconds)) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [("March 2024", "2024-03"), ("2019", "2019"), ("29 February 2024", "2024-02-29"),
     ("29 February 2023", None), ("Feb 30, 2020", None), ("not a date", None), ("", None)],
)  # fmt: skip
def test_precision_and_impossible_dates(text: str, want: str | None) -> None:
    assert to_iso_date(text) == want


def test_future_dates_are_refused() -> None:
    later = (datetime.now(UTC) + timedelta(days=40)).date()
    assert to_iso_date(later.isoformat()) is None
