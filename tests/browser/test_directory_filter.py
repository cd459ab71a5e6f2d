"""The directory's keyword filter, order, sub-field facets, address and empty state, in a real
browser and both languages. Expected profiles come from data/ (directory_expect.py states the
matching rule on its own), never from fixed counts."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from browser_support import PageProbe, run_axe
from directory_expect import (
    ENTRIES,
    LANGS,
    ORGS,
    STORE,
    TOTAL,
    fold,
    found,
    listed_ids,
    name_text,
    profile_text,
    ranked,
    shown_name,
    tokens,
    type_keyword,
    visible_ids,
)

BOTH = pytest.mark.parametrize("lang", list(LANGS))
# The examples: whatever the data says, the page must find exactly what the rule finds.
QUERIES = ["software", "AI", "KI", "CRO", "ECG", "EKG", "wearable", "Software Dresden"]


SITE = {}


def open_directory(page: Page, lang: str, query: str = "") -> list[str]:
    """Open the directory (with ``?query``) and return the list's ids in page order."""
    page.goto(f"{SITE['url']}{LANGS[lang]}organisations/{query}")
    expect(page.locator("[data-hub-filter]")).to_be_visible()
    return listed_ids(page)


@pytest.fixture
def page(probe: PageProbe, served_site: str) -> Iterator[Page]:
    SITE["url"] = served_site
    yield probe.page
    assert probe.console_errors == []


def hidden_field_word(lang: str) -> tuple[str, str]:
    """A word that only an organisation's competences, offers or product areas contain (not its
    name, summary, city, type or technologies), and that organisation's id."""
    seen = Counter()
    owner = {}
    for org in ORGS:
        shown = tokens(
            " ".join([name_text(org), org.summary.get(lang), org.city, org.type])
            + " ".join(ENTRIES[t].label.get(lang) for t in org.technologies)
        )
        for field in (org.competences, org.offers, org.product_areas):
            for phrase in field.get(lang) if field else []:
                for word in re.findall(r"[^\W\d_]{6,}", phrase):
                    if fold(word) not in shown and not any(s.startswith(fold(word)) for s in shown):
                        seen[word] += 1
                        owner.setdefault(word, org.id)
    word = max(seen, key=lambda w: (seen[w], w))
    return word, owner[word]


@BOTH
@pytest.mark.parametrize("query", QUERIES)
def test_keyword_finds_what_the_profiles_say(page: Page, lang: str, query: str):
    open_directory(page, lang)
    type_keyword(page, query)
    assert set(visible_ids(page)) == found(query, lang)
    n = len(found(query, lang))
    status = page.locator("[data-hub-status]")
    expect(status).to_have_text(re.compile(rf"^{n} (von|of) {TOTAL} "))
    assert status.get_attribute("role") == "status"


@BOTH
def test_keyword_searches_competences_offers_and_product_areas(page: Page, lang: str):
    word, org_id = hidden_field_word(lang)
    open_directory(page, lang)
    type_keyword(page, word)
    assert org_id in visible_ids(page)
    assert set(visible_ids(page)) == found(word, lang)


@pytest.mark.parametrize(("lang", "query"), [("en", "AI"), ("de", "KI"), ("en", "CRO")])
def test_short_and_partial_words_do_not_match_inside_words(page: Page, lang: str, query: str):
    # "AI" is not "brain", "trains" or "mainly"; "CRO" not "micro".
    inside = {
        o.id
        for o in ORGS
        if fold(query) in fold(profile_text(o, lang)) and o.id not in found(query, lang)
    }
    assert inside, f"no profile contains {query!r} inside a word: pick another example"
    open_directory(page, lang)
    type_keyword(page, query)
    assert not inside & set(visible_ids(page))


def umlaut_word(lang: str) -> str:
    words = Counter(
        w
        for o in ORGS
        for w in re.findall(r"[^\W\d_]*[äöüß][^\W\d_]*", profile_text(o, lang))
        if len(w) >= 5
    )
    return max(words, key=lambda w: (words[w], w))


@BOTH
@pytest.mark.parametrize("spelling", ["folded", "upper"])
def test_keyword_folds_umlauts_and_case_like_site_search(page: Page, lang: str, spelling: str):
    word = umlaut_word(lang)  # English pages show German names and places too
    typed = fold(word) if spelling == "folded" else word.upper()
    open_directory(page, lang)
    type_keyword(page, typed)
    assert set(visible_ids(page)) == found(word, lang) != set()


def hyphenated_word(lang: str) -> tuple[str, str]:
    for org in ORGS:
        for word in re.findall(r"[^\W\d_]{3,}-[^\W\d_]{3,}", profile_text(org, lang)):
            return word, org.id
    raise AssertionError(f"no hyphenated word in the profiles ({lang})")


@BOTH
def test_hyphenated_words_are_found_joined_and_by_their_parts(page: Page, lang: str):
    word, org_id = hyphenated_word(lang)
    open_directory(page, lang)
    for typed in (word, word.replace("-", ""), word.split("-")[1], word.replace("-", " ")):
        type_keyword(page, typed)
        assert org_id in visible_ids(page), typed


@BOTH
def test_several_words_must_all_match(page: Page, lang: str):
    word, org_id = hidden_field_word(lang)
    city = next(o.city for o in ORGS if o.id == org_id)
    # A second word that removes some of the first word's organisations (AND, not OR).
    other = next(o.city for o in ORGS if not found(word, lang) <= found(o.city, lang))
    open_directory(page, lang)
    type_keyword(page, f"{word} {city}")
    both = set(visible_ids(page))
    assert org_id in both and both == found(word, lang) & found(city, lang)
    type_keyword(page, f"{word} {other}")
    assert set(visible_ids(page)) == found(word, lang) & found(other, lang) < found(word, lang)


def word_in_names_and_elsewhere(lang: str) -> str:
    """A word some organisations have in their name and others only in other fields."""
    candidates = sorted({w for o in ORGS for w in tokens(name_text(o)) if len(w) >= 4})
    for word in candidates:
        hits = found(word, lang)
        in_name = {o.id for o in ORGS if any(t.startswith(word) for t in tokens(name_text(o)))}
        if hits & in_name and hits - in_name:
            return word
    raise AssertionError("no word found in both names and other fields")


@BOTH
def test_name_matches_rank_first_then_the_name_order(page: Page, lang: str):
    word = word_in_names_and_elsewhere(lang)
    initial = open_directory(page, lang)
    type_keyword(page, word)
    assert visible_ids(page) == ranked(word, lang, initial)
    type_keyword(page, "")
    assert listed_ids(page) == initial  # without a keyword, the name order again


@BOTH
def test_list_is_sorted_by_the_displayed_name_in_german_order(page: Page, lang: str):
    ids = open_directory(page, lang)
    names = page.eval_on_selector_all("[data-hub-items] > li > a", "as => as.map(a => a.text)")
    by_id = {o.id: o for o in ORGS}
    assert names == [shown_name(by_id[i], lang) for i in ids]
    collated = page.evaluate("n => n.slice().sort(new Intl.Collator('de').compare)", names)
    assert names == collated


def biggest_sub_field() -> tuple[str, str]:
    counts = Counter(t for o in ORGS for t in o.technologies if ENTRIES[t].parent)
    sub = max(counts, key=lambda t: (counts[t], t))
    return sub, ENTRIES[sub].parent.id


@BOTH
def test_sub_field_in_the_address_filters_and_shows_its_facet(page: Page, lang: str):
    sub, parent = biggest_sub_field()
    open_directory(page, lang, f"?technology={sub}")
    tagged = {o.id for o in ORGS if sub in o.technologies}
    assert set(visible_ids(page)) == tagged
    box = page.locator(f"input[name=technology][value={sub}]")
    expect(box).to_be_checked()
    expect(box).to_be_visible()  # its <details> opened
    count = page.locator(f"[data-count-for='technology:{sub}']")
    expect(count).to_have_text(f"({len(tagged)})")
    parent_box = page.locator(f"input[name=technology][value={parent}]")
    parent_box.check()  # the key technology covers all its sub-fields
    page.wait_for_url(re.compile(rf"technology={parent}%2C{sub}|technology={sub}%2C{parent}|,"))
    wanted = {parent, *(f.id for f in ENTRIES[parent].fields)}
    assert set(visible_ids(page)) == {o.id for o in ORGS if wanted & set(o.technologies)}


@BOTH
def test_sub_fields_fold_under_their_technology_and_work_by_keyboard(page: Page, lang: str):
    sub, parent = biggest_sub_field()
    open_directory(page, lang)
    details = page.locator(f"details:has(input[value={sub}])")
    expect(details.locator(f"input[value={sub}]")).to_be_hidden()
    summary = details.locator("summary")
    label = summary.get_attribute("aria-label")
    assert ENTRIES[parent].label.get(lang) in label and summary.inner_text().strip() in label
    summary.focus()
    page.keyboard.press("Enter")
    expect(details).to_have_attribute("open", "")
    for _ in range(len(ENTRIES[parent].fields) + 1):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.value") == sub:
            break
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(rf"\?technology={sub}$"))
    assert set(visible_ids(page)) == {o.id for o in ORGS if sub in o.technologies}


@BOTH
def test_keyword_parameter_does_not_open_site_search(page: Page, lang: str):
    open_directory(page, lang, "?keyword=software")
    assert set(visible_ids(page)) == found("software", lang)
    expect(page.locator("#hub-keyword")).to_have_value("software")
    assert not page.evaluate("document.getElementById('__search').checked")


def test_old_q_links_still_filter_and_become_keyword_links(page: Page):
    open_directory(page, "de", "?q=software")
    page.wait_for_url(re.compile(r"\?keyword=software$"))
    assert set(visible_ids(page)) == found("software", "de")
    assert not page.evaluate("document.getElementById('__search').checked")


def other_language_link(page: Page, lang: str):
    other = "en" if lang == "de" else "de"
    return page.locator(f".md-select__link[hreflang={other}]")


@BOTH
def test_language_switch_keeps_the_filter(page: Page, lang: str):
    word, org_id = hidden_field_word("en" if lang == "de" else "de")
    region = next(o.region for o in ORGS if o.id == org_id)
    open_directory(page, lang)
    page.locator(f"input[name=region][value={region}]").check()
    type_keyword(page, word)
    link = other_language_link(page, lang)
    assert link.get_attribute("href").endswith(f"?region={region}&keyword={word}")
    page.locator(".md-header__option .md-select").hover()
    link.click()
    other = "en" if lang == "de" else "de"
    page.wait_for_url(re.compile(rf"/{LANGS[other]}organisations/\?region={region}&keyword="))
    expect(page.locator("#hub-keyword")).to_have_value(word)
    expect(page.locator(f"input[name=region][value={region}]")).to_be_checked()
    in_region = {o.id for o in ORGS if o.region == region}
    assert set(visible_ids(page)) == found(word, other) & in_region
    assert org_id in visible_ids(page)
    type_keyword(page, "")  # the link follows every change
    assert other_language_link(page, other).get_attribute("href").endswith(f"?region={region}")


def empty_combination(lang: str) -> tuple[str, str]:
    """A region and a word that each find organisations, but none together."""
    summaries = {w for o in ORGS for w in re.findall(r"[^\W\d_]+", o.summary.get(lang))}
    for word in ("software", *sorted(summaries)):
        hits = found(word, lang)
        if len(word) < 5 or not hits:
            continue
        for region in sorted({o.region for o in ORGS}):
            if not {o.id for o in ORGS if o.region == region} & hits:
                return region, word
    raise AssertionError("every word is found in every region")


@BOTH
def test_empty_state_names_each_filter_and_clears_it(page: Page, lang: str):
    region, word = empty_combination(lang)
    in_region = len([o for o in ORGS if o.region == region])
    open_directory(page, lang, f"?region={region}&keyword={word}")
    expect(page.locator("[data-hub-status]")).to_have_text(re.compile(rf"^0 (von|of) {TOTAL} "))
    panel = page.locator("[data-hub-empty]")
    expect(panel).to_be_visible()
    entries = panel.locator("[data-hub-empty-list] li")
    expect(entries).to_have_count(2)
    keyword_entry, region_entry = entries.all_inner_texts()
    region_name = next(r.name.get(lang) for r in STORE.all("regions") if r.id == region)
    assert word in keyword_entry and f" {in_region} " in f" {keyword_entry} "
    assert region_name in region_entry and f" {len(found(word, lang))} " in f" {region_entry} "
    assert not run_axe(page)
    entries.first.locator("button").click()  # remove the keyword
    page.wait_for_url(re.compile(rf"\?region={region}$"))
    assert len(visible_ids(page)) == in_region
    expect(panel).to_be_hidden()
    expect(page.locator("#hub-keyword")).to_be_focused()
    page.go_back()
    expect(panel).to_be_visible()
    panel.locator("[data-hub-clear]").click()
    page.wait_for_url(re.compile(r"/organisations/$"))
    assert len(visible_ids(page)) == TOTAL
    expect(page.locator(f"input[name=region][value={region}]")).not_to_be_checked()


@BOTH
def test_filtered_directory_has_no_accessibility_violations(page: Page, lang: str):
    sub, _ = biggest_sub_field()
    open_directory(page, lang, f"?technology={sub}&keyword=a")
    violations = run_axe(page)
    assert [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations] == []


LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => list.getEntries().forEach(e => total += e.value))
    .observe({type: 'layout-shift', buffered: true});
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
})"""


@BOTH
def test_filter_in_the_address_does_not_shift_the_phone_layout(
    phone_probe: PageProbe, served_site: str, lang: str
):
    # The list waits for the script instead of showing everything and then shrinking.
    page = phone_probe.page
    sub, _ = biggest_sub_field()
    region = ORGS[0].region
    for query in (f"?technology={sub}", f"?region={region}&keyword=software"):
        page.goto(f"{served_site}{LANGS[lang]}organisations/{query}")
        expect(page.locator("[data-hub-items] > li:not([hidden])").first).to_be_visible()
        assert page.evaluate(LAYOUT_SHIFT) < 0.01, query
        assert "hub-directory-query" not in page.evaluate("document.documentElement.className")


def test_list_shows_even_when_the_filter_script_fails(phone_probe: PageProbe, served_site: str):
    page = phone_probe.page
    page.route(re.compile(r"directory\.js(\?.*)?$"), lambda route: route.abort())
    page.goto(f"{served_site}organisations/?region={ORGS[0].region}")
    expect(page.locator("[data-hub-items] > li").first).to_be_visible(timeout=5_000)
