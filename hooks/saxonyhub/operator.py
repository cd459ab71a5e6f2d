"""The site operator's details for the Impressum (§ 5 DDG) and the privacy notice."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, EmailStr, Field, HttpUrl

from .i18n import LocalizedText
from .problems import Problem
from .validation import load_model


class Address(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    street: str | None = Field(None, description="Street and number.")
    postcode: str | None = Field(None, pattern=r"^\d{5}$", description="German postcode.")
    city: str = Field(description="City.", examples=["Dresden"])
    country: LocalizedText = Field(description="Country name in both languages.")


class Operator(BaseModel):
    """Who runs the site. Fields the operator has not supplied stay empty and are never invented."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(description="Legal name of the operator.", examples=["biosaxony e.V."])
    legal_form: LocalizedText | None = Field(None, description="Legal form in words.")
    address: Address
    phone: str | None = Field(
        None, pattern=r"^\+[0-9 ]{6,20}$", description="Phone, international form."
    )
    email: EmailStr | None = None
    website: HttpUrl | None = None
    representatives: list[str] | None = Field(
        None, description="Persons authorised to represent the operator."
    )
    register_court: str | None = Field(
        None, description="Register court, e.g. Amtsgericht Dresden."
    )
    register_number: str | None = Field(None, description="Register number, e.g. VR 1234.")
    vat_id: str | None = Field(None, pattern=r"^DE\d{9}$", description="VAT identification number.")
    content_responsible: str | None = Field(
        None, description="Person responsible for content (§ 18 MStV)."
    )
    hosting: LocalizedText | None = Field(
        None, description="Who hosts the site and what its server logs hold."
    )
    source: HttpUrl = Field(description="Where the operator published these details.")


_IMPRESSUM_FIELDS = (
    "address.street",
    "address.postcode",
    "representatives",
    "register_court",
    "register_number",
    "vat_id",
    "content_responsible",
    "hosting",
)


def missing_fields(operator: Operator) -> list[str]:
    """Impressum fields the operator has not supplied (listed as notices, never invented)."""
    missing = []
    for dotted in _IMPRESSUM_FIELDS:
        value: object = operator
        for part in dotted.split("."):
            value = getattr(value, part)
        if value in (None, [], ""):
            missing.append(dotted)
    return missing


def load_operator(path: Path, display_name: str) -> tuple[Operator | None, list[Problem]]:
    operator, problems = load_model(path, display_name, Operator)
    if operator is None:
        return None, problems
    notices = [
        Problem(
            display_name,
            0,
            0,
            field,
            "not supplied by the operator; the Impressum omits it",
            "add it once the operator provides it",
            severity="notice",
        )
        for field in missing_fields(operator)
    ]
    return operator, notices
