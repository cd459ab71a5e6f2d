"""`make lighthouse`: Lighthouse (mobile, default throttling) on every page type of the built site.

Serves site/ gzip-compressed on 127.0.0.1 (scripts/serve_static.py, as static hosts serve it),
runs the Lighthouse pinned in tools/lighthouse/package-lock.json with Debian's Chromium, takes
the median of several runs per page (Lighthouse's own noise), prints one table row per page and
exits non-zero when a page misses the goals: performance >= 95, accessibility, best practices
and SEO = 100. All runs share one Chromium (tools/lighthouse/run.mjs); Lighthouse still clears
the cache before each run, so every run is a first visit.

The pages are one per page type and language, found in the built site and in docs/ and data/,
so a new guide or organisation never needs a change here. `--ci` (what `make test` runs) measures
every page type once, the languages alternating, so that both languages are covered in half
the time; a page's runs stop as soon as the median's verdict cannot change (two of three on the
same side of every goal), and pages listed in tools/lighthouse/shortfalls.yml are held to their
floor instead of the goal. `make lighthouse` measures all of them in both languages, every run.

    .venv/bin/python scripts/lighthouse.py [--runs 3] [--only directory,profile] [--lang de]
        [--ci] [--build] [--markdown table.md] [--json results.json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from serve_static import start

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from saxonyhub.problems import Problem  # noqa: E402
from saxonyhub.strict_yaml import YamlProblem, load_file  # noqa: E402

TOOL = ROOT / "tools" / "lighthouse"
RUNNER = TOOL / "run.mjs"
SHORTFALLS = TOOL / "shortfalls.yml"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
)
# Lighthouse's defaults otherwise: mobile, simulated throttling, its own load and quiet waits
# (shorter waits could end the trace before late script work and flatter the blocking time).
# The full-page screenshot only illustrates the HTML report and costs 1-2 s a run.
SETTINGS = {"disableFullPageScreenshot": True}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
PAGE_TYPES = (
    "home",
    "guide",
    "tool",
    "glossary",
    "legal act",
    "directory",
    "profile",
    "technology",
    "location",
    "services",
    "service",
    "events",
    "event",
    "news index",
    "news item",
    "404",
)
LANGUAGES = ("de", "en")
PREFIX = {"de": "", "en": "en/"}


@dataclass(frozen=True)
class Result:
    """The median figures of one page's runs."""

    page_type: str
    path: str
    runs: int
    scores: dict[str, int]
    failed_audits: dict[str, list[str]]
    errors: list[str]
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


def _built(site: Path, path: str) -> bool:
    target = site / path
    return (
        (target / "index.html").is_file() if path == "" or path.endswith("/") else target.is_file()
    )


def select_pages(
    site: Path, types: dict[str, str], lang: str = "both", ci: bool = False
) -> list[tuple[str, str]]:
    """The (page type, site path) pairs to measure.

    All types in the chosen languages; with ``ci`` every type once, German and English in turn
    (a type whose page exists in one language only is measured in that one).
    """
    pages = []
    for index, (page_type, path) in enumerate(types.items()):
        if ci:
            preferred = LANGUAGES[index % 2]
            order = [preferred, *(other for other in LANGUAGES if other != preferred)]
            built = [language for language in order if _built(site, PREFIX[language] + path)]
            pages += [(page_type, PREFIX[built[0]] + path)] if built else []
            continue
        for language in LANGUAGES if lang == "both" else (lang,):
            if _built(site, PREFIX[language] + path):
                pages.append((page_type, PREFIX[language] + path))
    return pages


def ensure_lighthouse() -> None:
    """Install the pinned Lighthouse from the lock file when it is missing or out of date."""
    binary = TOOL / "node_modules" / ".bin" / "lighthouse"
    lock = TOOL / "package-lock.json"
    stamp = TOOL / "node_modules" / ".package-lock.json"
    if not binary.exists() or not stamp.exists() or stamp.stat().st_mtime < lock.stat().st_mtime:
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=TOOL, check=True
        )


def lighthouse_version() -> str:
    package = TOOL / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


class Runner:
    """One Chromium for all runs (tools/lighthouse/run.mjs): a URL goes in, a report comes out,
    cut down to what this script reads, or ``{"error": ...}`` when Lighthouse itself failed."""

    def __enter__(self) -> Runner:
        job = {
            "chromePath": CHROMIUM,
            "chromeFlags": list(CHROME_FLAGS),
            "categories": list(CATEGORIES),
            "settings": SETTINGS,
        }
        self.process = subprocess.Popen(
            ["node", str(RUNNER)],
            cwd=TOOL,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self._send(job)
        return self

    def _send(self, message: dict) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()

    def run(self, url: str) -> tuple[dict, float]:
        """One Lighthouse run of ``url``: the report and the seconds it took."""
        assert self.process.stdout is not None
        self._send({"url": url})
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(
                f"tools/lighthouse/run.mjs stopped (exit code {self.process.wait()})"
            )
        answer = json.loads(line)
        return answer.get("lhr") or {"error": answer.get("error", "no report")}, answer["seconds"]

    def __exit__(self, *exc: object) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


def decided(reports: list[dict], thresholds: dict[str, int], runs: int) -> bool:
    """Whether the median of ``runs`` runs is already settled on each side of each threshold:
    once a majority of the runs passes (or misses) it, the remaining runs cannot change the
    median's verdict. Runs that failed decide nothing."""
    majority = runs // 2 + 1
    good = [r for r in reports if not run_error(r)]
    for category, threshold in thresholds.items():
        passing = sum(
            1 for r in good if round(100 * (r["categories"][category]["score"] or 0)) >= threshold
        )
        if passing < majority and len(good) - passing < majority:
            return False
    return True


def measure(
    pages: list[str],
    base: str,
    runs: int,
    thresholds: dict[str, dict[str, int]] | None = None,
) -> tuple[dict[str, list[dict]], list[float]]:
    """The reports of each page (site path) and the seconds of every run. With ``thresholds``
    (per page, the score each category must reach) a page gets no more runs once the median's
    verdict is settled (`decided`)."""
    reports: dict[str, list[dict]] = {}
    seconds: list[float] = []
    with Runner() as runner:
        for path in pages:
            reports[path] = []
            for run in range(runs):
                report, took = runner.run(base + path)
                reports[path].append(report)
                seconds.append(took)
                print(f"  /{path} run {run + 1}/{runs}: {took:.1f} s", file=sys.stderr, flush=True)
                if thresholds and decided(reports[path], thresholds[path], runs):
                    break
    return reports, seconds


def benchmark_index(reports: dict[str, list[dict]]) -> str:
    """The median of Lighthouse's benchmark index over all runs: how fast the machine was."""
    values = [
        r["benchmarkIndex"] for runs in reports.values() for r in runs if r.get("benchmarkIndex")
    ]
    return f"{statistics.median(values):.0f}" if values else "unknown"


def run_error(report: dict) -> str | None:
    """Why a run has no scores: Lighthouse failed, or could not load the page."""
    if "error" in report:
        return str(report["error"])
    error = report.get("runtimeError")
    return f"{error.get('code')}: {error.get('message')}" if error else None


def summarise(page_type: str, path: str, reports: list[dict]) -> Result:
    """The median of each figure over the runs that produced a report."""
    errors = [e for e in map(run_error, reports) if e]
    good = [r for r in reports if not run_error(r)]

    def median(values: list[float]) -> float:
        return float(statistics.median(values)) if values else 0.0

    def score(report: dict, category: str) -> float:
        return report["categories"][category]["score"] or 0

    scores = {c: round(100 * median([score(r, c) for r in good])) for c in CATEGORIES}

    def audit(name: str) -> float:
        return median([r["audits"].get(name, {}).get("numericValue") or 0 for r in good])

    # The audits of a category are named from the run whose score is that category's median.
    typical = {c: sorted(good, key=lambda r: score(r, c))[len(good) // 2] for c in CATEGORIES}
    return Result(
        page_type=page_type,
        path=path,
        runs=len(good),
        scores=scores,
        failed_audits={c: failed_audits(typical[c], c) for c in CATEGORIES} if good else {},
        errors=errors,
        bytes=int(audit("total-byte-weight")),
        tbt_ms=audit("total-blocking-time"),
        cls=audit("cumulative-layout-shift"),
        lcp_ms=audit("largest-contentful-paint"),
    )


def failed_audits(report: dict, category: str) -> list[str]:
    """The weighted audits of a category that cost points, the costliest first, with their
    figure ("total-blocking-time 420 ms"): what to fix."""
    refs = report["categories"][category]["auditRefs"]
    total = sum(ref.get("weight") or 0 for ref in refs) or 1
    lost = []
    for ref in refs:
        result = report["audits"][ref["id"]]
        points = 100 * (ref.get("weight") or 0) * (1 - (result.get("score") or 0)) / total
        if ref.get("weight") and (result.get("score") or 0) < 1 and points >= 0.5:
            shown = (
                f"{ref['id']} {result['displayValue']}" if result.get("displayValue") else ref["id"]
            )
            lost.append((points, shown))
    return [shown for _, shown in sorted(lost, key=lambda item: -item[0])]


COLUMNS = (
    "page type",
    "path",
    "runs",
    "perf",
    "a11y",
    "best pr.",
    "SEO",
    "KB",
    "TBT ms",
    "CLS",
    "LCP s",
)


def rows(results: list[Result]) -> list[list[str]]:
    """The table's cells, one row per page."""
    return [
        [
            r.page_type,
            f"/{r.path}",
            str(r.runs),
            *(str(r.scores[c]) for c in CATEGORIES),
            f"{r.bytes / 1024:.0f}",
            f"{r.tbt_ms:.0f}",
            f"{r.cls:.3f}",
            f"{r.lcp_ms / 1000:.1f}",
        ]
        for r in results
    ]


def table(results: list[Result]) -> str:
    """A plain-text table for the terminal, columns aligned."""
    cells = [list(COLUMNS), *rows(results)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(COLUMNS))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]
    return "\n".join([lines[0], "  ".join("-" * w for w in widths), *lines[1:]])


def markdown(results: list[Result], *, version: str, runs: int, when: datetime) -> str:
    """A Markdown table for an issue note: goal misses in bold, and how it was measured."""

    def cell(text: str) -> str:
        return text.replace("\\", "\\\\").replace("|", "\\|")

    lines = [
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "---|" * 2 + "---:|" * (len(COLUMNS) - 2),
    ]
    for result, row in zip(results, rows(results), strict=True):
        misses = result.misses()
        for i, category in enumerate(CATEGORIES, start=3):
            if category in misses:
                row[i] = f"**{row[i]}**"
        row[1] = f"`{row[1]}`"
        lines.append("| " + " | ".join(cell(c) for c in row) + " |")
    goals = " / ".join(str(GOALS[c]) for c in CATEGORIES)
    lines += [
        "",
        f"Lighthouse {version}, mobile, simulated throttling, median of {runs} runs per page "
        "(runs: how many were needed to settle the median's verdict, when fewer), "
        f"gzip-served on 127.0.0.1, {when:%Y-%m-%d %H:%M} UTC. Goals {goals}; misses in bold.",
    ]
    return "\n".join(lines) + "\n"


Shortfalls = dict[tuple[str, str], int]


def load_shortfalls(path: Path = SHORTFALLS) -> Shortfalls:
    """The known shortfalls: (page type, category) -> the lowest median score CI accepts.

    Raises:
        YamlProblem: the file is not acceptable YAML.
        ShortfallsError: entries are wrong (all of them at once).
    """
    if not path.is_file():
        return {}
    name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    data, marks = load_file(path, name)
    if data is None:
        return {}
    problems: list[Problem] = []

    def problem(where: tuple, field: str, message: str, hint: str) -> None:
        line, column = marks.get(where, (0, 0))
        problems.append(Problem(name, line, column, field, message, hint))

    if not isinstance(data, list):
        problem((), "", "expected a list of entries", "start each entry with '- page type:'")
        data = []
    shortfalls: Shortfalls = {}
    for index, entry in enumerate(data):
        if not isinstance(entry, dict) or set(entry) != {"page type", "category", "floor"}:
            problem((index,), f"[{index}]", "expected exactly: page type, category, floor", "")
            continue
        page_type, category, floor = entry["page type"], entry["category"], entry["floor"]
        if page_type not in PAGE_TYPES:
            problem(
                (index, "page type"),
                "page type",
                f"unknown page type {page_type!r}",
                f"one of: {', '.join(PAGE_TYPES)}",
            )
        if category not in GOALS:
            problem(
                (index, "category"),
                "category",
                f"unknown category {category!r}",
                f"one of: {', '.join(GOALS)}",
            )
        elif (
            not isinstance(floor, int) or isinstance(floor, bool) or not 0 < floor < GOALS[category]
        ):
            problem(
                (index, "floor"),
                "floor",
                f"expected a whole number below the goal, got {floor!r}",
                f"a score from 1 to {GOALS[category] - 1}; at the goal, remove the entry",
            )
        elif (page_type, category) in shortfalls:
            problem(
                (index,), "page type", f"{page_type} / {category} is listed twice", "keep one entry"
            )
        else:
            shortfalls[page_type, category] = floor
    if problems:
        raise ShortfallsError(problems)
    return shortfalls


class ShortfallsError(Exception):
    """Every wrong entry of the shortfalls file, reported together."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.format() for p in problems))
        self.problems = problems


def thresholds(page_type: str, shortfalls: Shortfalls) -> dict[str, int]:
    """The score each category must reach on a page: its goal, or a known shortfall's floor."""
    return {c: shortfalls.get((page_type, c), goal) for c, goal in GOALS.items()}


def verdict(
    results: list[Result], shortfalls: Shortfalls | None = None
) -> tuple[list[str], list[str]]:
    """What fails (the page, the score against the goal or floor, what cost points) and what is
    only noted: a known shortfall within its floor, or one that reaches its goal now."""
    shortfalls = shortfalls or {}
    failures, notes = [], []
    for r in results:
        if r.errors:
            failures.append(f"/{r.path}: {len(r.errors)} run(s) failed: {'; '.join(r.errors)}")
        for category in GOALS:
            score, goal = r.scores.get(category, 0), GOALS[category]
            floor = shortfalls.get((r.page_type, category))
            audits = r.failed_audits.get(category, [])
            detail = f" (failed audits: {', '.join(audits)})" if audits else ""
            where = f"/{r.path} ({r.page_type}): {category} {score}"
            if score >= goal and floor is not None:
                notes.append(
                    f"{where} reaches the goal {goal}: remove its entry from "
                    f"{SHORTFALLS.relative_to(ROOT).as_posix()}"
                )
            elif score < goal and floor is None:
                failures.append(f"{where} < {goal}{detail}")
            elif score < goal and score < floor:
                failures.append(f"{where} < {floor}, the floor of a known shortfall{detail}")
            elif score < goal:
                notes.append(f"{where}: known shortfall (goal {goal}, floor {floor}){detail}")
    return failures, notes


def suggested_shortfalls(results: list[Result], margin: int = 5) -> str:
    """Entries for tools/lighthouse/shortfalls.yml covering every goal missed in ``results``:
    per page type and category, the lowest median score (of its languages) less ``margin``."""
    lowest: dict[tuple[str, str], int] = {}
    for r in results:
        for category in r.misses():
            key = (r.page_type, category)
            lowest[key] = min(lowest.get(key, 100), r.scores[category])
    entries = [
        f"- page type: {page_type}\n  category: {category}\n"
        f"  floor: {max(1, score - margin)}  # measured {score}\n"
        for (page_type, category), score in lowest.items()
    ]
    return "".join(entries) or "[]\n"


def build_site(target: Path) -> bool:
    """A strict build into ``target``, as `make build` does (for `make test`); True on success.
    The build prints its own problems."""
    command = [sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(target)]
    return subprocess.run(command).returncode == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median counts")
    parser.add_argument("--only", default="", help="comma-separated page types")
    parser.add_argument("--lang", choices=("de", "en", "both"), default="both")
    parser.add_argument(
        "--ci", action="store_true", help="every page type once, languages alternating"
    )
    parser.add_argument("--build", action="store_true", help="build the site into a temp folder")
    parser.add_argument("--markdown", type=Path, help="also write the table as Markdown")
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    parser.add_argument(
        "--suggest-shortfalls",
        action="store_true",
        help="print entries for tools/lighthouse/shortfalls.yml covering today's misses",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lighthouse-site-") as tmp:
        if args.build:
            args.site = Path(tmp) / "site"
            if not build_site(args.site):
                print("the site did not build (problems above): nothing measured", file=sys.stderr)
                return 1
        return _measure_site(args)


def _measure_site(args: argparse.Namespace) -> int:
    if not (args.site / "index.html").is_file():
        print(f"{args.site}/ has no built site: run `make build` first", file=sys.stderr)
        return 2
    try:
        shortfalls = load_shortfalls()
    except (YamlProblem, ShortfallsError) as error:
        print(error, file=sys.stderr)
        return 2
    types = page_types(args.site)
    wanted = {t.strip() for t in args.only.split(",") if t.strip()}
    if unknown := wanted - set(types):
        print(f"unknown page type(s): {', '.join(sorted(unknown))}; known: {', '.join(types)}")
        return 2
    types = {t: path for t, path in types.items() if not wanted or t in wanted}
    pages = select_pages(args.site, types, args.lang, ci=args.ci)
    ensure_lighthouse()
    # In CI a page's runs stop once its median's verdict is settled; the full table runs all.
    settle = {path: thresholds(t, shortfalls) for t, path in pages} if args.ci else None
    server, base = start(args.site, compress=True)
    started = time.monotonic()
    try:
        reports, seconds = measure([path for _, path in pages], base, args.runs, settle)
    finally:
        server.shutdown()
    elapsed = time.monotonic() - started
    results = [summarise(t, path, reports[path]) for t, path in pages]
    print(table(results))
    print(
        f"{len(pages)} pages, {len(seconds)} runs in {elapsed:.0f} s: "
        f"{statistics.median(seconds or [0]):.1f} s per run (median), "
        f"Lighthouse {lighthouse_version()}, median of up to {args.runs} runs per page, "
        f"benchmark index {benchmark_index(reports)} (a busy machine scores lower)"
    )
    if args.markdown:
        text = markdown(
            results, version=lighthouse_version(), runs=args.runs, when=datetime.now(UTC)
        )
        args.markdown.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2) + "\n")
    held_to = shortfalls if args.ci else None
    failures, notes = verdict(results, held_to)
    for line in notes:
        print(f"note: {line}")
    for line in failures:
        print(f"below the goal: {line}")
    if args.suggest_shortfalls:
        print(f"entries for {SHORTFALLS.relative_to(ROOT).as_posix()}:")
        print(suggested_shortfalls(results), end="")
    # The plain closing line test-result readers understand: pages, not runs.
    failed = sum(1 for r in results if verdict([r], held_to)[0])
    print(f"lighthouse: {len(results) - failed} passed, {failed} failed", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
