"""`make new`: every scaffold is a valid draft as created; bad or taken ids are refused."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from new import KINDS, create, main
from validate import collect

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 23)
EXPECTED = {
    "organisation": ["data/organisations/test-entry.yml"],
    "service": ["data/services/test-entry.yml"],
    "event": ["data/events/test-entry.yml"],
    "contact": ["data/contacts/test-entry.yml"],
    "news": ["docs/de/news/2026-11-23-test-entry.md", "docs/en/news/2026-11-23-test-entry.md"],
    "guide": ["docs/de/guides/test-entry.md", "docs/en/guides/test-entry.md"],
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The real data and pages, which `make validate` accepts, in a writable copy."""
    target = tmp_path / "project"
    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, target / folder)
    # The settings without a nav, whose check does not concern scaffolds.
    shutil.copy(ROOT / "tests/fixtures/contributing/mkdocs.yml", target)
    return target


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def errors(root: Path) -> list[str]:
    return [p.format() for p in collect(root).errors]


def test_every_kind_has_an_expectation():
    assert set(EXPECTED) == set(KINDS)


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_scaffold_is_created_in_place_and_validates(kind: str, project: Path):
    created = create(kind, "test-entry", project, TODAY)
    assert [p.relative_to(project).as_posix() for p in created] == EXPECTED[kind]
    assert errors(project) == []


@pytest.mark.parametrize("kind", sorted(set(EXPECTED) - {"contact"}))
def test_scaffold_is_a_draft_with_placeholders(kind: str, project: Path):
    created = create(kind, "test-entry", project, TODAY)
    for path in created:
        text = path.read_text(encoding="utf-8")
        assert "\ndraft: true\n" in text
        path.write_text(text.replace("\ndraft: true\n", "\n"), encoding="utf-8")
    # Published too early, the TODO placeholders stop the build.
    found = errors(project)
    assert found and all("placeholder 'TODO' left in a published" in p for p in found)
    assert {p.split(":")[0] for p in found} == set(EXPECTED[kind])


def test_contact_scaffold_says_why_it_has_no_draft_flag(project: Path):
    (path,) = create("contact", "test-entry", project, TODAY)
    text = path.read_text(encoding="utf-8")
    assert "draft:" not in text.replace("# ", "")
    assert "nur dort, wo ein veröffentlichter Eintrag ihn" in text
    assert "only appears where a published entry names it" in text


def test_news_gets_date_in_name_and_front_matter(project: Path):
    german, english = create("news", "spring-meeting", project, TODAY)
    assert german.name == english.name == "2026-11-23-spring-meeting.md"
    assert "\ndate: 2026-11-23" in german.read_text(encoding="utf-8")
    assert "23. November 2026" in german.read_text(encoding="utf-8")
    assert "23 November 2026" in english.read_text(encoding="utf-8")


def test_news_keeps_a_date_given_in_the_id(project: Path):
    german, _ = create("news", "2026-12-01-advent", project, TODAY)
    assert german.name == "2026-12-01-advent.md"
    assert "\ndate: 2026-12-01" in german.read_text(encoding="utf-8")


def test_guide_is_reviewed_by_the_cluster_office(project: Path):
    for path in create("guide", "test-entry", project, TODAY):
        text = path.read_text(encoding="utf-8")
        assert "\n  owner: cluster-office" in text
        assert "\n  last_reviewed: 2026-11-23" in text


def run(project: Path, *args: str) -> int:
    return main(["--root", str(project), "--today", TODAY.isoformat(), "--", *args])


@pytest.mark.parametrize(
    ("kind", "entry_id"),
    [
        ("organisation", "tu-dresden"),
        ("service", "startup-support"),
        ("event", "bionection-2018"),
        ("contact", "cluster-office"),
        ("news", "2018-11-02-innovation-cluster"),
        ("guide", "diga"),
    ],
)
def test_existing_id_is_refused_and_nothing_written(
    kind: str, entry_id: str, project: Path, capsys: pytest.CaptureFixture[str]
):
    before = snapshot(project)
    assert run(project, kind, entry_id) == 2
    assert snapshot(project) == before
    message = capsys.readouterr().err
    assert f"the id '{entry_id}' is already taken" in message and "Nothing was written." in message


def test_news_taken_in_one_language_only_is_refused(project: Path):
    (project / "docs/de/news/2026-11-23-half.md").write_text("x", encoding="utf-8")
    before = snapshot(project)
    assert run(project, "news", "half") == 2
    assert snapshot(project) == before


@pytest.mark.parametrize(
    "entry_id", ["Fraunhofer IWS", "müller-gmbh", "x", "-start", "end-", "a--b", "a_b", "a" * 65]
)
def test_invalid_slug_is_refused_and_nothing_written(
    entry_id: str, project: Path, capsys: pytest.CaptureFixture[str]
):
    before = snapshot(project)
    assert run(project, "organisation", entry_id) == 2
    assert snapshot(project) == before
    assert f"'{entry_id}' is not a valid id" in capsys.readouterr().err


def test_unknown_kind_is_refused(project: Path, capsys: pytest.CaptureFixture[str]):
    assert run(project, "company", "acme") == 2
    assert "unknown kind 'company'" in capsys.readouterr().err


def test_news_with_impossible_date_is_refused(project: Path, capsys: pytest.CaptureFixture[str]):
    assert run(project, "news", "2026-13-01-x") == 2
    assert "'2026-13-01' in '2026-13-01-x' is not a real date" in capsys.readouterr().err


def test_success_message_names_files_and_next_steps(
    project: Path, capsys: pytest.CaptureFixture[str]
):
    assert run(project, "news", "spring-meeting") == 0
    assert capsys.readouterr().out.splitlines() == [
        "Created docs/de/news/2026-11-23-spring-meeting.md",
        "Created docs/en/news/2026-11-23-spring-meeting.md",
        "It is a draft: it is checked, but not published while it says 'draft: true'.",
        "Next: replace every TODO, then run 'make validate'.",
        "When it is ready: delete 'draft: true' in both files and add the line"
        " '- news/2026-11-23-spring-meeting.md' under 'Aktuelles' in the nav of mkdocs.yml.",
    ]
