"""Build a project with MkDocs in its own process (shared by the test fixtures)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

BUILD_SCRIPT = Path(__file__).resolve().parent.parent / "scripts/build.py"
ROOT = Path(__file__).resolve().parent.parent
# The project whose site the tests on the built site check: this one, or an edited copy
# (tests/build/test_editorial_changes.py runs those tests again on one). Read docs/ and data/
# from here, never from ROOT, so that expectations follow the content.
PROJECT = Path(os.environ.get("HUB_TEST_PROJECT") or ROOT)
FIXTURES = ROOT / "tests/fixtures"
# What a fixture site shares with the real one; its own docs/ and mkdocs.yml come on top.
PROJECT_PARTS = ("hooks", "overrides", "data", "docs/assets")


# What a copy of the whole project leaves out: local environments, outputs and caches, and the
# npm packages of tools/ (~500 MB in ~30,000 files: ~20 s a copy on a busy machine), which the
# copy links to instead.
COPY_IGNORE = shutil.ignore_patterns(
    ".venv", "site", ".git", "*cache*", "__pycache__", ".site-*", "node_modules"
)


def copy_project(target: Path) -> Path:
    """A copy of the project to edit and build, sharing the installed npm packages."""
    shutil.copytree(ROOT, target, ignore=COPY_IGNORE)
    for modules in (ROOT / "tools").glob("*/node_modules"):
        link = target / modules.relative_to(ROOT)
        link.symlink_to(modules.resolve(), target_is_directory=True)
    return target


def fixture_project(name: str, target: Path) -> Path:
    """A temporary copy of the project whose pages are those of ``tests/fixtures/<name>/``.

    The fixture's mkdocs.yml inherits the real one (copied as mkdocs.project.yml) and sets its own
    nav, so scenarios run the real hooks, templates and data on a few pages.
    """
    for part in PROJECT_PARTS:
        ignore = shutil.ignore_patterns("__pycache__")
        shutil.copytree(ROOT / part, target / part, ignore=ignore)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.project.yml")
    shutil.copytree(FIXTURES / name, target, dirs_exist_ok=True)
    # The real guides are not part of a fixture site: services must not point at them.
    for service in (target / "data/services").glob("*.yml"):
        text = service.read_text(encoding="utf-8")
        service.write_text(re.sub(r"(?m)^guides: \[.*\]$", "guides: []", text), encoding="utf-8")
    return target


def build_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The caller's environment without what changes a build's output: REPO_URL adds edit
    buttons and HUB_BUILD_LANGUAGE restricts a build to one language."""
    inherited = {k: v for k, v in os.environ.items() if k not in ("REPO_URL", "HUB_BUILD_LANGUAGE")}
    return {**inherited, "NO_MKDOCS_2_WARNING": "1", **(extra or {})}


def run_build(
    project: Path, site_dir: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Build ``project`` into ``site_dir`` as `make build` does, in a separate process.

    That is scripts/build.py: a strict MkDocs build per language, run in parallel and merged. A
    separate process per build matters: static-i18n and our hooks keep per-process state.
    """
    return subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--project", str(project), "--site-dir", str(site_dir)],
        env=build_env(extra_env),
        capture_output=True,
        text=True,
    )


# Stock MkDocs rendering: profiles go through MkDocs' own Page.render like every other page,
# every page renders its whole frame (saxonyhub.frame shares nothing), and the search index is
# made in one process by one Pagefind run over all languages.
_STOCK_BUILD = """
import sys
sys.path.insert(0, "hooks")
from mkdocs.__main__ import cli
from mkdocs.structure.pages import Page
import saxonyhub.profile_page
saxonyhub.profile_page.ProfilePage.render = Page.render
import saxonyhub.frame
import saxonyhub.search_index as search_index
saxonyhub.frame.FrameParts.key = lambda self, part, page, nav: None
search_index.write_search_index = search_index.write_joint_index
cli()
"""


def run_stock_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """The site as stock MkDocs builds it, without our speed-ups: one `mkdocs build --strict`
    process building every language (as static-i18n does alone), every page rendered by MkDocs'
    own Markdown pipeline."""
    command = ["build", "--strict", "--site-dir", str(site_dir)]
    return subprocess.run(
        [sys.executable, "-c", _STOCK_BUILD, *command],
        cwd=project,
        env=build_env(),
        capture_output=True,
        text=True,
    )
