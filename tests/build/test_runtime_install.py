"""The runtime set alone builds the site: what `make serve`, `make build` and the deploy install.

A fresh venv gets requirements/runtime.txt only (from pip's cache, or the registry in CI), then
runs the plain `mkdocs build --strict`. A hook or template that imports a test or lint tool, or
a runtime package missing from pyproject.toml, fails here rather than in a staff preview.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import venv
from pathlib import Path

import pytest

from site_build import build_env

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = ROOT / "requirements/runtime.txt"
NOT_FOR_RUNTIME = {"pytest", "playwright", "beautifulsoup4", "linkchecker", "ruff", "mypy"}


def pinned_names(requirements: Path) -> set[str]:
    text = requirements.read_text(encoding="utf-8")
    return {name.lower() for name in re.findall(r"(?m)^([A-Za-z0-9._-]+)==", text)}


def installed_names(python: Path) -> set[str]:
    listing = subprocess.run(
        [python, "-m", "pip", "list", "--format", "json", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        check=True,
    )
    return {row["name"].lower().replace("_", "-") for row in json.loads(listing.stdout)}


@pytest.mark.install
def test_runtime_requirements_alone_build_the_site_strictly(tmp_path: Path):
    environment = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(environment)
    python = environment / "bin/python"
    install = subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        + ["--require-hashes", "-r", str(RUNTIME)],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    installed = installed_names(python) - {"pip", "setuptools"}
    assert installed <= pinned_names(RUNTIME) and not installed & NOT_FOR_RUNTIME
    env = {**build_env(), "PATH": f"{environment / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    build = subprocess.run(
        [environment / "bin/mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    assert (tmp_path / "site/index.html").is_file() and (tmp_path / "site/en/index.html").is_file()
