"""No module-level mutable state in hooks/: MkDocs imports a hook once per process and `mkdocs
serve` and static-i18n build several times with it, so state belongs in the per-build HubBuild.

Allowed at module level: constants, including non-empty dict lookup tables in UPPER_CASE.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
MODULES = sorted(HOOKS.rglob("*.py"))
MUTABLE_CALLS = {"dict", "list", "set", "defaultdict", "Counter", "deque", "OrderedDict"}


def mutable_value(value: ast.expr) -> bool:
    if isinstance(value, (ast.List, ast.Set, ast.ListComp, ast.SetComp, ast.DictComp)):
        return True
    if isinstance(value, ast.Dict):
        return not value.keys  # an empty dict at module level is a cache or a collector
    if isinstance(value, ast.Call):
        name = value.func.id if isinstance(value.func, ast.Name) else ""
        return name in MUTABLE_CALLS
    return False


def module_state(tree: ast.Module) -> list[str]:
    found = [
        f"line {node.lineno}: {type(node).__name__.lower()} {', '.join(node.names)}"
        for node in ast.walk(tree)
        if isinstance(node, (ast.Global, ast.Nonlocal))
    ]
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            lower = [n for n in names if not n.lstrip("_").isupper()]
            if mutable_value(node.value) or (lower and isinstance(node.value, ast.Dict)):
                found.append(f"line {node.lineno}: {', '.join(names)}")
    return found


def test_hook_modules_are_found():
    assert any(path.parent == HOOKS for path in MODULES)
    assert any(path.parent.name == "saxonyhub" for path in MODULES)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(HOOKS).as_posix())
def test_no_module_level_mutable_state(path: Path):
    assert module_state(ast.parse(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(
    "source",
    [
        "_serving = False\ndef on_startup():\n    global _serving\n",
        "current = []\n",
        "SEEN = set()\n",
        "_cache = {}\n",
        "index = {'a': 1}\n",
    ],
)
def test_module_state_is_recognised(source: str):
    assert module_state(ast.parse(source))


def test_constants_are_allowed():
    assert module_state(ast.parse("NAMES = {'a': 1}\nKINDS = frozenset({'x'})\nN = 3\n")) == []
