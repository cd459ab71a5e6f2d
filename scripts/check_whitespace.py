"""Trailing whitespace and file endings, as the pre-commit hooks check them, but without changing
anything: `make lint` only reports (pre-commit's trailing-whitespace and end-of-file-fixer fix).

Checks every file git knows or would add (tracked, plus new files not ignored). A line may not end
in spaces or tabs, except a Markdown hard line break (exactly two spaces, as with pre-commit's
--markdown-linebreak-ext=md); a non-empty file ends with exactly one newline.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def project_files(root: Path) -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [root / name for name in sorted(set(listed.split("\0"))) if name]


def file_problems(path: Path, display: str) -> list[str]:
    """One line per problem, ``file:line: what``; binary files are skipped."""
    raw = path.read_bytes()
    if b"\0" in raw[:8192]:
        return []
    problems = []
    markdown = path.suffix == ".md"
    for number, line in enumerate(raw.split(b"\n"), start=1):
        line = line.removesuffix(b"\r")
        stripped = line.rstrip(b" \t")
        hard_break = markdown and stripped and line == stripped + b"  "
        if line != stripped and not hard_break:
            problems.append(f"{display}:{number}: spaces or tabs at the end of the line")
    if raw and not raw.endswith(b"\n"):
        problems.append(f"{display}: no newline at the end of the file")
    elif raw.endswith(b"\n\n"):
        problems.append(f"{display}: blank lines at the end of the file")
    return problems


def main(root: Path = ROOT) -> int:
    problems = []
    for path in project_files(root):
        if path.is_file() and not path.is_symlink():
            problems += file_problems(path, path.relative_to(root).as_posix())
    for problem in problems:
        print(problem)
    if problems:
        print(
            f"{len(problems)} whitespace problem(s) — hint: delete the spaces at the end of the "
            "line, and keep exactly one line break at the end of the file",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
