"""Shared fixtures: the project root and one strict build of the real site per test session."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from site_build import PROJECT, fixture_project, run_build

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site (or the project named by HUB_TEST_PROJECT), built once with --strict."""
    site_dir = tmp_path_factory.mktemp("site")
    # With the web editor, installed if need be: CI tests /admin/ as deployed.
    result = run_build(PROJECT, site_dir, {"HUB_EDITOR": "require"})
    assert result.returncode == 0, f"strict build failed:\n{result.stderr[-4000:]}"
    return site_dir


@pytest.fixture
def build_scenario(tmp_path: Path) -> Callable[[str], subprocess.CompletedProcess[str]]:
    """Build ``tests/fixtures/<name>/`` in a temporary project; returns the finished process."""

    def build(name: str) -> subprocess.CompletedProcess[str]:
        return run_build(fixture_project(name, tmp_path / "project"), tmp_path / "site")

    return build


@pytest.fixture(scope="session")
def review_fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The review-dates scenario: a guide last reviewed in 2000, a current one, and an English
    page whose German source changed after it was translated."""
    project = fixture_project("review-dates", tmp_path_factory.mktemp("review-dates"))
    site_dir = tmp_path_factory.mktemp("review-dates-site")
    result = run_build(project, site_dir)
    assert result.returncode == 0, f"fixture build failed:\n{result.stderr[-4000:]}"
    return site_dir


@pytest.fixture(scope="session")
def served_site(built_site: Path) -> Iterator[str]:
    """The built site served on a free 127.0.0.1 port, like a static host (nearest 404.html)."""
    from serve_static import start

    server, url = start(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def served_review_fixture(review_fixture_site: Path) -> Iterator[str]:
    from serve_static import start

    server, url = start(review_fixture_site)
    yield url
    server.shutdown()
