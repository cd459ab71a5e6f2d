"""`make validate`: every data and front-matter check, without building the site.

Prints all errors at once as `file:line:column: field: message — hint: …`, then notices (things to
complete that do not block a build, such as drafts). Exit code 1 when there is any error.

`--format github` (chosen automatically when GITHUB_ACTIONS=true) prints each problem as a GitHub
Actions workflow command instead, so that it shows up as an annotation on the pull request.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from saxonyhub.data_pages import generated_paths  # noqa: E402
from saxonyhub.drafts import draft_notices  # noqa: E402
from saxonyhub.navigation import nav_problems  # noqa: E402
from saxonyhub.page_meta import validate_docs  # noqa: E402
from saxonyhub.problems import ProblemList  # noqa: E402
from saxonyhub.site import DataError, load_site_data  # noqa: E402


def collect(root: Path) -> ProblemList:
    """Run every check below ``root`` and return all problems found."""
    problems = ProblemList()
    pages, page_problems = validate_docs(root / "docs")
    problems.extend(page_problems)
    try:
        data = load_site_data(root)
        problems.extend(data.notices)
        problems.extend(draft_notices(pages, data.store))
        problems.extend(nav_problems(root, pages, generated_paths(data.store)))
    except DataError as error:
        problems.extend(error.problems.items)
    return problems


def report_text(problems: ProblemList) -> None:
    for notice in problems.notices:
        print(f"notice: {notice.format()}")
    if problems.errors:
        print(problems.report(), file=sys.stderr)
    else:
        print("All data and page front matter are valid.")


def report_github(problems: ProblemList) -> None:
    # Workflow commands are read from the job log; errors first, as in the text report.
    for problem in [*problems.errors, *problems.notices]:
        print(problem.format_github())
    count = len(problems.errors)
    print(f"{count} error{'s' if count != 1 else ''} found." if count else "All valid.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=ROOT, help="project folder")
    parser.add_argument(
        "--format",
        choices=("text", "github"),
        default="github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text",
        help="'github' prints GitHub Actions annotations (default when GITHUB_ACTIONS=true)",
    )
    args = parser.parse_args(argv)
    problems = collect(args.root)
    (report_github if args.format == "github" else report_text)(problems)
    return 1 if problems.errors else 0


if __name__ == "__main__":
    sys.exit(main())
