from __future__ import annotations

import datetime as dt

import pytest

from saxonyhub.i18n import page_url
from saxonyhub.page_meta import PageMeta
from saxonyhub.review import PageReview, add_months, due_notices, review_entries

D = dt.date


def review(last: str, months: int = 12) -> PageReview:
    return PageReview("cluster-office", D.fromisoformat(last), months)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2026-11-23", 12, "2027-11-23"),
        ("2026-11-23", 3, "2027-02-23"),
        ("2027-01-31", 1, "2027-02-28"),
        ("2028-01-31", 1, "2028-02-29"),
        ("2026-08-31", 6, "2027-02-28"),
        ("2000-01-15", 36, "2003-01-15"),
    ],
)
def test_add_months_keeps_the_day_or_uses_the_month_end(start, months, expected):
    assert add_months(D.fromisoformat(start), months) == D.fromisoformat(expected)


def test_page_review_is_due_only_after_review_by():
    page = review("2026-11-23")
    assert page.review_by == D(2027, 11, 23)
    assert not page.is_due(D(2027, 11, 23))
    assert page.is_due(D(2027, 11, 24))


def test_page_review_is_due_soon_within_sixty_days_before_review_by():
    page = review("2026-11-23")
    assert not page.is_due_soon(D(2027, 9, 23))  # 61 days before
    assert page.is_due_soon(D(2027, 9, 24))  # 60 days before
    assert page.is_due_soon(D(2027, 11, 23))
    assert not page.is_due_soon(D(2027, 11, 24))  # overdue, not "soon"


def test_a_page_reviewed_in_2000_is_overdue():
    assert review("2000-01-15").is_due(D(2026, 11, 23))


@pytest.mark.parametrize(
    ("path", "url"),
    [
        ("de/index.md", ""),
        ("en/index.md", "en/"),
        ("de/guides/index.md", "guides/"),
        ("en/guides/mdr-overview.md", "en/guides/mdr-overview/"),
    ],
)
def test_page_url_follows_the_folder_layout(path, url):
    assert page_url(path, "de") == url


def meta(last: str) -> PageMeta:
    return PageMeta.model_validate(
        {
            "title": "Ein Leitfaden",
            "description": "Eine Beschreibung, die lang genug ist.",
            "review": {"owner": "cluster-office", "last_reviewed": last},
        }
    )


def test_review_entries_list_reviewed_pages_soonest_first():
    metas = {
        "de/guides/b.md": meta("2026-11-23"),
        "en/guides/a.md": meta("2000-01-15"),
        "de/index.md": PageMeta(title="Start", description="Eine Startseite mit Text."),
    }
    entries = review_entries(metas, "de")
    assert [(e.source, e.url, e.language) for e in entries] == [
        ("docs/en/guides/a.md", "en/guides/a/", "en"),
        ("docs/de/guides/b.md", "guides/b/", "de"),
    ]
    assert entries[0].as_json()["review_by"] == "2001-01-15"


def test_due_notices_name_overdue_and_soon_due_pages():
    metas = {
        "de/guides/old.md": meta("2000-01-15"),
        "de/guides/soon.md": meta("2026-01-10"),
        "de/guides/new.md": meta("2026-11-23"),
    }
    notices = due_notices(review_entries(metas, "de"), D(2026, 11, 23))
    assert [(n.file, n.severity) for n in notices] == [
        ("docs/de/guides/old.md", "notice"),
        ("docs/de/guides/soon.md", "notice"),
    ]
    assert "overdue since 2001-01-15" in notices[0].message
    assert "due on 2027-01-10" in notices[1].message
