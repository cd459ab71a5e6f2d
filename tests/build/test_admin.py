"""/admin/ (the web editor) is in the built site, bundled, and kept away from visitors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup


def test_editor_is_bundled_with_its_configuration(built_site: Path):
    admin = built_site / "admin"
    soup = BeautifulSoup((admin / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "noindex" in soup.find("meta", attrs={"name": "robots"})["content"]
    scripts = [tag["src"] for tag in soup.find_all("script", src=True)]
    assert scripts == ["pages.js", "decap-cms.js"]  # ours first: it runs before Decap routes
    assert all((admin / src).is_file() for src in scripts)
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["publish_mode"] == "editorial_workflow"


def test_editor_is_in_no_sitemap_search_or_page(built_site: Path):
    assert "/admin/" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    # The search index is written before /admin/ is added (scripts/build.py), so it cannot hold it.
    for index in built_site.rglob("search_index.json"):
        docs = json.loads(index.read_text(encoding="utf-8")).get("docs", [])
        assert not [doc for doc in docs if "admin/" in doc.get("location", "")]
    link = re.compile(r"""href=["'][^"']*admin/""")
    for page in built_site.rglob("*.html"):
        if "admin" not in page.relative_to(built_site).parts:
            assert not link.search(page.read_text(encoding="utf-8")), page
