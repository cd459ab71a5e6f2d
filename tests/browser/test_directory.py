"""The competence directory and other data pages in a real browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from browser_support import PageProbe, run_axe
from directory_expect import found, type_keyword, visible_ids
from saxonyhub.datastore import load_store

STORE, _ = load_store(Path(__file__).resolve().parents[2])
TOTAL = len(STORE.all("organisations"))
DATA_PAGE_TYPES = [
    "organisations/",
    "en/organisations/",
    "organisations/tu-dresden/",
    "en/organisations/tu-dresden/",
    "services/",
    "en/services/regulatory-market-access/",
    "locations/leipzig/",
    "en/locations/",
    "events/bionection-2018/",
    "en/events/",
    "technologies/medical-technology/",
    "en/technologies/",
]


def visible_items(probe: PageProbe) -> int:
    return probe.page.locator("[data-hub-items] > li:visible").count()


def status(probe: PageProbe) -> str:
    return probe.page.locator("[data-hub-status]").inner_text()


def in_technology(org, tech_id: str) -> bool:
    tech = next(t for t in STORE.taxonomy.technologies if t.id == tech_id)
    return bool({tech.id, *(f.id for f in tech.fields)} & set(org.technologies))


@pytest.mark.parametrize(
    ("prefix", "template"),
    [("", "{n} von {total} Einrichtungen"), ("en/", "{n} of {total} organisations")],
)
def test_facets_filter_update_url_and_back_restores(
    probe: PageProbe, served_site: str, prefix: str, template: str
):
    page = probe.page
    page.goto(served_site + prefix + "organisations/")
    expect(page.locator("[data-hub-filter]")).to_be_visible()
    assert visible_items(probe) == TOTAL
    assert status(probe) == template.format(n=TOTAL, total=TOTAL)
    materials = [o for o in STORE.all("organisations") if in_technology(o, "materials-science")]
    page.locator("input[name=technology][value=materials-science]").check()
    page.wait_for_url(re.compile(r"\?technology=materials-science$"))
    assert visible_items(probe) == len(materials) < TOTAL
    assert status(probe) == template.format(n=len(materials), total=TOTAL)
    institutes = [o for o in materials if o.type == "research-institute"]
    page.locator("input[name=type][value=research-institute]").check()
    page.wait_for_url(re.compile(r"technology=materials-science&type=research-institute$"))
    assert visible_items(probe) == len(institutes) > 0
    page.go_back()
    page.wait_for_url(re.compile(r"\?technology=materials-science$"))
    assert visible_items(probe) == len(materials)
    assert not page.locator("input[name=type][value=research-institute]").is_checked()
    page.go_back()
    assert visible_items(probe) == TOTAL


def visible_markers(probe: PageProbe) -> set[str]:
    """Organisations the map shows: single markers and the counted members of place markers."""
    return set(
        probe.page.evaluate(
            """() => {
  const shown = m => getComputedStyle(m).display !== 'none';
  const single = [...document.querySelectorAll('[data-hub-marker]')].filter(shown)
    .map(m => m.dataset.hubMarker);
  const grouped = [...document.querySelectorAll('[data-hub-place]')].filter(shown).flatMap(m => {
    const found = [...document.querySelectorAll(m.getAttribute('href') + ' [data-hub-place-item]')]
      .filter(shown).map(li => li.dataset.hubPlaceItem);
    if (Number(m.querySelector('[data-hub-count]').textContent) !== found.length) return ['!count'];
    return found;
  });
  return single.concat(grouped);
}"""
        )
    )


def test_map_markers_follow_the_filter(probe: PageProbe, served_site: str):
    every_id = {o.id for o in STORE.all("organisations")}
    probe.page.goto(served_site + "en/organisations/")
    assert visible_markers(probe) == every_id
    probe.page.locator("input[name=region][value=chemnitz]").check()
    chemnitz = {o.id for o in STORE.all("organisations") if o.region == "chemnitz"}
    assert visible_markers(probe) == chemnitz and 0 < len(chemnitz) < len(every_id)
    probe.page.go_back()
    assert visible_markers(probe) == every_id


def test_map_markers_follow_the_keyword(probe: PageProbe, served_site: str):
    probe.page.goto(served_site + "organisations/")
    type_keyword(probe.page, "software")
    assert visible_markers(probe) == found("software", "de") != set()


def test_shared_url_restores_the_filter(probe: PageProbe, served_site: str):
    probe.page.goto(served_site + "organisations/?region=chemnitz&keyword=fraunhofer")
    expected = {o.id for o in STORE.all("organisations") if o.region == "chemnitz"}
    expected &= found("fraunhofer", "de")
    assert visible_items(probe) == len(expected) > 0
    assert probe.page.locator("input[name=region][value=chemnitz]").is_checked()
    assert probe.page.locator("#hub-keyword").input_value() == "fraunhofer"


def test_counts_reflect_other_facets(probe: PageProbe, served_site: str):
    probe.page.goto(served_site + "organisations/?region=leipzig")
    leipzig = [o for o in STORE.all("organisations") if o.region == "leipzig"]
    universities = len([o for o in leipzig if o.type == "university"])
    assert (
        probe.page.locator("[data-count-for='type:university']").inner_text() == f"({universities})"
    )


def test_without_javascript_the_full_list_shows(browser: Browser, served_site: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "organisations/")
    assert page.locator("[data-hub-items] > li:visible").count() == TOTAL
    assert not page.locator("[data-hub-filter]").is_visible()
    context.close()


def test_map_marker_leads_to_the_profile(probe: PageProbe, served_site: str):
    # A single marker opens the profile; a place marker its list, whose entries open profiles.
    page = probe.page
    page.goto(served_site + "en/organisations/")
    marker = page.locator("a.hub-map__marker").first
    org_id = marker.get_attribute("data-hub-marker")
    if org_id is None:
        target = marker.get_attribute("href")
        marker.locator(".hub-map__hit").click()
        entry = page.locator(f"{target} [data-hub-place-item]").first
        org_id = entry.get_attribute("data-hub-place-item")
        entry.locator("a").click()
    else:
        marker.locator(".hub-map__hit").click()
    page.wait_for_url(re.compile(rf"/en/organisations/{org_id}/$"))
    assert STORE.get("organisations", org_id).name in page.locator("h1").inner_text()


def test_calendar_file_downloads(probe: PageProbe, served_site: str):
    probe.page.goto(served_site + "events/bionection-2018/")
    with probe.page.expect_download() as download_info:
        probe.page.locator("a[download]").click()
    download = download_info.value
    assert download.suggested_filename == "bionection-2018.ics"
    assert Path(download.path()).read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


@pytest.mark.parametrize("path", DATA_PAGE_TYPES)
def test_data_pages_have_no_serious_accessibility_violations(
    probe: PageProbe, served_site: str, path: str
):
    probe.page.goto(served_site + path)
    violations = [v for v in run_axe(probe.page) if v["impact"] in {"serious", "critical"}]
    assert [
        f"{v['id']}: {v['help']} @ {[n['target'] for n in v['nodes']][:3]}" for v in violations
    ] == []
    assert probe.console_errors == []


FACTS_PAGES = [
    "en/organisations/tu-dresden/",
    "organisations/uniklinikum-leipzig/",
    "en/events/bionection-2018/",
    "services/startup-support/",
    "en/services/settling-in-saxony/",
    "legal/mdr/",
]


def test_facts_tables_fit_a_phone_screen(phone_probe: PageProbe, served_site: str):
    # The page itself may not scroll sideways, and a facts table may not hide its values in a
    # scrolling box either (Material's wrapper scrolls tables that are wider than the column).
    for path in FACTS_PAGES:
        phone_probe.page.goto(served_site + path)
        widest = phone_probe.page.evaluate(
            """() => {
                 const all = selector => [...document.querySelectorAll(selector)];
                 const screen = document.documentElement.clientWidth;
                 return Math.max(
                   ...all('.hub-facts table, .hub-facts-table, dl.hub-facts')
                     .map(e => e.getBoundingClientRect().right - screen),
                   ...all('.hub-facts .md-typeset__scrollwrap')
                     .map(e => e.scrollWidth - e.clientWidth));
               }"""
        )
        assert widest <= 0, path


def test_directory_filter_works_with_the_keyboard_alone(probe: PageProbe, served_site: str):
    page = probe.page
    page.goto(served_site + "en/organisations/")
    for _ in range(80):  # the keyword field is reachable in the normal tab order
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "hub-keyword":
            break
    assert page.evaluate("document.activeElement.id") == "hub-keyword"
    page.keyboard.type("fraunhofer")
    page.wait_for_url(re.compile(r"\?keyword=fraunhofer$"))
    shown = visible_items(probe)
    assert 0 < shown < TOTAL and status(probe) == f"{shown} of {TOTAL} organisations"
    assert set(visible_ids(page)) == found("fraunhofer", "en")
    page.keyboard.press("Tab")  # the first checkbox of the first facet
    first = page.locator("input[name=technology]").first
    expect(first).to_be_focused()
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    page.wait_for_url(re.compile(r"technology=" + first.get_attribute("value")))
    assert page.locator("[data-hub-status]").get_attribute("role") == "status"


def _first_entry_top(browser: Browser, url: str, *, scripts: bool) -> float:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    if not scripts:
        # What a visitor on a slow connection sees before any script has arrived.
        page.route(re.compile(r"\.js(\?.*)?$"), lambda route: route.abort())
    page.goto(url, wait_until="load")
    if scripts:
        expect(page.locator("[data-hub-status]")).to_contain_text(str(TOTAL))
    top = page.locator("[data-hub-items] > li").first.bounding_box()["y"]
    context.close()
    return top


@pytest.mark.parametrize("path", ["organisations/", "en/organisations/"])
def test_directory_list_does_not_move_when_scripts_start(browser: Browser, served_site: str, path):
    # The filter form takes its place in the first paint (layout shift 0), not when scripts run.
    before = _first_entry_top(browser, served_site + path, scripts=False)
    after = _first_entry_top(browser, served_site + path, scripts=True)
    assert before == after


def _contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    def luminance(rgb: tuple[float, ...]) -> float:
        c = [v / 255 for v in rgb[:3]]
        c = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


LEGEND_COLOURS = """() => {
  const rgb = s => s.match(/[0-9.]+/g).slice(0, 3).map(Number);
  const page = getComputedStyle(document.querySelector('.md-main')).backgroundColor;
  const body = getComputedStyle(document.body).backgroundColor;
  return {
    background: rgb(page.includes('rgba(0, 0, 0, 0)') ? body : page),
    swatches: [...document.querySelectorAll('.hub-map-legend .hub-map__dot')]
      .map(dot => rgb(getComputedStyle(dot).fill)),
  };
}"""


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_map_legend_colours_differ_and_stand_out(probe: PageProbe, served_site: str, scheme):
    page = probe.page
    page.goto(served_site + "organisations/")
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    colours = page.evaluate(LEGEND_COLOURS)
    swatches = [tuple(c) for c in colours["swatches"]]
    assert len(swatches) == len(set(swatches)) >= 2  # one colour per type, plus places
    for colour in swatches:
        assert _contrast(colour, tuple(colours["background"])) >= 3, (scheme, colour)
    for i, a in enumerate(swatches):  # no two nearly the same (RGB distance)
        for b in swatches[i + 1 :]:
            assert sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5 > 60, (a, b)


@pytest.mark.parametrize("width", [375])
@pytest.mark.parametrize("path", ["organisations/", "en/locations/leipzig/"])
def test_map_markers_are_large_enough_to_tap(
    phone_probe: PageProbe, served_site: str, path: str, width: int
):
    page = phone_probe.page
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(served_site + path)
    targets = page.locator(".hub-map__marker .hub-map__hit")
    assert targets.count() >= 1
    for index in range(targets.count()):
        box = targets.nth(index).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box


def test_place_marker_opens_the_list_of_its_city(phone_probe: PageProbe, served_site: str):
    page = phone_probe.page
    page.goto(served_site + "en/organisations/")
    place = page.locator("a[data-hub-place]").first
    members = place.get_attribute("data-hub-place").split()
    target = place.get_attribute("href")
    place.locator(".hub-map__hit").tap()
    page.wait_for_url(re.compile(re.escape(target) + "$"))
    links = page.locator(f"{target} [data-hub-place-item] a")
    expect(links.first).to_be_in_viewport()
    assert links.count() == len(members)


def test_map_is_one_tap_away_on_a_phone(phone_probe: PageProbe, served_site: str):
    page = phone_probe.page
    page.goto(served_site + "organisations/")
    jump = page.locator(".hub-directory__jump a")
    expect(jump).to_be_in_viewport()
    jump.tap()
    expect(page.locator(".hub-map__svg")).to_be_in_viewport()


def test_map_stands_beside_the_list_on_wide_screens(browser: Browser, served_site: str):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(served_site + "en/organisations/")
    expect(page.locator(".hub-directory__jump")).to_be_hidden()
    listing = page.locator("[data-hub-items]").bounding_box()
    figure = page.locator(".hub-map__svg").bounding_box()
    assert figure["x"] >= listing["x"] + listing["width"]
    assert abs(figure["y"] - listing["y"]) < 200
    context.close()


def test_map_markers_work_with_the_keyboard(probe: PageProbe, served_site: str):
    page = probe.page
    page.goto(served_site + "en/organisations/")
    first = page.locator(".hub-map__marker[href]").first
    first.focus()
    expect(first).to_be_focused()
    href = first.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(href.removeprefix("#")) + "/?$"))


@pytest.mark.parametrize("width", [375, 320])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_region_tables_fit_a_phone(
    phone_probe: PageProbe, served_site: str, prefix: str, width: int
):
    # Material wraps wide tables in a scrolling box; on a phone none may need it.
    regions = [r.id for r in STORE.all("regions") if r.key_facts]
    assert regions
    phone_probe.page.set_viewport_size({"width": width, "height": 740})
    for region in regions:
        phone_probe.page.goto(f"{served_site}{prefix}locations/{region}/")
        widths = phone_probe.page.eval_on_selector_all(
            ".md-typeset__scrollwrap", "boxes => boxes.map(b => b.scrollWidth - b.clientWidth)"
        )
        assert widths and max(widths) <= 0, (region, widths)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_phone_filters_fold_behind_one_button(phone_probe: PageProbe, served_site: str, prefix):
    page = phone_probe.page
    page.goto(served_site + prefix + "organisations/?region=leipzig")
    toggle = page.locator("[data-hub-facets-toggle]")
    expect(page.locator("[data-hub-items] > li:visible").first).to_be_in_viewport()
    expect(page.locator("fieldset[data-facet]").first).to_be_hidden()
    expect(toggle).to_contain_text("(1)")  # one active filter, although folded
    toggle.tap()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("input[name=region][value=leipzig]")).to_be_checked()
    toggle.tap()
    expect(page.locator("fieldset[data-facet]").first).to_be_hidden()


def test_wide_screens_show_the_filters_without_the_button(probe: PageProbe, served_site: str):
    probe.page.goto(served_site + "organisations/")
    expect(probe.page.locator("[data-hub-facets-toggle]")).to_be_hidden()
    expect(probe.page.locator("fieldset[data-facet]").first).to_be_visible()
