"""`make validate`: every data and front-matter check, without building the site.

Prints all errors at once as `file:line:column: field: message — hint: …`, then notices (things to
complete that do not block a build). Exit code 1 when there is any error.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from saxonyhub.page_meta import validate_docs  # noqa: E402
from saxonyhub.problems import ProblemList  # noqa: E402
from saxonyhub.site import DataError, load_site_data  # noqa: E402


def collect(root: Path) -> ProblemList:
    """Run every check below ``root`` and return all problems found."""
    problems = ProblemList()
    _, page_problems = validate_docs(root / "docs")
    problems.extend(page_problems)
    try:
        data = load_site_data(root)
        problems.extend(data.notices)
    except DataError as error:
        problems.extend(error.problems.items)
    return problems


def main(root: Path = ROOT) -> int:
    problems = collect(root)
    for notice in problems.notices:
        print(f"notice: {notice.format()}")
    if problems.errors:
        print(problems.report(), file=sys.stderr)
        return 1
    print("All data and page front matter are valid.")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT))
