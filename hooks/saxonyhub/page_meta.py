"""Front matter of Markdown pages: model, extraction with line numbers, and validation."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
)
from pydantic_core import PydanticCustomError

from .problems import Problem
from .strict_yaml import YamlProblem, loads
from .validation import problems_from_error

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.DOTALL)
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_reference(kind: str, value: str, info: ValidationInfo) -> str:
    """Reject ids unknown to the data files passed as validation context (see PageReferences)."""
    known = (info.context or {}).get(kind)
    if known is not None and value not in known:
        raise PydanticCustomError(
            "unknown_reference",
            f"not a known {kind[:-1]} id",
            {"hint": f"known ids: {', '.join(sorted(known))} (data/{kind}/)"},
        )
    return value


ContactId = Annotated[Slug, AfterValidator(lambda v, info: _check_reference("contacts", v, info))]
ServiceId = Annotated[Slug, AfterValidator(lambda v, info: _check_reference("services", v, info))]


class SearchMeta(_Strict):
    exclude: bool = Field(False, description="Keep the page out of the search index.")


class ReviewMeta(_Strict):
    """When a page was last checked, by whom, and how often it must be checked."""

    owner: ContactId = Field(
        description="Contact id responsible for the page.", examples=["cluster-office"]
    )
    last_reviewed: dt.date = Field(
        description="Date of the last full review.", examples=["2026-11-23"]
    )
    interval_months: int = Field(
        12, ge=1, le=36, description="Months until the next review is due."
    )


class TranslationMeta(_Strict):
    """Which version of the German source an English page translates."""

    source_hash: str = Field(
        pattern=r"^[0-9a-f]{12,64}$",
        description="Hash of the German source file when the translation was acknowledged.",
    )


class PageMeta(_Strict):
    """The keys a Markdown page may carry in its front matter."""

    title: str = Field(
        min_length=3, max_length=120, description="Page title (in the page's language)."
    )
    description: str = Field(
        min_length=20,
        max_length=200,
        description="One or two sentences for search engines and previews.",
    )
    template: str | None = Field(
        None, pattern=r"^[a-z0-9_-]+\.html$", description="Page template from overrides/."
    )
    hide: list[Literal["navigation", "toc", "footer", "path", "feedback"]] | None = None
    search: SearchMeta | None = None
    robots: Literal["noindex"] | None = Field(
        None, description="Ask search engines not to index the page."
    )
    date: dt.date | None = Field(None, description="Publication date (news items).")
    review: ReviewMeta | None = None
    services: list[ServiceId] | None = Field(None, description="Ids of related cluster services.")
    translation: TranslationMeta | None = None
    draft: bool = Field(
        False,
        description="A draft is checked but not published: the build leaves it out "
        "(hooks/drafts.py); `make serve` shows it with a draft notice.",
    )


@dataclass(frozen=True)
class PageReferences:
    """Ids that front matter may refer to, read from the data files (contacts, services)."""

    contacts: frozenset[str]
    services: frozenset[str]

    def as_context(self) -> dict[str, frozenset[str]]:
        return {"contacts": self.contacts, "services": self.services}


def split_front_matter(text: str) -> tuple[str | None, int]:
    """Return the YAML between the ``---`` fences and the line number where it starts."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, 0
    return match.group(1) or "", 2


def read_page_meta(
    path: Path, display_name: str, references: PageReferences | None = None
) -> tuple[PageMeta | None, list[Problem]]:
    """Parse and validate the front matter of one Markdown file (see :func:`parse_page_meta`)."""
    return parse_page_meta(path.read_text(encoding="utf-8"), display_name, references)


def parse_page_meta(
    text: str, display_name: str, references: PageReferences | None = None
) -> tuple[PageMeta | None, list[Problem]]:
    """Parse and validate the front matter of one Markdown page's text.

    Arguments:
        references: known contact and service ids; without them, ids are not checked.
    """
    yaml_text, first_line = split_front_matter(text)
    if yaml_text is None:
        return None, [
            Problem(
                display_name,
                1,
                1,
                "",
                "the page has no front matter",
                "start the file with '---', 'title:', 'description:', '---'",
            )
        ]
    try:
        data, marks = loads(yaml_text or "{}", display_name)
    except YamlProblem as error:
        problem = error.problem
        return None, [
            Problem(
                problem.file,
                problem.line + first_line - 1,
                problem.column,
                problem.field,
                problem.message,
                problem.hint,
            )
        ]
    if not isinstance(data, dict):
        return None, [
            Problem(
                display_name,
                first_line,
                1,
                "",
                "front matter must be a mapping of keys",
                "write 'key: value' lines between the '---' fences",
            )
        ]
    shifted = {path_: (line + first_line - 1, col) for path_, (line, col) in marks.items()}
    context = references.as_context() if references else None
    try:
        return PageMeta.model_validate(data, context=context), []
    except ValidationError as error:
        return None, problems_from_error(error, PageMeta, display_name, shifted)


def validate_docs(
    docs_dir: Path, references: PageReferences | None = None
) -> tuple[dict[str, PageMeta], list[Problem]]:
    """Validate the front matter of every Markdown page below ``docs_dir``.

    Returns:
        Metadata by path relative to ``docs_dir`` (``de/index.md``) and all problems found.
    """
    metas: dict[str, PageMeta] = {}
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir).as_posix()
        meta, found = check_page(relative, path.read_text(encoding="utf-8"), references)
        problems.extend(found)
        if meta is not None:
            metas[relative] = meta
    return metas, problems


def check_page(
    relative: str, text: str, references: PageReferences | None = None
) -> tuple[PageMeta | None, list[Problem]]:
    """Every check of one page's front matter and text (``relative``: path below docs/)."""
    display_name = f"docs/{relative}"
    meta, problems = parse_page_meta(text, display_name, references)
    if meta is not None:
        if not meta.draft:
            problems.extend(placeholders_in(text, display_name))
        problems.extend(guide_problems(relative, meta))
    return meta, problems


# Scaffolds (`make new`) mark the text still to be written with this word.
PLACEHOLDER = "TODO"


def placeholder_problems(path: Path, display_name: str) -> list[Problem]:
    """The first scaffold placeholder left in a page file (see :func:`placeholders_in`)."""
    return placeholders_in(path.read_text(encoding="utf-8"), display_name)


def placeholders_in(text: str, display_name: str) -> list[Problem]:
    """The first scaffold placeholder left in a page that is about to be published.

    Comments in the front matter are skipped: the scaffold's comments mention TODO themselves.
    """
    match = _FRONT_MATTER.match(text)
    front_lines = match.group(0).count("\n") if match else 0
    for number, line in enumerate(text.splitlines(), start=1):
        if number <= front_lines:
            line = "" if line.lstrip().startswith("#") else line.split(" #", 1)[0]
        if PLACEHOLDER in line:
            return [
                Problem(
                    display_name,
                    number,
                    line.index(PLACEHOLDER) + 1,
                    "",
                    f"placeholder '{PLACEHOLDER}' left in a published page",
                    "replace it with the real text, or keep 'draft: true' until it is ready",
                )
            ]
    return []


def is_guide(inner_path: str) -> bool:
    """Guides are the pages in ``guides/`` (path inside a language folder), except its index."""
    return inner_path.startswith("guides/") and inner_path != "guides/index.md"


def guide_problems(relative: str, meta: PageMeta) -> list[Problem]:
    """A guide must say who reviews it and which services help (its page boxes show both)."""
    if not is_guide(relative.partition("/")[2]):
        return []
    missing = [key for key in ("review", "services") if getattr(meta, key) is None]
    return [
        Problem(
            f"docs/{relative}",
            2,
            1,
            key,
            "a guide needs this key",
            "see the front matter of the other guides in docs/*/guides/",
        )
        for key in missing
    ]
