"""Rows of the staff field reference, read from the data models themselves."""

from __future__ import annotations

import builtins
import datetime as dt
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .fields import Text, TextList
from .i18n import LocalizedText

_TYPE_NAMES = {
    str: ("Text", "text"),
    int: ("Ganzzahl", "whole number"),
    float: ("Zahl", "number"),
    bool: ("true/false", "true/false"),
    dt.date: ("Datum (JJJJ-MM-TT)", "date (YYYY-MM-DD)"),
    Text: ("Text de/en", "text de/en"),
    LocalizedText: ("Text de/en", "text de/en"),
    TextList: ("Stichpunkte de/en", "phrases de/en"),
}


@dataclass(frozen=True)
class FieldRow:
    name: str
    type: str
    required: bool
    meaning: str
    example: str
    nested: builtins.type[BaseModel] | None  # `type` alone would be the field above


def type_name(annotation: Any, lang: str) -> str:
    """A reader-friendly name for a field's type in the given language."""
    index = 0 if lang == "de" else 1
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin in (typing.Union, types.UnionType):
        return type_name(args[0], lang)
    if origin is typing.Annotated:
        metadata = " ".join(str(m) for m in annotation.__metadata__)
        if "https" in metadata:
            return "https-Adresse" if lang == "de" else "https address"
        if "pattern" in metadata:
            return "ID (a-z, 0-9, -)"
        return type_name(args[0], lang)
    if origin is list:
        inner = type_name(args[0], lang)
        return f"Liste: {inner}" if lang == "de" else f"list of {inner}"
    if origin is Literal:
        choices = ", ".join(str(a) for a in typing.get_args(annotation))
        return f"eins von: {choices}" if lang == "de" else f"one of: {choices}"
    if annotation in _TYPE_NAMES:
        return _TYPE_NAMES[annotation][index]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "Abschnitt (siehe unten)" if lang == "de" else "section (see below)"
    return "E-Mail" if "Email" in str(annotation) else str(annotation)


def _nested(annotation: Any) -> type[BaseModel] | None:
    """The sub-model a field holds (directly, optionally or in a list), if it has its own table."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return None if annotation in (Text, TextList, LocalizedText) else annotation
    for argument in typing.get_args(annotation):
        found = _nested(argument)
        if found:
            return found
    return None


def field_rows(model: type[BaseModel], lang: str) -> list[FieldRow]:
    """One row per field of ``model``: name, type, required, meaning and example."""
    return [_row(name, info, lang) for name, info in model.model_fields.items()]


def _row(name: str, info: FieldInfo, lang: str) -> FieldRow:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    meaning = str(extra.get("description_de", "")) if lang == "de" else (info.description or "")
    example = info.examples[0] if info.examples else ""
    return FieldRow(
        info.alias or name,
        _field_type(info, lang),
        info.is_required(),
        meaning or (info.description or ""),
        _example_text(example),
        _nested(info.annotation),
    )


def _field_type(info: FieldInfo, lang: str) -> str:
    # pydantic moves Annotated constraints (slug pattern, https check) into info.metadata.
    metadata = " ".join(str(m) for m in info.metadata)
    if "_https_only" in metadata:
        return "https-Adresse" if lang == "de" else "https address"
    if "pattern" in metadata and info.annotation is str:
        return "ID (a-z, 0-9, -)"
    return type_name(info.annotation, lang)


def _example_text(example: Any) -> str:
    if isinstance(example, list):
        return "[" + ", ".join(str(e) for e in example) + "]"
    return "" if example in (None, "") else str(example)
