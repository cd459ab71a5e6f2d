"""Translation tracking for staff: which English pages are missing, outdated or current.

`python scripts/translations.py status` (`make translations`) prints the state of every page.
`python scripts/translations.py ack docs/en/<path>.md …` records in each English page's front
matter that it translates the current German page (the hash of its Markdown body); nothing else
in the file changes. Works on any checkout: only the files are compared, not git history.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from saxonyhub.translation import Status, report, source_hash, with_source_hash  # noqa: E402

SOURCE, TARGET = "de", "en"


def status(docs_dir: Path) -> int:
    """Print one line per page, grouped by state; return 0 (a report, not a check)."""
    statuses = report(docs_dir, SOURCE, TARGET)
    for item in sorted(statuses, key=lambda s: (list(Status).index(s.status), s.path)):
        print(f"{item.status.value:<15} {TARGET}/{item.path}")
    counts = {state: sum(s.status is state for s in statuses) for state in Status}
    print(", ".join(f"{n} {state.value}" for state, n in counts.items() if n) or "no pages")
    return 0


def ack(docs_dir: Path, targets: list[str]) -> int:
    """Write the German page's current hash into each English page; 1 if any path is wrong."""
    failed = 0
    for target in targets:
        english = Path(target).resolve()
        try:
            inner = english.relative_to(docs_dir.resolve() / TARGET)
        except ValueError:
            print(f"{target}: not a page below docs/{TARGET}/", file=sys.stderr)
            failed = 1
            continue
        german = docs_dir / SOURCE / inner
        if not german.is_file() or not english.is_file():
            print(f"{target}: no German counterpart docs/{SOURCE}/{inner}", file=sys.stderr)
            failed = 1
            continue
        digest = source_hash(german.read_text(encoding="utf-8"))
        text = english.read_bytes().decode("utf-8")
        english.write_bytes(with_source_hash(text, digest).encode("utf-8"))
        print(f"acknowledged {target} ({digest})")
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="docs folder")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("status", help="print every English page's state")
    acknowledge = commands.add_parser("ack", help="acknowledge English pages as current")
    acknowledge.add_argument("pages", nargs="+", help="docs/en/<path>.md")
    args = parser.parse_args(argv)
    if args.command == "status":
        return status(args.docs)
    return ack(args.docs, args.pages)


if __name__ == "__main__":
    sys.exit(main())
