"""The preview's rebuild plan (saxonyhub.preview): which changes get a fast build, and which
pages a fast build renders. The end-to-end check (a fast build equals a full one) is
tests/build/test_preview_serve.py."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment
from mkdocs.utils.yaml import yaml_load

from saxonyhub.build_state import LoadCache, load_build
from saxonyhub.preview import (
    LanguageMemo,
    Plan,
    TemplateCache,
    entity_kind,
    page_head,
    page_markers,
    pages_to_render,
    plan_rebuild,
    take_snapshot,
)
from saxonyhub.settings import i18n_languages, settings_marks

ROOT = Path(__file__).resolve().parents[2]

LANGS = ["de", "en"]
GUIDE = "---\ntitle: Leitfaden\n---\n\n# Leitfaden\n\nErster Absatz.\n"


def project(tmp_path: Path) -> Path:
    files = {
        "mkdocs.yml": "site_name: x\n",
        "docs/de/guides/a.md": GUIDE,
        "docs/en/guides/a.md": GUIDE.replace("Leitfaden", "Guide"),
        "docs/de/news/n.md": GUIDE,
        "data/organisations/abx.yml": "id: abx\n",
        "data/labels.yml": "a: b\n",
        "overrides/main.html": "{% extends 'base.html' %}\n",
        "hooks/x.py": "\n",
        "docs/de/.hidden.md.swp": "editor state\n",
    }
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # coarse clocks


def plan_after(root: Path, change) -> Plan:
    before = take_snapshot(root)
    change(root)
    return plan_rebuild(before, take_snapshot(root), LANGS, "de")


def test_snapshot_leaves_out_dot_files_and_reads_page_heads(tmp_path: Path):
    snapshot = take_snapshot(project(tmp_path))
    assert "docs/de/.hidden.md.swp" not in snapshot.files
    assert {"mkdocs.yml", "hooks/x.py", "data/labels.yml"} <= snapshot.files.keys()
    assert snapshot.heads.keys() == {p for p in snapshot.files if p.endswith(".md")}


def test_no_change_is_an_empty_plan(tmp_path: Path):
    assert plan_after(project(tmp_path), lambda root: None).empty


def test_german_body_edit_builds_german_first_then_english(tmp_path: Path):
    plan = plan_after(
        project(tmp_path),
        lambda r: edit(r / "docs/de/guides/a.md", "Erster Absatz", "Neuer Absatz & 🧪"),
    )
    assert not plan.full
    assert plan.languages == ("de", "en")  # English: its translation may now be outdated
    assert plan.pages == {"de/guides/a.md"} and not plan.data


def test_english_body_edit_builds_english_only(tmp_path: Path):
    plan = plan_after(
        project(tmp_path), lambda r: edit(r / "docs/en/guides/a.md", "Erster", "First")
    )
    assert plan.languages == ("en",) and plan.pages == {"en/guides/a.md"}


def test_organisation_edit_builds_every_language(tmp_path: Path):
    plan = plan_after(
        project(tmp_path), lambda r: edit(r / "data/organisations/abx.yml", "abx", "abx ")
    )
    assert not plan.full and plan.languages == ("de", "en")
    assert plan.data == {"data/organisations/abx.yml"} and not plan.pages


@pytest.mark.parametrize(
    ("path", "old", "new"),
    [
        ("docs/de/guides/a.md", "title: Leitfaden", "title: Anderer Titel"),  # nav, lists
        ("docs/de/guides/a.md", "# Leitfaden", "# Anderer Titel"),  # title from the heading
        ("data/labels.yml", "a: b", "a: c"),  # read by every page
        ("overrides/main.html", "base.html", "base.html "),
        ("hooks/x.py", "\n", "# x\n"),
        ("mkdocs.yml", "x", "y"),
    ],
)
def test_other_changes_build_everything(tmp_path: Path, path: str, old: str, new: str):
    plan = plan_after(project(tmp_path), lambda r: edit(r / path, old, new))
    assert plan.full and path in plan.reason


def test_added_or_removed_files_build_everything(tmp_path: Path):
    root = project(tmp_path)
    added = plan_after(root, lambda r: (r / "docs/de/guides/b.md").write_text(GUIDE))
    removed = plan_after(root, lambda r: (r / "docs/de/guides/b.md").unlink())
    assert added.full and removed.full and "b.md" in added.reason


def test_page_head_ignores_the_body_only():
    assert page_head(GUIDE) == page_head(GUIDE.replace("Erster", "Zweiter"))
    assert page_head(GUIDE) != page_head(GUIDE.replace("title: Leitfaden", "title: X"))


def render(plan: Plan, lang: str = "de", **overrides) -> frozenset[str] | None:
    args = {
        "generated": {"organisations/abx.md": "1", "organisations/index.md": "2"},
        "previous": LanguageMemo({"organisations/abx.md": "1", "organisations/index.md": "2"}),
        "translations": {},
        "markers": {},
        "data_sources": {"organisations/abx.md": "data/organisations/abx.yml"},
        "entities": {"organisations/abx.md": "organisations", "events/x.md": "events"},
        **overrides,
    }
    return pages_to_render(plan, lang, **args)


GUIDE_PLAN = Plan(False, languages=("de", "en"), pages=frozenset({"de/guides/a.md"}))
ORG_PLAN = Plan(False, languages=("de", "en"), data=frozenset({"data/organisations/abx.yml"}))


def test_a_page_edit_renders_that_page_in_its_language_only():
    assert render(GUIDE_PLAN) == {"de/guides/a.md"}
    assert render(GUIDE_PLAN, "en") == set()


def test_generated_pages_render_when_their_markdown_changed():
    changed = {"organisations/abx.md": "1", "organisations/index.md": "3"}
    assert render(GUIDE_PLAN, generated=changed) == {"de/guides/a.md", "organisations/index.md"}


def test_an_organisation_edit_renders_its_profile_and_template_pages_of_other_kinds():
    # The profile shows its own file; an event page's template may show its organiser.
    assert render(ORG_PLAN) == {"organisations/abx.md", "events/x.md"}


def test_a_changed_translation_state_renders_the_page_and_the_status_markers():
    markers = {"en/staff/translations.md": {"data:translation-status"}, "en/n.md": {"x:y"}}
    before = LanguageMemo(
        {"organisations/abx.md": "1", "organisations/index.md": "2"},
        {"en/guides/a.md": "current"},
    )
    pages = render(
        GUIDE_PLAN,
        "en",
        previous=before,
        translations={"en/guides/a.md": "outdated"},
        markers=markers,
    )
    # en/n.md: a marker the table does not know renders after every change.
    assert pages == {"en/guides/a.md", "en/staff/translations.md", "en/n.md"}
    unchanged = render(
        GUIDE_PLAN, "en", markers={"en/staff/translations.md": markers["en/staff/translations.md"]}
    )
    assert unchanged == set()


def test_the_news_list_renders_after_a_news_page_edit():
    markers = {"de/news/index.md": {"data:news-list"}}
    news = Plan(False, languages=("de",), pages=frozenset({"de/news/n.md"}))
    assert render(news, markers=markers) == {"de/news/n.md", "de/news/index.md"}
    assert render(GUIDE_PLAN, markers=markers) == {"de/guides/a.md"}


def test_without_a_comparable_previous_build_every_page_renders():
    assert render(GUIDE_PLAN, previous=None) is None
    assert render(GUIDE_PLAN, generated={"organisations/new.md": "1"}) is None


def test_markers_and_entities_are_read_from_the_page():
    assert page_markers("a <!-- data:news-list --> b <!-- decision-tool:mdr -->") == {
        "data:news-list",
        "decision-tool",
    }
    assert entity_kind("---\ntitle: x\nentity: events/bio\n---\n") == "events"
    assert entity_kind("---\ntitle: x\n---\nentity: events/bio\n") is None


def test_template_cache_returns_what_it_stored():
    cache = TemplateCache()
    loader = DictLoader({"t.html": "{{ 1 + 1 }} & <b>"})
    first = Environment(loader=loader, bytecode_cache=cache)
    assert first.get_template("t.html").render() == "2 & <b>"
    assert len(cache.code) == 1
    second = Environment(loader=loader, bytecode_cache=cache)
    assert second.get_template("t.html").render() == "2 & <b>"
    loader.mapping["t.html"] = "{{ 2 + 2 }}"  # an edited template is compiled afresh
    assert Environment(loader=loader, bytecode_cache=cache).get_template("t.html").render() == "4"


def test_load_cache_reuses_data_until_a_data_file_changes(tmp_path: Path):
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml_load(text)
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    cache = LoadCache()
    extra, langs, marks = (
        config["extra"]["saxonyhub"],
        i18n_languages(config["plugins"]),
        settings_marks(text),
    )
    first, _ = load_build(tmp_path, extra, langs, marks, cache)
    again, _ = load_build(tmp_path, extra, langs, marks, cache)
    assert first is not None and again is not None and again is not first
    assert again.data is first.data  # not loaded again
    org = tmp_path / "data/organisations/abx.yml"
    edit(org, "Radeberger Radiopharmazie-Unternehmen", "Radeberger Firma & 🧪")
    changed, _ = load_build(tmp_path, extra, langs, marks, cache)
    assert changed is not None and changed.data is not first.data
    summary = changed.data.store.get("organisations", "abx").summary
    assert "Radeberger Firma & 🧪" in str(summary)


def test_serve_plans_a_full_first_build_and_honours_full(tmp_path: Path):
    import serve

    root = project(tmp_path)
    fast = serve.PreviewBuilder(root / "mkdocs.yml", str(tmp_path / "site"), "127.0.0.1:0", True)
    fast.languages, fast.default = LANGS, "de"
    snapshot = take_snapshot(root)
    assert fast.plan(snapshot).full and fast.plan(snapshot).reason == "first build"
    fast.built = snapshot
    assert fast.plan(snapshot).empty
    slow = serve.PreviewBuilder(root / "mkdocs.yml", str(tmp_path / "site"), "127.0.0.1:0", False)
    slow.built = snapshot
    assert slow.plan(snapshot).full and slow.plan(snapshot).reason == "--full"


def test_generated_digest_covers_the_raw_html_blocks():
    # Organisation lists reach technology and region pages as raw HTML after Markdown: an edited
    # summary changes only the block, and the page must still count as changed.
    from saxonyhub.preview import generated_digest

    page = '# Bildgebung\n\n<div data-hub-raw="0"></div>\n'
    before = generated_digest(page, {'<div data-hub-raw="0"></div>': "<li>abx: alt</li>"})
    after = generated_digest(page, {'<div data-hub-raw="0"></div>': "<li>abx: neu &amp;</li>"})
    assert before != after
    assert generated_digest(page, None) == generated_digest(page, {})
