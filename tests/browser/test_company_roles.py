"""The company-role facet of the directory in a real browser: filtering by role, combined with
another facet, and restored from a shared URL. Expectations come from data/organisations/."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from browser_support import PageProbe
from saxonyhub.datastore import load_store

STORE, _ = load_store(Path(__file__).resolve().parents[2])
ORGS = STORE.all("organisations")


def visible_ids(probe: PageProbe) -> set[str]:
    return set(
        probe.page.eval_on_selector_all(
            "[data-hub-items] > li", "items => items.filter(i => !i.hidden).map(i => i.dataset.id)"
        )
    )


def test_role_facet_filters_companies_and_combines_with_region(probe: PageProbe, served_site: str):
    page = probe.page
    page.goto(served_site + "organisations/")
    expect(page.locator("[data-hub-filter]")).to_be_visible()
    role = next(r.id for r in STORE.taxonomy.company_roles if any(r.id in o.roles for o in ORGS))
    page.locator(f"input[name=role][value={role}]").check()
    page.wait_for_url(re.compile(rf"\?role={role}$"))
    with_role = {o.id for o in ORGS if role in o.roles}
    assert visible_ids(probe) == with_role
    page.locator("input[name=region][value=dresden]").check()
    page.wait_for_url(re.compile(rf"role={role}&region=dresden$"))
    assert visible_ids(probe) == {o.id for o in ORGS if role in o.roles and o.region == "dresden"}
    assert probe.console_errors == []


def test_shared_role_url_restores_the_filter(probe: PageProbe, served_site: str):
    roles = [r.id for r in STORE.taxonomy.company_roles if any(r.id in o.roles for o in ORGS)]
    probe.page.goto(served_site + "en/organisations/?role=" + ",".join(roles[:2]))
    expect(probe.page.locator("[data-hub-filter]")).to_be_visible()
    assert visible_ids(probe) == {o.id for o in ORGS if set(roles[:2]) & set(o.roles)}
    for role in roles[:2]:
        assert probe.page.locator(f"input[name=role][value={role}]").is_checked()
