"""Translation tracking: which version of its German source each English page translates.

An English page records ``translation: {source_hash: …}`` in its front matter. The hash is the
first 16 hex digits of the SHA-256 of the German counterpart's Markdown body: everything after
the closing ``---`` of its front matter, as UTF-8 with line endings normalised to LF. Front matter
is left out so that a new review date or description does not mark the translation outdated.
Only file contents count, so this works on a fresh clone without git history.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from .page_meta import split_front_matter
from .strict_yaml import YamlProblem, loads

HASH_LENGTH = 16
_FRONT_MATTER_END = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*(?:\n|\Z)", re.DOTALL)


class Status(StrEnum):
    """Translation states, in the order the report lists them."""

    MISSING = "missing"  # German page without an English counterpart
    NO_SOURCE = "no-source"  # English page without a German counterpart
    UNACKNOWLEDGED = "unacknowledged"  # English page without a source_hash
    OUTDATED = "outdated"  # the German body changed after the acknowledged version
    CURRENT = "current"


def markdown_body(text: str) -> str:
    """The text after the front matter (the whole text if there is none)."""
    text = text.replace("\r\n", "\n")
    match = _FRONT_MATTER_END.match(text)
    return text[match.end() :] if match else text


def source_hash(german_text: str) -> str:
    """The hash an English page stores for the German text it translates."""
    digest = hashlib.sha256(markdown_body(german_text).encode("utf-8")).hexdigest()
    return digest[:HASH_LENGTH]


def recorded_hash(english_text: str) -> str | None:
    """``translation.source_hash`` from an English page's front matter, if present."""
    yaml_text, _ = split_front_matter(english_text.replace("\r\n", "\n"))
    try:
        data, _ = loads(yaml_text or "{}", "front matter")
    except YamlProblem:
        return None  # the front-matter check reports the broken YAML itself
    translation = data.get("translation") if isinstance(data, dict) else None
    value = translation.get("source_hash") if isinstance(translation, dict) else None
    return str(value) if value else None


@dataclass(frozen=True)
class PageStatus:
    """The translation state of one page pair (paths inside the language folders)."""

    path: str  # e.g. "guides/mdr-overview.md"
    status: Status
    recorded: str | None = None
    expected: str | None = None


def page_status(german: Path | None, english: Path | None, path: str) -> PageStatus:
    """Compare one German/English pair of files; either file may be missing."""

    def read(file: Path | None) -> str | None:
        return file.read_text(encoding="utf-8") if file is not None and file.exists() else None

    return text_status(read(german), read(english), path)


def text_status(german: str | None, english: str | None, path: str) -> PageStatus:
    """Compare the texts of one German/English pair; either may be missing (None)."""
    if english is None:
        return PageStatus(path, Status.MISSING)
    if german is None:
        return PageStatus(path, Status.NO_SOURCE)
    expected = source_hash(german)
    recorded = recorded_hash(english)
    if recorded is None:
        return PageStatus(path, Status.UNACKNOWLEDGED, None, expected)
    status = Status.CURRENT if recorded == expected else Status.OUTDATED
    return PageStatus(path, status, recorded, expected)


def report(docs_dir: Path, source: str = "de", target: str = "en") -> list[PageStatus]:
    """The state of every page in either language folder, ordered by path."""
    texts = {
        p.relative_to(docs_dir).as_posix(): p.read_text(encoding="utf-8")
        for lang in (source, target)
        if (docs_dir / lang).is_dir()
        for p in (docs_dir / lang).rglob("*.md")
    }
    return report_of(texts, source, target)


def report_of(texts: dict[str, str], source: str, target: str) -> list[PageStatus]:
    """Like :func:`report`, from page texts by path below docs/ ("de/index.md")."""
    paths = {path.partition("/")[2] for path in texts if path.partition("/")[0] in (source, target)}
    return [
        text_status(texts.get(f"{source}/{path}"), texts.get(f"{target}/{path}"), path)
        for path in sorted(paths)
    ]


def with_source_hash(english_text: str, digest: str) -> str:
    """``english_text`` with ``translation.source_hash`` set; every other byte stays as it was.

    Replaces an existing top-level ``translation:`` block or appends one at the end of the front
    matter.

    Raises:
        ValueError: the page has no front matter.
    """
    newline = "\r\n" if "\r\n" in english_text else "\n"
    lines = english_text.split(newline)
    if not lines or lines[0].rstrip() != "---" or "---" not in [x.rstrip() for x in lines[1:]]:
        raise ValueError("the page has no front matter")
    end = 1 + [x.rstrip() for x in lines[1:]].index("---")
    # Quoted: a hash made only of digits would otherwise be read as a number.
    block = ["translation:", f'  source_hash: "{digest}"']
    start = next((i for i in range(1, end) if lines[i].startswith("translation:")), None)
    if start is None:
        return newline.join(lines[:end] + block + lines[end:])
    stop = start + 1
    while stop < end and lines[stop][:1] in (" ", "\t"):  # the block's indented lines
        stop += 1
    return newline.join(lines[:start] + block + lines[stop:])
