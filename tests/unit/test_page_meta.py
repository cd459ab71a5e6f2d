from __future__ import annotations

from pathlib import Path

from saxonyhub.page_meta import PageReferences, read_page_meta, validate_docs


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_read_page_meta_accepts_valid_front_matter(tmp_path: Path):
    page = write(
        tmp_path / "p.md",
        "---\ntitle: Titel\ndescription: Eine Beschreibung mit genug Text.\n---\n# X\n",
    )
    meta, problems = read_page_meta(page, "docs/de/p.md")
    assert problems == [] and meta.title == "Titel"


def test_read_page_meta_names_unknown_key_line_and_suggestion(tmp_path: Path):
    page = write(
        tmp_path / "p.md",
        "---\ntitle: Titel\ndescription: Eine Beschreibung mit genug Text.\ndescripton: x\n---\n",
    )
    _, problems = read_page_meta(page, "docs/de/p.md")
    assert [p.format() for p in problems] == [
        "docs/de/p.md:4:1: descripton: unknown key 'descripton' — hint: did you mean 'description'?"
    ]


def test_read_page_meta_reports_missing_required_keys(tmp_path: Path):
    page = write(tmp_path / "p.md", "---\ntitle: Titel\n---\n")
    _, problems = read_page_meta(page, "docs/de/p.md")
    assert [(p.field, p.message) for p in problems] == [
        ("description", "this field is required but missing")
    ]


def test_read_page_meta_requires_front_matter(tmp_path: Path):
    _, problems = read_page_meta(write(tmp_path / "p.md", "# Nur Text\n"), "docs/de/p.md")
    assert "no front matter" in problems[0].message


def test_read_page_meta_shifts_yaml_errors_to_file_lines(tmp_path: Path):
    page = write(tmp_path / "p.md", "---\ntitle: a\ntitle: b\n---\n")
    _, problems = read_page_meta(page, "docs/de/p.md")
    assert problems[0].line == 3 and "duplicate key" in problems[0].message


def test_validate_docs_collects_every_problem(tmp_path: Path):
    write(tmp_path / "de/a.md", "---\ntitle: A\n---\n")
    write(tmp_path / "en/a.md", "# no front matter\n")
    _, problems = validate_docs(tmp_path)
    assert {p.file for p in problems} == {"docs/de/a.md", "docs/en/a.md"}


REFERENCES = PageReferences(
    contacts=frozenset({"cluster-office"}), services=frozenset({"startup-support"})
)
GUIDE = """---
title: Ein Leitfaden
description: Eine Beschreibung mit genug Text.
review:
  owner: {owner}
  last_reviewed: 2026-11-23
services: [startup-support, {service}]
---
"""


def test_read_page_meta_names_unknown_owner_and_service_with_line(tmp_path: Path):
    page = write(tmp_path / "p.md", GUIDE.format(owner="nobody", service="consulting"))
    _, problems = read_page_meta(page, "docs/de/guides/p.md", REFERENCES)
    assert [p.format() for p in problems] == [
        "docs/de/guides/p.md:5:10: review.owner: not a known contact id, found 'nobody' "
        "— hint: known ids: cluster-office (data/contacts/)",
        "docs/de/guides/p.md:7:29: services[1]: not a known service id, found 'consulting' "
        "— hint: known ids: startup-support (data/services/)",
    ]


def test_read_page_meta_accepts_known_references(tmp_path: Path):
    page = write(tmp_path / "p.md", GUIDE.format(owner="cluster-office", service="startup-support"))
    meta, problems = read_page_meta(page, "docs/de/guides/p.md", REFERENCES)
    assert problems == [] and meta.review.owner == "cluster-office"


def test_validate_docs_requires_review_and_services_on_guides(tmp_path: Path):
    front = "---\ntitle: Ein Leitfaden\ndescription: Eine Beschreibung mit genug Text.\n---\n"
    write(tmp_path / "de/guides/a.md", front)
    write(tmp_path / "de/guides/index.md", front)
    _, problems = validate_docs(tmp_path)
    assert [(p.file, p.field) for p in problems] == [
        ("docs/de/guides/a.md", "review"),
        ("docs/de/guides/a.md", "services"),
    ]
