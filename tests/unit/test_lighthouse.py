"""scripts/lighthouse.py: which pages it measures, how it reduces several runs to one row, the
tables it prints, and what fails the CI gate."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import lighthouse
import pytest
from lighthouse import (
    GOALS,
    PAGE_TYPES,
    ShortfallsError,
    load_shortfalls,
    markdown,
    page_types,
    select_pages,
    summarise,
    table,
    verdict,
)

# One built page per section, German and English, as the real site has them.
SECTIONS = [
    "",
    "guides/b-guide",
    "guides/a-guide",
    "guides/tools/classify",
    "legal/mdr",
    "organisations",
    "organisations/zeiss",
    "organisations/abc",
    "news",
    "news/2019-01-01-old",
    "news/2026-02-02-new",
    "services",
    "services/x",
    "events",
    "events/e",
    "technologies/t",
    "locations/dresden",
    "glossary",
]


def _page(site: Path, path: str) -> None:
    target = site / path / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("<html></html>", encoding="utf-8")


def _site(root: Path, languages: tuple[str, ...] = ("", "en/")) -> Path:
    for prefix in languages:
        for path in SECTIONS:
            _page(root, prefix + path)
        (root / prefix / "404.html").write_text("<html></html>", encoding="utf-8")
    return root


def test_page_types_take_one_page_of_each_section(tmp_path: Path) -> None:
    pages = page_types(_site(tmp_path))
    assert pages["guide"] == "guides/a-guide/"
    assert pages["tool"] == "guides/tools/classify/"
    assert pages["profile"] == "organisations/abc/"
    assert pages["news item"] == "news/2026-02-02-new/"
    assert pages["404"] == "404.html"
    assert pages["glossary"] == "glossary/"
    # The names the shortfalls file may use are exactly the types a full site has.
    assert tuple(pages) == PAGE_TYPES


def test_page_types_leave_out_sections_the_site_does_not_have(tmp_path: Path) -> None:
    _page(tmp_path, "")
    pages = page_types(tmp_path)
    assert "tool" not in pages and "profile" not in pages and "glossary" not in pages
    assert pages["home"] == ""


def test_ci_selection_measures_every_page_type_once_in_both_languages(tmp_path: Path) -> None:
    site = _site(tmp_path)
    types = page_types(site)
    pages = select_pages(site, types, ci=True)
    assert [t for t, _ in pages] == list(types)
    english = [t for t, path in pages if path.startswith("en/")]
    german = [t for t, path in pages if not path.startswith("en/")]
    assert english and german
    # The languages alternate, so neither is left with only one half of the page types.
    assert abs(len(english) - len(german)) <= 1
    for page_type, path in pages:
        assert path.removeprefix("en/") == types[page_type]


def test_ci_selection_falls_back_to_the_language_a_page_exists_in(tmp_path: Path) -> None:
    site = _site(tmp_path, languages=("",))
    pages = select_pages(site, page_types(site), ci=True)
    assert len(pages) == len(page_types(site))
    assert not [path for _, path in pages if path.startswith("en/")]


def test_full_selection_measures_every_page_type_in_each_language(tmp_path: Path) -> None:
    site = _site(tmp_path)
    types = page_types(site)
    both = select_pages(site, types, "both")
    assert len(both) == 2 * len(types)
    assert {path for _, path in both} == {p for t in types.values() for p in (t, "en/" + t)}
    assert select_pages(site, types, "en") == [(t, "en/" + p) for t, p in types.items()]


def _report(perf: float, tbt: float, failing_seo: bool = False) -> dict:
    categories = {c: {"score": 1.0, "auditRefs": []} for c in GOALS}
    categories["performance"]["score"] = perf
    categories["performance"]["auditRefs"] = [
        {"id": "total-blocking-time", "weight": 30},
        {"id": "largest-contentful-paint", "weight": 25},
        {"id": "cumulative-layout-shift", "weight": 25},
        {"id": "first-contentful-paint", "weight": 10},
        {"id": "speed-index", "weight": 10},
        {"id": "bf-cache", "weight": 0},
    ]
    categories["seo"]["auditRefs"] = [{"id": "link-text", "weight": 1}]
    audits = {
        "total-byte-weight": {"numericValue": 1000},
        "total-blocking-time": {
            "numericValue": tbt,
            "score": 1.0 if tbt < 200 else 0.5,
            "displayValue": f"{tbt:,.0f} ms",
        },
        "cumulative-layout-shift": {"numericValue": 0.0, "score": 1, "displayValue": "0"},
        "largest-contentful-paint": {"numericValue": 1500, "score": 0.99, "displayValue": "1.5 s"},
        "first-contentful-paint": {"numericValue": 900, "score": 0.9, "displayValue": "0.9 s"},
        "speed-index": {"numericValue": 900, "score": 1, "displayValue": "0.9 s"},
        "bf-cache": {"score": 0},
        "link-text": {"score": 0 if failing_seo else 1},
    }
    if failing_seo:
        categories["seo"]["score"] = 0.92
    return {"categories": categories, "audits": audits}


def test_summarise_takes_the_median_of_the_runs() -> None:
    result = summarise("home", "", [_report(0.99, 50), _report(0.80, 900), _report(0.96, 120)])
    assert result.scores["performance"] == 96
    assert result.tbt_ms == 120
    assert result.runs == 3
    assert result.misses() == []


def test_summarise_names_what_cost_points_in_the_median_run() -> None:
    result = summarise("news", "news/", [_report(0.99, 50), _report(0.80, 900), _report(0.90, 450)])
    assert result.scores["performance"] == 90
    # From the run scoring the median (TBT 450 ms), costliest first; audits without weight or
    # costing under half a point are left out.
    assert result.failed_audits["performance"] == [
        "total-blocking-time 450 ms",
        "first-contentful-paint 0.9 s",
    ]


def test_summarise_leaves_out_failed_runs_and_reports_them() -> None:
    broken = {"error": "Protocol error (Page.navigate): Target closed"}
    unloadable = {**_report(0, 0), "runtimeError": {"code": "NO_FCP", "message": "no paint"}}
    result = summarise("home", "", [_report(0.97, 50), broken, unloadable])
    assert result.runs == 1
    assert result.scores["performance"] == 97
    assert result.errors == [broken["error"], "NO_FCP: no paint"]
    failures, _ = verdict([result])
    assert failures == ["/: 2 run(s) failed: " + "; ".join(result.errors)]


def test_failing_page_names_page_score_goal_and_audits() -> None:
    result = summarise("glossary", "glossary/", [_report(0.99, 10, failing_seo=True)])
    assert result.misses() == ["seo"]
    failures, notes = verdict([result])
    assert failures == ["/glossary/ (glossary): seo 92 < 100 (failed audits: link-text)"]
    assert notes == []


def test_known_shortfall_passes_above_its_floor_and_fails_below() -> None:
    slow = summarise("glossary", "en/glossary/", [_report(0.88, 450)])
    failures, notes = verdict([slow], {("glossary", "performance"): 85})
    assert failures == []
    assert notes == [
        "/en/glossary/ (glossary): performance 88: known shortfall (goal 95, floor 85) "
        "(failed audits: total-blocking-time 450 ms, first-contentful-paint 0.9 s)"
    ]
    failures, _ = verdict([slow], {("glossary", "performance"): 90})
    assert failures == [
        "/en/glossary/ (glossary): performance 88 < 90, the floor of a known shortfall "
        "(failed audits: total-blocking-time 450 ms, first-contentful-paint 0.9 s)"
    ]
    # A shortfall of another page type does not excuse this one.
    failures, _ = verdict([slow], {("directory", "performance"): 70})
    assert failures and "< 95" in failures[0]


def test_known_shortfall_that_reaches_the_goal_asks_for_its_removal() -> None:
    fast = summarise("glossary", "glossary/", [_report(0.97, 50)])
    failures, notes = verdict([fast], {("glossary", "performance"): 85})
    assert failures == []
    assert notes == [
        "/glossary/ (glossary): performance 97 reaches the goal 95: remove its entry from "
        "tools/lighthouse/shortfalls.yml"
    ]


def test_terminal_table_aligns_its_columns() -> None:
    results = [
        summarise("home", "", [_report(0.99, 50)]),
        summarise("news item", "en/news/2026-02-02-new/", [_report(0.9, 450)]),
    ]
    lines = table(results).splitlines()
    assert lines[0].split()[:2] == ["page", "type"]
    assert len(lines) == 4
    # Every column starts at the same offset in each row.
    perf = lines[0].index("perf")
    assert lines[2][perf:].startswith("99") and lines[3][perf:].startswith("90")
    assert "/en/news/2026-02-02-new/" in lines[3]


def test_markdown_table_marks_misses_and_says_how_it_was_measured() -> None:
    results = [
        summarise("home", "", [_report(0.99, 50)]),
        summarise("glossary", "a|b/", [_report(0.9, 450, failing_seo=True)]),
    ]
    text = markdown(results, version="12.2.3", runs=3, when=datetime(2026, 12, 2, 6, 0, tzinfo=UTC))
    lines = text.splitlines()
    assert lines[0].startswith("| page type | path | runs | perf |")
    assert lines[1].count("|") == lines[0].count("|")
    assert lines[2].startswith("| home | `/` | 1 | 99 | 100 | 100 | 100 |")
    # The cell with a pipe is escaped, so the row keeps its column count.
    assert lines[3].startswith("| glossary | `/a\\|b/` | 1 | **90** | 100 | 100 | **92** |")
    assert lines[3].replace("\\|", "").count("|") == lines[0].count("|")
    assert "Lighthouse 12.2.3" in text and "median of 3 runs" in text and "2026-12-02 06:00" in text


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_shortfalls_file_loads(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "shortfalls.yml",
        "- page type: glossary\n  category: performance\n  floor: 85\n"
        "- page type: news index\n  category: accessibility\n  floor: 98\n",
    )
    assert load_shortfalls(path) == {
        ("glossary", "performance"): 85,
        ("news index", "accessibility"): 98,
    }
    assert load_shortfalls(tmp_path / "missing.yml") == {}


def test_shortfalls_file_errors_name_line_field_and_hint_all_at_once(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "shortfalls.yml",
        "- page type: glosary\n  category: performance\n  floor: 85\n"
        "- page type: home\n  category: performance\n  floor: 95\n"
        "- page type: home\n  category: speed\n  floor: 80\n"
        "- page type: home\n",
    )
    with pytest.raises(ShortfallsError) as raised:
        load_shortfalls(path)
    lines = str(raised.value).splitlines()
    assert len(lines) == 4
    assert lines[0].startswith(
        f"{path}:1:14: page type: unknown page type 'glosary' — hint: one of"
    )
    assert lines[1].startswith(f"{path}:6:10: floor: expected a whole number below the goal")
    assert lines[2].startswith(f"{path}:8:13: category: unknown category 'speed'")
    assert lines[3].startswith(f"{path}:10:3: [3]: expected exactly: page type, category, floor")


def test_the_projects_shortfalls_file_is_valid() -> None:
    shortfalls = load_shortfalls()
    assert all(page_type in PAGE_TYPES for page_type, _ in shortfalls)


def _runner(tmp_path: Path, scores: dict[str, list[float]]) -> Path:
    """A stand-in for tools/lighthouse/run.mjs speaking its protocol: the Nth run of a page
    scores scores[path][N] in performance ("error" makes Lighthouse fail)."""
    return _write(
        tmp_path / "fake.mjs",
        "import {createInterface} from 'node:readline';\n"
        f"const scores = {json.dumps(scores)};\n"
        "const seen = {};\n"
        "let job;\n"
        "for await (const line of createInterface({input: process.stdin})) {\n"
        "  if (!job) { job = JSON.parse(line); continue; }\n"
        "  const {url} = JSON.parse(line);\n"
        "  const path = new URL(url).pathname;\n"
        "  const n = seen[path] = (seen[path] ?? -1) + 1;\n"
        "  const score = scores[path][n];\n"
        "  const categories = Object.fromEntries(\n"
        "    job.categories.map(c => [c, {score: 1, auditRefs: []}]));\n"
        "  categories.performance.score = score;\n"
        "  const answer = score === 'error' ? {url, seconds: 2, error: 'lost'} :\n"
        "    {url, seconds: 1, lhr: {categories, audits: {}, settings: job.settings}};\n"
        "  process.stdout.write(JSON.stringify(answer) + '\\n');\n"
        "}\n",
    )


def test_measure_runs_each_page_in_the_runner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Python side of tools/lighthouse/run.mjs: the job, then a URL per run; a run where
    Lighthouse failed is kept as such."""
    fake = _runner(tmp_path, {"/": [0.9, 0.99, 0.97], "/en/": ["error", 0.95, 0.96]})
    monkeypatch.setattr(lighthouse, "RUNNER", fake)
    reports, seconds = lighthouse.measure(["", "en/"], "http://127.0.0.1:1/", 3)
    assert list(reports) == ["", "en/"]
    assert [r["categories"]["performance"]["score"] for r in reports[""]] == [0.9, 0.99, 0.97]
    assert reports["en/"][0] == {"error": "lost"}
    assert reports["en/"][1]["settings"] == lighthouse.SETTINGS
    assert seconds == [1, 1, 1, 2, 1, 1]


def test_measure_stops_a_page_once_its_median_is_settled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = _runner(
        tmp_path,
        {
            "/": [0.97, 0.99, 0.1],
            "/a/": [0.9, 0.97, 0.96],
            "/b/": [0.8, 0.7, 1],
            "/c/": [0.9, 1, 1],
        },
    )
    monkeypatch.setattr(lighthouse, "RUNNER", fake)
    goals = lighthouse.thresholds("home", {})
    floors = lighthouse.thresholds("glossary", {("glossary", "performance"): 85})
    settle = {"": goals, "a/": goals, "b/": goals, "c/": floors}
    reports, _ = lighthouse.measure(["", "a/", "b/", "c/"], "http://127.0.0.1:1/", 3, settle)
    # Two passes (or two misses) of three settle the median; a split needs the third run.
    assert {path: len(runs) for path, runs in reports.items()} == {"": 2, "a/": 3, "b/": 2, "c/": 2}
    assert summarise("home", "a/", reports["a/"]).scores["performance"] == 96


def test_decided_needs_a_majority_on_one_side_in_every_category() -> None:
    goals = lighthouse.thresholds("home", {})
    assert lighthouse.decided([_report(0.95, 0), _report(0.96, 0)], goals, 3)
    assert not lighthouse.decided([_report(0.95, 0), _report(0.94, 0)], goals, 3)
    assert not lighthouse.decided([_report(0.99, 0)], goals, 3)
    seo_split = [_report(0.99, 0), _report(0.99, 0, failing_seo=True)]
    assert not lighthouse.decided(seo_split, goals, 3)
    # A run where Lighthouse failed decides nothing.
    assert not lighthouse.decided([_report(0.99, 0), {"error": "lost"}], goals, 3)


def test_a_site_that_does_not_build_is_not_measured(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    built: list[Path] = []
    monkeypatch.setattr(lighthouse, "build_site", lambda target: built.append(target) or False)
    monkeypatch.setattr(lighthouse, "measure", lambda *a, **k: pytest.fail("measured"))
    assert lighthouse.main(["--ci", "--build"]) == 1
    assert built and built[0].name == "site"
    assert "the site did not build" in capsys.readouterr().err


def test_a_missing_site_says_how_to_build_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert lighthouse.main(["--site", str(tmp_path)]) == 2
    assert "run `make build` first" in capsys.readouterr().err


def test_ci_run_prints_table_verdict_and_a_closing_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`make test`'s gate: the CI subset, each page held to its goal or its shortfall's floor."""
    site = _site(tmp_path / "site")
    shortfalls = _write(
        tmp_path / "shortfalls.yml", "- page type: glossary\n  category: performance\n  floor: 80\n"
    )
    monkeypatch.setattr(lighthouse, "SHORTFALLS", shortfalls)
    monkeypatch.setattr(lighthouse, "load_shortfalls", lambda: load_shortfalls(shortfalls))
    monkeypatch.setattr(lighthouse, "ensure_lighthouse", lambda: None)
    monkeypatch.setattr(lighthouse, "lighthouse_version", lambda: "12.2.3")
    asked: dict = {}

    def fake_measure(pages, base, runs, settle):
        asked.update(pages=pages, runs=runs, settle=settle)
        slow = {"glossary/": 0.85, "en/glossary/": 0.85, "services/": 0.5, "en/services/": 0.5}
        return {p: [_report(slow.get(p, 0.99), 10)] * 2 for p in pages}, [7.0] * 2 * len(pages)

    monkeypatch.setattr(lighthouse, "measure", fake_measure)
    assert lighthouse.main(["--site", str(site), "--ci"]) == 1
    out = capsys.readouterr().out
    assert len(asked["pages"]) == len(PAGE_TYPES) and asked["runs"] == 3
    assert asked["settle"]["en/glossary/"]["performance"] == 80
    assert asked["settle"]["en/services/"]["performance"] == 95
    assert "known shortfall (goal 95, floor 80)" in out
    assert "below the goal: /en/services/ (services): performance 50 < 95" in out
    assert out.rstrip().splitlines()[-1] == f"lighthouse: {len(PAGE_TYPES) - 1} passed, 1 failed"
    assert "7.0 s per run (median)" in out


def test_benchmark_index_is_the_median_over_all_runs() -> None:
    reports = {"": [{"benchmarkIndex": 1000}, {"benchmarkIndex": 600}, {"error": "lost"}]}
    assert lighthouse.benchmark_index({**reports, "en/": [{"benchmarkIndex": 800}]}) == "800"
    assert lighthouse.benchmark_index({"": [{"error": "lost"}]}) == "unknown"


def test_suggested_shortfalls_cover_todays_misses_and_load_back(tmp_path: Path) -> None:
    results = [
        summarise("glossary", "glossary/", [_report(0.90, 450)]),
        summarise("glossary", "en/glossary/", [_report(0.88, 450, failing_seo=True)]),
        summarise("home", "", [_report(0.99, 50)]),
    ]
    text = lighthouse.suggested_shortfalls(results)
    path = _write(tmp_path / "shortfalls.yml", text)
    # The lower of the two languages, five points below; nothing for a page that meets its goals.
    assert load_shortfalls(path) == {("glossary", "performance"): 83, ("glossary", "seo"): 87}
    failures, _ = verdict(results, load_shortfalls(path))
    assert failures == []
    assert lighthouse.suggested_shortfalls(results[2:]) == "[]\n"
