"""Services delivered by another organisation link its profile and show its contact; the
cluster office stays as the fallback. Expectations come from data/services/."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from saxonyhub.datastore import load_store

ROOT = Path(__file__).resolve().parents[2]
STORE, _ = load_store(ROOT)
LANGS = {"de": "", "en": "en/"}
WITH_PROVIDER = [s for s in STORE.all("services") if s.provider]


def service_page(site: Path, lang: str, service_id: str) -> BeautifulSoup:
    html = (site / LANGS[lang] / "services" / service_id / "index.html").read_text("utf-8")
    return BeautifulSoup(html, "html.parser")


def test_some_services_name_a_provider():
    assert WITH_PROVIDER


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("service", WITH_PROVIDER, ids=lambda s: s.id)
def test_service_links_provider_and_keeps_fallback_contact(built_site: Path, lang, service):
    page = service_page(built_site, lang, service.id)
    provider = STORE.get("organisations", service.provider)
    box = page.select_one(".hub-provider")
    assert box is not None
    assert box.select_one(f"a[href$='organisations/{provider.id}/']")
    if provider.contact and provider.contact != service.contact:
        email = STORE.get("contacts", provider.contact).email
        assert box.select_one(f"a[href='mailto:{email}']")
    elif provider.website:
        assert box.select_one(f"a[href='{provider.website}']")
    fallback = STORE.get("contacts", service.contact).email
    assert page.select_one(f".md-content a[href='mailto:{fallback}']")


@pytest.mark.parametrize("lang", LANGS)
def test_profile_links_in_data_texts_resolve(built_site: Path, lang: str):
    for folder in ("services", "locations"):
        for path in (built_site / LANGS[lang] / folder).glob("*/index.html"):
            html = path.read_text("utf-8")
            assert (
                "org:" not in BeautifulSoup(html, "html.parser").select_one(".md-content").decode()
            ), path
