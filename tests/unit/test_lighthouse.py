"""scripts/lighthouse.py: which pages it measures, and how it reduces several runs to one row."""

from __future__ import annotations

from pathlib import Path

from lighthouse import GOALS, page_types, summarise, table


def _page(site: Path, path: str) -> None:
    target = site / path / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("<html></html>", encoding="utf-8")


def test_page_types_take_one_page_of_each_section(tmp_path: Path) -> None:
    for path in [
        "",
        "guides/b-guide",
        "guides/a-guide",
        "guides/tools/classify",
        "legal/mdr",
        "organisations/zeiss",
        "organisations/abc",
        "news/2019-01-01-old",
        "news/2026-02-02-new",
        "services/x",
        "events/e",
        "technologies/t",
        "locations/dresden",
        "glossary",
    ]:
        _page(tmp_path, path)
    pages = page_types(tmp_path)
    assert pages["guide"] == "guides/a-guide/"
    assert pages["tool"] == "guides/tools/classify/"
    assert pages["profile"] == "organisations/abc/"
    assert pages["news item"] == "news/2026-02-02-new/"
    assert pages["404"] == "404.html"
    assert pages["glossary"] == "glossary/"


def test_page_types_leave_out_sections_the_site_does_not_have(tmp_path: Path) -> None:
    _page(tmp_path, "")
    pages = page_types(tmp_path)
    assert "tool" not in pages and "profile" not in pages and "glossary" not in pages
    assert pages["home"] == ""


def _report(perf: float, tbt: float, failing_seo: bool = False) -> dict:
    categories = {c: {"score": 1.0, "auditRefs": []} for c in GOALS}
    categories["performance"]["score"] = perf
    categories["seo"]["auditRefs"] = [{"id": "link-text", "weight": 1}]
    audits = {
        "total-byte-weight": {"numericValue": 1000},
        "total-blocking-time": {"numericValue": tbt},
        "cumulative-layout-shift": {"numericValue": 0.0},
        "largest-contentful-paint": {"numericValue": 1500},
        "link-text": {"score": 0 if failing_seo else 1},
    }
    if failing_seo:
        categories["seo"]["score"] = 0.92
    return {"categories": categories, "audits": audits}


def test_summarise_takes_the_median_of_the_runs() -> None:
    result = summarise("home", "", [_report(0.99, 50), _report(0.80, 900), _report(0.96, 120)])
    assert result.scores["performance"] == 96
    assert result.tbt_ms == 120
    assert result.misses() == []


def test_summarise_names_the_failed_audits_of_a_missed_goal() -> None:
    result = summarise("glossary", "glossary/", [_report(0.99, 10, failing_seo=True)])
    assert result.misses() == ["seo"]
    assert result.failed_audits["seo"] == ["link-text"]
    assert "| glossary | /glossary/ | 99 | 100 | 100 | 92 |" in table([result])
