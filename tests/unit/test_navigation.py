"""`make validate` knows what the strict build will say about the navigation."""

from __future__ import annotations

from pathlib import Path

from saxonyhub.navigation import nav_problems, owning_nav_page
from saxonyhub.page_meta import validate_docs

CONFIG = """site_name: Test
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
nav:
  - Start: index.md
  - Aktuelles:
      - news/index.md
      - news/2026-01-01-a.md
not_in_nav: |
  impressum.md
exclude_docs: |
  /de/archive/
  /en/archive/
"""
PAGE = "---\ntitle: Titel\ndescription: Eine Beschreibung mit genug Text.\n{extra}---\n"


def project(tmp_path: Path, pages: dict[str, str]) -> Path:
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    for name, extra in pages.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(extra=extra), encoding="utf-8")
    return tmp_path


def problems(root: Path) -> list[str]:
    pages, found = validate_docs(root / "docs")
    assert found == []
    return [p.format() for p in nav_problems(root, pages)]


BASE = {
    f"{lang}/{name}": ""
    for lang in ("de", "en")
    for name in ("index.md", "news/index.md", "news/2026-01-01-a.md", "impressum.md")
}


def test_pages_in_nav_not_in_nav_or_excluded_are_fine(tmp_path: Path):
    pages = {**BASE, "de/archive/x.md": "", "en/archive/x.md": "", "de/news/b.md": "draft: true\n"}
    assert problems(project(tmp_path, pages)) == []


def test_published_page_missing_from_nav(tmp_path: Path):
    assert problems(project(tmp_path, {**BASE, "de/news/2026-02-02-b.md": ""})) == [
        "docs/de/news/2026-02-02-b.md: the page is not in the navigation — hint: add the line"
        " '- news/2026-02-02-b.md' to nav in mkdocs.yml, or keep 'draft: true' for now"
    ]


def test_nav_naming_a_draft_or_a_missing_page(tmp_path: Path):
    pages = {**BASE, "en/news/2026-01-01-a.md": "draft: true\n"}
    del pages["de/news/2026-01-01-a.md"]
    assert problems(project(tmp_path, pages)) == [
        "mkdocs.yml:7:9: nav: nav names 'news/2026-01-01-a.md', but"
        " docs/de/news/2026-01-01-a.md does not exist — hint: check the spelling of the path,"
        " or remove the line",
        "mkdocs.yml:7:9: nav: nav names 'news/2026-01-01-a.md', but docs/en/news/2026-01-01-a.md"
        " is a draft — hint: remove the line until the page is published, or delete 'draft: true'",
    ]


def test_no_check_without_explicit_nav(tmp_path: Path):
    root = project(tmp_path, {"de/x.md": ""})
    (root / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    assert problems(root) == []


NAV_URLS = ["", "guides/", "guides/mdr-overview/", "legal/", "organisations/", "technologies/"]


def test_a_generated_page_belongs_to_the_deepest_folder_in_the_navigation():
    assert owning_nav_page("organisations/tu-dresden/", NAV_URLS, "") == "organisations/"
    assert owning_nav_page("technologies/biotech/sub/", NAV_URLS, "") == "technologies/"
    assert owning_nav_page("legal/mdr/", NAV_URLS, "") == "legal/"


def test_pages_outside_any_section_belong_to_nothing():
    assert owning_nav_page("impressum/", NAV_URLS, "") is None
    english = [f"en/{u}" for u in NAV_URLS]
    assert owning_nav_page("en/impressum/", english, "en/") is None
    assert owning_nav_page("en/organisations/x/", english, "en/") == "en/organisations/"
    assert owning_nav_page("guides/", NAV_URLS, "") is None  # a page does not own itself
