"""Events on the built site: lists with date range, city and organiser; calendars that a real
iCal parser reads; the empty 'coming up' list pointing to subscriptions. Expectations come from
data/events/, so adding an event never turns these tests red."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup, Tag

from saxonyhub.catalogue import split_events
from saxonyhub.clock import build_date
from saxonyhub.datastore import load_store
from saxonyhub.i18n import format_day_range
from saxonyhub.plaintext import markdown_to_plain
from site_build import copy_project, run_build

ROOT = Path(__file__).resolve().parents[2]
STORE, _ = load_store(ROOT)
LANGS = {"de": "", "en": "en/"}


def events_page(site: Path, lang: str) -> BeautifulSoup:
    html = (site / LANGS[lang] / "events/index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def list_item(page: BeautifulSoup, event_id: str) -> Tag:
    link = page.select_one(f".md-content li a[href$='{event_id}/']")
    assert link is not None, event_id
    return link.find_parent("li")


def is_before_past_heading(item: Tag) -> bool:
    heading = item.find_next("h2", id="past")
    return heading is not None


@pytest.mark.parametrize("lang", LANGS)
def test_event_lists_show_date_range_city_and_organiser(built_site: Path, lang: str):
    page = events_page(built_site, lang)
    upcoming, past = split_events(STORE.all("events"), build_date())
    for event in upcoming + past:
        item = list_item(page, event.id)
        text = item.get_text(" ", strip=True)
        assert format_day_range(event.start, event.end, lang) in text, event.id
        assert STORE.taxonomy.city(event.city, lang) in text, event.id
        assert is_before_past_heading(item) == (event in upcoming), event.id
        if event.organiser:
            assert item.select_one(f"a[href$='organisations/{event.organiser}/']"), event.id
        else:
            assert event.organiser_name in text, event.id
        for host in event.co_hosts:
            assert item.select_one(f"a[href$='organisations/{host}/']"), (event.id, host)


def event_page(site: Path, lang: str, event_id: str) -> BeautifulSoup:
    html = (site / LANGS[lang] / f"events/{event_id}/index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def test_english_pages_use_english_city_names_and_addresses_keep_the_official_one(built_site):
    renamed = [e for e in STORE.all("events") if STORE.taxonomy.city(e.city, "en") != e.city]
    if not renamed:
        pytest.skip("no event in a city with an English name (taxonomy.yml city_names)")
    for event in renamed:
        english = STORE.taxonomy.city(event.city, "en")
        for lang, shown in (("de", event.city), ("en", english)):
            page = event_page(built_site, lang, event.id)
            where = page.select_one(".hub-facts tbody tr:nth-of-type(2) td:nth-of-type(2)")
            assert where is not None and where.get_text(strip=True).endswith(shown), event.id
            jsonld = json.loads(page.select_one("script[type='application/ld+json']").string)
            assert jsonld["location"]["address"]["addressLocality"] == event.city, event.id
        calendar = icalendar.Calendar.from_ical(
            (built_site / "en/events/calendar.ics").read_bytes()
        )
        locations = {
            str(v["UID"]).split("@")[0]: str(v["LOCATION"]) for v in calendar.walk("VEVENT")
        }
        assert locations[event.id].endswith(english), event.id


def test_at_least_one_upcoming_event_is_listed(built_site: Path):
    upcoming, _ = split_events(STORE.all("events"), build_date())
    if not upcoming:
        pytest.skip("no upcoming event in data/events/ for today's date")
    page = events_page(built_site, "en")
    assert not page.select(".hub-events-empty")


def calendars(site: Path) -> list[Path]:
    return sorted(site.rglob("*.ics"))


def test_every_calendar_parses_with_icalendar(built_site: Path):
    published = {e.id: e for e in STORE.all("events")}
    paths = calendars(built_site)
    assert len(paths) == 2 * (len(published) + 1)  # one per event and one calendar, per language
    for path in paths:
        lang = "en" if path.relative_to(built_site).parts[0] == "en" else "de"
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        vevents = calendar.walk("VEVENT")
        expected = len(published) if path.name == "calendar.ics" else 1
        assert len(vevents) == expected, path
        for vevent in vevents:
            event = published[str(vevent["UID"]).split("@")[0]]
            description = str(vevent["DESCRIPTION"])
            assert description == markdown_to_plain(event.description.get(lang)), path
            assert "**" not in description and "](" not in description
            assert vevent.decoded("DTSTART") == event.start
            assert vevent.decoded("DTEND") == (event.end or event.start) + dt.timedelta(days=1)


@pytest.fixture(scope="module")
def site_after_all_events(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built on the day after the last event ends: nothing is upcoming."""
    project = tmp_path_factory.mktemp("no-upcoming") / "project"
    copy_project(project)
    last = max((e.end or e.start) for e in STORE.all("events"))
    site = tmp_path_factory.mktemp("no-upcoming-site")
    today = (last + dt.timedelta(days=1)).isoformat()
    result = run_build(project, site, {"HUB_TODAY": today})
    assert result.returncode == 0, result.stderr[-3000:]
    return site


@pytest.mark.parametrize("lang", LANGS)
def test_empty_upcoming_list_points_to_subscriptions(site_after_all_events: Path, lang: str):
    page = events_page(site_after_all_events, lang)
    empty = page.select_one(".hub-events-empty")
    assert empty is not None
    targets = {a["href"] for a in empty.find_all("a")}
    assert {"calendar.ics", "../feed.xml", "#past"} <= targets
    assert (site_after_all_events / LANGS[lang] / "feed.xml").is_file()
    assert page.find("h2", id="past")
    for event in STORE.all("events"):
        assert not is_before_past_heading(list_item(page, event.id)), event.id
