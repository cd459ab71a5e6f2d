from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import translations as cli

from saxonyhub.translation import (
    Status,
    markdown_body,
    recorded_hash,
    report,
    source_hash,
    with_source_hash,
)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures/translations/docs"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A copy of the fixture: docs/en/page.md acknowledges docs/de/page.md."""
    return Path(shutil.copytree(FIXTURE, tmp_path / "docs"))


def statuses(docs: Path) -> dict[str, Status]:
    return {item.path: item.status for item in report(docs)}


def test_fixture_translation_starts_current(docs: Path):
    assert statuses(docs) == {"page.md": Status.CURRENT, "only-german.md": Status.MISSING}


def test_changing_the_german_text_turns_the_translation_outdated(docs: Path):
    german = docs / "de/page.md"
    german.write_text(german.read_text(encoding="utf-8") + "\nEin neuer Absatz.\n")
    assert statuses(docs)["page.md"] is Status.OUTDATED


def test_changing_only_german_front_matter_keeps_it_current(docs: Path):
    german = docs / "de/page.md"
    text = german.read_text(encoding="utf-8").replace("2026-11-23", "2027-01-05")
    german.write_text(text, encoding="utf-8")
    assert statuses(docs)["page.md"] is Status.CURRENT


def test_report_names_unacknowledged_and_english_only_pages(docs: Path):
    english = docs / "en/page.md"
    english.write_text(english.read_text().replace('translation:\n  source_hash: "', 'x: "'))
    (docs / "en/extra.md").write_text("---\ntitle: Extra\n---\n", encoding="utf-8")
    assert statuses(docs) == {
        "page.md": Status.UNACKNOWLEDGED,
        "only-german.md": Status.MISSING,
        "extra.md": Status.NO_SOURCE,
    }


def test_source_hash_is_the_body_without_front_matter_and_ignores_line_endings():
    text = "---\ntitle: A\n---\nBody\n"
    assert markdown_body(text) == "Body\n"
    assert source_hash(text) == source_hash(text.replace("\n", "\r\n")) == source_hash("Body\n")
    assert len(source_hash(text)) == 16


def test_with_source_hash_appends_the_key_and_changes_nothing_else():
    text = "---\ntitle: A  # note\nreview:\n  owner: x\n---\n\nBody\u00a0text\n"
    updated = with_source_hash(text, "0123456789abcdef")
    assert updated == text.replace(
        "---\n\nBody", '  owner: x\ntranslation:\n  source_hash: "0123456789abcdef"\n---\n\nBody'
    ).replace("  owner: x\n  owner: x\n", "  owner: x\n")
    assert recorded_hash(updated) == "0123456789abcdef"


def test_with_source_hash_replaces_an_earlier_hash_in_place():
    text = '---\ntitle: A\ntranslation:\n  source_hash: "aaaaaaaaaaaaaaaa"\nservices: [x]\n---\nB\n'
    updated = with_source_hash(text, "bbbbbbbbbbbbbbbb")
    assert updated == text.replace("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb")


def test_with_source_hash_keeps_windows_line_endings():
    text = "---\r\ntitle: A\r\n---\r\nB\r\n"
    assert with_source_hash(text, "cccccccccccccccc").count("\r\n") == 6


def test_ack_command_makes_an_outdated_page_current_again(docs: Path, capsys):
    (docs / "de/page.md").write_text("---\ntitle: Neu\n---\nGeänderter Text.\n", encoding="utf-8")
    before = (docs / "en/page.md").read_bytes()
    assert cli.main(["--docs", str(docs), "ack", str(docs / "en/page.md")]) == 0
    after = (docs / "en/page.md").read_bytes()
    assert statuses(docs)["page.md"] is Status.CURRENT
    changed = [
        (a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert len(changed) == 1 and changed[0][1].startswith(b"  source_hash:")


def test_ack_command_refuses_pages_without_german_counterpart(docs: Path, capsys):
    (docs / "en/extra.md").write_text("---\ntitle: Extra\n---\n", encoding="utf-8")
    assert cli.main(["--docs", str(docs), "ack", str(docs / "en/extra.md")]) == 1
    assert "no German counterpart" in capsys.readouterr().err


def test_status_command_prints_every_page(docs: Path, capsys):
    assert cli.main(["--docs", str(docs), "status"]) == 0
    output = capsys.readouterr().out
    assert "missing         en/only-german.md" in output and "current         en/page.md" in output
