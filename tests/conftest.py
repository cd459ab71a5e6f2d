"""Shared fixtures: the project root and one strict build of the real site per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from site_build import run_build

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with --strict."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, site_dir)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr[-4000:]}"
    return site_dir


@pytest.fixture(scope="session")
def served_site(built_site: Path) -> Iterator[str]:
    """The built site served on a free 127.0.0.1 port, like a static host (nearest 404.html)."""
    from serve_static import start

    server, url = start(built_site)
    yield url
    server.shutdown()
