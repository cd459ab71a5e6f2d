"""Text with "&", "<", quotes and an emoji reaches every output format escaped for that format.

The escaping scenario (tests/fixtures/escaping/) sets such a site name and a news item in both
languages; the test writes the same kind of text into an organisation's name and an event's title
of the copied data. Every feed and sitemap must parse as XML, every JSON file and JSON-LD block as
JSON, every calendar as iCalendar, and the pages must show the text as typed.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import pytest
import yaml
from bs4 import BeautifulSoup

from site_build import fixture_project, run_build

NEWS_TITLE = 'Forschung & Entwicklung: "Smart" <Devices> & Co 🧬'
NEWS_DESCRIPTION = 'Neu: "MDR" & <IVDR> – Fragen, Antworten; Termine & mehr 🧪'
NEWS = "news/2026-11-20-escaping/"
SITE_NAME = 'Life Science & "Hub" 🧬'
ORG_NAME = 'Müller & Söhne <Labs> "Smart" GmbH 🧪'
COMPETENCE = 'Prüfung & "Smart" <Sensorik> 🧪 R&D'
EVENT_TITLE = 'Tag der "Medizintechnik" <Dresden> & Co; Teil 1, 2 🧬'
ATOM = "{http://www.w3.org/2005/Atom}"
LANGS = ("", "en/")


def rewrite(path: Path, change) -> str:
    """Apply ``change`` to the YAML data in ``path``; return the entry's id."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return data["id"]


@pytest.fixture(scope="module")
def escaping_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """The built scenario, the id of the renamed organisation and of the retitled event."""
    project = fixture_project("escaping", tmp_path_factory.mktemp("escaping"))
    config = project / "mkdocs.project.yml"
    quoted = json.dumps(SITE_NAME, ensure_ascii=False)
    names = re.sub(r"(?m)^(\s*site_name:) .*$", lambda m: f"{m[1]} {quoted}", config.read_text())
    config.write_text(names, encoding="utf-8")
    org_id = rewrite(
        sorted((project / "data/organisations").glob("*.yml"))[0],
        lambda data: data.update(
            name=ORG_NAME, competences={"de": [COMPETENCE], "en": [COMPETENCE]}
        ),
    )
    event_id = rewrite(
        sorted((project / "data/events").glob("*.yml"))[0],
        lambda data: data.update(title={"de": EVENT_TITLE, "en": EVENT_TITLE}),
    )
    site = tmp_path_factory.mktemp("escaping-site")
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site, org_id, event_id


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def files(site: Path, pattern: str) -> list[Path]:
    found = sorted(site.rglob(pattern))
    assert found, pattern
    return found


def test_feeds_and_sitemap_are_well_formed_xml_with_the_text_as_typed(escaping_site):
    site, _, _ = escaping_site
    for path in files(site, "*.xml"):
        ET.parse(path)  # raises on anything not well-formed
    for prefix in LANGS:
        feed = ET.parse(site / prefix / "feed.xml").getroot()
        assert feed.findtext(f"{ATOM}title").startswith(SITE_NAME + " – ")
        entry = next(e for e in feed.iter(f"{ATOM}entry") if NEWS in e.findtext(f"{ATOM}id"))
        assert entry.findtext(f"{ATOM}title") == NEWS_TITLE
        assert entry.findtext(f"{ATOM}summary") == NEWS_DESCRIPTION


def test_pages_show_the_text_literally(escaping_site):
    site, org_id, event_id = escaping_site
    for path in files(site, "*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        stray = [
            tag.name for tag in page.find_all(["devices", "ivdr", "labs", "dresden", "sensorik"])
        ]
        assert stray == [], f"{path}: text became markup"
    for prefix in LANGS:
        news = soup(site, prefix + NEWS)
        assert news.select_one("article h1").get_text().rstrip("¶") == NEWS_TITLE
        assert news.title.get_text() == f"{NEWS_TITLE} - {SITE_NAME}"
        assert news.find("meta", attrs={"name": "description"})["content"] == NEWS_DESCRIPTION
        listing = next(
            item
            for item in soup(site, prefix + "news").select(".hub-news-item")
            if NEWS_TITLE in item.get_text()
        )
        assert listing.h2.a.get_text() == NEWS_TITLE
        assert NEWS_DESCRIPTION in [p.get_text() for p in listing.find_all("p")]
        profile = soup(site, f"{prefix}organisations/{org_id}")
        assert profile.h1.get_text().startswith(ORG_NAME)
        title = profile.title.get_text()  # the name, maybe its short name, the site
        assert title.startswith(ORG_NAME) and title.endswith(f" - {SITE_NAME}")
        directory = soup(site, prefix + "organisations")
        assert ORG_NAME in [a.get_text() for a in directory.select("[data-hub-items] a")]
        # The keyword filter's words: those of the competence the list item does not show.
        item = directory.select_one(f"[data-hub-items] > li[data-id='{org_id}']")
        assert item["data-words"].startswith("Prüfung Sensorik R D")  # then offers' words
        assert "Smart" not in item["data-words"].split()  # the name shows it
        event = soup(site, f"{prefix}events/{event_id}")
        assert event.select_one("article h1").get_text().rstrip("¶") == EVENT_TITLE
        events = soup(site, prefix + "events")
        assert EVENT_TITLE in [a.get_text() for a in events.select("article a")]


def test_json_files_and_json_ld_parse_with_the_text_as_typed(escaping_site):
    site, org_id, event_id = escaping_site
    for path in files(site, "*.json"):
        json.loads(path.read_text(encoding="utf-8"))
    blocks: dict[str, list[dict]] = {}
    for path in files(site, "*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in page.find_all("script", type="application/ld+json"):
            blocks.setdefault(path.relative_to(site).as_posix(), []).append(
                json.loads(script.string)
            )
    assert blocks
    for prefix in LANGS:
        assert blocks[f"{prefix}organisations/{org_id}/index.html"][0]["name"] == ORG_NAME
        assert blocks[f"{prefix}events/{event_id}/index.html"][0]["name"] == EVENT_TITLE
        folder = site / prefix / "organisations"
        rows = json.loads((folder / "organisations.json").read_text(encoding="utf-8"))
        assert ORG_NAME in [row["name"] for row in rows["organisations"]]
        table = csv.DictReader(io.StringIO((folder / "organisations.csv").read_text("utf-8")))
        assert ORG_NAME in [row["name"] for row in table]


def unfold(raw: bytes) -> list[str]:
    """RFC 5545, 3.1: content lines of at most 75 octets, each valid UTF-8 on its own (a fold
    never splits a character); a CRLF followed by a space or tab continues the line."""
    physical = raw.split(b"\r\n")
    assert physical[-1] == b"" and all(len(line) <= 75 for line in physical)
    lines: list[str] = []
    for line in physical[:-1]:
        text = line.decode("utf-8")
        if text[:1] in (" ", "\t"):
            lines[-1] += text[1:]
        else:
            lines.append(text)
    return lines


def test_calendars_parse_with_the_text_escaped_for_icalendar(escaping_site):
    site, _, event_id = escaping_site
    escaped = EVENT_TITLE.replace(";", "\\;").replace(",", "\\,")
    for path in files(site, "*.ics"):
        raw = path.read_bytes()
        lines = unfold(raw)
        calendar = icalendar.Calendar.from_ical(raw)
        summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
        if path.name in ("calendar.ics", f"{event_id}.ics"):
            assert EVENT_TITLE in summaries, path
            assert f"SUMMARY:{escaped}" in lines, path
        assert all(
            str(event["DESCRIPTION"]).strip() and "\n" not in str(event["SUMMARY"])
            for event in calendar.walk("VEVENT")
        ), path
