"""GDPR: nothing on a built page may load from another host."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

RESOURCE_ATTRIBUTES = {
    "link": "href",
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
    "track": "src",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
OFF_SITE = re.compile(r"^(https?:)?//", re.IGNORECASE)
LOCAL_HOSTS = ("http://127.0.0.1", "//127.0.0.1")


def off_site(url: str) -> bool:
    return bool(OFF_SITE.match(url.strip())) and not url.startswith(LOCAL_HOSTS)


def html_resources(path: Path) -> list[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    found = []
    for tag, attribute in RESOURCE_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            if tag == "link" and not {
                "stylesheet",
                "icon",
                "preload",
                "modulepreload",
                "prefetch",
                "preconnect",
                "dns-prefetch",
                "manifest",
            } & set(element.get("rel", [])):
                continue  # navigational links (hreflang, canonical, feeds) load nothing
            url = element.get(attribute) or ""
            found.append(url)
            found.extend(
                part.split()[0] for part in element.get("srcset", "").split(",") if part.strip()
            )
    for style in soup.find_all("style"):
        found.extend(a or b for a, b in CSS_URL.findall(style.get_text()))
    for element in soup.find_all(style=True):
        found.extend(a or b for a, b in CSS_URL.findall(element["style"]))
    return found


def test_no_off_site_resources_in_html(built_site: Path):
    assert any(built_site.rglob("*.html"))
    offenders = {
        str(p.relative_to(built_site)): [u for u in html_resources(p) if off_site(u)]
        for p in built_site.rglob("*.html")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_no_off_site_urls_in_css(built_site: Path):
    offenders = {}
    stylesheets = sorted(built_site.rglob("*.css"))
    assert stylesheets
    for path in stylesheets:
        urls = [a or b for a, b in CSS_URL.findall(path.read_text(encoding="utf-8"))]
        bad = [u for u in urls if off_site(u)]
        if bad:
            offenders[str(path.relative_to(built_site))] = bad
    assert offenders == {}


def test_no_font_or_analytics_hosts_anywhere(built_site: Path):
    banned = (
        "fonts.googleapis.com",
        "fonts.gstatic.com",
        "googletagmanager",
        "google-analytics",
        "cdn.jsdelivr.net",
        "unpkg.com",
        "cdnjs.cloudflare.com",
    )
    hits = []
    files = sorted(built_site.rglob("*.html")) + sorted(built_site.rglob("*.css"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        hits.extend(f"{path.relative_to(built_site)}: {host}" for host in banned if host in text)
    assert hits == []


def test_off_site_detector_catches_typical_leaks(tmp_path: Path):
    page = tmp_path / "p.html"
    page.write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css">'
        '<img src="//cdn.example/x.png"><style>@import "https://x.org/a.css";</style>'
        '<link rel="alternate" hreflang="en" href="https://example.org/en/">',
        encoding="utf-8",
    )
    assert [u for u in html_resources(page) if off_site(u)] == [
        "https://fonts.googleapis.com/css",
        "//cdn.example/x.png",
        "https://x.org/a.css",
    ]
