"""`make validate`: every data, front-matter and citation check, without building the site.

Prints all errors at once as `file:line:column: field: message — hint: …`, then notices (things to
complete that do not block a build, such as pages whose review is overdue or due within 60 days).
Exit code 1 when there is any error.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from saxonyhub.legal import scan_docs  # noqa: E402
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


def collect(root: Path, today: dt.date) -> ProblemList:
    """Run every check below ``root`` and return all problems found.

    Arguments:
        today: the date review notices are measured against.
    """
    problems = ProblemList()
    data = _load_data(root, problems)
    references = (
        PageReferences(frozenset(data.contacts), frozenset(data.services)) if data else None
    )
    metas, page_problems = validate_docs(root / "docs", references)
    problems.extend(page_problems)
    if data is not None:
        problems.extend(scan_docs(root / "docs", data.legal_acts.by_id())[1])
    problems.extend(due_notices(review_entries(metas, DEFAULT_LANGUAGE), today))
    return problems


def main(root: Path = ROOT, today: dt.date | None = None) -> int:
    problems = collect(root, today or dt.date.today())
    for notice in problems.notices:
        print(f"notice: {notice.format()}")
    if problems.errors:
        print(problems.report(), file=sys.stderr)
        return 1
    print("All data, page front matter and citations are valid.")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT))
