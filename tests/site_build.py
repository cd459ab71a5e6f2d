"""Build a project with MkDocs in its own process (shared by the test fixtures)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BUILD_SCRIPT = Path(__file__).resolve().parent.parent / "scripts/build.py"


def run_build(
    project: Path, site_dir: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Build ``project`` into ``site_dir`` as `make build` does, in a separate process.

    That is scripts/build.py: a strict MkDocs build per language, run in parallel and merged. A
    separate process per build matters: static-i18n and our hooks keep per-process state.
    """
    # REPO_URL adds edit buttons; the reference build must not depend on the caller's shell.
    inherited = {k: v for k, v in os.environ.items() if k != "REPO_URL"}
    env = {**inherited, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--project", str(project), "--site-dir", str(site_dir)],
        env=env,
        capture_output=True,
        text=True,
    )


def run_mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """One `mkdocs build --strict` process building every language, as static-i18n does alone."""
    inherited = {k: v for k, v in os.environ.items() if k not in ("REPO_URL", "HUB_BUILD_LANGUAGE")}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env={**inherited, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
