"""Where the edit button of a page leads: the page's Markdown file on the forge's web editor."""

from __future__ import annotations

import re

# The branch that pull requests go into; the forge's editor opens the file there.
EDIT_BRANCH = "main"
_REPO_URL = re.compile(r"^https://[a-z0-9.-]+(:\d+)?(/[A-Za-z0-9._~-]+)+$")


def repo_url_problem(repo_url: str) -> str | None:
    """Why ``repo_url`` (from the REPO_URL environment variable) is unusable, or None."""
    if not repo_url or _REPO_URL.match(repo_url):
        return None
    return (
        f"REPO_URL '{repo_url}' is not the https:// address of a repository"
        " — hint: write it like https://github.com/ORG/REPO, without a trailing slash"
    )


def docs_edit_uri(repo_url: str) -> str | None:
    """MkDocs' ``edit_uri`` for the Markdown pages: absolute, so that ``repo_url`` can stay unset
    (MkDocs appends each page's path below docs/); None without a repository (no buttons)."""
    return f"{repo_url}/edit/{EDIT_BRANCH}/docs/" if repo_url else None


def edit_url(repo_url: str, docs_path: str | None) -> str | None:
    """The edit address of a page, or None when there is no repository or no source file.

    Arguments:
        repo_url: the repository's web address, e.g. ``https://github.com/ORG/REPO``; may be empty.
        docs_path: the page's file relative to the project, e.g. ``docs/en/news/index.md``;
            None for pages generated from data, which have no file of their own.
    """
    if not repo_url or docs_path is None:
        return None
    return f"{repo_url}/edit/{EDIT_BRANCH}/{docs_path}"
