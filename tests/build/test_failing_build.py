"""Broken data fails `make build` with a clear message and leaves the published site alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from site_build import copy_project


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "scripts/build.py"], cwd=project, capture_output=True, text=True
    )


def test_invalid_data_keeps_previous_site_and_reports_all_errors(project_copy: Path):
    site = project_copy / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    organisation = project_copy / "data/organisations/tu-dresden.yml"
    text = organisation.read_text(encoding="utf-8")
    organisation.write_text(
        text.replace("website:", "webiste:").replace("region: dresden", "region: dresdn")
    )
    (project_copy / "data/contacts/cluster-office.yml").write_text("id: [\n", encoding="utf-8")
    result = build(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "data/organisations/tu-dresden.yml:" in output and "did you mean 'website'?" in output
    assert "unknown region id 'dresdn'" in output
    assert "data/contacts/cluster-office.yml:2:1: YAML syntax error" in output
    assert (site / "index.html").read_text() == "previous site"
    assert sorted(p.name for p in project_copy.iterdir() if p.name.startswith(".site-build")) == []


def test_valid_build_replaces_site(project_copy: Path):
    (project_copy / "site").mkdir()
    (project_copy / "site/stale.html").write_text("old", encoding="utf-8")
    result = build(project_copy)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (project_copy / "site/index.html").is_file()
    assert not (project_copy / "site/stale.html").exists()


def test_unknown_cluster_contact_fails_validate_and_build_with_one_message(project_copy: Path):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    cluster_contact: cluster-office\n" in text
    config.write_text(
        text.replace("cluster_contact: cluster-office", "cluster_contact: cluster-ofice")
    )
    line = text[: text.index("    cluster_contact:")].count("\n") + 1
    validate = subprocess.run(
        [sys.executable, "scripts/validate.py"], cwd=project_copy, capture_output=True, text=True
    )
    assert validate.returncode == 1
    [message] = [m for m in validate.stderr.splitlines() if m.startswith("mkdocs.yml:")]
    assert message.startswith(
        f"mkdocs.yml:{line}:22: extra.saxonyhub.cluster_contact: unknown contact id, "
        "found 'cluster-ofice' — hint: one of "
    )
    assert "cluster-office" in message.partition("hint:")[2]
    result = build(project_copy)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert message in result.stderr.splitlines()
