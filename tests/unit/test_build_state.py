"""The build state: settings model, page index, load_build, and the hooks' pure steps on it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import data_pages as data_pages_hook
import i18n_404 as i18n_404_hook
import news as news_hook
import noindex as noindex_hook
import pytest
from mkdocs.structure.files import File, Files

from saxonyhub.build_state import hub, load_build
from saxonyhub.drafts import draft_files
from saxonyhub.edit_links import docs_edit_uri
from saxonyhub.pages import PageIndex
from saxonyhub.settings import i18n_languages, read_settings, settings_marks
from saxonyhub.translation import Status, report_of

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = [("en", False), ("de", True)]
CONFIG = """\
site_name: x
extra:
  generator: false
  saxonyhub:
    repo_url: !ENV [REPO_URL, ""]
    # a comment
    cluster_contact: cluster-office
plugins:
  - i18n:
      languages:
        - locale: de
          default: true
        - locale: en
"""


def page(extra: str = "", body: str = "Text.\n", title: str = "Ein Titel") -> str:
    return (
        f"---\ntitle: {title}\ndescription: Eine Beschreibung mit genug Text.\n{extra}---\n{body}"
    )


def write_pages(docs: Path, pages: dict[str, str]) -> Path:
    for path, text in pages.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    return docs


def test_settings_marks_locate_each_key_of_extra_saxonyhub():
    assert settings_marks(CONFIG) == {
        ("extra", "saxonyhub", "repo_url"): (5, 15),
        ("extra", "saxonyhub", "cluster_contact"): (7, 22),
    }


def test_languages_come_from_the_i18n_plugin_default_first():
    from mkdocs.utils.yaml import yaml_load

    languages = i18n_languages(yaml_load(CONFIG)["plugins"])
    assert languages == [("de", True), ("en", False)]
    settings, problems = read_settings({"cluster_contact": "x"}, LANGUAGES, {})
    assert problems == [] and settings is not None
    assert settings.languages == ("de", "en") and settings.default_language == "de"
    assert settings.language_root("de") == "" and settings.language_root("en") == "en/"
    assert settings.inner_path("en/guides/x.md") == "guides/x.md"
    assert settings.inner_path("assets/x.css") == "assets/x.css"


def test_unknown_cluster_contact_names_file_line_field_and_hint():
    marks = settings_marks(CONFIG)
    _, problems = read_settings({"cluster_contact": "office"}, LANGUAGES, marks, {"a", "b"})
    assert [p.format() for p in problems] == [
        "mkdocs.yml:7:22: extra.saxonyhub.cluster_contact: unknown contact id, found 'office'"
        " — hint: one of a, b (data/contacts/)"
    ]


def test_misspelt_setting_and_bad_repo_url_are_reported_together():
    raw = {"cluster_contct": "a", "repo_url": "http://x"}
    _, problems = read_settings(raw, LANGUAGES, {}, {"a"})
    assert sorted(p.format() for p in problems) == [
        "mkdocs.yml: extra.saxonyhub.cluster_contact: this field is required but missing"
        " — hint: add it (see the field reference)",
        "mkdocs.yml: extra.saxonyhub.cluster_contct: unknown key 'cluster_contct'"
        " — hint: did you mean 'cluster_contact'?",
        "mkdocs.yml: extra.saxonyhub.repo_url: REPO_URL 'http://x' is not the https:// address"
        " of a repository, found 'http://x' — hint: write it like https://github.com/ORG/REPO,"
        " without a trailing slash",
    ]


def test_page_index_reads_each_page_once_with_meta_and_problems(tmp_path: Path):
    docs = write_pages(
        tmp_path,
        {"de/a.md": page(), "en/a.md": page(body="TODO\n"), "de/broken.md": "no front matter\n"},
    )
    index = PageIndex.scan(docs)
    assert [p.path for p in index] == ["de/a.md", "de/broken.md", "en/a.md"]
    assert sorted(index.metas) == ["de/a.md", "en/a.md"]
    assert (
        index.get("de/a.md").title == "Ein Titel" and index.get("de/broken.md").title == "broken.md"
    )
    assert [(p.file, p.message) for p in index.problems] == [
        ("docs/de/broken.md", "the page has no front matter"),
        ("docs/en/a.md", "placeholder 'TODO' left in a published page"),
    ]
    assert index.texts()["de/broken.md"] == "no front matter\n"


def test_load_build_of_the_real_project_has_no_errors():
    from mkdocs.utils.yaml import yaml_load

    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml_load(text)
    extra = config["extra"]["saxonyhub"]
    build, checks = load_build(ROOT, extra, i18n_languages(config["plugins"]), settings_marks(text))
    assert build is not None and checks.all().errors == []
    assert build.settings.languages == ("de", "en")
    assert "de/index.md" in build.pages.pages and build.citations.count > 0


def test_load_build_reports_page_problems_even_when_data_is_broken(tmp_path: Path):
    write_pages(tmp_path / "docs", {"de/a.md": "x\n"})
    (tmp_path / "data").mkdir()
    build, checks = load_build(tmp_path, {"cluster_contact": "a"}, LANGUAGES, {})
    assert build is None and checks.data and checks.pages
    assert checks.settings == []  # contacts unknown: the contact cannot be checked


def test_translation_report_from_the_index_texts():
    german = page(body="Neu.\n")
    statuses = report_of({"de/a.md": german, "de/b.md": german, "en/c.md": page()}, "de", "en")
    assert [(s.path, s.status) for s in statuses] == [
        ("a.md", Status.MISSING),
        ("b.md", Status.MISSING),
        ("c.md", Status.NO_SOURCE),
    ]


def files_of(docs: Path, site: Path, paths: list[str]) -> Files:
    return Files([File(p, str(docs), str(site), use_directory_urls=True) for p in paths])


def test_draft_files_come_from_the_index(tmp_path: Path):
    docs = write_pages(tmp_path / "docs", {"de/a.md": page(), "de/b.md": page("draft: true\n")})
    files = files_of(docs, tmp_path / "site", ["de/a.md", "de/b.md"])
    assert [f.src_uri for f in draft_files(files, PageIndex.scan(docs))] == ["de/b.md"]


def test_news_items_newest_first_from_front_matter(tmp_path: Path):
    docs = write_pages(
        tmp_path / "docs",
        {
            "de/news/index.md": page(),
            "de/news/old.md": page("date: 2014-07-23\n", title="Alt und gut"),
            "de/news/new.md": page("date: 2018-11-02\n", title="Neu und gut"),
        },
    )
    files = files_of(
        docs, tmp_path / "site", ["de/news/index.md", "de/news/old.md", "de/news/new.md"]
    )
    items = news_hook.news_items(files, "de/", PageIndex.scan(docs))
    assert [(i.title, i.src_uri, i.url) for i in items] == [
        ("Neu und gut", "news/new.md", "de/news/new/"),
        ("Alt und gut", "news/old.md", "de/news/old/"),
    ]


def test_guide_titles_of_this_language(tmp_path: Path):
    docs = write_pages(
        tmp_path / "docs", {"de/guides/index.md": page(), "de/guides/mdr.md": page(title="Die MDR")}
    )
    files = files_of(docs, tmp_path / "site", ["de/guides/index.md", "de/guides/mdr.md"])
    assert data_pages_hook.guide_titles(files, "de/", PageIndex.scan(docs)) == {"mdr": "Die MDR"}


def test_noindex_pages_leave_the_sitemap(tmp_path: Path):
    docs = write_pages(tmp_path, {"de/a.md": page("robots: noindex\n"), "de/b.md": page()})
    index = PageIndex.scan(docs)
    assert not noindex_hook.indexable("de/a.md", index)
    assert noindex_hook.indexable("de/b.md", index) and noindex_hook.indexable("x/gen.md", index)


def test_edit_uri_is_absolute_so_repo_url_can_stay_unset():
    assert (
        docs_edit_uri("https://github.com/ORG/REPO")
        == "https://github.com/ORG/REPO/edit/main/docs/"
    )
    assert docs_edit_uri("") is None


@pytest.mark.parametrize("default_written", [True, False])
def test_404_page_of_a_later_language_moves_to_its_folder(
    tmp_path: Path, hub_config: Callable[..., Any], default_written: bool
):
    if default_written:
        (tmp_path / "404.html").write_text("<p>Nicht gefunden</p>\n", encoding="utf-8")
    config = hub_config(tmp_path / "docs", site_dir=str(tmp_path), theme={"language": "en"})
    result = i18n_404_hook.on_post_template(
        "<p>Not found</p>\n", template_name="404.html", config=config
    )
    assert (tmp_path / "en/404.html").read_text(encoding="utf-8") == "<p>Not found</p>\n"
    assert result == ("<p>Nicht gefunden</p>\n" if default_written else "<p>Not found</p>\n")


def test_404_page_of_the_default_language_stays(tmp_path: Path, hub_config: Callable[..., Any]):
    config = hub_config(tmp_path / "docs", site_dir=str(tmp_path), theme={"language": "de"})
    assert i18n_404_hook.on_post_template("x", template_name="404.html", config=config) == "x"
    assert i18n_404_hook.on_post_template("y", template_name="sitemap.xml", config=config) == "y"
    assert not (tmp_path / "de").exists() and hub(config).settings.default_language == "de"
