"""Guides in the browser: the review box turns into a warning once its date has passed, decided
by the page's own script against the reader's clock (fixed here, so the tests never age)."""

from __future__ import annotations

import datetime as dt

import pytest

from browser_support import PageProbe
from site_build import PROJECT
from site_content import review_of

# A day in the life of the fixture site: the 2000 guide is long overdue, the current one is not.
TODAY = dt.datetime(2027, 1, 15, 12, 0)
SOON = dt.datetime(2027, 10, 15, 12, 0)  # 39 days before the current guide's due date


def open_on(probe: PageProbe, url: str, when: dt.datetime) -> None:
    probe.page.clock.set_fixed_time(when)
    probe.page.goto(url)


@pytest.mark.parametrize(
    ("path", "warning"),
    [
        ("guides/overdue/", "Möglicherweise nicht mehr aktuell"),
        ("en/guides/overdue/", "This page may be out of date"),
    ],
)
def test_guide_reviewed_in_2000_shows_the_overdue_warning(
    probe: PageProbe, served_review_fixture: str, path, warning
):
    open_on(probe, served_review_fixture + path, TODAY)
    overdue = probe.page.locator(".hub-review__overdue")
    assert overdue.is_visible()
    assert overdue.locator(".admonition-title").inner_text() == warning
    assert "hub-review--overdue" in probe.page.locator(".hub-review").get_attribute("class")
    assert probe.page.locator(".hub-review").get_attribute("data-hub-review-state") == "overdue"
    assert probe.console_errors == []


@pytest.mark.parametrize("path", ["guides/current/", "en/guides/current/"])
def test_current_guide_shows_no_warning(probe: PageProbe, served_review_fixture: str, path):
    open_on(probe, served_review_fixture + path, TODAY)
    # The built page has no state: only review-dates.js sets it, so this proves the script ran
    # and decided "current" (the warning is hidden in the HTML from the start).
    box = probe.page.locator('.hub-review[data-hub-review-state="current"]')
    box.wait_for(state="attached", timeout=5000)
    assert "hub-review--overdue" not in box.get_attribute("class")
    assert probe.page.locator(".hub-review__facts").is_visible()
    assert not probe.page.locator(".hub-review__overdue").is_visible()
    assert probe.console_errors == []


def test_the_same_page_goes_out_of_date_without_a_rebuild(
    probe: PageProbe, served_review_fixture: str
):
    open_on(probe, served_review_fixture + "guides/current/", dt.datetime(2027, 11, 24, 9, 0))
    assert probe.page.locator(".hub-review__overdue").is_visible()


def test_staff_schedule_lists_overdue_and_soon_due_pages(
    probe: PageProbe, served_review_fixture: str
):
    open_on(probe, served_review_fixture + "staff/reviews/", SOON)
    rows = probe.page.locator("tr[data-hub-due]:visible")
    assert rows.count() == 4
    states = [row.locator("[data-hub-state-label]:visible").inner_text() for row in rows.all()]
    assert states == ["Überfällig", "Überfällig", "Bald fällig", "Bald fällig"]
    open_on(probe, served_review_fixture + "staff/reviews/", TODAY)
    assert probe.page.locator("tr[data-hub-due]:visible").count() == 2


def test_real_guides_are_current_on_the_day_of_their_review(probe: PageProbe, served_site: str):
    review = review_of(PROJECT / "docs/de/guides/mdr-overview.md")
    assert review is not None
    day = review.last_reviewed
    open_on(probe, served_site + "guides/mdr-overview/", dt.datetime(day.year, day.month, day.day))
    box = probe.page.locator('.hub-review[data-hub-review-state="current"]')
    box.wait_for(state="attached", timeout=5000)
    assert not probe.page.locator(".hub-review__overdue").is_visible()
    assert probe.console_errors == []
