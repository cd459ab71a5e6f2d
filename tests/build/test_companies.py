"""Companies on the built site: the role facet, company lists on technology and region pages,
profile fields, open data and the field reference. Expectations are counted from the YAML files
in data/ directly, so adding a company never turns these tests red."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
LANGS = {"de": "", "en": "en/"}


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


ORGS = [
    o
    for o in (_yaml(p) for p in sorted((ROOT / "data/organisations").glob("*.yml")))
    if not o.get("draft")
]
TAXONOMY = _yaml(ROOT / "data/taxonomy.yml")
ROLES = {r["id"]: r["label"] for r in TAXONOMY["company_roles"]}
COMPANIES = [o for o in ORGS if o["type"] == "company"]
SUB_FIELDS = {
    t["id"]: {t["id"], *(f["id"] for f in t.get("fields", []))} for t in TAXONOMY["technologies"]
}
SUB_FIELDS.update(
    {f["id"]: {f["id"]} for t in TAXONOMY["technologies"] for f in t.get("fields", [])}
)


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def linked_ids(container) -> list[str]:
    return [
        a["href"].rstrip("/").split("/")[-1] for a in container.select("a[href*='organisations/']")
    ]


def name(org: dict, lang: str) -> str:
    return (org.get("name_en") if lang == "en" else None) or org["name"]


def test_the_data_has_companies_with_roles():
    assert sum(1 for o in COMPANIES if o.get("roles")) >= 1
    assert all(not o.get("roles") for o in ORGS if o["type"] != "company")


@pytest.mark.parametrize("lang", LANGS)
def test_directory_role_facet_counts_companies_per_role(built_site: Path, lang: str):
    page = soup(built_site, f"{LANGS[lang]}organisations")
    expected = Counter(r for o in ORGS for r in o.get("roles", []))
    facet = page.select_one("fieldset[data-facet=role]")
    shown = {
        box["value"]: box.parent.select_one(".hub-filter__count").get_text()
        for box in facet.select("input[name=role]")
    }
    assert shown == {role: f"({n})" for role, n in expected.items()}
    labels = [box.parent.get_text(" ", strip=True) for box in facet.select("input[name=role]")]
    assert [label.rsplit(" (", 1)[0] for label in labels] == [
        ROLES[r][lang] for r in ROLES if r in expected
    ]


def test_directory_items_carry_their_roles(built_site: Path):
    page = soup(built_site, "organisations")
    items = {li["data-id"]: li for li in page.select("[data-hub-items] > li")}
    for org in ORGS:
        assert items[org["id"]]["data-role"].split() == org.get("roles", []), org["id"]


@pytest.mark.parametrize("lang", LANGS)
def test_technology_pages_list_their_companies_first(built_site: Path, lang: str):
    for tech_id, wanted in SUB_FIELDS.items():
        page = soup(built_site, f"{LANGS[lang]}technologies/{tech_id}")
        tagged = [o for o in ORGS if wanted & set(o["technologies"])]
        companies = sorted(o["id"] for o in tagged if o["type"] == "company")
        heading = page.find(id="companies")
        if not companies:
            assert heading is None, tech_id
            continue
        assert heading.get_text().startswith(f"{'Companies' if lang == 'en' else 'Unternehmen'} ")
        assert f"({len(companies)})" in heading.get_text(), tech_id
        assert linked_ids(heading.find_next("ul")) == companies, tech_id


@pytest.mark.parametrize("lang", LANGS)
def test_region_pages_list_their_companies_first(built_site: Path, lang: str):
    for path in sorted((ROOT / "data/regions").glob("*.yml")):
        region = path.stem
        companies = sorted(o["id"] for o in COMPANIES if o["region"] == region)
        page = soup(built_site, f"{LANGS[lang]}locations/{region}")
        groups = page.select(".md-content h3")
        if not companies:
            continue
        company_label = next(t for t in TAXONOMY["organisation_types"] if t["id"] == "company")
        assert groups[0].get_text(strip=True).rstrip("¶") == company_label["label"][lang]
        assert linked_ids(groups[0].find_next("ul")) == companies, region


@pytest.mark.parametrize("lang", LANGS)
def test_company_profiles_show_roles_product_areas_and_names(built_site: Path, lang: str):
    for org in COMPANIES:
        page = soup(built_site, f"{LANGS[lang]}organisations/{org['id']}")
        text = page.select_one(".md-content").get_text(" ", strip=True)
        assert name(org, lang) in page.h1.get_text(), org["id"]
        for role in org.get("roles", []):
            assert ROLES[role][lang] in text, (org["id"], role)
        areas = org.get("product_areas")
        if areas:
            assert all(item in text for item in areas.get(lang) or areas["de"]), org["id"]
        else:
            assert page.find(id="product-areas") is None, org["id"]
        data = json.loads(page.find("script", type="application/ld+json").string)
        alternates = data.get("alternateName", [])
        alternates = [alternates] if isinstance(alternates, str) else alternates
        assert data["name"] == name(org, lang)
        if org.get("name_en"):
            other = org["name"] if lang == "en" else org["name_en"]
            assert other in alternates and other in text, org["id"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_profile_shows_sources_and_last_checked(built_site: Path, lang: str):
    heading = {"de": "Quellen", "en": "Sources"}[lang]
    for org in ORGS:
        page = soup(built_site, f"{LANGS[lang]}organisations/{org['id']}")
        sources = page.find(id="sources")
        assert sources.get_text(strip=True).rstrip("¶") == heading, org["id"]
        listed = [a["href"] for a in sources.find_next("ul").select("a")]
        assert listed == org["sources"], org["id"]
        checked = page.select_one(".hub-verified time")
        assert checked["datetime"] == str(org["verified"]), org["id"]


@pytest.mark.parametrize("lang", LANGS)
def test_open_data_carries_roles_english_names_and_product_areas(built_site: Path, lang: str):
    folder = built_site / LANGS[lang] / "organisations"
    rows = json.loads((folder / "organisations.json").read_text("utf-8"))["organisations"]
    by_id = {row["id"]: row for row in rows}
    table = {
        r["id"]: r
        for r in csv.DictReader(io.StringIO((folder / "organisations.csv").read_text("utf-8")))
    }
    for org in ORGS:
        row, line = by_id[org["id"]], table[org["id"]]
        assert row["roles"] == org.get("roles", []) and line["roles"] == "; ".join(row["roles"])
        assert row["name_en"] == (org.get("name_en") or "") == line["name_en"]
        areas = org.get("product_areas")
        expected = (areas.get(lang) or areas["de"]) if areas else []
        assert row["product_areas"] == expected, org["id"]


def test_field_reference_documents_the_company_fields(built_site: Path):
    for prefix in LANGS.values():
        page = soup(built_site, f"{prefix}staff/data-reference")
        codes = {code.get_text() for code in page.select("td code")}
        assert {"roles", "name_en", "product_areas", "company_roles"} <= codes
