"""What the pages and data of the project under test say: the expectations of tests on the built
site, computed from docs/ and data/ so that adding a guide, re-reviewing one or adding a term,
an organisation or a news item never turns them red."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from saxonyhub.i18n import format_day
from saxonyhub.review import add_months
from site_build import PROJECT

DOCS = PROJECT / "docs"


def front_matter(path: Path) -> dict:
    """The YAML between the two leading ``---`` lines of a Markdown page."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    return yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n")) or {}


def published(path: Path) -> bool:
    return front_matter(path).get("draft") is not True


def guide_files(lang: str = "de") -> list[Path]:
    """The published guides of one language (never empty: a glob that finds nothing would let
    every loop over it pass)."""
    found = [
        p
        for p in sorted((DOCS / lang / "guides").glob("*.md"))
        if p.stem != "index" and published(p)
    ]
    assert found, f"no guides in docs/{lang}/guides/"
    return found


def guides() -> list[str]:
    return [path.stem for path in guide_files()]


@dataclass(frozen=True)
class Review:
    owner: str
    last_reviewed: dt.date
    review_by: dt.date


def review_of(path: Path) -> Review | None:
    """The review block of a page's front matter with its due date (12 months by default)."""
    block = front_matter(path).get("review")
    if block is None:
        return None
    last = block["last_reviewed"]
    return Review(block["owner"], last, add_months(last, block.get("interval_months", 12)))


def reviewed_pages() -> dict[str, Review]:
    """Every page of every language with a review block, by source path (docs/de/…)."""
    pages = {}
    for path in sorted(DOCS.rglob("*.md")):
        review = review_of(path)
        if review is not None:
            pages[path.relative_to(PROJECT).as_posix()] = review
    assert pages
    return pages


def glossary_terms() -> int:
    data = yaml.safe_load((PROJECT / "data/glossary.yml").read_text(encoding="utf-8"))
    terms = data["terms"] if isinstance(data, dict) else data
    assert terms
    return len(terms)


def legal_acts() -> int:
    data = yaml.safe_load((PROJECT / "data/legal_acts.yml").read_text(encoding="utf-8"))
    acts = data["acts"] if isinstance(data, dict) else data
    assert acts
    return len(acts)


def newest_news_day(lang: str) -> str:
    """The date of the newest published news item, as the news list writes it."""
    items = [p for p in (DOCS / lang / "news").glob("*.md") if p.stem != "index" and published(p)]
    assert items, f"no news in docs/{lang}/news/"
    return format_day(max(front_matter(p)["date"] for p in items), lang)
