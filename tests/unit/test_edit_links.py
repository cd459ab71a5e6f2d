from __future__ import annotations

from saxonyhub.edit_links import edit_url, repo_url_problem


def test_edit_url_opens_the_file_on_main():
    assert edit_url("https://github.com/ORG/REPO", "docs/en/news/index.md") == (
        "https://github.com/ORG/REPO/edit/main/docs/en/news/index.md"
    )


def test_no_edit_url_without_repository_or_file():
    assert edit_url("", "docs/de/index.md") is None
    assert edit_url("https://github.com/ORG/REPO", None) is None


def test_repo_url_must_be_an_https_repository_address():
    assert repo_url_problem("") is None
    assert repo_url_problem("https://github.com/ORG/REPO") is None
    assert repo_url_problem("https://git.example.org:8443/group/sub/repo") is None
    for bad in ("http://github.com/ORG/REPO", "github.com/ORG/REPO", "https://github.com/ORG/"):
        assert repo_url_problem(bad).startswith(f"REPO_URL '{bad}' is not the https:// address")
