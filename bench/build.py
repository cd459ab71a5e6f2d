"""Benchmark the strict build with 100, 1,000 and 3,000 organisations (both languages).

Each run works in a fresh temporary copy of the project (never in data/), fills
data/organisations/ with copies of the real entries up to the wanted count, builds it the way
`make build` does (scripts/build.py: one strict MkDocs process per language, in parallel, merged),
and prints: wall time, CPU time (every process of the build) and peak memory (both language
processes together), the HTML size of one profile page, the number of pages, the total output
size, and for search
(bench/search.py): indexing time, index size per language, and what Chromium fetches before
search is opened (nothing) and for a first query (gzipped KB by part; goal <= 150 at 1,000); and
the directory page's bytes, layout shift and per-keystroke filter cost (bench/directory.py).
Goals on a 2-core machine: 1,000 organisations in at most 15 s and at least 10 times faster than
stock Material + static-i18n with the same pages (bench/stock.py, built right after ours, so
that both meet the same load; its CPU time is printed too, the fairer figure on a busy machine);
3,000 in at most 3.3 times the 1,000 time; a profile page under 40 KB of HTML.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from directory import HEADER as DIRECTORY_HEADER
from directory import figures as directory_figures
from search import first_query_bytes, index_kb, indexing_seconds, parts
from stock import measure_stock
from validate import IGNORE, ROOT, generate

CHILDREN = resource.RUSAGE_CHILDREN


@functools.cache
def load_build_script() -> ModuleType:
    """scripts/build.py, the code behind `make build` (its name clashes with this module's)."""
    spec = importlib.util.spec_from_file_location("hub_build", ROOT / "scripts/build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def cpu_seconds() -> float:
    """User + system seconds of this process and of its children that have ended."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def build(project: Path, site: Path) -> tuple[float, float, float]:
    """Build once as `make build` does; return wall seconds, peak memory in MiB, CPU seconds.

    Peak memory is the sum of the language processes' peaks: they run at the same time, so this
    is what the machine must have free. CPU seconds (user + system) are those of every process
    of the build: the language builds, the merge, search index and web editor in this process,
    and the index's own processes (Pagefind, one per language); they vary less than wall time
    when other work shares the machine.
    """
    started, cpu_started = time.perf_counter(), cpu_seconds()
    ok, builds = load_build_script().build_site(project, site)
    elapsed = time.perf_counter() - started
    if not ok:
        sys.exit("build failed (see above)")
    return elapsed, sum(b.peak_mib for b in builds), cpu_seconds() - cpu_started


def build_in_one_process(project: Path, site: Path) -> tuple[float, float, float]:
    """For comparison: one `mkdocs build` building the languages one after the other."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("HUB_BUILD_LANGUAGE", None)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)]
    started = time.perf_counter()
    returncode, peak_mib, cpu_seconds = load_build_script().wait_measured(
        subprocess.Popen(command, cwd=project, env=env)
    )
    elapsed = time.perf_counter() - started
    if returncode != 0:
        sys.exit("build failed (see above)")
    return elapsed, peak_mib, cpu_seconds


def measure(count: int, one_process: bool = False) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        shutil.copytree(ROOT, project, ignore=IGNORE)
        generate(project, count)
        site = Path(folder) / "site"
        seconds, peak, cpu = (build_in_one_process if one_process else build)(project, site)
        profile = site / "organisations/org-0001/index.html"
        files = [p for p in site.rglob("*") if p.is_file()]
        return {
            "organisations": count,
            "seconds": seconds,
            "cpu_seconds": cpu,
            "peak_mib": peak,
            "profile_kb": profile.stat().st_size / 1024,
            "pages": sum(1 for p in files if p.name == "index.html"),
            "output_mib": sum(p.stat().st_size for p in files) / 2**20,
            "index_kb": index_kb(site),
            "index_seconds": indexing_seconds(site, project),
            "queries": first_query_bytes(site),
            "directory": directory_figures(site),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("counts", nargs="*", type=int, default=[100, 1000, 3000])
    parser.add_argument(
        "--one-process",
        action="store_true",
        help="measure plain `mkdocs build` (languages one after the other) for comparison",
    )
    args = parser.parse_args()
    print(
        f"{'organisations':>13} {'build s':>8} {'CPU s':>6} {'peak MiB':>9} {'profile KB':>11} "
        f"{'pages':>6} {'output MiB':>11} {'index s':>8} {'index KB de/en':>15} "
        f"{'1st query KB max':>17}"
    )
    results, stock = [], None
    for count in args.counts:
        row = measure(count, args.one_process)
        results.append(row)
        if count == 1000 and not args.one_process:
            stock = measure_stock(1000)  # right after ours: the machine's load is alike
        print(
            f"{row['organisations']:>13} {row['seconds']:>8.1f} {row['cpu_seconds']:>6.1f} "
            f"{row['peak_mib']:>9.0f} "
            f"{row['profile_kb']:>11.1f} {row['pages']:>6} {row['output_mib']:>11.1f} "
            f"{row['index_seconds']:>8.1f} "
            f"{'/'.join(f'{kb:.0f}' for _, kb in sorted(row['index_kb'].items())):>15} "
            f"{max(q.gzip_kb for q in row['queries']):>17.1f}",
            flush=True,
        )
        for query in row["queries"]:
            print(
                f"    {query.lang} {query.query!r}: {query.before_requests} search requests before"
                f" search is opened; first query {query.requests} requests,"
                f" {query.gzip_kb:.1f} KB gzipped ({parts(query)})",
                flush=True,
            )
    print("Directory page (bench/directory.py):")
    print(DIRECTORY_HEADER)
    for row in results:
        print(row["directory"])
    by_count = {r["organisations"]: r for r in results}
    if stock is not None:
        ours = by_count[1000]
        print(
            f"stock Material + static-i18n (navigation.prune), 1,000 organisations:"
            f" {stock.seconds:.1f} s, CPU {stock.cpu_seconds:.1f} s;"
            f" ours {stock.seconds / ours['seconds']:.1f}x faster (goal >= 10),"
            f" {stock.cpu_seconds / ours['cpu_seconds']:.1f}x less CPU"
        )
    if 1000 in by_count and 3000 in by_count:
        large, medium = by_count[3000], by_count[1000]
        ratio, cpu_ratio = (large[k] / medium[k] for k in ("seconds", "cpu_seconds"))
        print(f"3,000 / 1,000 build time ratio: {ratio:.2f} (goal <= 3.3), CPU {cpu_ratio:.2f}")


if __name__ == "__main__":
    main()
