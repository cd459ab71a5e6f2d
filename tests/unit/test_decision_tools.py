"""Decision tools: data checks with located errors, and the evaluation on worked examples.

The examples (tests/fixtures/decision-tools/examples/<tool>.yml) name their source; the evaluation
runs on the same JSON view the page embeds and the browser evaluates.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from saxonyhub.decision_tools import (
    evaluate,
    find_markers,
    load_tools,
    marker_problems,
    tool_view,
)
from saxonyhub.site import load_site_data

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests/fixtures/decision-tools"
EXAMPLES = FIXTURES / "examples"


@pytest.fixture(scope="module")
def site():
    return load_site_data(ROOT)


@pytest.fixture(scope="module")
def tools(site):
    tools, problems = load_tools(ROOT / "data", site.legal_acts.by_id(), set(site.contacts))
    assert problems == []
    return tools


def view(tools, site, tool_id: str, lang: str = "en") -> dict:
    acts = site.legal_acts.by_id()
    return tool_view(tools[tool_id], lang, acts, lambda key: site.labels.t(key, lang))


def example_cases() -> list:
    cases = []
    for path in sorted(EXAMPLES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        default = data.get("default", "no")
        cases += [
            pytest.param(path.stem, ex, default, id=f"{path.stem}: {ex['name']}")
            for ex in data["examples"]
        ]
    return cases


def answered(view_: dict, answers: dict[str, str], default: str = "no") -> dict[str, str]:
    """Every question not named in the example gets the file's default answer ('no')."""
    return {qid: answers.get(qid, default) for qid in view_["questions"]}


@pytest.mark.parametrize(("tool_id", "example", "default"), example_cases())
def test_evaluate_worked_example(tools, site, tool_id, example, default):
    assert example["source"]
    data = view(tools, site, tool_id)
    result = evaluate(data, answered(data, example["answers"], default))
    assert result.pending is None
    assert result.outcome == example["expected"]
    assert result.deciding == example["deciding"]
    for rule in example.get("also", []):
        assert rule in result.applied
    for rule in example.get("not_counted", []):
        assert rule not in result.applied


def test_worked_examples_are_at_least_25_with_multi_rule_cases():
    data = yaml.safe_load((EXAMPLES / "mdr-classification.yml").read_text(encoding="utf-8"))
    examples = data["examples"]
    assert len(examples) >= 25
    multi = [e for e in examples if e.get("also") or e.get("not_counted") or len(e["deciding"]) > 1]
    assert len(multi) >= 5


def test_every_tool_has_worked_examples_for_most_outcomes(tools):
    for tool_id, tool in tools.items():
        data = yaml.safe_load((EXAMPLES / f"{tool_id}.yml").read_text(encoding="utf-8"))
        reached = {example["expected"] for example in data["examples"]}
        assert len(reached) >= min(len(tool.outcomes), 4) - 1, tool_id


def test_evaluate_path_form_equals_mapping_form(tools, site):
    data = view(tools, site, "mdr-classification", "de")
    mapping = answered(data, {"invasive": "implantable", "rule-8": "joint"})
    by_mapping = evaluate(data, mapping)
    by_path = evaluate(data, [answer for _, answer in by_mapping.steps])
    assert by_path == by_mapping


def test_evaluate_stops_at_the_first_unanswered_question(tools, site):
    data = view(tools, site, "mdr-classification")
    result = evaluate(data, ["surgical", "long"])
    assert result.pending == "rule-8" and result.outcome is None
    assert evaluate(data, ["surgical", "not-an-answer"]).pending == "surgical-duration"


def test_mdr_tool_covers_all_22_rules(tools):
    numbers = set()
    for rule in tools["mdr-classification"].rules:
        for text in rule.cite:
            numbers.update(int(n) for n in re.findall(r"Rule (\d+)", text))
    assert numbers == set(range(1, 23))


def test_every_rule_can_be_applied_by_some_answer(tools):
    for tool in tools.values():
        used = {rule for q in tool.questions for a in q.answers for rule in a.rules}
        assert used == {rule.id for rule in tool.rules}, tool.id


def test_view_words_citations_per_language(tools, site):
    de = view(tools, site, "mdr-classification", "de")["rules"]["r11-iia"]["cite"][0]
    en = view(tools, site, "mdr-classification", "en")["rules"]["r11-iia"]["cite"][0]
    assert de["text"] == "Anhang\u00a0VIII Regel\u00a011 MDR" and "/DE/" in de["url"]
    assert en["text"] == "MDR Annex\u00a0VIII, Rule\u00a011" and "/EN/" in en["url"]


def test_load_tools_reports_every_graph_mistake_with_its_line(site):
    _, problems = load_tools(FIXTURES / "broken", site.legal_acts.by_id(), set(site.contacts))
    text = "\n".join(p.format() for p in problems)
    expected = [
        "broken.yml:18:14: rules[0].outcome: unknown outcome id 'lower'",
        "broken.yml:25:25: questions[0].definitions[1]: unknown definition id 'unknown-term'",
        "broken.yml:27:48: questions[0].answers[0].rules[0]: unknown rule id 'r9'",
        "broken.yml:28:46: questions[0].answers[1].next: unknown question id 'nowhere'",
        "questions[0].id: question 'first' is reached again from a later question (a cycle)",
        "this path ends without any rule applied: first: c → second: stop",
        "no answer leads to question 'orphan'",
        "broken.yml:15:11: definitions[0].cite: unknown legal act 'XYZ'",
        "broken.yml:5:17: review.owner: unknown contact id 'nobody-known'",
    ]
    for line in expected:
        assert line in text
    assert len(problems) == len(expected)


def test_load_tools_names_a_missing_language(site):
    tools, problems = load_tools(
        FIXTURES / "missing-language", site.legal_acts.by_id(), set(site.contacts)
    )
    assert tools == {}
    text = "\n".join(p.format() for p in problems)
    assert "wrong-name.yml:2:8: title.en: this field is required but missing" in text
    assert "questions[0].answers[1].label.en: this field is required but missing" in text


def test_find_markers_reads_tool_and_table_markers():
    text = "a <!-- decision-tool:mdr-classification --> b\n<!-- decision-tool-table:x-y -->"
    assert find_markers(text) == [
        ("decision-tool", "mdr-classification"),
        ("decision-tool-table", "x-y"),
    ]


def test_build_state_carries_every_tool_file_and_no_problems():
    from mkdocs.utils.yaml import yaml_load

    from saxonyhub.build_state import load_build
    from saxonyhub.settings import i18n_languages, settings_marks

    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml_load(text)
    build, checks = load_build(
        ROOT, config["extra"]["saxonyhub"], i18n_languages(config["plugins"]), settings_marks(text)
    )
    assert build is not None and checks.tools == []
    assert sorted(build.tools) == sorted(p.stem for p in (ROOT / "data/tools").glob("*.yml"))


def test_marker_problems_name_page_line_and_known_tools(tools):
    pages = [("de/x.md", "---\ntitle: x\n---\n\n<!-- decision-tool:nope -->\n")]
    (problem,) = marker_problems(pages, tools)
    assert problem.format().startswith("docs/de/x.md:5:1: marker: no valid decision tool 'nope'")
    assert marker_problems([("de/y.md", "<!-- decision-tool:mdr-classification -->")], tools) == []
