"""Profiles show a contact section only when there is something to show: a contact from
data/contacts/ or the organisation's website. Expectations come from data/organisations/."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
ORGS = [
    o
    for o in (
        yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "data/organisations").glob("*.yml"))
    )
    if not o.get("draft")
]


def test_the_data_has_profiles_with_and_without_contact_details():
    assert any(o.get("contact") or o.get("website") for o in ORGS)
    assert any(not (o.get("contact") or o.get("website")) for o in ORGS)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_contact_heading_only_with_contact_or_website(built_site: Path, prefix: str):
    for org in ORGS:
        html = (built_site / prefix / "organisations" / org["id"] / "index.html").read_text(
            encoding="utf-8"
        )
        heading = BeautifulSoup(html, "html.parser").find("h2", id="contact")
        has_details = bool(org.get("contact") or org.get("website"))
        assert (heading is not None) == has_details, org["id"]
        if has_details:
            following = heading.find_next_sibling()
            assert following is not None and following.name == "p", org["id"]
