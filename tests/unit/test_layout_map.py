"""The README's layout map (feature -> hook, package, model, templates, script, tests) is true:
every file it names exists and every hook and package module has a row."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "hooks" / "saxonyhub"
HEADER = "| Feature | Hook | Package | Model (what it checks) | Templates | Script | Tests |"
# Where the names of each column live; a name with a "/" may also be relative to the project.
FOLDERS = {
    "Hook": "hooks",
    "Package": "hooks/saxonyhub",
    "Templates": "overrides",
    "Tests": "tests",
}
SCRIPT_FOLDERS = ("scripts", "")  # `bench/search.py` is written relative to the project
NAME = re.compile(r"`([^`]+)`")


def map_rows() -> list[dict[str, str]]:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index(HEADER)
    columns = [cell.strip() for cell in HEADER.strip("|").split("|")]
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(
            dict(zip(columns, (c.strip() for c in line.strip("|").split("|")), strict=True))
        )
    return rows


def file_names(cell: str) -> list[str]:
    """The file and folder names in a cell (`x.py`, `fragments/x/`), not code such as `label()`."""
    return [n for n in NAME.findall(cell) if re.search(r"\.(py|html|js|md)$|/$", n)]


def model_names() -> set[str]:
    names = set()
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    return names


def test_layout_map_has_rows():
    rows = map_rows()
    assert len(rows) >= 10
    assert all(row["Feature"] for row in rows)


@pytest.mark.parametrize("column", sorted(FOLDERS))
def test_layout_map_names_existing_files(column: str):
    missing = []
    for row in map_rows():
        for name in file_names(row[column]):
            if not ((ROOT / FOLDERS[column] / name).exists() or (ROOT / name).exists()):
                missing.append(f"{row['Feature']}: {name}")
    assert not missing


def test_layout_map_names_existing_scripts():
    missing = [
        f"{row['Feature']}: {name}"
        for row in map_rows()
        for name in file_names(row["Script"])
        if not any((ROOT / folder / name).exists() for folder in SCRIPT_FOLDERS)
    ]
    assert not missing


def test_layout_map_names_existing_models():
    known = model_names()
    named = {
        name
        for row in map_rows()
        for name in NAME.findall(row["Model (what it checks)"])
        if re.fullmatch(r"[A-Z]\w+", name)
    }
    assert named, "the model column names no model"
    assert named <= known, sorted(named - known)


def test_layout_map_lists_every_hook_and_package_module():
    rows = map_rows()
    hooks = {n for row in rows for n in file_names(row["Hook"])}
    modules = {n for row in rows for n in file_names(row["Package"])}
    assert {p.name for p in (ROOT / "hooks").glob("*.py")} <= hooks
    assert {p.name for p in PACKAGE.glob("*.py")} - {"__init__.py"} <= modules


def test_test_files_have_unique_basenames():
    # tests/ has no __init__.py files: pytest imports test modules by basename, so a second
    # test_x.py in another folder stops the whole run at collection.
    seen: dict[str, Path] = {}
    clashes = []
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        if "fixtures" in path.parts:
            continue
        if path.name in seen:
            clashes.append(f"{seen[path.name].relative_to(ROOT)} and {path.relative_to(ROOT)}")
        seen.setdefault(path.name, path)
    assert seen, "no test files found"
    assert clashes == [], "rename one of each pair: " + "; ".join(clashes)
