"""Field types shared by the data models: slugs, https URLs, bilingual text, documented fields."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, JsonValue
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def doc(en: str, de: str, example: Any = None, **kwargs: Any) -> Any:
    """A model field documented in both languages (the staff field reference shows both)."""
    extra: dict[str, JsonValue] = {"description_de": de}
    examples = [example] if example is not None else None
    return Field(description=en, examples=examples, json_schema_extra=extra, **kwargs)


def _https_only(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc or " " in value:
        raise PydanticCustomError(
            "https_url",
            "expected a web address starting with https://",
            {"hint": "only https:// addresses are allowed (no http:, javascript: or data:)"},
        )
    return value


Slug = Annotated[str, Field(pattern=SLUG_PATTERN, min_length=2, max_length=64)]
HttpsUrl = Annotated[str, AfterValidator(_https_only)]


class Strict(BaseModel):
    """Base for data models: unknown keys are errors and loaded data cannot be changed."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """Visitor-facing text. English may be left out only while the entity says
    `translation: pending`; the loader reports it otherwise."""

    de: str = doc("German text.", "Deutscher Text.", min_length=1)
    en: str | None = doc("English text.", "Englischer Text.", default=None, min_length=1)

    def get(self, lang: str) -> str:
        return (self.en if lang == "en" else None) or self.de


class TextList(Strict):
    """Short phrases in both languages (English may wait for `translation: pending`)."""

    de: list[Annotated[str, Field(min_length=1, max_length=120)]] = doc(
        "German phrases.", "Deutsche Stichpunkte.", min_length=1
    )
    en: list[Annotated[str, Field(min_length=1, max_length=120)]] | None = doc(
        "English phrases.", "Englische Stichpunkte.", default=None
    )

    def get(self, lang: str) -> list[str]:
        return (self.en if lang == "en" else None) or self.de
