"""Every data item becomes a correct page in both languages; open data, calendars, JSON-LD."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from saxonyhub.datastore import load_store
from saxonyhub.directory import collation_key
from saxonyhub.names import display_name
from saxonyhub.search_index import indexed_pages
from site_build import PROJECT

STORE, _ = load_store(PROJECT)
LANGS = {"de": "", "en": "en/"}


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def jsonld(page: BeautifulSoup) -> dict:
    return json.loads(page.find("script", type="application/ld+json").string)


def mapped_ids(page) -> list[str]:
    """Every organisation on the page's map: single markers and the members of place markers,
    each exactly once; a place marker shows its number and links to its list on the page."""
    ids = [a["data-hub-marker"] for a in page.select("a.hub-map__marker[data-hub-marker]")]
    for place in page.select("a.hub-map__marker[data-hub-place]"):
        members = place["data-hub-place"].split()
        assert len(members) > 1 and place.select_one("[data-hub-count]").string == str(len(members))
        target = page.find(id=place["href"].removeprefix("#"))
        assert target is not None, place["href"]
        listed = [li["data-hub-place-item"] for li in target.select("[data-hub-place-item]")]
        assert listed == members
        ids += members
    return sorted(ids)


@pytest.mark.parametrize("lang", LANGS)
def test_every_organisation_has_a_profile_with_key_fields(built_site: Path, lang: str):
    for org in STORE.all("organisations"):
        page = soup(built_site, f"{LANGS[lang]}organisations/{org.id}")
        assert display_name(org, lang) in page.h1.get_text(), org.id
        assert org.summary.get(lang)[:40] in page.get_text(" ", strip=True).replace("\n", " ")
        assert page.find("meta", attrs={"name": "description"})["content"] == org.summary.get(lang)
        links = page.select(".md-content a[href*='technologies/']")
        tech_links = {a["href"].rstrip("/").split("/")[-1] for a in links}
        assert set(org.technologies) <= tech_links, org.id
        assert page.select_one(".hub-map__marker--current"), org.id


@pytest.mark.parametrize("lang", LANGS)
def test_organisation_jsonld_has_required_properties(built_site: Path, lang: str):
    for org in STORE.all("organisations"):
        data = jsonld(soup(built_site, f"{LANGS[lang]}organisations/{org.id}"))
        assert data["@type"] == "Organization" and data["name"] == display_name(org, lang)
        assert data["address"]["addressLocality"] == org.city
        assert data["description"] == org.summary.get(lang)
        assert data["url"].startswith("https://") or data["url"].startswith("http://127.0.0.1")


@pytest.mark.parametrize("lang", LANGS)
def test_every_service_region_and_event_has_a_page(built_site: Path, lang: str):
    prefix = LANGS[lang]
    for service in STORE.all("services"):
        page = soup(built_site, f"{prefix}services/{service.id}")
        assert page.h1.get_text(strip=True).rstrip("¶") == service.title.get(lang)
        assert STORE.get("contacts", service.contact).email in page.get_text()
    for region in STORE.all("regions"):
        page = soup(built_site, f"{prefix}locations/{region.id}")
        members = [o for o in STORE.all("organisations") if o.region == region.id]
        assert mapped_ids(page) == sorted(o.id for o in members)
    for event in STORE.all("events"):
        page = soup(built_site, f"{prefix}events/{event.id}")
        data = jsonld(page)
        assert data["@type"] == "Event" and data["startDate"] == event.start.isoformat()
        assert data["location"]["address"]["addressLocality"] == event.city


def test_every_technology_page_lists_its_organisations(built_site: Path):
    for tech in STORE.taxonomy.technologies:
        page = soup(built_site, f"technologies/{tech.id}")
        wanted = {tech.id, *(f.id for f in tech.fields)}
        tagged = [o for o in STORE.all("organisations") if wanted & set(o.technologies)]
        links = page.select(".md-content a[href*='organisations/']")
        listed = {a["href"].rstrip("/").split("/")[-1] for a in links}
        assert {o.id for o in tagged} == listed


@pytest.mark.parametrize("lang", LANGS)
def test_directory_lists_all_with_facets_and_map(built_site: Path, lang: str):
    page = soup(built_site, f"{LANGS[lang]}organisations")
    organisations = STORE.all("organisations")
    assert len(page.select("[data-hub-items] > li")) == len(organisations)
    assert mapped_ids(page) == sorted(o.id for o in organisations)
    counts = {box["value"] for box in page.select("input[name=type]")}
    assert counts == {o.type for o in organisations}
    # Laid out from the first paint when JavaScript runs (no layout shift); CSS hides it without.
    assert not page.select_one("form[data-hub-filter]").has_attr("hidden")
    assert 'classList.add("hub-js")' in page.select_one("head").decode()


@pytest.mark.parametrize("lang", LANGS)
def test_directory_is_in_german_order_and_carries_what_the_filter_searches(
    built_site: Path, lang: str
):
    page = soup(built_site, f"{LANGS[lang]}organisations")
    items = page.select("[data-hub-items] > li")
    names = [li.a.get_text() for li in items]
    assert names == sorted(names, key=collation_key)
    for li in items:
        org = STORE.get("organisations", li["data-id"])
        assert li.a.get_text() == display_name(org, lang)
        own = set(org.technologies)
        technologies = li["data-technology"].split()
        assert own <= set(technologies)  # sub-fields too, so ?technology=<sub-field> finds it
        assert set(technologies) - own <= {t.id for t in STORE.taxonomy.technologies}
        phrases = [
            p for f in (org.competences, org.offers, org.product_areas) if f for p in f.get(lang)
        ]
        hidden = li.get("data-words", "").split()
        assert all(any(word in p for p in phrases) for word in hidden), org.id
        shown = li.get_text(" ").lower()
        assert not [word for word in hidden if f" {word.lower()} " in f" {shown} "], org.id


@pytest.mark.parametrize("lang", LANGS)
def test_directory_sub_field_facets_sit_under_their_technology(built_site: Path, lang: str):
    page = soup(built_site, f"{LANGS[lang]}organisations")
    facet = page.select_one("fieldset[data-facet=technology]")
    organisations = STORE.all("organisations")
    shown = set()
    for tech in STORE.taxonomy.technologies:
        details = facet.select_one(f"details:has(input[value={tech.id}])")
        tagged = {f.id: [o for o in organisations if f.id in o.technologies] for f in tech.fields}
        expected = [f.id for f in tech.fields if tagged[f.id]]
        if not expected:
            continue
        assert details is None  # the key technology itself is outside, its sub-fields inside
        box = facet.select_one(f"input[value={tech.id}]")
        fields = box.find_parent("label").find_next_sibling("details")
        assert [b["value"] for b in fields.select("input[name=technology]")] == expected
        for field_id in expected:
            count = fields.select_one(f"[data-count-for='technology:{field_id}']").get_text()
            assert count == f"({len(tagged[field_id])})"
        assert tech.label.get(lang) in fields.summary["aria-label"]
        shown |= set(expected)
    assert shown  # the real data tags organisations with sub-fields


def test_profiles_are_not_in_the_navigation(built_site: Path):
    page = soup(built_site, "organisations/tu-dresden")
    nav_targets = {a["href"].rstrip("/").split("/")[-1] for a in page.select(".md-nav--primary a")}
    assert not nav_targets & {o.id for o in STORE.all("organisations")}


@pytest.mark.parametrize("lang", LANGS)
def test_open_data_files(built_site: Path, lang: str):
    folder = built_site / LANGS[lang] / "organisations"
    data = json.loads((folder / "organisations.json").read_text(encoding="utf-8"))
    ids = [o.id for o in STORE.all("organisations")]
    assert [row["id"] for row in data["organisations"]] == sorted(ids) and data["language"] == lang
    rows = list(csv.DictReader(io.StringIO((folder / "organisations.csv").read_text("utf-8"))))
    assert [row["id"] for row in rows] == sorted(ids)
    assert rows[0]["summary"] == STORE.get("organisations", rows[0]["id"]).summary.get(lang)


def test_calendars_follow_rfc5545(built_site: Path):
    events = STORE.all("events")
    per_event = sorted(built_site.glob("events/*.ics"))
    assert [p.stem for p in per_event if p.stem != "calendar"] == sorted(e.id for e in events)
    for path in [built_site / "events/calendar.ics", built_site / "en/events/calendar.ics"]:
        per_event.append(path)
    for path in per_event:
        raw = path.read_bytes()
        assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
        assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
        assert b"\n" not in raw.replace(b"\r\n", b"")
    feed = (built_site / "events/calendar.ics").read_bytes().decode("utf-8")
    assert feed.count("BEGIN:VEVENT") == len(events)
    for event in events:  # DTEND is exclusive: the day after the last day
        end = (event.end or event.start) + dt.timedelta(days=1)
        assert f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}\r\n" in feed, event.id
        assert f"DTEND;VALUE=DATE:{end:%Y%m%d}\r\n" in feed, event.id


def test_base_map_is_a_local_svg(built_site: Path):
    svg = (built_site / "assets/map/saxony.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and svg.count("<path") == 14


@pytest.mark.parametrize("lang", LANGS)
def test_generated_pages_are_found_by_search_in_their_language(built_site: Path, lang: str):
    prefix = LANGS[lang]
    locations = {p.url.removeprefix(prefix) for p in indexed_pages(built_site) if p.lang == lang}
    expected = {f"organisations/{o.id}/" for o in STORE.all("organisations")}
    expected |= {f"services/{s.id}/" for s in STORE.all("services")}
    expected |= {f"events/{e.id}/" for e in STORE.all("events")}
    assert expected <= locations


@pytest.mark.parametrize(
    ("path", "tab"),
    [
        ("organisations/tu-dresden", "Kompetenzatlas"),
        ("en/organisations/tu-dresden", "Directory"),
        ("services/startup-support", "Angebote"),
        ("en/events/bionection-2018", "Events"),
    ],
)
def test_generated_pages_highlight_their_section(built_site: Path, path: str, tab: str):
    page = soup(built_site, path)
    assert page.select_one(".md-tabs__item--active").get_text(strip=True) == tab
    # Only the page itself may claim to be current; it is not in the navigation.
    assert page.select(".md-nav--primary .md-nav__link--active") == []
    assert not page.select(".md-nav--primary [aria-current]")


@pytest.mark.parametrize("lang", LANGS)
def test_an_organisation_is_found_by_its_profile_not_by_every_list(built_site: Path, lang: str):
    # Directory, technology and region pages list organisations with their summaries; search
    # leads to the profile instead of repeating each hit on every list page.
    pages = [p for p in indexed_pages(built_site) if p.lang == lang]
    for org in STORE.all("organisations"):
        summary = org.summary.get(lang)
        where = {p.url for p in pages if summary in p.content}
        assert where == {f"{LANGS[lang]}organisations/{org.id}/"}, org.id
