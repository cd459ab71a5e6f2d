"""The fields of contacts and services that guide pages show (``data/contacts``, ``data/services``).

These files belong to the data layer (issue 3), which defines their full models. Guides need only
a contact's role and e-mail and a service's title, so the views below read those fields and ignore
the rest (``extra="ignore"`` on purpose): they must not reject a field the data layer adds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, EmailStr, Field, ValidationError

from .i18n import LocalizedText
from .problems import Problem
from .strict_yaml import YamlProblem, load_file
from .validation import problems_from_error

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class _View(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    id: Slug


class ContactView(_View):
    """A role-based contact: who owns a page, and whom readers write to."""

    role: LocalizedText
    email: EmailStr


class ServiceView(_View):
    """A cluster service, as the "How the cluster helps" box names it."""

    title: LocalizedText


View = TypeVar("View", bound=_View)


def _load_view(
    path: Path, model: type[View], display_name: str
) -> tuple[View | None, list[Problem]]:
    try:
        data, marks = load_file(path, display_name)
    except YamlProblem as error:
        return None, [error.problem]
    try:
        view = model.model_validate(data)
    except ValidationError as error:
        return None, problems_from_error(error, model, display_name, marks)
    if view.id != path.stem:
        line, col = marks.get(("id",), (1, 1))
        message = f"id '{view.id}' differs from the file name"
        hint = f"rename the file to {view.id}.yml or set id: {path.stem}"
        return None, [Problem(display_name, line, col, "id", message, hint)]
    return view, []


def load_views(
    folder: Path, model: type[View], display_root: str
) -> tuple[dict[str, View], list[Problem]]:
    """Read ``folder/*.yml`` into ``model``; the id must equal the file name."""
    views: dict[str, View] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yml")):
        view, found = _load_view(path, model, f"{display_root}/{path.name}")
        problems += found
        if view is not None:
            views[view.id] = view
    return views, problems
