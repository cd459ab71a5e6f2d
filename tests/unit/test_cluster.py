from __future__ import annotations

from pathlib import Path

from saxonyhub.cluster import ContactView, ServiceView, load_views

CONTACT = """id: {id}
role: {{de: Geschäftsstelle, en: Cluster office}}
email: office@example.org
phone: "+49 351 000000"
"""


def test_load_views_reads_the_fields_guides_need_and_ignores_the_rest(tmp_path: Path):
    (tmp_path / "office.yml").write_text(CONTACT.format(id="office"), encoding="utf-8")
    views, problems = load_views(tmp_path, ContactView, "data/contacts")
    assert problems == [] and views["office"].role.en == "Cluster office"


def test_load_views_requires_the_id_to_match_the_file_name(tmp_path: Path):
    (tmp_path / "office.yml").write_text(CONTACT.format(id="desk"), encoding="utf-8")
    views, problems = load_views(tmp_path, ContactView, "data/contacts")
    assert views == {}
    assert problems[0].format() == (
        "data/contacts/office.yml:1:5: id: id 'desk' differs from the file name "
        "— hint: rename the file to desk.yml or set id: office"
    )


def test_load_views_names_a_missing_title_language(tmp_path: Path):
    (tmp_path / "a.yml").write_text("id: a\ntitle: {de: Titel}\n", encoding="utf-8")
    _, problems = load_views(tmp_path, ServiceView, "data/services")
    assert [(p.line, p.field) for p in problems] == [(2, "title.en")]


def test_real_contacts_and_services_load(site_data):
    assert "cluster-office" in site_data.contacts and len(site_data.services) == 8
