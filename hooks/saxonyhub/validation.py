"""Turn pydantic validation errors into located, staff-readable problems."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .fields import SLUG_PATTERN
from .problems import Problem
from .strict_yaml import KEY, Marks, YamlProblem, load_file, path_text

_EXPECTED = {
    "missing": "this field is required",
    "string_type": "expected text",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list (lines starting with '- ')",
    "dict_type": "expected a mapping of keys to values",
    "model_type": "expected a mapping of keys to values",
    "date_type": "expected a date like 2026-11-23",
    "date_from_datetime_parsing": "expected a date like 2026-11-23",
    "date_parsing": "expected a date like 2026-11-23",
}


def _model_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names (aliases) of the sub-model a location points into, for 'did you mean'."""
    current: Any = model
    for part in loc:
        fields = getattr(current, "model_fields", None)
        if fields is None or not isinstance(part, str):
            continue
        info = next((f for n, f in fields.items() if (f.alias or n) == part), None)
        if info is None:
            return []
        annotation = info.annotation
        current = next(
            (
                a
                for a in getattr(annotation, "__args__", (annotation,))
                if hasattr(a, "model_fields")
            ),
            annotation,
        )
    fields = getattr(current, "model_fields", {})
    return [f.alias or n for n, f in fields.items()]


def _locate(marks: Marks, loc: tuple[Any, ...]) -> tuple[int, int]:
    for end in range(len(loc), -1, -1):
        if loc[:end] in marks:
            return marks[loc[:end]]
    return (0, 0)


def _position(marks: Marks, path: tuple[Any, ...], kind: str) -> tuple[int, int]:
    """An unknown key is reported where the key is written; everything else at its value."""
    if kind == "extra_forbidden" and (*path, KEY) in marks:
        return marks[(*path, KEY)]
    return _locate(marks, path)


def problems_from_error(
    error: ValidationError,
    model: type[BaseModel],
    filename: str,
    marks: Marks,
    prefix: tuple[Any, ...] = (),
) -> list[Problem]:
    """Convert every error of a pydantic ``ValidationError`` into a :class:`Problem`."""
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(p for p in item["loc"] if not (isinstance(p, str) and "[" in p))
        line, col = _position(marks, (*prefix, *loc), item["type"])
        message, hint = _describe(item, model, loc)
        problems.append(Problem(filename, line, col, path_text((*prefix, *loc)), message, hint))
    return problems


def _describe(item: ErrorDetails, model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str, str]:
    kind = item["type"]
    found = item.get("input")
    if kind == "extra_forbidden":
        name = str(loc[-1])
        known = _model_fields(model, loc[:-1])
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(known)}"
        return f"unknown key '{name}'", hint
    if kind == "missing":
        return "this field is required but missing", "add it (see the field reference)"
    if kind == "string_pattern_mismatch" and item.get("ctx", {}).get("pattern") == SLUG_PATTERN:
        return (
            f"expected an id of lower-case letters a-z, digits and single hyphens, found {found!r}",
            "no spaces, capitals or umlauts, e.g. 'fraunhofer-iws' "
            "(write 'ae' for 'ä', 'oe' for 'ö', 'ue' for 'ü', 'ss' for 'ß')",
        )
    message = item.get("msg", "invalid value")
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    expected = _EXPECTED.get(kind)
    if expected:
        message = expected
    hint = item.get("ctx", {}).get("hint", "") if isinstance(item.get("ctx"), dict) else ""
    if isinstance(found, (str, int, float, bool)) and kind not in {"missing"}:
        shown = str(found)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        message += f", found {shown!r}"
    return message, hint


ModelT = TypeVar("ModelT", bound=BaseModel)


def data_files(data_dir: Path, folder: str) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """The YAML files of ``data/<folder>/`` (sorted) with their display paths, and a problem
    for every other file there (a misnamed file would otherwise be skipped silently)."""
    files: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    directory = data_dir / folder
    for path in sorted(directory.glob("*")) if directory.is_dir() else []:
        display = f"data/{folder}/{path.name}"
        if path.suffix != ".yml":
            hint = f"rename it to {path.stem}.yml"
            problems.append(Problem(display, 0, 0, "", "data files must end in .yml", hint))
            continue
        files.append((path, display))
    return files, problems


def load_validated(
    path: Path, display_name: str, model: type[ModelT]
) -> tuple[ModelT | None, Marks, list[Problem]]:
    """Load one YAML file strictly and validate it against ``model``.

    Returns:
        The model (None on any problem), the value positions for later checks, all problems.
    """
    try:
        data, marks = load_file(path, display_name)
    except YamlProblem as error:
        return None, {}, [error.problem]
    try:
        return model.model_validate(data), marks, []
    except ValidationError as error:
        return None, marks, problems_from_error(error, model, display_name, marks)


def load_model(
    path: Path, display_name: str, model: type[ModelT]
) -> tuple[ModelT | None, list[Problem]]:
    """Like :func:`load_validated`, for files that need no checks beyond their model."""
    value, _, problems = load_validated(path, display_name, model)
    return value, problems


@dataclass(frozen=True)
class Locator:
    """Makes the problems of one YAML file, each at the line and column of its field."""

    file: str
    marks: Marks

    def problem(self, path: tuple[Any, ...], message: str, hint: str = "") -> Problem:
        """A problem at ``path`` (``("terms", 3, "abbr")``, shown as ``terms[3].abbr``)."""
        line, col = self.marks.get(path, (0, 0))
        return Problem(self.file, line, col, path_text(path), message, hint)


def duplicate_id_problems(
    key: str, ids: list[str], marks: Marks, display_name: str
) -> list[Problem]:
    """Ids that occur twice in the list ``key``, located at their second occurrence."""
    at = Locator(display_name, marks)
    seen: set[str] = set()
    problems = []
    for index, value in enumerate(ids):
        if value in seen:
            problems.append(at.problem((key, index, "id"), f"duplicate id '{value}'"))
        seen.add(value)
    return problems
