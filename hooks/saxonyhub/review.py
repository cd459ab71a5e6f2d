"""Page review dates: when a page was checked, when it is due again, and who owns it.

Pure and clock-free: every function that needs "today" takes it as an argument, so builds stay
reproducible and tests use fixed dates. Pages decide "overdue" in the browser (see
docs/assets/javascripts/review-dates.js); `make validate` passes the real date for its notices.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from .i18n import page_url
from .page_meta import PageMeta, ReviewMeta
from .problems import Problem

SOON_DAYS = 60


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole calendar months; the 31st becomes the last day of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class PageReview:
    """The review state of one page."""

    owner: str
    last_reviewed: dt.date
    interval_months: int

    @classmethod
    def from_meta(cls, meta: ReviewMeta) -> PageReview:
        return cls(meta.owner, meta.last_reviewed, meta.interval_months)

    @property
    def review_by(self) -> dt.date:
        """The day the next review is due."""
        return add_months(self.last_reviewed, self.interval_months)

    def is_due(self, today: dt.date) -> bool:
        """True once ``review_by`` has passed: the page may be out of date."""
        return today > self.review_by

    def is_due_soon(self, today: dt.date, days: int = SOON_DAYS) -> bool:
        """True when the review falls due within ``days`` days but has not passed yet."""
        return not self.is_due(today) and (self.review_by - today).days <= days


@dataclass(frozen=True)
class ReviewEntry:
    """One reviewed page, as listed in reviews.json and on the staff page."""

    source: str  # docs/de/guides/mdr-overview.md
    title: str
    language: str
    url: str  # site-relative, e.g. "en/guides/mdr-overview/"
    review: PageReview

    def as_json(self) -> dict[str, str]:
        return {
            "page": self.title,
            "language": self.language,
            "url": self.url,
            "source": self.source,
            "owner": self.review.owner,
            "last_reviewed": self.review.last_reviewed.isoformat(),
            "review_by": self.review.review_by.isoformat(),
        }


def review_entries(metas: dict[str, PageMeta], default_lang: str) -> list[ReviewEntry]:
    """Entries for every page with review metadata, soonest due first."""
    entries = [
        ReviewEntry(
            source=f"docs/{relative}",
            title=meta.title,
            language=relative.split("/", 1)[0],
            url=page_url(relative, default_lang),
            review=PageReview.from_meta(meta.review),
        )
        for relative, meta in metas.items()
        if meta.review is not None
    ]
    return sorted(entries, key=lambda e: (e.review.review_by, e.source))


def due_notices(entries: list[ReviewEntry], today: dt.date) -> list[Problem]:
    """Notices for `make validate`: pages overdue or due within SOON_DAYS days."""
    notices = []
    for entry in entries:
        due = entry.review.review_by.isoformat()
        if entry.review.is_due(today):
            message = f"review overdue since {due}"
        elif entry.review.is_due_soon(today):
            message = f"review due on {due}"
        else:
            continue
        notices.append(
            Problem(
                entry.source,
                0,
                0,
                "review",
                f"{message} (owner: {entry.review.owner})",
                "check the page, then set review.last_reviewed to the day you checked it",
                severity="notice",
            )
        )
    return notices
