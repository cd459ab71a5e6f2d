"""The web editor's configuration follows the models and data/taxonomy.yml."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from saxonyhub import cms_admin
from saxonyhub.cms_admin import (
    REPO_PLACEHOLDER,
    EditorMissing,
    auth_url,
    editor_wanted,
    render_config,
    repo_from_url,
)
from saxonyhub.cms_config import PAGE_COLLECTIONS, pair_name
from saxonyhub.datastore import ENTITY_KINDS, REFERENCES

ROOT = Path(__file__).resolve().parents[2]
REFERENCE_NAMES = {name for _, name in REFERENCES}


@pytest.fixture(scope="module")
def config() -> dict:
    return yaml.safe_load(render_config(ROOT, "org/repo", 8123))


def collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def fields(config: dict, name: str) -> dict[str, dict]:
    return {f["name"]: f for f in collection(config, name)["fields"]}


def test_pull_requests_on_github_and_a_local_backend(config):
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {"name": "github", "repo": "org/repo", "branch": "main"}
    assert config["local_backend"]["url"] == "http://127.0.0.1:8123/api/v1"


@pytest.mark.parametrize("kind", ENTITY_KINDS)
def test_every_model_field_with_its_requirement(config, kind):
    model = ENTITY_KINDS[kind]
    shown = fields(config, kind)
    assert list(shown) == list(model.model_fields)
    for name, info in model.model_fields.items():
        assert shown[name].get("required", True) is info.is_required(), name
        assert shown[name]["label"] != name or name in {"id"}, (
            f"{kind}.{name}: add a German label to LABELS in hooks/saxonyhub/cms_config.py"
        )


@pytest.mark.parametrize("kind", ["organisations", "services", "events"])
def test_new_entries_start_as_drafts(config, kind):
    assert fields(config, kind)["draft"]["default"] is True


def all_fields(fields: list[dict]) -> list[dict]:
    return [f for field in fields for f in [field, *all_fields(field.get("fields", []))]]


def decap_i18n_path(collection: dict, name: str, locale: str) -> str:
    """The file Decap's i18n "multiple_folders" writes for a new entry ``name`` (decap-cms-core
    src/lib/i18n.ts getFilePath: the language goes before the slug)."""
    slug = collection["path"].replace("{{slug}}", name)
    path = f"{collection['folder']}/{slug}.{collection['extension']}"
    return path.replace(f"/{slug}", f"/{locale}/{slug}")


def test_pages_listed_from_the_german_folder(config):
    for name, _, _, section in PAGE_COLLECTIONS:
        listing = collection(config, name)
        assert listing["folder"] == f"docs/de/{section}"
        assert "i18n" not in listing
        assert {f["name"]: f for f in listing["fields"]}["draft"]["default"] is True


def test_pages_open_with_their_counterpart(config):
    assert config["i18n"] == {
        "structure": "multiple_folders",
        "locales": ["de", "en"],
        "default_locale": "de",
    }
    for name, _, _, section in PAGE_COLLECTIONS:
        pair = collection(config, pair_name(name))
        assert pair["i18n"] is True and pair["hide"] is True
        for page in (ROOT / "docs/de" / section).glob("*.md"):
            for locale in ("de", "en"):
                written = decap_i18n_path(pair, page.stem, locale)
                assert written == f"docs/{locale}/{section}/{page.name}"
                assert (ROOT / written).exists(), written
        # Every field and part, or Decap hides it on the English side; the date is shared.
        assert all(
            f.get("i18n") == ("duplicate" if f["name"] == "date" else True)
            for f in all_fields(pair["fields"])
        )
        assert {f["name"]: f for f in pair["fields"]}["draft"]["default"] is True


def test_page_lists_lead_to_their_pairs():
    """tools/cms/pages.js sends a list entry to the pair collection of the same sections."""
    script = (ROOT / "tools/cms/pages.js").read_text(encoding="utf-8")
    sections = json.loads(re.search(r"var SECTIONS = (\[[^\]]*\]);", script).group(1))
    suffix = re.search(r'var PAIR = "([^"]+)";', script).group(1)
    assert sections == [name for name, *_ in PAGE_COLLECTIONS]
    assert all(pair_name(name) == name + suffix for name in sections)


def test_news_files_start_with_their_date(config):
    assert collection(config, "news")["slug"].startswith("{{fields.date}}-")


def test_references_choose_from_taxonomy_and_entries(config):
    taxonomy = yaml.safe_load((ROOT / "data/taxonomy.yml").read_text(encoding="utf-8"))
    for (kind, name), target in REFERENCES.items():
        widget = fields(config, kind)[name]
        if target in taxonomy:
            ids = {t["id"] for t in taxonomy[target]}
            if target == "technologies":
                ids |= {f["id"] for t in taxonomy[target] for f in t.get("fields", [])}
            assert widget["widget"] == "select"
            assert {o["value"] for o in widget["options"]} == ids, f"{kind}.{name}"
        else:
            assert widget["widget"] == "relation" and widget["collection"] == target


def test_texts_in_both_languages_and_hints_in_german(config):
    summary = fields(config, "organisations")["summary"]
    assert [f["name"] for f in summary["fields"]] == ["de", "en"]
    assert summary["hint"].startswith("Ein bis zwei Sätze")
    assert fields(config, "contacts")["phone"]["pattern"][0] == r"^\+[0-9 ]{6,20}$"


def test_repository_from_repo_url():
    assert repo_from_url("https://github.com/biosaxony/hub") == "biosaxony/hub"
    assert repo_from_url("") == REPO_PLACEHOLDER


def test_github_login_through_the_configured_oauth_client():
    config = yaml.safe_load(render_config(ROOT, "org/repo", 8123, "https://auth.example.org"))
    assert config["backend"]["base_url"] == "https://auth.example.org"
    assert auth_url("https://auth.example.org/") == "https://auth.example.org"
    assert auth_url("") == ""
    with pytest.raises(EditorMissing, match="CMS_AUTH_URL"):
        auth_url("http://auth.example.org")


def test_build_adds_the_editor_when_installed_or_required(monkeypatch, tmp_path):
    monkeypatch.setattr(cms_admin, "BUNDLE", tmp_path / "decap-cms.js")
    assert editor_wanted("auto") is False and editor_wanted("") is False
    assert editor_wanted("require") is True
    (tmp_path / "decap-cms.js").write_text("", encoding="utf-8")
    assert editor_wanted("auto") is True and editor_wanted("skip") is False
    with pytest.raises(EditorMissing, match="HUB_EDITOR='yes'"):
        editor_wanted("yes")


def test_closed_sets_read_in_german(config):
    """Every choice of a Literal field has a German label, with the stored value after it."""
    for kind in ENTITY_KINDS:
        for field in all_fields(collection(config, kind)["fields"]):
            widget = field.get("field", field)
            if widget.get("widget") == "select" and field["name"] not in REFERENCE_NAMES:
                assert all(isinstance(o, dict) and o["label"] for o in widget["options"]), (
                    f"{kind}.{field['name']}: add German labels to ENUM_LABELS"
                )


def test_new_page_names_are_ascii(config):
    assert config["slug"] == {"encoding": "ascii", "clean_accents": True}
