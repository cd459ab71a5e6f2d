"""Benchmark the strict build with 100, 1,000 and 3,000 organisations (both languages).

Each run works in a fresh temporary copy of the project (never in data/), fills
data/organisations/ with copies of the real entries up to the wanted count, builds with MkDocs
in its own process, and prints: wall time, peak memory of the build process, the HTML size of one
profile page, the number of pages and the total output size.
Goals on a 2-core machine: 1,000 organisations in at most 15 s; 3,000 in at most 3.3 times that;
a profile page under 40 KB of HTML.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from validate import IGNORE, ROOT, generate


def build(project: Path, site: Path) -> tuple[float, float]:
    """Build once; return wall seconds and the build process's peak memory in MiB."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-c", _MEASURED_BUILD, str(site)]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stderr[-3000:]}")
    return elapsed, float(result.stdout.strip().splitlines()[-1])


# Runs MkDocs in a child and prints that child's peak RSS (ru_maxrss is in KiB on Linux).
_MEASURED_BUILD = """
import resource, subprocess, sys
subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", sys.argv[1]],
               check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def measure(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        shutil.copytree(ROOT, project, ignore=IGNORE)
        generate(project, count)
        site = Path(folder) / "site"
        seconds, peak = build(project, site)
        profile = site / "organisations/org-0001/index.html"
        files = [p for p in site.rglob("*") if p.is_file()]
        return {
            "organisations": count,
            "seconds": seconds,
            "peak_mib": peak,
            "profile_kb": profile.stat().st_size / 1024,
            "pages": sum(1 for p in files if p.name == "index.html"),
            "output_mib": sum(p.stat().st_size for p in files) / 2**20,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("counts", nargs="*", type=int, default=[100, 1000, 3000])
    args = parser.parse_args()
    print(
        f"{'organisations':>13} {'build s':>8} {'peak MiB':>9} {'profile KB':>11} "
        f"{'pages':>6} {'output MiB':>11}"
    )
    results = []
    for count in args.counts:
        row = measure(count)
        results.append(row)
        print(
            f"{row['organisations']:>13} {row['seconds']:>8.1f} {row['peak_mib']:>9.0f} "
            f"{row['profile_kb']:>11.1f} {row['pages']:>6} {row['output_mib']:>11.1f}",
            flush=True,
        )
    by_count = {r["organisations"]: r["seconds"] for r in results}
    if 1000 in by_count and 3000 in by_count:
        print(
            f"3,000 / 1,000 build time ratio: {by_count[3000] / by_count[1000]:.2f} (goal <= 3.3)"
        )


if __name__ == "__main__":
    main()
