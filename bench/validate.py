"""Benchmark `make validate` on 1,000 generated organisations (goal: at most 2 s on 2 cores).

Works in a temporary copy of the project (never in data/): copies the real organisations as
templates, adds copies named org-0001 … until there are 1,000, and times scripts/validate.py
end to end.
Prints the wall time of each run and the best.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "*cache*", "__pycache__", ".site-*")


def generate(project: Path, count: int) -> None:
    """Add valid copies of the real organisations until there are ``count`` in all."""
    folder = project / "data/organisations"
    templates = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yml"))]
    for number in range(1, count - len(templates) + 1):
        org_id = f"org-{number:04d}"
        text = re.sub(r"^id: .*$", f"id: {org_id}", templates[number % len(templates)], flags=re.M)
        (folder / f"{org_id}.yml").write_text(text, encoding="utf-8")


def time_validate(project: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "scripts/validate.py"], cwd=project, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"validate failed on generated data:\n{result.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organisations", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        shutil.copytree(ROOT, project, ignore=IGNORE)
        generate(project, args.organisations)
        times = [time_validate(project) for _ in range(args.runs)]
    runs = ", ".join(f"{t:.2f} s" for t in times)
    print(f"make validate, {args.organisations} organisations: best {min(times):.2f} s ({runs})")


if __name__ == "__main__":
    main()
