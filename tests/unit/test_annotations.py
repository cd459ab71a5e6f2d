"""`validate.py --format github`: each problem as a GitHub Actions annotation, escaped exactly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from validate import main

from saxonyhub.problems import Problem

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures/data-minimal"
ORG = "data/organisations/example-university.yml"


def test_format_github_error_with_location_and_field():
    problem = Problem(ORG, 20, 1, "webiste", "unknown key 'webiste'", "did you mean 'website'?")
    assert problem.format_github() == (
        f"::error file={ORG},line=20,col=1,title=webiste::unknown key 'webiste'"
        " — hint: did you mean 'website'?"
    )


def test_format_github_notice_without_line_or_field():
    problem = Problem("data/operator.yml", message="not supplied", severity="notice")
    assert problem.format_github() == "::notice file=data/operator.yml::not supplied"


def test_format_github_escapes_data_and_properties():
    problem = Problem("a,b:c%.yml", 3, 0, "x:y,z", "50% done\r\nnext: a, b", "")
    assert problem.format_github() == (
        "::error file=a%2Cb%3Ac%25.yml,line=3,col=1,title=x%3Ay%2Cz::50%25 done%0D%0Anext: a, b"
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(FIXTURE, target)
    organisation = target / ORG
    text = organisation.read_text(encoding="utf-8")
    organisation.write_text(
        text.replace("website:", "webiste:").replace("verified:", "draft: true\nverified:"),
        encoding="utf-8",
    )
    return target


def test_validate_prints_exact_annotations(project: Path, capsys: pytest.CaptureFixture[str]):
    assert main([str(project), "--format", "github"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"::error file={ORG},line=20,col=1,title=webiste::unknown key 'webiste'"
        " — hint: did you mean 'website'?",
        "1 error found.",
    ]


def test_validate_chooses_github_format_on_github_actions(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    (project / ORG).write_text(
        (project / ORG).read_text(encoding="utf-8").replace("webiste:", "website:"),
        encoding="utf-8",
    )
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main([str(project)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"::notice file={ORG},line=23,col=8,title=draft::this entry is a draft and is not"
        " published — hint: delete the line 'draft: true' when the entry is ready to be published",
        "All valid.",
    ]


def test_validate_text_format_is_the_default_elsewhere(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main([str(project)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{ORG}:20:1: webiste: unknown key 'webiste' — hint: did you mean 'website'?",
        "1 error found.",
    ]
