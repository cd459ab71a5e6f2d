"""Shared fixtures: the project root and one strict build of the real site per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_build(
    project: Path, site_dir: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a strict MkDocs build of ``project`` into ``site_dir`` in a separate process.

    A separate process per build matters: static-i18n and our hooks keep per-process state.
    """
    # REPO_URL adds edit buttons; the reference build must not depend on the caller's shell.
    inherited = {k: v for k, v in os.environ.items() if k != "REPO_URL"}
    env = {**inherited, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


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
