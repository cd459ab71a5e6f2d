"""The web editor's pull-request flow (issue 16) against a fake GitHub on 127.0.0.1.

The published /admin/ saves through Decap's github backend with `publish_mode:
editorial_workflow`: each new entry becomes a branch `cms/<collection>/<slug>` and a pull request
on `main`, which CI validates. GitHub cannot be reached here, so the backend's `api_root` points
at tests/browser/fake_github.py, a REST stand-in over a real temporary git repository. The test
logs in with a token (the stored login Decap restores), creates a draft organisation in both
languages, saves, and checks the branch, the pull request and its label, then `validate.py` on a
clone of the branch, as CI runs it on the pull request; then saves again after main moved on
(Decap rebases the branch), marks the entry ready and publishes it (the pull request is merged).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
import yaml
from playwright.sync_api import Browser, Page, Route, expect

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from fake_github import FakeGitHub, make_repository  # noqa: E402
from test_cms import field, fill_new_organisation  # noqa: E402

from saxonyhub.cms_admin import install_admin, render_config  # noqa: E402
from serve_static import start  # noqa: E402

REPO = "saxonyhub/hub"
NEW_ID = "cms-test-pr-labor"
BRANCH = f"cms/organisations/{NEW_ID}"
TOKEN = "fake-token"
T = TypeVar("T")
# CI's fresh container has no git identity.
GIT_ENV = os.environ | {
    f"GIT_{who}_{what}": value
    for who in ("AUTHOR", "COMMITTER")
    for what, value in (("NAME", "Anderswo"), ("EMAIL", "anderswo@example.org"))
}


@dataclass
class Editor:
    page: Page
    url: str
    github: FakeGitHub
    repo: Path
    outside: list[str]  # requests to anything but 127.0.0.1 (blocked)


def fake_config(project: Path, api_root: str) -> str:
    """The site's generated config, with the GitHub API at the fake and no local backend."""
    config = yaml.safe_load(render_config(project, REPO))
    assert config["backend"]["name"] == "github"
    assert config["publish_mode"] == "editorial_workflow"
    del config["local_backend"]  # else Decap on 127.0.0.1 uses decap-server
    config["backend"]["api_root"] = api_root
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


@pytest.fixture
def editor(browser: Browser, tmp_path: Path) -> Iterator[Editor]:
    repo = make_repository(tmp_path / "repo", [ROOT / "data", ROOT / "docs", ROOT / "mkdocs.yml"])
    github = FakeGitHub(repo, REPO)
    api_root = github.start()
    site = tmp_path / "site"
    install_admin(site, repo, repo_url=f"https://github.com/{REPO}")
    (site / "admin" / "config.yml").write_text(fake_config(repo, api_root), encoding="utf-8")
    server, url = start(site)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    # Logged in with a token: what Decap keeps after a GitHub login and restores on load
    # (decap-cms-core backend.ts, LocalStorageAuthStore 'decap-cms-user').
    user = {"backendName": "github", "token": TOKEN, "login": "redaktion", "name": "Redaktion"}
    context.add_init_script(
        f"localStorage.setItem('decap-cms-user', {json.dumps(json.dumps(user))})"
    )
    outside: list[str] = []

    def local_only(route: Route) -> None:
        if route.request.url.startswith(("http://127.0.0.1", "blob:", "data:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", local_only)
    page = context.new_page()
    try:
        page.goto(f"{url}admin/")
        expect(page.get_by_text("Organisationen").first).to_be_visible()
        yield Editor(page, f"{url}admin/", github, repo, outside)
    finally:
        context.close()
        server.shutdown()
        github.stop()


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=GIT_ENV
    ).stdout


def commit_on_main(repo: Path, path: str, text: str) -> None:
    """A change merged on main by someone else, through git as GitHub would store it."""
    (repo / path).write_text(text, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Elsewhere on main")


def validate_branch(repo: Path, branch: str, checkout: Path) -> Path:
    """Clone ``branch`` and run scripts/validate.py on it, the check CI runs on a pull request."""
    git(repo, "clone", "-q", "--branch", branch, str(repo), str(checkout))
    validation = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), str(checkout)],
        capture_output=True,
        text=True,
    )
    assert validation.returncode == 0, f"{branch}: {validation.stdout}{validation.stderr}"
    return checkout


def wait_for(page: Page, condition: Callable[[], T], what: str) -> T:
    for _ in range(150):
        if value := condition():
            return value
        page.wait_for_timeout(200)
    pytest.fail(f"timed out waiting for {what}")


def test_save_opens_pull_request_that_validates(editor: Editor, tmp_path: Path):
    page, github = editor.page, editor.github
    page.goto(f"{editor.url}#/collections/organisations/new")
    fill_new_organisation(
        page,
        NEW_ID,
        "Testlabor für Pull-Requests & Co.",
        (
            "Ein Labor, das nur im Test des Pull-Request-Ablaufs existiert.",
            "A laboratory that exists only in the pull request test.",
        ),
        ("Prüfung von Pull-Requests", "Testing pull requests"),
        "https://www.example.org/cms-pr-test",
    )
    page.get_by_role("button", name="Speichern").click()

    pull = wait_for(page, lambda: github.pulls and github.pulls[0], "a pull request")
    expect(page.get_by_text("Status: Entwurf")).to_be_visible()
    assert (pull.head, pull.base, pull.state) == (BRANCH, "main", "open")
    wait_for(page, lambda: pull.labels, "the pull request's workflow label")
    assert pull.labels == ["decap-cms/draft"]
    # Nothing is on main until the pull request is merged.
    path = f"data/organisations/{NEW_ID}.yml"
    assert git(editor.repo, "ls-tree", "--name-only", "main", path) == ""
    checkout = validate_branch(editor.repo, BRANCH, tmp_path / "branch")
    entry = yaml.safe_load((checkout / path).read_text(encoding="utf-8"))
    assert entry["draft"] is True
    assert entry["name"] == "Testlabor für Pull-Requests & Co."
    assert entry["summary"] == {
        "de": "Ein Labor, das nur im Test des Pull-Request-Ablaufs existiert.",
        "en": "A laboratory that exists only in the pull request test.",
    }
    changed = git(checkout, "diff", "--name-only", "origin/main...HEAD").split()
    assert changed == [path]

    # Meanwhile another pull request lands on main. A second save rebases the branch onto it
    # (Decap's rebaseBranch) and adds one commit; the pull request stays the same.
    first_head = git(editor.repo, "rev-parse", BRANCH).strip()
    other = "docs/de/index.md"
    elsewhere = git(editor.repo, "show", f"main:{other}") + "\nNeuer Absatz von nebenan.\n"
    commit_on_main(editor.repo, other, elsewhere)
    field(page, "en", 1).fill("A longer English profile, revised.")
    page.get_by_role("button", name="Speichern").click()
    wait_for(page, lambda: git(editor.repo, "rev-parse", BRANCH).strip() != first_head, "a push")
    assert len(github.pulls) == 1
    assert git(editor.repo, "rev-list", "--count", f"main..{BRANCH}").strip() == "2"
    assert git(editor.repo, "merge-base", "main", BRANCH) == git(editor.repo, "rev-parse", "main")
    assert git(editor.repo, "show", f"{BRANCH}:{other}") == elsewhere
    saved = yaml.safe_load(git(editor.repo, "show", f"{BRANCH}:{path}"))
    assert saved["profile"]["en"] == "A longer English profile, revised."
    expect(page.get_by_text("Status: Entwurf")).to_be_visible()

    # Ready for publishing: the pull request's label changes, the branch stays.
    page.get_by_text("Status: Entwurf").click()
    page.get_by_text("Abgeschlossen", exact=True).click()
    wait_for(page, lambda: pull.labels == ["decap-cms/pending_publish"], "the 'ready' label")
    assert pull.state == "open"
    # Publishing merges the pull request into main and deletes the branch.
    page.once("dialog", lambda dialog: dialog.accept())  # Decap asks "publish this entry?"
    page.get_by_role("button", name="Veröffentlichen").click()
    page.get_by_text("Jetzt veröffentlichen").click()
    wait_for(page, lambda: pull.state == "closed" and pull.merged_at, "the merge")
    assert yaml.safe_load(git(editor.repo, "show", f"main:{path}")) == saved
    validate_branch(editor.repo, "main", tmp_path / "main")
    wait_for(
        page, lambda: not git(editor.repo, "branch", "--list", BRANCH), "the branch's deletion"
    )

    assert github.unknown == [], github.unknown  # every call Decap made is one the fake knows
    assert editor.outside == []


def test_editor_cannot_reach_other_hosts_than_github_api(editor: Editor):
    # Decap's status poll (decap-cms-backend-github implementation.tsx, every 5 minutes) would
    # fetch www.githubstatus.com; the page's Content-Security-Policy refuses it in the browser,
    # before any request, while the API on 127.0.0.1 (the fake) still answers.
    page = editor.page
    refused = page.evaluate(
        """async () => {
            const url = 'https://www.githubstatus.com/api/v2/components.json';
            try { await fetch(url); return false; } catch (error) { return true; }
        }"""
    )
    violations = page.evaluate(
        """() => new Promise(resolve => {
            document.addEventListener('securitypolicyviolation',
                event => resolve(event.blockedURI), {once: true});
            fetch('https://www.githubstatus.com/api/v2/components.json').catch(() => {});
        })"""
    )
    assert refused and violations.startswith("https://www.githubstatus.com")
    assert editor.outside == [], "the policy, not the test's network block, must stop it"
    assert page.evaluate("async () => (await fetch('config.yml')).ok")
