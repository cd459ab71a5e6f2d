"""Every validation message quoted in CONTRIBUTING.md and CONTRIBUTING.en.md is real and current.

Each case breaks one verbatim copy of a real file (tests/fixtures/contributing/) the way staff
typically do, runs the same checks as `make validate`, and expects the one message it produces to
appear word for word in both guides. When a message changes, this test names the guide to update.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
from new import main as new_main
from validate import collect

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests/fixtures/contributing"
GUIDES = [ROOT / "CONTRIBUTING.md", ROOT / "CONTRIBUTING.en.md"]
ORG = "data/organisations/iccas.yml"
EVENT = "data/events/bionection-2018.yml"
NEWS = "docs/de/news/2018-11-02-innovation-cluster.md"

# name -> (file, text to replace, replacement): one typical mistake each.
CASES = {
    "typo in a key": (ORG, "website:", "webiste:"),
    "unknown technology id": (
        ORG,
        "[surgical-assistance, digital-health]",
        "[surgical-assistance, digital-helth]",
    ),
    "missing English text": (ORG, '  en: "86 staff (c. 2019)"\n', ""),
    "http address": (ORG, "website: https://www.iccas.de", "website: http://www.iccas.de"),
    "indentation": (ORG, "  lat: 51.3397\n  lon:", "  lat: 51.3397\n   lon:"),
    "tab": (ORG, "  lat: 51.3397", "\tlat: 51.3397"),
    "duplicate key": (ORG, "city: Leipzig\n", "city: Leipzig\ncity: Leipzig\n"),
    "id not matching the file name": (ORG, "id: iccas", "id: iccas-leipzig"),
    "invalid id": (ORG, "id: iccas\n", "id: ICCAS\n"),
    "missing required field": (ORG, "city: Leipzig\n", ""),
    "end before start": (EVENT, "end: 2018-10-25", "end: 2018-10-23"),
    "coordinates outside the region": (
        ORG,
        "  lat: 51.3397\n  lon: 12.3731",
        "  lat: 12.3731\n  lon: 51.3397",
    ),
    "unknown front-matter key": (NEWS, "date: 2018-11-02", "datum: 2018-11-02"),
    "placeholder left": (ORG, "city: Leipzig", "city: TODO Leipzig"),
}
# `make new` refusals: arguments -> the message on stderr.
NEW_CASES = {
    "id taken": ["organisation", "iccas"],
    "invalid id for make new": ["organisation", "Fraunhofer IWS"],
}


def message_for(case: str, tmp_path: Path) -> str:
    """The first message the case produces (an invalid id also breaks the file-name rule)."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    relative, old, new = CASES[case]
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{case}: the fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    errors = [p.format() for p in collect(project).errors]
    assert len(errors) == (2 if case == "invalid id" else 1), errors
    return errors[0]


def new_message_for(case: str, tmp_path: Path) -> str:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        assert new_main(["--root", str(project), "--", *NEW_CASES[case]]) == 2
    return stderr.getvalue().strip()


NAV_MESSAGE = (
    "docs/de/news/2026-11-23-sommerfest.md: the page is not in the navigation — hint: add the"
    " line '- news/2026-11-23-sommerfest.md' to nav in mkdocs.yml, or keep 'draft: true' for now"
)


def test_quoted_navigation_message_is_current(tmp_path: Path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "nav:\n  - news/2018-11-02-innovation-cluster.md\n",
        encoding="utf-8",
    )
    news = project / "docs/de/news"
    shutil.copy(news / "2018-11-02-innovation-cluster.md", news / "2026-11-23-sommerfest.md")
    assert [p.format() for p in collect(project).errors] == [NAV_MESSAGE]
    for guide in GUIDES:
        assert NAV_MESSAGE in guide.read_text(encoding="utf-8"), guide.name


def test_fixture_is_valid():
    assert collect(FIXTURE).errors == []


@pytest.mark.parametrize("case", CASES)
def test_quoted_validation_message_is_current(case: str, tmp_path: Path):
    message = message_for(case, tmp_path)
    for guide in GUIDES:
        assert message in guide.read_text(encoding="utf-8"), (
            f"{guide.name} does not quote the current message for '{case}':\n{message}"
        )


@pytest.mark.parametrize("case", NEW_CASES)
def test_quoted_make_new_message_is_current(case: str, tmp_path: Path):
    message = new_message_for(case, tmp_path)
    for guide in GUIDES:
        assert message in guide.read_text(encoding="utf-8"), (
            f"{guide.name} does not quote the current message for '{case}':\n{message}"
        )


def test_guides_link_each_other_and_name_the_commands():
    german, english = (guide.read_text(encoding="utf-8") for guide in GUIDES)
    assert "CONTRIBUTING.en.md" in german and "CONTRIBUTING.md" in english
    for command in (
        "make new KIND=organisation",
        "make validate",
        "make serve",
        "make lint",
        "make translations",
        "python scripts/translations.py ack docs/en/",
    ):
        assert command in german and command in english, command
