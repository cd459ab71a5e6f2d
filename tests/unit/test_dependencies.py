"""pyproject.toml declares what the code imports: the build's imports as runtime dependencies,
everything the tests and checks import in the runtime set or a dependency group."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# The scripts behind `make build`, `make serve`, `make validate`, `make new`, `make schemas` and
# `make translations`: they must run with the runtime set alone.
RUNTIME_SCRIPTS = ("build", "validate", "new", "schemas", "translations", "serve_static")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(requirements: list) -> set[str]:
    """Distribution names of requirement strings (group includes are followed elsewhere)."""
    names = set()
    for requirement in requirements:
        if isinstance(requirement, str):
            names.add(normalise(re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0]))
    return names


def imported_modules(paths: list[Path]) -> set[str]:
    modules = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return modules


def third_party(modules: set[str]) -> dict[str, set[str]]:
    """Imported module -> the distributions that provide it; ours and the stdlib left out."""
    ours = [ROOT / folder for folder in ("hooks", "scripts", "tests", "bench")]
    local = {p.stem for folder in ours for p in folder.rglob("*.py")} | {"saxonyhub"}
    providers = packages_distributions()
    found = {}
    for module in sorted(modules - set(sys.stdlib_module_names) - local):
        assert module in providers, f"{module}: imported, but no installed package provides it"
        found[module] = {normalise(name) for name in providers[module]}
    return found


def undeclared(paths: list[Path], allowed: set[str]) -> list[str]:
    return [m for m, dists in third_party(imported_modules(paths)).items() if not dists & allowed]


def test_the_build_imports_only_runtime_dependencies():
    paths = sorted((ROOT / "hooks").rglob("*.py"))
    paths += [ROOT / "scripts" / f"{name}.py" for name in RUNTIME_SCRIPTS]
    assert len(paths) > 20
    assert undeclared(paths, declared(PYPROJECT["project"]["dependencies"])) == []


def test_tests_and_checks_import_only_declared_packages():
    groups = PYPROJECT["dependency-groups"]
    allowed = declared(PYPROJECT["project"]["dependencies"])
    for requirements in groups.values():
        allowed |= declared(requirements)
    paths = sorted((ROOT / "tests").rglob("*.py")) + sorted((ROOT / "scripts").glob("*.py"))
    paths += sorted((ROOT / "bench").rglob("*.py"))
    assert undeclared(paths, allowed) == []


def test_test_group_includes_lint_so_make_test_installs_everything():
    assert {"include-group": "lint"} in PYPROJECT["dependency-groups"]["test"]
    assert {"pytest", "playwright", "icalendar"} <= declared(PYPROJECT["dependency-groups"]["test"])
    assert {"ruff", "mypy", "pre-commit", "uv"} <= declared(PYPROJECT["dependency-groups"]["lint"])
