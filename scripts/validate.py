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
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from mkdocs.exceptions import ConfigurationError  # noqa: E402
from mkdocs.utils.yaml import yaml_load  # noqa: E402

from saxonyhub.acts import page_paths  # noqa: E402
from saxonyhub.build_state import load_build  # noqa: E402
from saxonyhub.data_pages import generated_paths  # noqa: E402
from saxonyhub.drafts import draft_notices  # noqa: E402
from saxonyhub.navigation import nav_problems  # noqa: E402
from saxonyhub.problems import Problem, ProblemList  # noqa: E402
from saxonyhub.review import due_notices, review_entries  # noqa: E402
from saxonyhub.settings import CONFIG_FILE, i18n_languages, settings_marks  # noqa: E402


def _config(root: Path, problems: ProblemList) -> dict[str, Any]:
    """mkdocs.yml as MkDocs reads it (with its `!ENV` tags), or {} if it cannot be read."""
    try:
        text = (root / CONFIG_FILE).read_text(encoding="utf-8")
        config = yaml_load(text)
    except (OSError, ConfigurationError) as error:
        problems.add(Problem(CONFIG_FILE, 0, 0, "", f"cannot be read: {error}"))
        return {}
    return {**config, "marks": settings_marks(text)} if isinstance(config, dict) else {}


def collect(root: Path, today: dt.date | None = None) -> ProblemList:
    """Run every check below ``root`` and return all problems found: the checks of the build
    (saxonyhub.build_state.load_build), then those only staff need before a pull request.

    Arguments:
        today: the date review notices are measured against (default: the real date).
    """
    problems = ProblemList()
    config = _config(root, problems)
    extra = (config.get("extra") or {}).get("saxonyhub")
    languages = i18n_languages(config.get("plugins"))
    build, checks = load_build(root, extra, languages, config.get("marks", {}))
    problems.extend(checks.all().items)
    if build is not None:
        pages = build.pages.metas
        problems.extend(draft_notices(pages, build.data.store))
        generated = generated_paths(build.data.store) | page_paths(build.data.legal_acts)
        problems.extend(nav_problems(root, pages, generated))
        entries = review_entries(pages, build.settings.default_language)
        problems.extend(due_notices(entries, today or dt.date.today()))
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
