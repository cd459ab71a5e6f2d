"""Fixture sites from tests/fixtures/, built with the real hooks, templates and data."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from saxonyhub.acts import load_legal_acts

ROOT = Path(__file__).resolve().parents[2]


def soup_of(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_unknown_act_and_malformed_locator_fail_the_build_with_file_and_line(build_scenario):
    result = build_scenario("unknown-act")
    assert result.returncode != 0
    acts, _ = load_legal_acts(ROOT / "data/legal_acts.yml", "data/legal_acts.yml")
    assert (
        "docs/de/guides/broken.md:15:27: citation: unknown legal act 'FOO' in [[FOO Art. 1]] "
        f"— hint: valid act ids are {', '.join(sorted(acts.by_id()))} (see data/legal_acts.yml)"
    ) in result.stderr
    assert "docs/de/guides/broken.md:17:42: citation: cannot read the locator 'Article 5'" in (
        result.stderr
    )
    assert "2 errors found." in result.stderr and "[[FOO]]" not in result.stderr


def test_review_fixture_boxes_carry_their_due_dates(review_fixture_site: Path):
    for prefix in ("", "en/"):
        overdue = soup_of(review_fixture_site, f"{prefix}guides/overdue").select_one(".hub-review")
        current = soup_of(review_fixture_site, f"{prefix}guides/current").select_one(".hub-review")
        assert overdue["data-hub-review-due"] == "2001-01-15"
        assert current["data-hub-review-due"] == "2027-11-23"
        # Only review-dates.js decides overdue or current (tests/browser/test_review_dates.py).
        assert not overdue.has_attr("data-hub-review-state")
        assert not current.has_attr("data-hub-review-state")


def test_outdated_translation_shows_an_english_notice_linking_the_german_page(
    review_fixture_site: Path,
):
    notice = soup_of(review_fixture_site, "en/guides/current").select_one(".hub-translation-notice")
    assert notice["lang"] == "en"
    assert "The German version of this page has changed" in notice.get_text()
    assert notice.a["href"] == "../../../guides/current/" and notice.a["hreflang"] == "de"
    for path in ("guides/current", "en/guides/overdue"):
        assert not soup_of(review_fixture_site, path).select(".hub-translation-notice")


def test_review_schedule_lists_every_reviewed_page(review_fixture_site: Path):
    rows = soup_of(review_fixture_site, "staff/reviews").select("tr[data-hub-due]")
    assert [row["data-hub-due"] for row in rows] == ["2001-01-15"] * 2 + ["2027-11-23"] * 2


def test_help_box_links_each_service_to_its_page(review_fixture_site: Path):
    for prefix in ("", "en/"):
        current = soup_of(review_fixture_site, f"{prefix}guides/current").select_one(".hub-help")
        assert [a["href"] for a in current.select("li a")] == ["../../services/startup-support/"]
        overdue = soup_of(review_fixture_site, f"{prefix}guides/overdue").select_one(".hub-help")
        links = [a["href"] for a in overdue.select("li a")]
        assert links == ["../../services/regulatory-market-access/"]
        for link in links:
            page = review_fixture_site / prefix / "guides/overdue" / link / "index.html"
            assert page.resolve().is_file()
