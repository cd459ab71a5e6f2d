"""Regulatory decision tools: questions, definitions, rules and outcomes as data, one file each.

A tool file (``data/tools/<id>.yml``) is a decision graph: from ``start`` every question offers
answers; an answer may *apply* rules (each rule names an outcome, e.g. class IIa, and its legal
citations) and leads to the ``next`` question or, without one, to the end. All rules applied on
the way count; the strictest outcome wins (outcomes are listed from least to most strict, as MDR
Annex VIII section 3.5 asks). A ``fallback`` rule (MDR Rule 1, Rule 13) counts only when no other
rule applied.

The same evaluation runs in Python (:func:`evaluate`, unit-tested on worked examples) and in the
browser (docs/assets/javascripts/decision-tools.js), both on the JSON of :func:`tool_view`, which
the page embeds. Checks beyond the model (:func:`check_tool`): unknown question or rule ids,
questions nothing leads to, a path that ends without any rule, cycles, unknown contacts, and
citations to unknown acts. `make validate` and the build get them from one call of
:func:`load_tools` in saxonyhub.build_state.load_build.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

if TYPE_CHECKING:
    from jinja2 import Environment

    from .site import SiteData

from .acts import CitationError, LegalAct, cite, parse_reference
from .i18n import LocalizedText, format_day
from .page_meta import ReviewMeta
from .problems import Problem
from .review import PageReview
from .strict_yaml import Marks
from .validation import Locator, data_files, load_validated

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", examples=["rule-11"])]
CitationText = Annotated[
    str,
    Field(
        min_length=2,
        description="A legal citation without the brackets, as in the guides.",
        examples=["MDR Annex VIII Rule 11", "MDR Art. 2(4)"],
    ),
]
TOOLS_DIR = "tools"
MARKER = re.compile(r"<!--\s*(?P<kind>decision-tool(?:-table)?):(?P<id>[a-z0-9-]+)\s*-->")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    """A document the tool's rules were checked against (law, MDCG guidance)."""

    title: str = Field(min_length=3, description="Title of the document.")
    url: HttpUrl = Field(description="Where it was read.")


class Continuation(_Strict):
    """Another tool this result leads into, with the answers already given there."""

    tool: Slug = Field(description="Id of the other tool (data/tools/<id>.yml).")
    answers: list[Slug] = Field(
        default_factory=list, description="Answer ids along that tool's path, in order."
    )
    label: LocalizedText = Field(description="Link text, e.g. 'Weiter zu Regel 11'.")


class Outcome(_Strict):
    """A possible result (a class, a deadline); listed from least to most strict."""

    id: Slug
    label: LocalizedText = Field(description="Short result, e.g. 'Klasse IIa' / 'Class IIa'.")
    text: LocalizedText | None = Field(None, description="What the result means for the user.")
    date: dt.date | None = Field(None, description="The deadline this result stands for.")
    continue_with: Continuation | None = Field(None, description="A tool to continue with.")


class Definition(_Strict):
    """A legal definition a question depends on, with where it stands in the law."""

    id: Slug
    term: LocalizedText
    text: LocalizedText = Field(description="The definition, close to the legal wording.")
    cite: CitationText
    where: LocalizedText | None = Field(
        None, description="Finer place than the citation gives, e.g. 'Chapter I, section 2.2'."
    )


class Rule(_Strict):
    """One rule (or sub-rule) that leads to an outcome."""

    id: Slug
    outcome: Slug = Field(description="Id of the outcome this rule gives.")
    title: LocalizedText = Field(description="Short name, e.g. 'Regel 2 – Blutbeutel'.")
    text: LocalizedText = Field(description="What the rule says, close to the legal wording.")
    cite: list[CitationText] = Field(min_length=1, description="Where the rule stands.")
    fallback: bool = Field(False, description="Applies only when no other rule applied.")
    source: HttpUrl | None = Field(None, description="Where a date or condition was checked.")


class Answer(_Strict):
    """One choice of a question."""

    id: Slug
    label: LocalizedText
    rules: list[Slug] = Field(default_factory=list, description="Rules this answer applies.")
    next: Slug | None = Field(None, description="The next question; none: the end.")


class Question(_Strict):
    """One question, asked in the order the law takes its criteria."""

    id: Slug
    text: LocalizedText
    help: LocalizedText | None = None
    definitions: list[Slug] = Field(default_factory=list, description="Definitions it uses.")
    answers: list[Answer] = Field(min_length=2)


class DecisionTool(_Strict):
    """The file ``data/tools/<id>.yml``."""

    id: Slug
    title: LocalizedText
    summary: LocalizedText = Field(description="One sentence: what the tool answers.")
    review: ReviewMeta
    start: Slug = Field(description="Id of the first question.")
    outcomes: list[Outcome] = Field(min_length=1, description="From least to most strict.")
    definitions: list[Definition] = Field(default_factory=list)
    rules: list[Rule] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)
    strictest_cite: CitationText | None = Field(
        None, description="Citation for 'the strictest rule applies' (MDR Annex VIII 3.5)."
    )
    strictest_text: LocalizedText | None = Field(
        None, description="What 'several rules apply' means here; default: label tool.strictest."
    )
    sources: list[Source] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> DecisionTool:
        for name in ("outcomes", "definitions", "rules", "questions"):
            ids = [item.id for item in getattr(self, name)]
            twice = sorted({i for i in ids if ids.count(i) > 1})
            if twice:
                raise ValueError(f"{name}: id '{twice[0]}' is used twice")
        for question in self.questions:
            ids = [answer.id for answer in question.answers]
            if len(set(ids)) != len(ids):
                raise ValueError(f"question '{question.id}': two answers share an id")
        return self


# --- checks across the graph -------------------------------------------------------------------


def _listed(ids: list[str]) -> str:
    return ", ".join(ids) if len(ids) <= 12 else f"{', '.join(ids[:12])}, …"


def _reference_problems(tool: DecisionTool, at: Locator) -> list[Problem]:
    questions = [q.id for q in tool.questions]
    rules = {r.id for r in tool.rules}
    definitions = {d.id for d in tool.definitions}
    outcomes = [o.id for o in tool.outcomes]
    problems = []
    if tool.start not in questions:
        problems.append(at.problem(("start",), f"unknown question id '{tool.start}'"))
    for i, rule in enumerate(tool.rules):
        if rule.outcome not in outcomes:
            hint = f"outcomes: {_listed(outcomes)}"
            problems.append(
                at.problem(("rules", i, "outcome"), f"unknown outcome id '{rule.outcome}'", hint)
            )
    for i, question in enumerate(tool.questions):
        for k, term in enumerate(question.definitions):
            if term not in definitions:
                path = ("questions", i, "definitions", k)
                problems.append(at.problem(path, f"unknown definition id '{term}'"))
        for j, answer in enumerate(question.answers):
            base = ("questions", i, "answers", j)
            for k, rule_id in enumerate(answer.rules):
                if rule_id not in rules:
                    hint = "add it under 'rules:' or correct the id"
                    problems.append(
                        at.problem((*base, "rules", k), f"unknown rule id '{rule_id}'", hint)
                    )
            if answer.next is not None and answer.next not in questions:
                hint = f"questions: {_listed(questions)}"
                problems.append(
                    at.problem((*base, "next"), f"unknown question id '{answer.next}'", hint)
                )
    return problems


def _graph_problems(tool: DecisionTool, at: Locator) -> list[Problem]:
    """Cycles, unreachable questions, and a path that ends without any rule (leads nowhere)."""
    by_id = {q.id: (i, q) for i, q in enumerate(tool.questions)}
    problems: list[Problem] = []
    state: dict[str, str] = {}  # "open" while on the current path, then "done"
    empty: dict[str, bool] = {}  # can a path from here reach the end without any rule?

    def visit(qid: str) -> bool:
        if state.get(qid) == "open":
            index = by_id[qid][0]
            message = f"question '{qid}' is reached again from a later question (a cycle)"
            problems.append(
                at.problem(("questions", index, "id"), message, "every path must move forward")
            )
            return False
        if qid not in empty:
            state[qid] = "open"
            empty[qid] = False
            for answer in by_id[qid][1].answers:
                following = answer.next
                rest = visit(following) if following in by_id else following is None
                empty[qid] = empty[qid] or (rest and not answer.rules)
            state[qid] = "done"
        return empty[qid]

    if tool.start in by_id and visit(tool.start):
        problems.append(_empty_path_problem(tool, by_id, empty, at))
    for qid, (index, _) in by_id.items():
        if qid not in state:
            problems.append(
                at.problem(
                    ("questions", index, "id"),
                    f"no answer leads to question '{qid}'",
                    "point an answer's 'next:' at it, or remove it",
                )
            )
    return problems


def _empty_path_problem(
    tool: DecisionTool,
    by_id: dict[str, tuple[int, Question]],
    empty: dict[str, bool],
    at: Locator,
) -> Problem:
    """Locate one path without any rule at its last answer, naming the path."""
    qid: str | None = tool.start
    walked: list[str] = []
    path: tuple[Any, ...] = ("start",)
    while qid is not None:
        index, question = by_id[qid]
        j, answer = next(
            (j, a)
            for j, a in enumerate(question.answers)
            if not a.rules and (a.next is None or empty.get(a.next, False))
        )
        walked.append(f"{qid}: {answer.id}")
        path = ("questions", index, "answers", j)
        qid = answer.next
    return at.problem(
        path,
        "this path ends without any rule applied: " + " → ".join(walked),
        "give one of its answers 'rules:'; every path must reach a result",
    )


def _citation_paths(tool: DecisionTool) -> list[tuple[tuple[Any, ...], str]]:
    found: list[tuple[tuple[Any, ...], str]] = [
        (("definitions", i, "cite"), d.cite) for i, d in enumerate(tool.definitions)
    ]
    for i, rule in enumerate(tool.rules):
        found += [(("rules", i, "cite", k), text) for k, text in enumerate(rule.cite)]
    if tool.strictest_cite:
        found.append((("strictest_cite",), tool.strictest_cite))
    return found


def _citation_problems(tool: DecisionTool, at: Locator, acts: dict[str, LegalAct]) -> list[Problem]:
    problems = []
    for path, text in _citation_paths(tool):
        try:
            parse_reference(text, acts)
        except CitationError as error:
            problems.append(at.problem(path, error.message, error.hint))
    return problems


def check_tool(
    tool: DecisionTool, file: str, marks: Marks, acts: dict[str, LegalAct], contacts: set[str]
) -> list[Problem]:
    """Every problem of one validated tool that its model cannot see."""
    at = Locator(file, marks)
    problems = _reference_problems(tool, at)
    problems += _graph_problems(tool, at)
    problems += _citation_problems(tool, at, acts)
    if tool.review.owner not in contacts:
        hint = f"contact ids: {_listed(sorted(contacts))} (data/contacts/)"
        problems.append(
            at.problem(("review", "owner"), f"unknown contact id '{tool.review.owner}'", hint)
        )
    return problems


def load_tools(
    data_dir: Path, acts: dict[str, LegalAct], contacts: set[str]
) -> tuple[dict[str, DecisionTool], list[Problem]]:
    """Load, validate and check every ``data/tools/*.yml``.

    Returns:
        The valid tools by id (sorted) and every problem found in any file.
    """
    tools: dict[str, DecisionTool] = {}
    locations: dict[str, Locator] = {}
    files, problems = data_files(data_dir, TOOLS_DIR)
    for path, display in files:
        tool, marks, found = load_validated(path, display, DecisionTool)
        problems += found
        if tool is None:
            continue
        found = check_tool(tool, display, marks, acts, contacts)
        if tool.id != path.stem:
            line, col = marks.get(("id",), (1, 1))
            hint = f"use 'id: {path.stem}' or rename the file"
            found.append(Problem(display, line, col, "id", "id does not match the file name", hint))
        problems += found
        if not found:
            tools[tool.id] = tool
            locations[tool.id] = Locator(display, marks)
    for tool_id, tool in list(tools.items()):
        found = _continuation_problems(tool, tools, locations[tool_id])
        if found:
            problems += found
            del tools[tool_id]
    return tools, problems


def walk(tool: DecisionTool, answers: list[str]) -> str | None:
    """The question an answer path stops at (None: the path is invalid or reaches the end)."""
    questions = {q.id: q for q in tool.questions}
    current: str | None = tool.start
    for chosen in answers:
        question = questions.get(current) if current else None
        answer = next((a for a in question.answers if a.id == chosen), None) if question else None
        if answer is None:
            return None
        current = answer.next
    return current


def _continuation_problems(
    tool: DecisionTool, tools: dict[str, DecisionTool], at: Locator
) -> list[Problem]:
    problems = []
    for i, outcome in enumerate(tool.outcomes):
        target = outcome.continue_with
        if target is None:
            continue
        path = ("outcomes", i, "continue_with")
        if target.tool not in tools:
            message = f"unknown or invalid tool '{target.tool}'"
            problems.append(
                at.problem((*path, "tool"), message, f"tools: {_listed(sorted(tools))}")
            )
        elif walk(tools[target.tool], target.answers) is None:
            hint = f"give answer ids of '{target.tool}' in order, stopping before its end"
            problems.append(at.problem((*path, "answers"), "these answers are no path", hint))
    return problems


# --- the view the page embeds, and its evaluation ----------------------------------------------

Pattern = Callable[[str], str]


def _citations(
    texts: list[str], acts: dict[str, LegalAct], lang: str, pattern: Pattern
) -> list[dict[str, str]]:
    result = []
    for text in texts:
        reference = parse_reference(text, acts)
        citation = cite(reference, acts[reference.act], lang, pattern)
        result.append({"text": citation.text, "url": citation.url, "hreflang": citation.hreflang})
    return result


def _continue_url(target: Continuation | None) -> str:
    """Tool pages are siblings (guides/tools/<id>/); the answers go into the address."""
    if target is None:
        return ""
    query = f"?a={'.'.join(target.answers)}" if target.answers else ""
    return f"../{target.tool}/{query}"


def _text(value: LocalizedText | None, lang: str) -> str:
    return value.get(lang) if value is not None else ""


def tool_view(
    tool: DecisionTool,
    lang: str,
    acts: dict[str, LegalAct],
    pattern: Pattern,
    labels: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The tool in one language with citations worded and linked: what the page embeds as JSON
    and renders without JavaScript, and what :func:`evaluate` runs on.

    Arguments:
        pattern: label key -> citation pattern (``cite.*`` from data/labels.yml) in ``lang``.
        labels: the interface texts the browser needs (``tool.*`` labels), passed through.
    """
    definitions = {
        d.id: {
            "id": d.id,
            "term": d.term.get(lang),
            "text": d.text.get(lang),
            "where": _text(d.where, lang),
            "cite": _citations([d.cite], acts, lang, pattern)[0],
        }
        for d in tool.definitions
    }
    review = PageReview.from_meta(tool.review)
    return {
        "id": tool.id,
        "title": tool.title.get(lang),
        "summary": tool.summary.get(lang),
        "start": tool.start,
        "last_reviewed": tool.review.last_reviewed.isoformat(),
        "last_reviewed_text": format_day(tool.review.last_reviewed, lang),
        "review_by": review.review_by.isoformat(),
        "owner": tool.review.owner,
        "outcomes": [
            {
                "id": o.id,
                "label": o.label.get(lang),
                "text": _text(o.text, lang),
                "date": o.date.isoformat() if o.date else "",
                "date_text": format_day(o.date, lang) if o.date else "",
                "continue_url": _continue_url(o.continue_with),
                "continue_label": o.continue_with.label.get(lang) if o.continue_with else "",
            }
            for o in tool.outcomes
        ],
        "rules": {
            r.id: {
                "id": r.id,
                "outcome": r.outcome,
                "title": r.title.get(lang),
                "text": r.text.get(lang),
                "cite": _citations(r.cite, acts, lang, pattern),
                "fallback": r.fallback,
                "source": str(r.source) if r.source else "",
            }
            for r in tool.rules
        },
        "questions": {
            q.id: {
                "id": q.id,
                "text": q.text.get(lang),
                "help": _text(q.help, lang),
                "definitions": [definitions[d] for d in q.definitions],
                "answers": [
                    {"id": a.id, "label": a.label.get(lang), "rules": a.rules, "next": a.next}
                    for a in q.answers
                ],
            }
            for q in tool.questions
        },
        "order": [q.id for q in tool.questions],
        "strictest_cite": (
            _citations([tool.strictest_cite], acts, lang, pattern)[0]
            if tool.strictest_cite
            else None
        ),
        "strictest_text": (
            tool.strictest_text.get(lang)
            if tool.strictest_text
            else (labels or {}).get("tool.strictest", "")
        ),
        "sources": [{"title": s.title, "url": str(s.url)} for s in tool.sources],
        "labels": labels or {},
    }


def script_json(view: dict[str, Any]) -> str:
    """The view as JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or
    ``&`` can end the element or start markup, whatever the data says."""
    text = json.dumps(view, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass(frozen=True)
class Evaluation:
    """Where a set of answers leads: the steps taken, the rules applied and the result."""

    steps: list[tuple[str, str]]  # (question id, answer id) in the order asked
    pending: str | None  # the question still to answer; None once the end is reached
    applied: list[str]  # rule ids that count, in the order they applied
    outcome: str | None  # the strictest outcome; None while questions remain
    deciding: list[str]  # the applied rules that give that outcome


def evaluate(view: dict[str, Any], answers: dict[str, str] | list[str]) -> Evaluation:
    """Follow ``answers`` through the tool: a mapping question id -> answer id, or the answer ids
    along the path in order (the form the page keeps in its address). Unknown or missing answers
    stop the walk at that question."""
    questions = view["questions"]
    steps: list[tuple[str, str]] = []
    applied: list[str] = []
    current: str | None = view["start"]
    while current is not None:
        if isinstance(answers, list):
            chosen = answers[len(steps)] if len(steps) < len(answers) else None
        else:
            chosen = answers.get(current)
        answer = next((a for a in questions[current]["answers"] if a["id"] == chosen), None)
        if answer is None:
            return Evaluation(steps, current, applied, None, [])
        steps.append((current, answer["id"]))
        applied += [r for r in answer["rules"] if r not in applied]
        current = answer["next"]
    rules = view["rules"]
    counted = [r for r in applied if not rules[r]["fallback"]] or applied
    rank = {o["id"]: i for i, o in enumerate(view["outcomes"])}
    best = max(counted, key=lambda r: rank[rules[r]["outcome"]])
    outcome = rules[best]["outcome"]
    deciding = [r for r in counted if rules[r]["outcome"] == outcome]
    return Evaluation(steps, None, counted, outcome, deciding)


def find_markers(markdown: str) -> list[tuple[str, str]]:
    """``(kind, tool id)`` of each marker in a page: ``<!-- decision-tool:ID -->`` (the tool)
    and ``<!-- decision-tool-table:ID -->`` (its review table on the staff page)."""
    return [(m.group("kind"), m.group("id")) for m in MARKER.finditer(markdown)]


def marker_problems(
    pages: Iterable[tuple[str, str]], tools: dict[str, DecisionTool]
) -> list[Problem]:
    """Markers that name a tool without a valid data file.

    Arguments:
        pages: (path below docs/, text) of every page, e.g. from the build's page index.
    """
    problems = []
    for path, text in pages:
        if "decision-tool" not in text:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            for match in MARKER.finditer(line):
                if match.group("id") not in tools:
                    problems.append(
                        Problem(
                            f"docs/{path}",
                            number,
                            match.start() + 1,
                            "marker",
                            f"no valid decision tool '{match.group('id')}'",
                            f"tools: {', '.join(sorted(tools)) or 'none'} (data/tools/)",
                        )
                    )
    return problems


FRAGMENTS = {"decision-tool": "tool.html", "decision-tool-table": "table.html"}


def render_markers(
    markdown: str, tools: dict[str, DecisionTool], data: SiteData, env: Environment, lang: str
) -> str:
    """``markdown`` with each tool marker replaced by its fragment (fragments/decision_tools/).

    Raises:
        ValueError: a marker names no valid tool (pages on disk are checked before the build;
            only a generated page could get here).
    """
    labels = data.labels
    texts = {key: labels.t(key, lang) for key in labels.root if key.startswith("tool.")}
    acts = data.legal_acts.by_id()

    def render(match: re.Match[str]) -> str:
        tool = tools.get(match["id"])
        if tool is None:
            raise ValueError(f"unknown decision tool in {match[0]}")
        view = tool_view(tool, lang, acts, lambda key: labels.t(key, lang), texts)
        template = env.get_template(f"fragments/decision_tools/{FRAGMENTS[match['kind']]}")
        owner = data.contacts.get(tool.review.owner)
        return template.render(view=view, data=script_json(view), owner=owner)

    return MARKER.sub(render, markdown)
