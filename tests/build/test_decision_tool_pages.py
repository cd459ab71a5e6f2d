"""Decision tools in the built site: pages in both languages, embedded data, no-JS list, staff
tables; and broken tool data failing the build and `make validate` with the same messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from saxonyhub.decision_tools import load_tools
from saxonyhub.site import load_site_data

ROOT = Path(__file__).resolve().parents[2]


def tool_ids() -> list[str]:
    data = load_site_data(ROOT)
    tools, _ = load_tools(ROOT / "data", data.legal_acts.by_id(), set(data.contacts))
    return sorted(tools)


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("tool_id", tool_ids())
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_tool_page_embeds_its_data_and_a_linked_list(built_site: Path, tool_id: str, prefix: str):
    page = soup(built_site, f"{prefix}guides/tools/{tool_id}")
    root = page.select_one(f'[data-hub-tool="{tool_id}"]')
    view = json.loads(root.select_one("script.hub-tool__data").string)
    assert view["id"] == tool_id and page.html["lang"] == (prefix.rstrip("/") or "de")
    items = root.select(".hub-tool__list > li")
    assert [li["id"] for li in items] == [f"{tool_id}-{q}" for q in view["order"]]
    # Every "continue with" link in the no-JS list points at a question on the page.
    for link in root.select(".hub-tool__list a[href^='#']"):
        assert root.select_one(link["href"]) is not None
    rules = root.select(".hub-tool__rules > li")
    assert len(rules) == len(view["rules"])
    assert all(li.select_one("a[href*='eur-lex.europa.eu']") for li in rules)
    assert page.select_one(".hub-tool-disclaimer a[href*='mdr-classification']")
    assert page.select_one(".hub-review")


def test_embedded_json_cannot_close_its_script(built_site: Path):
    text = (built_site / "guides/tools/mdr-classification/index.html").read_text(encoding="utf-8")
    start = text.index('class="hub-tool__data">')
    body = text[start : text.index("</script>", start)]
    assert "<" not in body.split(">", 1)[1] and "&" not in body


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_staff_page_has_a_table_per_tool_and_stays_out_of_search(built_site: Path, prefix: str):
    page = soup(built_site, f"{prefix}staff/decision-tools")
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    ids = [div.select_one("h2")["id"] for div in page.select(".hub-tool-table")]
    assert ids == [
        f"table-{tool_id}"
        for tool_id in [
            "mdr-classification",
            "software-qualification",
            "transition-deadlines",
            "ivdr-classification",
        ]
    ]
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "staff/decision-tools" not in sitemap


def test_broken_tool_data_fails_build_and_validate_alike(build_scenario, tmp_path: Path):
    result = build_scenario("decision-tool-broken")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    expected = [
        "data/tools/broken.yml:27:48: questions[0].answers[0].rules[0]: unknown rule id 'r9'",
        "data/tools/broken.yml:28:46: questions[0].answers[1].next: unknown question id 'nowhere'",
        "question 'first' is reached again from a later question (a cycle)",
        "this path ends without any rule applied: first: c → second: stop",
        "data/tools/broken.yml:15:11: definitions[0].cite: unknown legal act 'XYZ'",
        "docs/de/index.md:8:1: marker: no valid decision tool 'nope'",
    ]
    for line in expected:
        assert line in result.stderr
    project = tmp_path / "project"  # where build_scenario put the scenario
    validate = subprocess.run(
        [sys.executable, str(ROOT / "scripts/validate.py"), str(project)],
        capture_output=True,
        text=True,
    )
    assert validate.returncode == 1
    for line in expected:
        assert line in validate.stderr
