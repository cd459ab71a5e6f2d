"""Check every link and anchor of a built site with LinkChecker, served on 127.0.0.1.

Without --external only the site's own pages are followed (CI has no internet); with it, outside
links are checked too (`make linkcheck-external`, for machines with a network).
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
import tempfile
from pathlib import Path

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
[AnchorCheck]
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
    return _problems(result.stdout, url)


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
