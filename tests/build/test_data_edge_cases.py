"""One build of a modified copy: drafts, hostile strings, pending translations, a pinned date."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_build import copy_project, run_build

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_NAME = "Evil <script>alert(1)</script> GmbH"
HOSTILE_SUMMARY = 'Looks harmless <img src=x onerror="alert(2)"> and **bold**'


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def edge_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("edge") / "project"
    copy_project(project)
    orgs = project / "data/organisations"
    edit(orgs / "ipf-dresden.yml", "verified:", "draft: true\nverified:")
    hostile = orgs / "ifw-dresden.yml"
    edit(
        hostile,
        "name: Leibniz-Institut für Festkörper- und Werkstoffforschung Dresden",
        f"name: '{HOSTILE_NAME}'",
    )
    text = hostile.read_text(encoding="utf-8").splitlines()
    summary = text.index("summary:")
    text[summary + 2] = f"  en: '{HOSTILE_SUMMARY}'"
    hostile.write_text("\n".join(text) + "\n", encoding="utf-8")
    pending = orgs / "ufz.yml"
    lines = pending.read_text(encoding="utf-8").splitlines()
    index = lines.index("summary:")
    del lines[index + 2]  # the English summary
    lines.append("translation: pending")
    pending.write_text("\n".join(lines) + "\n", encoding="utf-8")
    site = tmp_path_factory.mktemp("edge-site")
    result = run_build(project, site, {"HUB_TODAY": "2018-10-01"})
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_drafts_are_not_published(edge_site: Path):
    assert not (edge_site / "organisations/ipf-dresden").exists()
    assert not (edge_site / "en/organisations/ipf-dresden").exists()
    assert "ipf-dresden" not in page(edge_site, "organisations")


def test_hostile_text_shows_as_text_everywhere(edge_site: Path):
    for path in [
        "en/organisations/ifw-dresden",
        "en/organisations",
        "organisations",
        "en/locations/dresden",
        "en/technologies/materials-science",
    ]:
        html = BeautifulSoup(page(edge_site, path), "html.parser")
        assert not html.find_all("img", src="x"), path
        assert not [e for e in html.find_all(True) if e.has_attr("onerror")], path
        scripts = html.find_all("script")
        assert not [
            s
            for s in scripts
            if s.get("type") != "application/ld+json" and "alert(" in (s.string or "")
        ], path
        assert not [s for s in scripts if "</script" in (s.string or "").lower()], path
    profile = BeautifulSoup(page(edge_site, "en/organisations/ifw-dresden"), "html.parser")
    assert HOSTILE_NAME in profile.h1.get_text()
    assert HOSTILE_NAME in profile.title.get_text()
    assert 'onerror="alert(2)"> and **bold**' in profile.select_one(".hub-lead").get_text()


def test_pending_translation_shows_german_with_notice(edge_site: Path):
    profile = BeautifulSoup(page(edge_site, "en/organisations/ufz"), "html.parser")
    lead = profile.select_one(".hub-lead [lang=de]")
    assert lead is not None and lead.get_text().startswith("Helmholtz")


def section_text(html: BeautifulSoup, heading: str) -> str:
    """Text between the h2 starting with ``heading`` and the next h2."""
    start = next(h for h in html.select(".md-content h2") if h.get_text().startswith(heading))
    text = []
    for sibling in start.find_next_siblings():
        if sibling.name == "h2":
            break
        text.append(sibling.get_text(" "))
    return " ".join(text)


def test_events_split_by_the_injected_date(edge_site: Path):
    events = BeautifulSoup(page(edge_site, "events"), "html.parser")
    upcoming, past = section_text(events, "Demnächst"), section_text(events, "Rückblick")
    assert "bionection" in upcoming and "BIO-Europe" in upcoming
    assert "bionection" not in past
