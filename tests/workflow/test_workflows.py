"""The GitHub workflows are valid and do what the project needs; a broken one is caught."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from lint_workflows import check

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github/workflows"
BROKEN = ROOT / "tests/fixtures/workflows/broken.yml"


def load(name: str) -> dict:
    # PyYAML reads the key 'on' as True (YAML 1.1); the workflow runner reads it as 'on'.
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True)
    return data


def steps(job: dict) -> list[dict]:
    return job["steps"]


def runs(job: dict) -> list[str]:
    return [step["run"] for step in steps(job) if "run" in step]


def uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(job) if "uses" in step]


def test_real_workflows_lint_clean():
    workflows = sorted(WORKFLOWS.glob("*.yml"))
    assert {"ci.yml", "deploy.yml"} <= {p.name for p in workflows}
    assert check(workflows) == []


def test_broken_workflow_is_reported(tmp_path: Path):
    problems = check([BROKEN])
    text = "\n".join(problems)
    assert "Schema validation errors were encountered." in text
    assert "'runs-on' is a required property" in text
    assert "tests/fixtures/workflows/broken.yml: jobs.test: no timeout-minutes" in text
    assert (
        "tests/fixtures/workflows/broken.yml: jobs.test.steps[0]: 'actions/checkout@main' is not"
        " pinned to a major version tag such as @v6" in text
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("runs-on: ubuntu-latest", "run-on: ubuntu-latest"), "'runs-on' is a required property"),
        (("pull_request:", "pull-request:"), "Schema validation errors were encountered."),
        (("actions/checkout@v6", "actions/checkout"), "is not pinned to a major version tag"),
    ],
)
def test_single_mistakes_in_ci_are_caught(change: tuple[str, str], expected: str, tmp_path: Path):
    text = (WORKFLOWS / "ci.yml").read_text(encoding="utf-8")
    assert change[0] in text
    broken = tmp_path / "ci.yml"
    broken.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    assert expected in "\n".join(check([broken]))


def test_ci_runs_on_pull_requests_and_pushes_with_every_check():
    ci = load("ci.yml")
    assert {"pull_request", "push"} <= set(ci["on"])
    job = ci["jobs"]["test"]
    assert job["container"]["image"].startswith("python:3.11-")
    commands = "\n".join(runs(job))
    assert "apt-get install -y -qq chromium" in commands
    for target in ("make validate", "make build", "make test", "make linkcheck"):
        assert target in commands
    upload = next(s for s in steps(job) if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "site/"
    assert ci["permissions"] == {"contents": "read"}


def test_deploy_publishes_main_to_pages_with_needed_permissions():
    deploy = load("deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    assert deploy["concurrency"]["group"] == "pages"
    build, publish = deploy["jobs"]["build"], deploy["jobs"]["deploy"]
    assert uses(build) == [
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
    ]
    make_build = next(s for s in steps(build) if s.get("run") == "make build")
    assert "vars.SITE_URL" in make_build["env"]["SITE_URL"]
    assert uses(publish) == ["actions/deploy-pages"]
    assert publish["needs"] == "build"
    assert publish["permissions"]["pages"] == "write"
    assert publish["permissions"]["id-token"] == "write"
    assert publish["environment"]["name"] == "github-pages"


def test_pull_request_template_has_the_checklist_in_both_languages():
    template = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    german, english = template.split("## English", 1)
    for words in (
        ("beiden Sprachen", "Quellen", "Prüfdatum", "Übersetzung", "make validate"),
        ("both languages", "sources", "review date", "translation", "make validate"),
    ):
        part = german if words[0] == "beiden Sprachen" else english
        for word in words:
            assert word.lower() in part.lower(), word
    assert template.count("- [ ]") >= 10


def test_editor_pull_requests_are_validated_with_annotations():
    """The web editor saves on branches cms/<collection>/<slug> and opens a pull request
    (tools/cms/config.yml: editorial_workflow): CI must run for it and validate first."""
    ci = load("ci.yml")
    trigger = ci["on"]["pull_request"] or {}
    assert not {"branches", "branches-ignore", "paths", "paths-ignore"} & set(trigger)
    commands = runs(ci["jobs"]["test"])
    # GitHub sets GITHUB_ACTIONS=true, so scripts/validate.py prints file/line annotations.
    assert commands.index("make validate") < commands.index("make build")
    assert "GITHUB_ACTIONS" not in str(ci)  # nothing switches the annotations off
    assert any("nodejs npm" in command for command in commands)  # the tests build /admin/


def test_deploy_adds_the_web_editor():
    build = load("deploy.yml")["jobs"]["build"]
    make_build = next(s for s in steps(build) if s.get("run") == "make build")
    assert make_build["env"]["HUB_EDITOR"] == "require"
    assert "vars.CMS_AUTH_URL" in make_build["env"]["CMS_AUTH_URL"]
    assert "vars.REPO_URL" in make_build["env"]["REPO_URL"]
