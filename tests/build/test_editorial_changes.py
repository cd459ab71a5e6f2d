"""The usual editorial pull request keeps CI green: the tests on the built site run again on a
copy of the project with a new guide, a re-reviewed guide, a new glossary term, a new
organisation and a new news item, each made the way CONTRIBUTING describes.

The copy is handed to a second pytest run through HUB_TEST_PROJECT (tests/site_build.py), so
the same test modules build it and compute their expectations from its docs/ and data/.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from site_build import ROOT, copy_project

# The tests on the built real site (each reads its expectations from the project under test).
BUILT_SITE_MODULES = [
    "tests/build/test_guides.py",
    "tests/build/test_data_pages.py",
    "tests/build/test_i18n.py",
    "tests/build/test_news_and_search.py",
    "tests/build/test_privacy.py",
]
NEW_GUIDE, SOURCE_GUIDE = "funding-in-saxony", "funding"
RE_REVIEWED_GUIDE, NEW_REVIEW_DATE = "ivdr", "2027-03-15"
NEW_NEWS, SOURCE_NEWS = "2027-03-20-editorial-test", "2018-11-02-innovation-cluster"
NEW_ORGANISATION, SOURCE_ORGANISATION = "example-labs-dresden", "crtd"

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("HUB_TEST_PROJECT")), reason="this test makes the copy; no copy of a copy"
)


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path}: {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def add_to_nav(project: Path, after: str, page: str) -> None:
    replace_once(project / "mkdocs.yml", f"      - {after}\n", f"      - {after}\n      - {page}\n")


def copy_page(project: Path, source: str, target: str, titles: dict[str, str]) -> None:
    """A new page in both languages: the English one keeps its acknowledged translation."""
    for lang, title in titles.items():
        folder = project / "docs" / lang
        text = (folder / source).read_text(encoding="utf-8")
        head, body = text.split("\n---\n", 1)
        lines = [
            f"title: {title}" if line.startswith("title:") else line for line in head.split("\n")
        ]
        (folder / target).write_text("\n".join(lines) + "\n---\n" + body, encoding="utf-8")


def add_guide(project: Path) -> None:
    copy_page(
        project,
        f"guides/{SOURCE_GUIDE}.md",
        f"guides/{NEW_GUIDE}.md",
        {"de": "Förderung in Sachsen im Überblick", "en": "Funding in Saxony at a glance"},
    )
    add_to_nav(project, "guides/index.md", f"guides/{NEW_GUIDE}.md")


def re_review_guide(project: Path) -> None:
    for lang in ("de", "en"):
        page = project / "docs" / lang / "guides" / f"{RE_REVIEWED_GUIDE}.md"
        text = page.read_text(encoding="utf-8")
        old = next(line for line in text.splitlines() if line.startswith("  last_reviewed:"))
        replace_once(page, old, f"  last_reviewed: {NEW_REVIEW_DATE}")


def add_news(project: Path) -> None:
    copy_page(
        project,
        f"news/{SOURCE_NEWS}.md",
        f"news/{NEW_NEWS}.md",
        {"de": "Neues Mitglied im Cluster", "en": "A new member of the cluster"},
    )
    for lang in ("de", "en"):
        page = project / "docs" / lang / "news" / f"{NEW_NEWS}.md"
        replace_once(page, "\ndate: 2018-11-02\n", f"\ndate: {NEW_NEWS[:10]}\n")
    add_to_nav(project, "news/index.md", f"news/{NEW_NEWS}.md")


def add_glossary_term(project: Path) -> None:
    path = project / "data/glossary.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["terms"].append(
        {
            "id": "biocompatibility",
            "abbr": None,
            "de": {
                "term": "Biokompatibilität",
                "definition": "Verträglichkeit eines Werkstoffs mit dem Gewebe, das er berührt.",
            },
            "en": {
                "term": "biocompatibility",
                "definition": "How well a material is tolerated by the tissue it touches.",
            },
            "see_also": ["medical-device"],
            "source": data["terms"][0]["source"],
        }
    )
    data["terms"].sort(key=lambda term: term["en"]["term"].casefold())
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def add_organisation(project: Path) -> None:
    folder = project / "data/organisations"
    data = yaml.safe_load((folder / f"{SOURCE_ORGANISATION}.yml").read_text(encoding="utf-8"))
    data.update(id=NEW_ORGANISATION, name="Example Labs Dresden GmbH", short_name="ELD")
    data["summary"] = {
        "de": "Ein Beispielunternehmen, das ein Redaktionsteam im Test neu aufnimmt.",
        "en": "An example company that an editorial team adds in the test.",
    }
    target = folder / f"{NEW_ORGANISATION}.yml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def edited_copy(target: Path) -> Path:
    copy_project(target)
    for change in (add_guide, re_review_guide, add_news, add_glossary_term, add_organisation):
        change(target)
    return target


def test_built_site_checks_pass_on_a_copy_with_the_usual_editorial_changes(tmp_path: Path):
    project = edited_copy(tmp_path / "project")
    validate = subprocess.run(
        [sys.executable, "scripts/validate.py"], cwd=project, capture_output=True, text=True
    )
    assert validate.returncode == 0, validate.stdout[-2000:] + validate.stderr[-2000:]
    checks = subprocess.run(
        [sys.executable, "-m", "pytest", *BUILT_SITE_MODULES, "-q", "-x", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env={**os.environ, "HUB_TEST_PROJECT": str(project)},
        capture_output=True,
        text=True,
    )
    assert checks.returncode == 0, checks.stdout[-5000:] + checks.stderr[-2000:]
