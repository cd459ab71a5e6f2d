"""How an organisation is named on a page: its English name on English pages where it has one,
and a title that adds the short name only when the name does not already contain it."""

from __future__ import annotations

from typing import Any


def display_name(org: Any, lang: str) -> str:
    """The official name in the page's language: ``name_en`` on English pages, else ``name``."""
    return str((org.name_en if lang == "en" else None) or org.name)


def title(org: Any, lang: str) -> str:
    """The name with the short name in brackets, unless that would repeat it.

    No brackets when the short name is part of the name ('leap:up GmbH', not 'leap:up GmbH
    (leap:up)') or the name already carries its abbreviation in brackets ('… (DZNE), Standort
    Dresden', which would otherwise get a second pair).
    """
    name = display_name(org, lang)
    short = org.short_name
    if not short or short.casefold() in name.casefold() or "(" in name:
        return name
    return f"{name} ({short})"


def place(city: str, region_name: str) -> list[str]:
    """The parts of a location line: the city, then the region unless it has the same name."""
    return [city] if city.casefold() == region_name.casefold() else [city, region_name]
