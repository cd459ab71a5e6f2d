"""Strict, safe YAML loading that remembers where each value came from.

PyYAML's ``safe_load`` silently keeps the last of two duplicate keys, expands aliases without limit
and gives no line numbers for values. Staff edit these files by hand, so we compose the node tree
ourselves and reject duplicate keys, tags, aliases, oversized and non-UTF-8 files, recording the
line and column of every value for error messages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from .problems import Problem

MAX_FILE_BYTES = 256 * 1024
# libyaml's C parser builds the same node tree (with marks) about ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Location = tuple[int, int]
Marks = dict[tuple[Any, ...], Location]
# Path suffix under which a mapping key's own position is stored (errors about the key point there).
KEY = "\0key"

_PLAIN_TAGS = frozenset(
    {
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:timestamp",
        "tag:yaml.org,2002:seq",
        "tag:yaml.org,2002:map",
    }
)


class YamlProblem(Exception):
    """Raised with a located :class:`Problem` when a file is not acceptable YAML."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.format())
        self.problem = problem


def _mark(node: yaml.Node) -> Location:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Converter:
    """Turns a composed node tree into plain Python values plus a path -> location map."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.marks: Marks = {}
        self.seen: set[int] = set()
        self.scalars = SafeConstructor()

    def fail(self, node: yaml.Node, path: tuple[Any, ...], message: str, hint: str) -> None:
        line, col = _mark(node)
        raise YamlProblem(Problem(self.filename, line, col, _path_text(path), message, hint))

    def convert(self, node: yaml.Node, path: tuple[Any, ...] = ()) -> Any:
        if id(node) in self.seen:
            self.fail(
                node,
                path,
                "YAML anchors and aliases (&, *) are not allowed",
                "write the value out in full",
            )
        self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            self.fail(
                node,
                path,
                f"YAML tag {node.tag!r} is not allowed",
                "remove the '!…' tag; plain text, numbers, lists and mappings only",
            )
        self.marks[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.scalars.construct_object(node)

    def mapping(self, node: yaml.MappingNode, path: tuple[Any, ...]) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, path, "a key must be plain text", "check the indentation")
            key = self.scalars.construct_object(key_node)
            if key in result:
                first = self.marks[(*path, key, KEY)][0]
                self.fail(
                    key_node,
                    (*path, key),
                    f"duplicate key {key!r} (first on line {first})",
                    "keep one of the two entries",
                )
            self.marks[(*path, key, KEY)] = _mark(key_node)
            result[key] = self.convert(value_node, (*path, key))
        return result


def _path_text(path: tuple[Any, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


path_text = _path_text


def _yaml_error_problem(filename: str, text: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = getattr(error, "problem", None) or str(error)
    hint = (
        "check the indentation: nested keys need more spaces than their parent, "
        "all at the same depth"
    )
    source_lines = text.splitlines()
    if "\t" in problem or (0 < line <= len(source_lines) and "\t" in source_lines[line - 1]):
        hint = "YAML does not allow tab characters for indentation; use spaces"
    elif "found duplicate anchor" in problem or "found undefined alias" in problem:
        hint = "anchors and aliases (&, *) are not allowed"
    return Problem(filename, line, col, "", f"YAML syntax error: {problem}", hint)


def loads(text: str, filename: str) -> tuple[Any, Marks]:
    """Parse one YAML document strictly.

    Arguments:
        text: the YAML source.
        filename: the name used in error messages.

    Returns:
        The plain Python value and a map from value path to (line, column).

    Raises:
        YamlProblem: the text is not acceptable YAML.
    """
    if not text.strip():
        raise YamlProblem(
            Problem(
                filename,
                1,
                1,
                "",
                "the file is empty",
                "copy a template with 'make new' or remove the file",
            )
        )
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        raise YamlProblem(_yaml_error_problem(filename, text, error)) from None
    if node is None:
        raise YamlProblem(Problem(filename, 1, 1, "", "the file has no content", ""))
    converter = _Converter(filename)
    return converter.convert(node), converter.marks


def load_file(path: Path, display_name: str | None = None) -> tuple[Any, Marks]:
    """Read and parse a YAML file with the size and encoding checks staff need."""
    name = display_name or str(path)
    if not path.is_file():
        raise YamlProblem(
            Problem(
                name,
                0,
                0,
                "",
                "the file is missing",
                "restore it from the repository (git checkout -- <file>)",
            )
        )
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise YamlProblem(
            Problem(
                name,
                0,
                0,
                "",
                f"file is {len(raw) // 1024} KB, more than the 256 KB allowed",
                "split the content into several files",
            )
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlProblem(
            Problem(
                name, line, 1, "", "the file is not UTF-8 text", "save the file with UTF-8 encoding"
            )
        ) from None
    return loads(text.lstrip("\ufeff"), name)
