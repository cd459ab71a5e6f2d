"""The yardstick for `make bench`: a stock Material + mkdocs-static-i18n site of profile-like pages.

What a team would get without our build: every organisation written out as a Markdown page in
docs/de/ and docs/en/ (name, summary, a facts table, profile text, competences), listed in the
navigation, built by one plain `mkdocs build` with Material's search, static-i18n's folder layout
and `navigation.prune`, and none of our hooks. bench/build.py builds it for the same number of
organisations as our site and prints how many times faster our build is (goal: at least 10).

    .venv/bin/python bench/stock.py 1000
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("de", "en")

MKDOCS_YML = """\
site_name: Stock hub
site_url: http://127.0.0.1:8000/
docs_dir: docs
theme:
  name: material
  language: de
  font: false
  features: [navigation.tabs, navigation.sections, navigation.indexes, navigation.prune]
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
        - {locale: de, name: Deutsch, default: true, build: true}
        - {locale: en, name: English, build: true}
markdown_extensions: [abbr, admonition, attr_list, def_list, footnotes, md_in_html, tables,
  {toc: {permalink: true}}]
"""


def _text(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("de") or "")
    return str(value or "")


def _items(value: Any, lang: str) -> list[str]:
    if isinstance(value, dict):
        return list(value.get(lang) or value.get("de") or [])
    return list(value or [])


def profile_markdown(entry: dict[str, Any], lang: str) -> str:
    """One organisation as the Markdown page a hand-written site would have."""
    facts = [
        ("Type", entry.get("type", "")),
        ("City", entry.get("city", "")),
        ("Website", entry.get("website", "")),
        ("Technologies", ", ".join(entry.get("technologies", []))),
    ]
    lines = [f"# {entry['name']}", "", _text(entry.get("summary"), lang), "", "| | |", "|---|---|"]
    lines += [f"| {label} | {value} |" for label, value in facts]
    lines += ["", "## Profile", "", _text(entry.get("profile"), lang), "", "## Competences", ""]
    lines += [f"- {item}" for item in _items(entry.get("competences"), lang)]
    if offers := _items(entry.get("offers"), lang):
        lines += ["", "## Offers", ""] + [f"- {item}" for item in offers]
    lines += ["", "## Sources", ""] + [f"- <{url}>" for url in entry.get("sources", [])]
    return "\n".join(lines) + "\n"


def write_stock_site(project: Path, count: int) -> None:
    """A stock MkDocs project with ``count`` organisation pages per language, all in the nav."""
    templates = [
        yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "data/organisations").glob("*.yml"))
    ]
    nav = []
    for number in range(count):
        entry = {**templates[number % len(templates)]}
        entry["name"] = f"{entry['name']} ({number + 1})"
        page = f"organisations/org-{number + 1:04d}.md"
        nav.append({entry["name"]: page})
        for lang in LANGUAGES:
            target = project / "docs" / lang / page
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(profile_markdown(entry, lang), encoding="utf-8")
    for lang in LANGUAGES:
        (project / "docs" / lang / "index.md").write_text("# Hub\n", encoding="utf-8")
        (project / "docs" / lang / "organisations" / "index.md").write_text(
            "# Organisations\n", encoding="utf-8"
        )
    config = MKDOCS_YML + yaml.safe_dump(
        {"nav": [{"Home": "index.md"}, {"Organisations": ["organisations/index.md", *nav]}]},
        allow_unicode=True,
    )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")


@dataclass(frozen=True)
class StockBuild:
    seconds: float  # wall
    cpu_seconds: float  # user + system


def measure_stock(count: int) -> StockBuild:
    """Wall and CPU seconds of one stock `mkdocs build` with ``count`` organisations per
    language."""
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        write_stock_site(project, count)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(project / "site")]
        started = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(command, cwd=project, env=env, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        return StockBuild(time.perf_counter() - started, cpu)


if __name__ == "__main__":
    for wanted in [int(arg) for arg in sys.argv[1:]] or [1000]:
        stock = measure_stock(wanted)
        print(
            f"stock Material + static-i18n, {wanted} organisations: {stock.seconds:.1f} s,"
            f" CPU {stock.cpu_seconds:.1f} s"
        )
