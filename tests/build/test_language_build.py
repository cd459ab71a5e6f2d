"""`make build` runs one MkDocs process per language and merges them (scripts/build.py).

The merged site must be exactly what stock MkDocs writes in one process, file for file: neither
that split nor the cheaper rendering of profile pages (saxonyhub.profile_page) may change a
byte. The search index is written from the finished site in both cases (hooks/search.py,
scripts/build.py); Pagefind orders three of its files by hash map (the language list, the kind
filter and the metadata that names it), so those are compared by what they hold.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from saxonyhub.search_index import indexed_pages
from site_build import build_env, run_build, run_stock_build

ROOT = Path(__file__).resolve().parents[2]


# Pagefind's files whose byte order changes from run to run (and their content-hash names).
UNORDERED = re.compile(r"^pagefind/(filter/.*|pagefind\.\w+\.pf_meta|pagefind-entry\.json)$")


def files_of(site: Path) -> dict[str, bytes]:
    contents = {}
    for path in sorted(site.rglob("*")):
        # /admin/ (the web editor) is added by scripts/build.py after the merge: not MkDocs output.
        relative = path.relative_to(site)
        if (
            path.is_file()
            and relative.parts[0] != "admin"
            and not UNORDERED.match(relative.as_posix())
        ):
            data = path.read_bytes()
            # The gzip header names no folder but carries a time; compare what it holds.
            contents[path.relative_to(site).as_posix()] = (
                gzip.decompress(data) if path.suffix == ".gz" else data
            )
    return contents


def test_make_build_equals_stock_one_process_build(built_site: Path, tmp_path: Path):
    result = run_stock_build(ROOT, tmp_path / "one-process")
    assert result.returncode == 0, result.stderr[-3000:]
    expected = files_of(tmp_path / "one-process")
    actual = files_of(built_site)
    assert sorted(expected) == sorted(actual)
    differing = [path for path in expected if expected[path] != actual[path]]
    assert differing == []
    assert indexed_pages(tmp_path / "one-process") == indexed_pages(built_site)
    entries = [
        json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
        for site in (tmp_path / "one-process", built_site)
    ]
    page_counts = [{k: v["page_count"] for k, v in e["languages"].items()} for e in entries]
    assert page_counts[0] == page_counts[1]


def test_each_language_keeps_its_own_search_index(built_site: Path):
    pages = indexed_pages(built_site)
    assert {p.lang for p in pages} == {"de", "en"}
    assert all(p.url.startswith("en/") == (p.lang == "en") for p in pages)
    assert any("Competence directory" in p.content for p in pages if p.lang == "en")


def test_sitemap_lists_every_page_of_both_languages_once(built_site: Path, content_pages):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap == gzip.decompress((built_site / "sitemap.xml.gz").read_bytes()).decode()
    listed = [line.strip()[5:-6] for line in sitemap.splitlines() if "<loc>" in line]
    assert len(listed) == len(set(listed))
    assert sum(url.startswith("http://127.0.0.1:8000/en/") for url in listed) > 50
    assert sum(not url.startswith("http://127.0.0.1:8000/en/") for url in listed) > 50


def test_a_single_language_build_must_name_a_site_language(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        env=build_env({"HUB_BUILD_LANGUAGE": "fr"}),
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "HUB_BUILD_LANGUAGE='fr' is not one of the site's languages (de, en)" in result.stderr
    assert "Traceback" not in result.stderr


def test_failing_language_reports_once_and_writes_nothing(tmp_path: Path):
    project = tmp_path / "project"
    for part in ("hooks", "overrides", "docs", "data"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project)
    (project / "data/contacts/cluster-office.yml").write_text("id: [\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert result.stderr.count("data/contacts/cluster-office.yml:2:1: YAML syntax error") == 1
    assert not (tmp_path / "site").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-")] == []


def test_broken_configuration_is_reported_without_traceback(tmp_path: Path):
    project = tmp_path / "project"
    project.mkdir()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    lines = config.count("\n")
    (project / "mkdocs.yml").write_text(config + "nav:\n  - [oops\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f'"{project / "mkdocs.yml"}", line {lines + 2}' in result.stderr
    assert "Build failed" in result.stderr and not (tmp_path / "site").exists()

    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "the i18n plugin must list the languages" in result.stderr
