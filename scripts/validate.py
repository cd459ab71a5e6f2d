"""`make validate`: every data and front-matter check, without building the site.

Prints all errors at once as `file:line:column: field: message — hint: …`, then notices (things to
complete that do not block a build, such as drafts and pages whose review is overdue or due within
60 days). Exit code 1 when there is any error.

`--format github` (chosen automatically when GITHUB_ACTIONS=true) prints each problem as a GitHub
Actions workflow command instead, so that it shows up as an annotation on the pull request.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from saxonyhub.data_pages import generated_paths  # noqa: E402
from saxonyhub.decision_tools import docs_marker_problems, load_tools  # noqa: E402
from saxonyhub.drafts import draft_notices  # noqa: E402
from saxonyhub.legal import page_paths, scan_docs  # noqa: E402
from saxonyhub.navigation import nav_problems  # noqa: E402
from saxonyhub.page_meta import PageReferences, validate_docs  # noqa: E402
from saxonyhub.problems import ProblemList  # noqa: E402
from saxonyhub.review import due_notices, review_entries  # noqa: E402
from saxonyhub.site import DataError, SiteData, load_site_data  # noqa: E402

DEFAULT_LANGUAGE = "de"  # extra.saxonyhub.default_language in mkdocs.yml


def _load_data(root: Path, problems: ProblemList) -> SiteData | None:
    try:
        data = load_site_data(root)
    except DataError as error:
        problems.extend(error.problems.items)
        return None
    problems.extend(data.notices)
    return data


def collect(root: Path, today: dt.date | None = None) -> ProblemList:
    """Run every check below ``root`` and return all problems found.

    Arguments:
        today: the date review notices are measured against (default: the real date).
    """
    problems = ProblemList()
    data = _load_data(root, problems)
    references = (
        PageReferences(frozenset(data.contacts), frozenset(data.services)) if data else None
    )
    pages, page_problems = validate_docs(root / "docs", references)
    problems.extend(page_problems)
    if data is not None:
        problems.extend(scan_docs(root / "docs", data.legal_acts.by_id())[1])
        tools, tool_problems = load_tools(
            root / "data", data.legal_acts.by_id(), set(data.contacts)
        )
        problems.extend(tool_problems + docs_marker_problems(root / "docs", tools))
        problems.extend(draft_notices(pages, data.store))
        generated = generated_paths(data.store) | page_paths(data.legal_acts)
        problems.extend(nav_problems(root, pages, generated))
    problems.extend(due_notices(review_entries(pages, DEFAULT_LANGUAGE), today or dt.date.today()))
    return problems


def report_text(problems: ProblemList) -> None:
    for notice in problems.notices:
        print(f"notice: {notice.format()}")
    if problems.errors:
        print(problems.report(), file=sys.stderr)
    else:
        print("All data, page front matter and citations are valid.")


def report_github(problems: ProblemList) -> None:
    # Workflow commands are read from the job log; errors first, as in the text report.
    for problem in [*problems.errors, *problems.notices]:
        print(problem.format_github())
    count = len(problems.errors)
    print(f"{count} error{'s' if count != 1 else ''} found." if count else "All valid.")


def main(argv: list[str] | None = None, today: dt.date | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=ROOT, help="project folder")
    parser.add_argument(
        "--format",
        choices=("text", "github"),
        default="github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text",
        help="'github' prints GitHub Actions annotations (default when GITHUB_ACTIONS=true)",
    )
    args = parser.parse_args(argv)
    problems = collect(args.root, today)
    (report_github if args.format == "github" else report_text)(problems)
    return 1 if problems.errors else 0


if __name__ == "__main__":
    sys.exit(main())
