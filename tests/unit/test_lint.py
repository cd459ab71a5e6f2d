"""The shared local checks: pre-commit and `make lint` use the same tools, versions and rules."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import yaml
from check_whitespace import file_problems
from yamllint import linter
from yamllint.config import YamlLintConfig

ROOT = Path(__file__).resolve().parents[2]
# pre-commit repository -> the PyPI package `make lint` runs instead.
PACKAGES = {
    "https://github.com/adrienverge/yamllint": "yamllint",
    "https://github.com/codespell-project/codespell": "codespell",
    "https://github.com/astral-sh/ruff-pre-commit": "ruff",
}


def pins() -> dict[str, str]:
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    return {package["name"]: package.get("version", "") for package in lock["package"]}


def test_pre_commit_revs_match_the_pinned_versions():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    revs = {repo["repo"]: repo.get("rev") for repo in config["repos"]}
    for repo, package in PACKAGES.items():
        assert revs[repo] == f"v{pins()[package]}", f"{repo}: keep rev equal to uv.lock"


def test_pre_commit_runs_every_check_of_make_lint_and_validate():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks == {
        "trailing-whitespace",
        "end-of-file-fixer",
        "yamllint",
        "codespell",
        "ruff-check",
        "ruff-format",
        "mypy",
        "validate",
    }
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for command in (
        "yamllint --strict .",
        "codespell",
        "ruff check",
        "ruff format --check",
        "mypy",
    ):
        assert command in makefile
    assert "check_whitespace.py" in makefile and "\ntest: lint " in makefile


def test_mypy_is_strict_on_the_package_with_the_pydantic_plugin():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    mypy = pyproject["tool"]["mypy"]
    assert mypy["strict"] is True
    assert mypy["files"] == ["hooks/saxonyhub"]
    assert "pydantic.mypy" in mypy["plugins"]
    assert not any("ignore" in key for key in mypy), "no blanket ignores"
    assert "overrides" not in mypy


def yaml_problems(text: str, path: str) -> list[str]:
    config = YamlLintConfig(file=str(ROOT / ".yamllint"))
    return [f"{p.line}:{p.rule}" for p in linter.run(text, config, path)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a:\n    b: 1\n", ["2:indentation"]),
        ("a: 1\na: 2\n", ["2:key-duplicates"]),
        ("a:\n\tb: 1\n", ["2:None"]),  # a tab is a YAML syntax error
        ("a: 1   \n", ["1:trailing-spaces"]),
    ],
)
def test_yamllint_rules(text: str, expected: list[str]):
    assert yaml_problems(text, "data/organisations/x.yml") == expected


def test_yamllint_allows_long_lines_in_data_only():
    long_line = "text: " + "wort " * 40 + "ende\n"
    assert yaml_problems(long_line, "data/organisations/x.yml") == []
    assert yaml_problems(long_line, "mkdocs.yml") == ["1:line-length"]


def test_yamllint_needs_no_document_start_and_accepts_on_key():
    assert yaml_problems("on:\n  push:\n", ".github/workflows/x.yml") == []


def test_codespell_word_list_is_sorted_lower_case_words():
    words = (ROOT / ".codespell-words.txt").read_text(encoding="utf-8").splitlines()
    assert words == sorted(set(words)) and all(w == w.lower() and " " not in w for w in words)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.yml", b"a: 1\n", []),
        ("a.yml", b"a: 1 \n", ["a.yml:1: spaces or tabs at the end of the line"]),
        ("a.md", b"line  \nnext\n", []),
        ("a.md", b"line   \n", ["a.md:1: spaces or tabs at the end of the line"]),
        ("a.yml", b"a: 1", ["a.yml: no newline at the end of the file"]),
        ("a.yml", b"a: 1\n\n", ["a.yml: blank lines at the end of the file"]),
        ("a.bin", b"\0 \n", []),
        ("a.txt", b"", []),
    ],
)
def test_whitespace_check(tmp_path: Path, name: str, content: bytes, expected: list[str]):
    path = tmp_path / name
    path.write_bytes(content)
    assert file_problems(path, name) == expected
