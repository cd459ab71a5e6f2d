"""Build a project with MkDocs in its own process (shared by the test fixtures)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


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
