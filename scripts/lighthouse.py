"""`make lighthouse`: Lighthouse (mobile, default throttling) on every page type of the built site.

Serves site/ gzip-compressed on 127.0.0.1 (scripts/serve_static.py, as static hosts serve it),
runs the Lighthouse pinned in tools/lighthouse/package-lock.json with Debian's Chromium, takes
the median of several runs per page (Lighthouse's own noise), prints one table row per page and
exits non-zero when a page misses the goals: performance >= 95, accessibility, best practices
and SEO = 100.

The pages are one per page type and language, found in the built site and in docs/ and data/,
so a new guide or organisation never needs a change here.

    .venv/bin/python scripts/lighthouse.py [--runs 3] [--only directory,profile] [--lang de]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from serve_static import start

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-dev-shm-usage"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


@dataclass(frozen=True)
class Result:
    """The median figures of one page's runs."""

    page_type: str
    path: str
    scores: dict[str, int]
    failed_audits: dict[str, list[str]]
    bytes: int
    tbt_ms: float
    cls: float
    lcp_ms: float

    def misses(self) -> list[str]:
        return [c for c, goal in GOALS.items() if self.scores.get(c, 0) < goal]


def first_child(folder: Path, skip: tuple[str, ...] = ()) -> str | None:
    """The first sub-folder (sorted) of a built section that holds a page."""
    if not folder.is_dir():
        return None
    names = sorted(
        p.name for p in folder.iterdir() if (p / "index.html").is_file() and p.name not in skip
    )
    return names[0] if names else None


def newest_news(site: Path) -> str | None:
    """News pages are named YYYY-MM-DD-slug: the newest sorts last."""
    news = site / "news"
    if not news.is_dir():
        return None
    names = sorted(p.name for p in news.iterdir() if (p / "index.html").is_file())
    return names[-1] if names else None


def page_types(site: Path) -> dict[str, str]:
    """One German site path per page type, found in the built site (English: the same under en/)."""
    pages: dict[str, str | None] = {
        "home": "",
        "guide": _sub(site, "guides", first_child(site / "guides", skip=("tools",))),
        "tool": _sub(site, "guides/tools", first_child(site / "guides" / "tools")),
        "glossary": "glossary/" if (site / "glossary").is_dir() else None,
        "legal act": _sub(site, "legal", first_child(site / "legal")),
        "directory": "organisations/",
        "profile": _sub(site, "organisations", first_child(site / "organisations")),
        "technology": _sub(site, "technologies", first_child(site / "technologies")),
        "location": _sub(site, "locations", first_child(site / "locations")),
        "services": "services/",
        "service": _sub(site, "services", first_child(site / "services")),
        "events": "events/",
        "event": _sub(site, "events", first_child(site / "events")),
        "news index": "news/",
        "news item": _sub(site, "news", newest_news(site)),
        "404": "404.html",
    }
    return {kind: path for kind, path in pages.items() if path is not None}


def _sub(site: Path, section: str, child: str | None) -> str | None:
    return f"{section}/{child}/" if child else None


def ensure_lighthouse() -> Path:
    """Install the pinned Lighthouse from the lock file when it is missing or out of date."""
    binary = TOOL / "node_modules" / ".bin" / "lighthouse"
    lock = TOOL / "package-lock.json"
    stamp = TOOL / "node_modules" / ".package-lock.json"
    if not binary.exists() or not stamp.exists() or stamp.stat().st_mtime < lock.stat().st_mtime:
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=TOOL, check=True
        )
    return binary


def run_once(binary: Path, url: str, out: Path) -> dict:
    """One Lighthouse run; returns its JSON report."""
    command = [
        str(binary),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    return json.loads(out.read_text(encoding="utf-8"))


def summarise(page_type: str, path: str, reports: list[dict]) -> Result:
    """The median of each figure over the runs."""

    def median(values: list[float]) -> float:
        return float(statistics.median(values))

    scores = {
        c: round(100 * median([r["categories"][c]["score"] or 0 for r in reports]))
        for c in CATEGORIES
    }
    audit = lambda name: median([r["audits"][name]["numericValue"] for r in reports])  # noqa: E731
    return Result(
        page_type=page_type,
        path=path,
        scores=scores,
        failed_audits={c: failed_audits(reports[0], c) for c in CATEGORIES if c != "performance"},
        bytes=int(audit("total-byte-weight")),
        tbt_ms=audit("total-blocking-time"),
        cls=audit("cumulative-layout-shift"),
        lcp_ms=audit("largest-contentful-paint"),
    )


def failed_audits(report: dict, category: str) -> list[str]:
    """Ids of the weighted audits of a category that did not pass (what to fix)."""
    refs = report["categories"][category]["auditRefs"]
    return [
        ref["id"]
        for ref in refs
        if ref.get("weight") and (report["audits"][ref["id"]].get("score") or 0) < 1
    ]


def table(results: list[Result]) -> str:
    """A plain-text table, one row per page."""
    header = "| page type | path | perf | a11y | best pr. | SEO | KB | TBT ms | CLS | LCP s |"
    lines = [header, "|" + "---|" * 10]
    for r in results:
        s = r.scores
        lines.append(
            f"| {r.page_type} | /{r.path} | {s['performance']} | {s['accessibility']} | "
            f"{s['best-practices']} | {s['seo']} | {r.bytes / 1024:.0f} | {r.tbt_ms:.0f} | "
            f"{r.cls:.3f} | {r.lcp_ms / 1000:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median counts")
    parser.add_argument("--only", default="", help="comma-separated page types")
    parser.add_argument("--lang", choices=("de", "en", "both"), default="both")
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site}/ has no built site: run `make build` first", file=sys.stderr)
        return 2
    pages = page_types(args.site)
    wanted = {t.strip() for t in args.only.split(",") if t.strip()}
    if unknown := wanted - set(pages):
        print(f"unknown page type(s): {', '.join(sorted(unknown))}; known: {', '.join(pages)}")
        return 2
    binary = ensure_lighthouse()
    server, base = start(args.site, compress=True)
    results = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for page_type, path in pages.items():
                if wanted and page_type not in wanted:
                    continue
                for prefix in {"de": [""], "en": ["en/"], "both": ["", "en/"]}[args.lang]:
                    full = prefix + path
                    reports = [
                        run_once(binary, base + full, Path(tmp) / f"run{i}.json")
                        for i in range(args.runs)
                    ]
                    results.append(summarise(page_type, full, reports))
                    print(f"  measured /{full}", file=sys.stderr, flush=True)
    finally:
        server.shutdown()
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in results], indent=2) + "\n")
    failing = [r for r in results if r.misses()]
    for r in failing:
        audits = [a for c in r.misses() for a in r.failed_audits.get(c, [])]
        detail = f" (failed audits: {', '.join(audits)})" if audits else ""
        print(f"below the goal: /{r.path}: {', '.join(r.misses())}{detail}", file=sys.stderr)
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
