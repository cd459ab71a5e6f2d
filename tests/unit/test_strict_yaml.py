from __future__ import annotations

from pathlib import Path

import pytest

from saxonyhub.strict_yaml import MAX_FILE_BYTES, YamlProblem, load_file, loads


def problem_of(text: str):
    with pytest.raises(YamlProblem) as caught:
        loads(text, "data/x.yml")
    return caught.value.problem


def test_loads_returns_values_and_line_marks():
    data, marks = loads("id: a\nname:\n  de: Hallo\n  en: Hello\n", "x.yml")
    assert data == {"id": "a", "name": {"de": "Hallo", "en": "Hello"}}
    assert marks[("name", "en")] == (4, 7)


def test_loads_rejects_duplicate_keys_with_both_lines():
    problem = problem_of("id: a\nname: b\nid: c\n")
    assert (problem.line, problem.field) == (3, "id")
    assert "duplicate key 'id' (first on line 1)" in problem.message


def test_loads_rejects_python_tags():
    problem = problem_of("x: !!python/object:os.system ls\n")
    assert "tag" in problem.message and problem.line == 1


def test_loads_rejects_aliases_so_alias_bombs_cannot_expand():
    bomb = "a: &a [1, 2]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    assert "aliases" in problem_of(bomb).message


def test_loads_explains_tabs():
    problem = problem_of("name:\n\tde: x\n")
    assert problem.line == 2 and "tab" in problem.hint


def test_loads_reports_bad_indentation_with_line():
    problem = problem_of("name:\n  de: x\n en: y\n")
    assert problem.line == 3 and "YAML syntax error" in problem.message


def test_loads_rejects_empty_file():
    assert "empty" in problem_of("  \n").message


def test_load_file_rejects_non_utf8(tmp_path: Path):
    path = tmp_path / "x.yml"
    path.write_bytes(b"name: caf\xe9\n")
    with pytest.raises(YamlProblem) as caught:
        load_file(path, "data/x.yml")
    assert "UTF-8" in caught.value.problem.message


def test_load_file_rejects_oversized_files(tmp_path: Path):
    path = tmp_path / "big.yml"
    path.write_text("x: " + "a" * (MAX_FILE_BYTES + 1), encoding="utf-8")
    with pytest.raises(YamlProblem) as caught:
        load_file(path, "data/big.yml")
    assert "256 KB" in caught.value.problem.message
