"""The site as a visitor uses it: language switch, 404s, privacy, a11y (search: test_search.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from browser_support import PageProbe, open_search, results, run_axe, type_query

ROOT = Path(__file__).resolve().parents[2]

# One page of each type in each language.
PAGE_TYPES = {
    "home": ("", "en/"),
    "news index": ("news/", "en/news/"),
    "news item": ("news/2018-11-02-innovation-cluster/", "en/news/2018-11-02-innovation-cluster/"),
    "legal": ("impressum/", "en/impressum/"),
    "guides index": ("guides/", "en/guides/"),
    "guide": ("guides/mdr-overview/", "en/guides/mdr-overview/"),
    "glossary": ("glossary/", "en/glossary/"),
    "legal act": ("legal/sgb-v/", "en/legal/sgb-v/"),
    "staff page": ("staff/reviews/", "en/staff/translations/"),
}
ALL_PAGES = [path for pair in PAGE_TYPES.values() for path in pair]


def test_language_switch_lands_on_counterpart_page(probe: PageProbe, served_site: str):
    page = probe.page
    page.goto(served_site + "news/2018-11-02-innovation-cluster/")
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="en"]').click()
    page.wait_for_url(re.compile(r"/en/news/2018-11-02-innovation-cluster/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert "launched" in page.locator("h1").inner_text()


@pytest.mark.parametrize(
    ("path", "heading"),
    [("gibt-es-nicht/", "Seite nicht gefunden"), ("en/does-not-exist/", "Page not found")],
)
def test_404_page_is_in_the_language_of_the_address(
    probe: PageProbe, served_site: str, path, heading
):
    response = probe.page.goto(served_site + path)
    assert response.status == 404
    assert probe.page.locator("h1").inner_text() == heading
    # Chromium logs the document's own 404 status; anything else would be a real error.
    assert [e for e in probe.console_errors if "status of 404" not in e] == []


@pytest.mark.parametrize("path", ALL_PAGES)
def test_page_loads_only_from_this_host_and_logs_no_errors(
    probe: PageProbe, served_site: str, path
):
    probe.page.goto(served_site + path, wait_until="networkidle")
    foreign = [url for url in probe.requests if not url.startswith("http://127.0.0.1:")]
    assert foreign == []
    assert probe.console_errors == []


@pytest.mark.parametrize("path", ALL_PAGES)
def test_page_has_no_serious_accessibility_violations(probe: PageProbe, served_site: str, path):
    probe.page.goto(served_site + path)
    violations = [v for v in run_axe(probe.page) if v["impact"] in {"serious", "critical"}]
    assert [
        f"{v['id']}: {v['help']} @ {[n['target'] for n in v['nodes']][:3]}" for v in violations
    ] == []


def test_phone_layout_has_no_horizontal_scroll(phone_probe: PageProbe, served_site: str):
    for path in ALL_PAGES:
        phone_probe.page.goto(served_site + path)
        overflow = phone_probe.page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path


@pytest.mark.parametrize(("prefix", "query"), [("", "Herzchirurgie"), ("en/", "cardiac")])
def test_search_leads_to_the_organisation_profile(
    probe: PageProbe, served_site: str, prefix: str, query: str
):
    # The Herzzentrum Leipzig's summary: the profile is the hit, not the lists that name it.
    probe.page.goto(served_site + prefix)
    open_search(probe.page)
    type_query(probe.page, query)
    pages = {href.split("#")[0] for href in results(probe.page)}
    assert served_site + prefix + "organisations/herzzentrum-leipzig/" in pages
    lists = ("/organisations/", "/locations/leipzig/")
    listing = [p for p in pages if "/technologies/" in p or p.endswith(lists)]
    assert listing == [], pages


@pytest.mark.parametrize("width", [375, 360, 320, 280])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_phone_header_shows_the_whole_short_site_name(
    phone_probe: PageProbe, served_site: str, prefix: str, width: int
):
    page = phone_probe.page
    page.set_viewport_size({"width": width, "height": 640})
    page.goto(served_site + prefix)
    name = page.locator(".md-header__topic").first.locator(".md-ellipsis")
    assert name.evaluate("e => e.scrollWidth <= e.clientWidth")  # not cut at the side
    box, header = name.bounding_box(), page.locator(".md-header").bounding_box()
    assert box and header
    # Where it wraps (narrower than 375 px), its lines stay within the header's height.
    lines = name.evaluate("e => parseFloat(getComputedStyle(e, '::after').height) || 0")
    assert lines <= header["height"]
    # and left of the first button (colour scheme, language, search)
    buttons = page.locator(".md-header__option, .md-header__button[for='__search']")
    lefts = [
        b["x"] for b in map(lambda i: buttons.nth(i).bounding_box(), range(buttons.count())) if b
    ]
    assert lefts and box["x"] + box["width"] <= min(lefts)
    shown = name.evaluate("e => getComputedStyle(e, '::after').content")
    labels = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))
    short = labels["site.short_name"][prefix.strip("/") or "de"]
    assert short in shown
