"""The hub's settings from mkdocs.yml: `extra.saxonyhub` and the languages of the i18n plugin.

MkDocs has no schema for hook settings, so this model is it. The languages are declared once,
where static-i18n needs them (`plugins: i18n: languages:`, the one marked `default: true` first);
everything else (hooks, scripts/build.py, scripts/validate.py) asks these settings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from .edit_links import repo_url_problem
from .problems import Problem
from .strict_yaml import Marks
from .validation import problems_from_error

CONFIG_FILE = "mkdocs.yml"
PREFIX = ("extra", "saxonyhub")


class HubSettings(BaseModel):
    """`extra.saxonyhub` in mkdocs.yml, plus the site's languages (from the i18n plugin)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    languages: tuple[str, ...] = Field(
        min_length=1, description="Locales of the site, the default language first."
    )
    repo_url: str = Field(
        "", description="Repository address (REPO_URL) for edit buttons; empty: no buttons."
    )
    cluster_contact: str = Field(
        description="Contact id (data/contacts/<id>.yml) of every guide's help box.",
        examples=["cluster-office"],
    )
    preview: bool = Field(
        False,
        description=(
            "Show drafts, marked and out of the navigation (HUB_PREVIEW=true, which `make serve` "
            "sets); false for every published build."
        ),
    )

    @field_validator("repo_url")
    @classmethod
    def _repo_url(cls, value: str) -> str:
        problem = repo_url_problem(value)
        if problem:
            message, _, hint = problem.partition(" — hint: ")
            raise PydanticCustomError("repo_url", message, {"hint": hint})
        return value

    @field_validator("cluster_contact")
    @classmethod
    def _known_contact(cls, value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get("contacts")
        if known is not None and value not in known:
            raise PydanticCustomError(
                "unknown_reference",
                "unknown contact id",
                {"hint": f"one of {', '.join(sorted(known))} (data/contacts/)"},
            )
        return value

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def other_languages(self, lang: str) -> list[str]:
        return [other for other in self.languages if other != lang]

    def language_root(self, lang: str) -> str:
        """Where a language lives in the site: "" for the default language, "en/" for others."""
        return "" if lang == self.default_language else f"{lang}/"

    def inner_path(self, src_uri: str) -> str:
        """A page's path inside its language folder: ``en/guides/x.md`` -> ``guides/x.md``."""
        lang, _, rest = src_uri.partition("/")
        return rest if lang in self.languages else src_uri


def i18n_languages(plugins: object) -> list[tuple[str, bool]]:
    """(locale, default) of each language in the `plugins:` list of a parsed mkdocs.yml."""
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("i18n"), dict):
            return [
                (str(item.get("locale")), item.get("default") is True)
                for item in entry["i18n"].get("languages") or []
                if isinstance(item, dict)
            ]
    return []


def read_settings(
    extra: Mapping[str, Any] | None,
    languages: list[tuple[str, bool]],
    marks: Marks,
    contacts: set[str] | None = None,
) -> tuple[HubSettings | None, list[Problem]]:
    """Validate `extra.saxonyhub`; the one check that the build and `make validate` both run.

    Arguments:
        extra: the `extra.saxonyhub` mapping of mkdocs.yml.
        languages: (locale, is default) as the i18n plugin declares them.
        marks: line and column of the mkdocs.yml keys (:func:`settings_marks`).
        contacts: known contact ids; without them, `cluster_contact` is not checked.
    """
    ordered = [lang for lang, default in languages if default]
    ordered += [lang for lang, default in languages if not default]
    raw = {**(extra or {}), "languages": tuple(ordered)}
    context = {"contacts": contacts} if contacts is not None else None
    try:
        return HubSettings.model_validate(raw, context=context), []
    except ValidationError as error:
        return None, problems_from_error(error, HubSettings, CONFIG_FILE, marks, PREFIX)


_KEY_LINE = re.compile(r"^(\s*)([A-Za-z_][A-Za-z0-9_]*):(\s*)(.*)$")


def settings_marks(config_text: str) -> Marks:
    """Line and column of each key below `extra: saxonyhub:` in mkdocs.yml's text.

    mkdocs.yml uses MkDocs' own YAML tags (`!ENV`), which the strict loader rejects; its
    settings block is plain enough for a line scan.
    """
    marks: Marks = {}
    path: list[tuple[int, str]] = []  # (indent, key) of the enclosing mapping keys
    for number, line in enumerate(config_text.splitlines(), start=1):
        match = _KEY_LINE.match(line)
        if not match or line.lstrip().startswith("#"):
            continue
        indent, key = len(match.group(1)), match.group(2)
        while path and path[-1][0] >= indent:
            path.pop()
        keys = (*(k for _, k in path), key)
        if keys[: len(PREFIX)] == PREFIX and len(keys) == len(PREFIX) + 1:
            value_col = indent + len(key) + 2 + len(match.group(3))
            marks[keys] = (number, value_col if match.group(4) else indent + 1)
        path.append((indent, key))
    return marks
