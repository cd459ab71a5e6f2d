"""Draft pages: recognised from front matter, left out of a build, kept (marked) in serve."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import drafts as drafts_hook
import pytest
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils.yaml import yaml_load

from saxonyhub.build_state import hub
from saxonyhub.drafts import draft_notices, is_draft_page
from saxonyhub.page_meta import placeholder_problems, validate_docs
from saxonyhub.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]

PAGE = "---\ntitle: Titel\ndescription: Eine Beschreibung mit genug Text.\n{extra}---\n{body}"


def write(path: Path, extra: str = "", body: str = "# Text\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(extra=extra, body=body), encoding="utf-8")
    return path


def test_is_draft_page_reads_the_front_matter(tmp_path: Path):
    assert is_draft_page(write(tmp_path / "a.md", "draft: true\n"), "docs/de/a.md")
    assert not is_draft_page(write(tmp_path / "b.md", "draft: false\n"), "docs/de/b.md")
    assert not is_draft_page(write(tmp_path / "c.md"), "docs/de/c.md")


def test_page_with_broken_front_matter_is_not_a_draft(tmp_path: Path):
    # It must reach the build, which then fails with the validation message.
    assert not is_draft_page(write(tmp_path / "a.md", "draft: true\ndraft: true\n"), "x.md")


def test_draft_notices_name_each_draft_page(tmp_path: Path):
    write(tmp_path / "de/a.md", "draft: true\n")
    write(tmp_path / "de/b.md")
    metas, problems = validate_docs(tmp_path)
    assert problems == []
    assert [p.format() for p in draft_notices(metas, None)] == [
        "docs/de/a.md: draft: this page is a draft and is not published"
        " — hint: delete the line 'draft: true' when the page is ready to be published"
    ]


def test_placeholder_in_a_published_page_is_an_error(tmp_path: Path):
    page = write(tmp_path / "de/a.md", body="# Titel\n\nTODO Text.\n")
    assert [p.format() for p in placeholder_problems(page, "docs/de/a.md")] == [
        "docs/de/a.md:7:1: placeholder 'TODO' left in a published page"
        " — hint: replace it with the real text, or keep 'draft: true' until it is ready"
    ]


def test_placeholder_in_a_draft_or_in_a_comment_is_fine(tmp_path: Path):
    write(tmp_path / "de/a.md", "draft: true\n", body="TODO Text.\n")
    write(tmp_path / "de/b.md", "# replace every TODO\nservices: []  # TODO later\n")
    assert validate_docs(tmp_path)[1] == []


def test_placeholder_in_a_front_matter_value_is_found(tmp_path: Path):
    write(tmp_path / "de/a.md", "robots: noindex\n").write_text(
        PAGE.format(extra="", body="").replace("title: Titel", "title: TODO Titel")
    )
    assert [(p.line, p.column) for p in validate_docs(tmp_path)[1]] == [(2, 8)]


def hub_docs(tmp_path: Path, hub_config: Callable[..., Any], preview: bool) -> SimpleNamespace:
    docs_dir = tmp_path / "docs"
    write(docs_dir / "de/ready.md")
    write(docs_dir / "de/draft.md", "draft: true\n")
    write(docs_dir / "en/draft.md", "draft: true\n")
    config = hub_config(
        docs_dir, preview=preview, site_dir=str(tmp_path / "site"), theme={"language": "de"}
    )
    files = Files(
        [
            File(name, str(docs_dir), config.site_dir, use_directory_urls=True)
            for name in ("de/ready.md", "de/draft.md", "en/draft.md")
        ]
    )
    return SimpleNamespace(config=config, files=files)


def page_of(files: Files, src_uri: str) -> SimpleNamespace:
    file = files.get_file_from_path(src_uri)
    return SimpleNamespace(file=file, meta={"draft": True} if "draft" in src_uri else {})


def test_build_removes_drafts_before_the_language_split(
    tmp_path: Path, hub_config: Callable[..., Any]
):
    docs = hub_docs(tmp_path, hub_config, preview=False)
    files = drafts_hook.on_files(docs.files, config=docs.config)
    assert [f.src_uri for f in files] == ["de/ready.md"]


def test_preview_keeps_drafts_out_of_the_navigation(tmp_path: Path, hub_config: Callable[..., Any]):
    docs = hub_docs(tmp_path, hub_config, preview=True)
    files = drafts_hook.on_files(docs.files, config=docs.config)
    assert {f.src_uri: f.inclusion for f in files if f.src_uri.endswith("draft.md")} == {
        "de/draft.md": InclusionLevel.NOT_IN_NAV,
        "en/draft.md": InclusionLevel.NOT_IN_NAV,
    }
    assert files.get_file_from_path("de/ready.md").inclusion == InclusionLevel.UNDEFINED


@pytest.mark.parametrize("preview", [True, False])
def test_draft_notice_only_in_a_preview(
    tmp_path: Path, hub_config: Callable[..., Any], preview: bool
):
    docs = hub_docs(tmp_path, hub_config, preview=preview)
    notice = hub(docs.config).data.labels.t("draft.notice", "de")
    for src_uri in ("de/draft.md", "de/ready.md"):
        page = page_of(docs.files, src_uri)
        markdown = drafts_hook.on_page_markdown(
            "# Text\n", page=page, config=docs.config, files=docs.files
        )
        shown = preview and src_uri == "de/draft.md"
        assert markdown.startswith(f'!!! warning "{notice}"') is shown, src_uri
        assert markdown.endswith("# Text\n")


@pytest.mark.parametrize(("env", "preview"), [(None, False), ("true", True), ("false", False)])
def test_preview_setting_comes_from_hub_preview_in_mkdocs_yml(
    monkeypatch: pytest.MonkeyPatch, env: str | None, preview: bool
):
    # The real mkdocs.yml, read with MkDocs' own loader (its !ENV tag), then the settings model.
    if env is None:
        monkeypatch.delenv("HUB_PREVIEW", raising=False)
    else:
        monkeypatch.setenv("HUB_PREVIEW", env)
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    settings, problems = read_settings(config["extra"]["saxonyhub"], [("de", True)], {})
    assert problems == []
    assert settings is not None and settings.preview is preview


def test_make_serve_is_a_preview():
    serve = re.search(r"^serve:.*\n\t(.+)$", (ROOT / "Makefile").read_text(), re.M)
    assert serve and serve.group(1).startswith("HUB_PREVIEW=true ")
    assert "scripts/serve.py" in serve.group(1)  # MkDocs' serve with fast rebuilds


def test_drafts_hook_keeps_no_module_state():
    assert not hasattr(drafts_hook, "_serving")
    assert not hasattr(drafts_hook, "on_startup")


def test_drafts_hook_runs_before_static_i18n():
    assert drafts_hook.on_files.mkdocs_priority > -100
