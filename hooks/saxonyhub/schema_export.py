"""JSON Schemas for editors, generated from the same models that validate the build."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .acts import LegalActs
from .decision_tools import DecisionTool
from .entities import Contact, Event, Organisation, Region, Service, Taxonomy
from .glossary import Glossary
from .i18n import Labels
from .operator import Operator
from .page_meta import PageMeta

MODELS: dict[str, type[BaseModel]] = {
    "page": PageMeta,
    "labels": Labels,
    "operator": Operator,
    "organisation": Organisation,
    "service": Service,
    "region": Region,
    "event": Event,
    "contact": Contact,
    "taxonomy": Taxonomy,
    "legal_acts": LegalActs,
    "glossary": Glossary,
    "decision_tool": DecisionTool,
}


def all_schemas() -> dict[str, dict[str, Any]]:
    """Schema per kind, named after the file it describes (``schemas/<kind>.schema.json``)."""
    schemas = {}
    for name, model in MODELS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schemas[name] = schema
    return schemas
