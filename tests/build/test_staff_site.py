"""What staff rely on in the built site: drafts stay unpublished, edit buttons open the file."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from new import create

from saxonyhub.search_index import indexed_pages
from site_build import copy_project, run_build

ROOT = Path(__file__).resolve().parents[2]
REPO = "https://github.com/ORG/REPO"
DRAFT_NEWS = "2026-11-23-draft-news"


def project_with_drafts(target: Path) -> Path:
    copy_project(target)
    create("news", DRAFT_NEWS, target, dt.date(2026, 11, 23))
    create("organisation", "draft-organisation", target, dt.date(2026, 11, 23))
    return target


@pytest.fixture(scope="module")
def staff_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site plus draft scaffolds, built with REPO_URL set."""
    project = project_with_drafts(tmp_path_factory.mktemp("staff") / "project")
    site = project / "site"
    result = run_build(project, site, {"REPO_URL": REPO})
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def test_draft_news_is_not_published_in_any_language(staff_site: Path):
    for prefix in ("", "en/"):
        assert not (staff_site / prefix / "news" / DRAFT_NEWS).exists()
        assert (staff_site / prefix / "news/2018-11-02-innovation-cluster/index.html").is_file()
    published = [
        staff_site / name
        for name in ("feed.xml", "en/feed.xml", "news/index.html", "en/news/index.html")
    ]
    published += [staff_site / "sitemap.xml"]
    assert [p.name for p in published if DRAFT_NEWS in p.read_text(encoding="utf-8")] == []
    assert [p.url for p in indexed_pages(staff_site) if DRAFT_NEWS in p.url] == []


# Pages generated from one data entry edit that entry's YAML file; generated lists have no file.
ENTITY_FOLDERS = {
    "organisations": "organisations",
    "services": "services",
    "events": "events",
    "locations": "regions",
}
HAND_WRITTEN_IN_GENERATED_FOLDERS = {"locations/index.html"}


def expected_edit_source(relative: str) -> str | None:
    """The file a built page's edit button should open (None: no button)."""
    lang, inner = ("en", relative[3:]) if relative.startswith("en/") else ("de", relative)
    folder = inner.removesuffix("index.html").rstrip("/")
    parts = folder.split("/") if folder else []
    if inner not in HAND_WRITTEN_IN_GENERATED_FOLDERS and parts:
        if parts[0] in ENTITY_FOLDERS and len(parts) == 2:
            return f"data/{ENTITY_FOLDERS[parts[0]]}/{parts[1]}.yml"
        if (
            parts[0] in {*ENTITY_FOLDERS, "technologies", "legal"}
            or folder == "staff/data-reference"
        ):
            return None
    return f"docs/{lang}/{folder or 'index'}.md"


def test_every_page_has_an_edit_link_to_its_own_source(staff_site: Path):
    checked = 0
    for page in sorted(staff_site.rglob("index.html")):
        relative = page.relative_to(staff_site).as_posix()
        if relative.startswith("admin/"):  # the web editor, not a page of docs/
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = [a["href"] for a in soup.select('a[rel="edit"]')]
        expected = expected_edit_source(relative)
        if expected is None:
            assert links == [], f"{relative}: a generated list has no file to edit"
            continue
        if not (ROOT / expected).is_file() and expected.startswith("docs/"):
            # A Markdown page at folder/index.md rather than folder.md.
            expected = expected.removesuffix(".md") + "/index.md"
        assert links == [f"{REPO}/edit/main/{expected}"], relative
        assert (ROOT / expected).is_file(), f"{relative}: edit link points to no file"
        checked += 1
    assert checked >= 80


def test_edit_link_of_a_page_names_its_counterpart_path(staff_site: Path):
    for prefix, lang in (("", "de"), ("en/", "en")):
        page = staff_site / prefix / "news/2018-11-02-innovation-cluster/index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one('a[rel="edit"]')["href"] == (
            f"{REPO}/edit/main/docs/{lang}/news/2018-11-02-innovation-cluster.md"
        )


def test_no_edit_links_without_repo_url(built_site: Path):
    assert [p for p in built_site.rglob("*.html") if 'rel="edit"' in p.read_text()] == []


def test_link_or_nav_entry_to_a_draft_fails_the_build(tmp_path: Path):
    project = project_with_drafts(tmp_path / "project")
    index = project / "docs/de/index.md"
    index.write_text(
        index.read_text(encoding="utf-8") + f"\n[Entwurf](news/{DRAFT_NEWS}.md)\n",
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      - news/index.md\n", f"      - news/index.md\n      - news/{DRAFT_NEWS}.md\n"
        ),
        encoding="utf-8",
    )
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (
        f"Doc file 'de/index.md' contains a link 'news/{DRAFT_NEWS}.md', but the target "
        f"'de/news/{DRAFT_NEWS}.md' is not found among documentation files." in result.stderr
    )
    assert (
        f"A reference to 'news/{DRAFT_NEWS}.md' is included in the 'nav' configuration, "
        "which is not found in the documentation files." in result.stderr
    )


def test_make_build_fails_on_a_warning_such_as_a_page_missing_from_the_nav(tmp_path: Path):
    project = project_with_drafts(tmp_path / "project")
    for lang in ("de", "en"):
        page = project / "docs" / lang / "news" / f"{DRAFT_NEWS}.md"
        text = page.read_text(encoding="utf-8").replace("\ndraft: true\n", "\n")
        page.write_text(text.replace("TODO", "Fertig"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "scripts/build.py"], cwd=project, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert (
        "WARNING -  The following pages exist in the docs directory, but are not included in the"
        f' "nav" configuration:\n  - de/news/{DRAFT_NEWS}.md' in result.stderr
    )
    assert "INFO" not in result.stderr
    assert not (project / "site").exists()
