"""Date ranges as readers of each language write them."""

from __future__ import annotations

import datetime as dt

import pytest

from saxonyhub.i18n import format_day_range

D = dt.date


@pytest.mark.parametrize(
    ("start", "end", "de", "en"),
    [
        (D(2022, 10, 24), D(2022, 10, 26), "24.–26. Oktober 2022", "24–26 October 2022"),
        (
            D(2018, 1, 30),
            D(2018, 2, 2),
            "30. Januar – 2. Februar 2018",
            "30 January – 2 February 2018",
        ),
        (
            D(2026, 12, 30),
            D(2027, 1, 2),
            "30. Dezember 2026 – 2. Januar 2027",
            "30 December 2026 – 2 January 2027",
        ),
        (D(2027, 4, 13), None, "13. April 2027", "13 April 2027"),
        (D(2027, 4, 13), D(2027, 4, 13), "13. April 2027", "13 April 2027"),
    ],
)
def test_day_range_shares_what_both_days_have(start, end, de, en):
    assert format_day_range(start, end, "de") == de
    assert format_day_range(start, end, "en") == en
