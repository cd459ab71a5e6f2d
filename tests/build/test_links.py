"""LinkChecker on the built site served on 127.0.0.1: 0 broken internal links and anchors."""

from __future__ import annotations

from pathlib import Path

from check_links import check


def test_site_has_no_broken_internal_links_or_anchors(built_site: Path):
    assert check(built_site) == []


def test_linkcheck_reports_broken_links_and_anchors(tmp_path: Path):
    (tmp_path / "index.html").write_text(
        '<html><body><a href="missing/">x</a><a href="other.html#nowhere">y</a></body></html>'
    )
    (tmp_path / "other.html").write_text('<html><body><h1 id="here">Other</h1></body></html>')
    problems = check(tmp_path)
    assert len(problems) == 2
    assert any("missing/" in p for p in problems) and any("nowhere" in p for p in problems)
