"""Decision tools as a visitor uses them: by keyboard, in both languages, with a shareable address
and the back button, without JavaScript, and without accessibility violations."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from browser_support import PageProbe, run_axe
from saxonyhub.decision_tools import evaluate

LANGUAGES = {
    "": ("Frage", "Klasse III", "Regel\u00a08"),
    "en/": ("Question", "Class III", "Rule\u00a08"),
}
MDR = "guides/tools/mdr-classification/"
# A breast implant: implantable, Rule 8 "breast implant or surgical mesh", then "no" to the rest.
BREAST_IMPLANT = ["implantable", "breast-mesh", "no"] + ["no"] * 9


def answer_by_keyboard(page: Page, answer_id: str) -> None:
    """With focus on the current question's first radio: move to the answer, then press Enter."""
    focused = page.evaluate("() => document.activeElement.name")
    radios = page.locator(f'input[name="{focused}"]')
    ids = [radios.nth(i).get_attribute("value") for i in range(radios.count())]
    index = ids.index(answer_id)
    page.keyboard.press("Space" if index == 0 else "ArrowDown")
    for _ in range(max(index - 1, 0)):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")


def violations(page: Page) -> list[str]:
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in run_axe(page)]


@pytest.mark.parametrize("prefix", list(LANGUAGES))
def test_mdr_assistant_by_keyboard_gives_result_and_keeps_answers_in_address(
    probe: PageProbe, served_site: str, prefix: str
):
    question, expected_class, rule = LANGUAGES[prefix]
    page = probe.page
    page.goto(served_site + prefix + MDR)
    expect(page.locator(".hub-tool__static")).to_be_hidden()
    page.locator(".hub-tool__form input").first.focus()
    for number, answer in enumerate(BREAST_IMPLANT, start=1):
        legend = page.locator(".hub-tool__question legend")
        expect(legend).to_contain_text(f"{question} {number}:")
        # Focus sits on the current question (moved there after each answer).
        assert page.evaluate("() => document.activeElement.type") == "radio"
        answer_by_keyboard(page, answer)
    expect(page.locator(".hub-tool__live")).to_contain_text(expected_class)
    result = page.locator(".hub-tool__result")
    expect(result.locator("h2")).to_be_focused()
    expect(result).to_contain_text(rule)
    assert result.locator("a[href*='eur-lex.europa.eu']").count() >= 1
    assert page.url.endswith("?a=" + ".".join(BREAST_IMPLANT))
    assert violations(page) == []
    assert probe.console_errors == []


@pytest.mark.parametrize("prefix", list(LANGUAGES))
def test_shared_address_restores_the_result_and_back_steps_back(
    probe: PageProbe, served_site: str, prefix: str
):
    question, expected_class, _ = LANGUAGES[prefix]
    page = probe.page
    page.goto(served_site + prefix + MDR + "?a=" + ".".join(BREAST_IMPLANT[:-1]))
    expect(page.locator(".hub-tool__question legend")).to_contain_text(
        f"{question} {len(BREAST_IMPLANT)}:"
    )
    assert violations(page) == []
    page.locator(".hub-tool__form input").first.focus()
    answer_by_keyboard(page, "no")
    expect(page.locator(".hub-tool__result h2")).to_contain_text(expected_class)
    page.go_back()
    expect(page.locator(".hub-tool__result")).to_have_count(0)
    expect(page.locator(".hub-tool__question legend")).to_contain_text(
        f"{question} {len(BREAST_IMPLANT)}:"
    )
    page.go_forward()
    expect(page.locator(".hub-tool__result h2")).to_contain_text(expected_class)


def test_change_returns_to_a_question_with_its_answer_selected(probe: PageProbe, served_site: str):
    page = probe.page
    page.goto(served_site + MDR + "?a=" + ".".join(BREAST_IMPLANT))
    page.locator(".hub-tool__change").nth(1).click()
    assert page.url.endswith("?a=implantable")
    checked = page.locator(".hub-tool__form input:checked")
    expect(checked).to_have_value("breast-mesh")
    expect(checked).to_be_focused()


def test_several_rules_say_the_strictest_wins(probe: PageProbe, served_site: str):
    # A biological heart valve: Rule 8 (contact with the heart) and Rule 18 (animal tissue).
    path = ["implantable", "contact", "no", "no", "no", "no", "no", "yes", "no", "no", "no", "no"]
    page = probe.page
    page.goto(served_site + "en/" + MDR + "?a=" + ".".join(path))
    result = page.locator(".hub-tool__result")
    expect(result.locator("h2")).to_contain_text("Class III")
    expect(result.locator(".hub-tool__strictest")).to_contain_text("strictest")
    expect(result).to_contain_text("Rule 18")


def test_software_tool_leads_into_rule_11(probe: PageProbe, served_site: str):
    page = probe.page
    page.goto(served_site + "en/guides/tools/software-qualification/?a=yes.no.yes.yes.yes.no")
    result = page.locator(".hub-tool__result")
    expect(result.locator("h2")).to_contain_text("Medical device software under the MDR")
    result.locator("a.md-button--primary").click()
    page.wait_for_url(re.compile(r"/en/guides/tools/mdr-classification/\?a="))
    expect(page.locator(".hub-tool__question legend")).to_contain_text("Rule 11")


def test_software_tool_says_at_which_step_it_is_not_a_device(probe: PageProbe, served_site: str):
    page = probe.page
    page.goto(served_site + "guides/tools/software-qualification/?a=yes.no.no")
    result = page.locator(".hub-tool__result")
    expect(result.locator("h2")).to_contain_text("keine Medizinprodukte-Software")
    expect(result).to_contain_text("Schritt 3")


def test_deadline_tool_lists_every_missing_condition(probe: PageProbe, served_site: str):
    page = probe.page
    path = ["mdr", "certificate-high", "yes", "yes", "yes", "yes", "no", "yes", "no"]
    page.goto(served_site + "en/guides/tools/transition-deadlines/?a=" + ".".join(path))
    result = page.locator(".hub-tool__result")
    expect(result.locator("h2")).to_contain_text("No extended transition")
    expect(result).to_contain_text("QMS by 26 May 2024")
    expect(result).to_contain_text("written agreement by 26 September 2024")
    expect(result).to_contain_text("31 December 2027")


def test_copy_as_text_puts_the_summary_on_the_clipboard(browser: Browser, served_site: str):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(served_site + "en/" + MDR + "?a=" + ".".join(BREAST_IMPLANT))
    page.get_by_role("button", name="Copy as text").click()
    expect(page.locator(".hub-tool__live")).to_contain_text("clipboard")
    text = page.evaluate("() => navigator.clipboard.readText()")
    assert "Result: Class III" in text and "eur-lex.europa.eu" in text
    assert "not a legal determination" in text
    context.close()


@pytest.mark.parametrize("prefix", list(LANGUAGES))
def test_without_javascript_the_rules_are_a_linked_list(
    browser: Browser, served_site: str, prefix: str
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + prefix + MDR)
    expect(page.locator(".hub-tool__static")).to_be_visible()
    expect(page.locator(".hub-tool__app")).to_be_hidden()
    page.locator(".hub-tool__list a[href^='#']").first.click()
    assert re.search(r"#mdr-classification-[a-z0-9-]+$", page.url)
    context.close()


def test_phone_width_has_no_horizontal_scroll(phone_probe: PageProbe, served_site: str):
    for path in (MDR, "en/guides/tools/transition-deadlines/", "staff/decision-tools/"):
        phone_probe.page.goto(served_site + path + "?a=" + ".".join(BREAST_IMPLANT))
        overflow = phone_probe.page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path


def test_browser_walk_matches_python_on_every_worked_example(probe: PageProbe, served_site: str):
    """The page's JavaScript and saxonyhub.decision_tools.evaluate give the same result for
    every worked example, on the JSON the page embeds."""
    examples = Path(__file__).resolve().parents[1] / "fixtures/decision-tools/examples"
    page = probe.page
    checked = 0
    for path in sorted(examples.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        default = data.get("default", "no")
        page.goto(f"{served_site}en/guides/tools/{path.stem}/")
        view = json.loads(page.locator("script.hub-tool__data").text_content())
        for example in data["examples"]:
            answers = {q: example["answers"].get(q, default) for q in view["questions"]}
            expected = evaluate(view, answers)
            walk = [answer for _, answer in expected.steps]
            got = page.evaluate("([v, p]) => window.hubDecisionTools.evaluate(v, p)", [view, walk])
            assert (got["outcome"], got["deciding"], got["applied"]) == (
                expected.outcome,
                expected.deciding,
                expected.applied,
            ), example["name"]
            checked += 1
    assert checked >= 25
