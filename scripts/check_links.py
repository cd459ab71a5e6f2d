"""Check every link and anchor of a built site with LinkChecker, served on 127.0.0.1.

Without --external only the site's own pages are followed (CI has no internet); with it, outside
links are checked too (`make linkcheck-external`, for machines with a network). Anchors within the
site are checked here, from the built files: LinkChecker's AnchorCheck downloads a page again for
every anchor that points into it, which takes minutes once pages carry dozens of footnotes.
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from serve_static import start

ROOT = Path(__file__).resolve().parent.parent
CONFIG = """[checking]
threads=4
maxrequestspersecond=1000
[filtering]
checkextern={external}
# The feed and sitemap are XML for machines; their links are tested by the build tests.
ignore=
  feed\\.xml$
  sitemap\\.xml
{offline_ignores}
"""
# Without a network, even looking up an outside host name stalls; skip those URLs entirely.
OFFLINE_IGNORES = """  ^https?://(?!127\\.0\\.0\\.1)
  ^mailto:
  ^tel:"""


def check(site_dir: Path, external: bool = False) -> list[str]:
    """Return one line per broken link or anchor (empty when the site is clean)."""
    server, url = start(site_dir)
    try:
        with tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False) as config:
            config.write(
                CONFIG.format(
                    external=int(external), offline_ignores="" if external else OFFLINE_IGNORES
                )
            )
        command = [sys.executable, "-m", "linkcheck", "--no-status", "-f", config.name, "-o", "csv"]
        if external:
            command.append("--check-extern")
        result = subprocess.run([*command, url], capture_output=True, text=True, timeout=600)
    finally:
        server.shutdown()
    return _problems(result.stdout, url) + anchor_problems(site_dir)


def _page_url(site_dir: Path, path: Path) -> str:
    relative = path.relative_to(site_dir).as_posix()
    return "/" + relative.removesuffix("index.html")


def anchor_problems(site_dir: Path) -> list[str]:
    """One line per link whose #fragment names no id on the site page it points to."""
    ids: dict[str, set[str]] = {}
    links: list[tuple[str, str]] = []
    for path in sorted(site_dir.rglob("*.html")):
        url = _page_url(site_dir, path)
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        ids[url] = {str(element["id"]) for element in soup.find_all(id=True)}
        links += [(url, str(a["href"])) for a in soup.find_all("a", href=True) if "#" in a["href"]]
    problems = []
    for source, href in links:
        target = urlsplit(urljoin(source, href))
        if target.scheme or target.netloc or not target.fragment:
            continue  # another host, or a bare "#"
        if target.path in ids and unquote(target.fragment) not in ids[target.path]:
            problems.append(f"{source}: {href} — anchor not found")
    return problems


def _problems(output: str, base: str) -> list[str]:
    rows = [line for line in output.splitlines() if line and not line.startswith("#")]
    problems = []
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        broken = row.get("valid") == "False"
        anchor = "Anchor" in (row.get("warningstring") or "")
        if broken or anchor:
            where = (row.get("parentname") or "").replace(base, "/")
            what = row.get("result") or row.get("warningstring")
            problems.append(f"{where}: {row.get('urlname')} — {what}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--external", action="store_true")
    args = parser.parse_args()
    problems = check(Path(args.site), args.external)
    print("\n".join(problems) or "No broken links or anchors.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
