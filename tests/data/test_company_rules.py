"""Rules for company entries: roles come from taxonomy.yml and belong to companies only."""

from __future__ import annotations

from pathlib import Path

from saxonyhub.datastore import load_store

ORG = "data/organisations/example-university.yml"
AS_COMPANY = "type: company\nroles: [manufacturer, supplier]"


def test_company_with_roles_name_en_and_product_areas_is_valid(problems_after, project: Path):
    added = (
        f"{AS_COMPANY}\nname_en: Example Company\n"
        "product_areas:\n  de: [Dialysegeräte]\n  en: [Dialysis machines]"
    )
    assert problems_after(ORG, "type: university", added) == []
    store, _ = load_store(project)
    org = store.get("organisations", "example-university")
    assert org.roles == ["manufacturer", "supplier"] and org.name_en == "Example Company"
    assert org.product_areas.get("en") == ["Dialysis machines"]


def test_roles_default_to_empty(project: Path):
    store, _ = load_store(project)
    assert store.get("organisations", "example-university").roles == []


def test_roles_on_a_non_company_are_rejected(problems_after):
    assert problems_after(ORG, "type: university", "type: university\nroles: [manufacturer]") == [
        f"{ORG}:4:8: roles: roles are for companies, but this entry has type 'university'"
        " — hint: remove 'roles:', or set 'type: company' if it is a company"
    ]


def test_unknown_role_suggests_the_near_miss(problems_after):
    assert problems_after(ORG, "type: university", "type: company\nroles: [manufacturers]") == [
        f"{ORG}:4:9: roles[0]: unknown company role id 'manufacturers'"
        " — hint: did you mean 'manufacturer'? valid ids: manufacturer, supplier"
    ]


def test_product_areas_need_english(problems_after):
    added = f"{AS_COMPANY}\nproduct_areas:\n  de: [Dialysegeräte]"
    assert problems_after(ORG, "type: university", added) == [
        f"{ORG}:6:3: product_areas: the English text (en) is missing — hint: add an 'en:' line,"
        " or set 'translation: pending' on the entry while the translation is on its way"
    ]
