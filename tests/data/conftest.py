"""A writable copy of the minimal valid data fixture, and a helper to break one file of it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from saxonyhub.datastore import load_store

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures/data-minimal"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture
def problems_after(project: Path) -> Callable[[str, str, str], list[str]]:
    """Replace text in one data file and return the formatted problems of a full load."""

    def run(relative: str, old: str, new: str) -> list[str]:
        path = project / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        _, problems = load_store(project)
        return [p.format() for p in problems]

    return run
