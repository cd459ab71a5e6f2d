"""schema.org structured data (JSON-LD) for organisation and event pages, as plain dicts."""

from __future__ import annotations

from typing import Any

from .entities import Event, Organisation
from .names import display_name
from .plaintext import markdown_to_plain


def organisation_jsonld(org: Organisation, lang: str, url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": url,
        "name": display_name(org, lang),
        "description": org.summary.get(lang),
        "url": org.website or url,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": org.city,  # the official name in both languages, as for events
            "addressRegion": "Sachsen",
            "addressCountry": "DE",
        },
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": org.coordinates.lat,
            "longitude": org.coordinates.lon,
        },
    }
    # The other official name and the short name, each once and never equal to "name".
    names = (org.name, org.name_en, org.short_name)
    alternates = list(dict.fromkeys(n for n in names if n and n != data["name"]))
    if alternates:
        data["alternateName"] = alternates[0] if len(alternates) == 1 else alternates
    if org.founded:
        data["foundingDate"] = str(org.founded)
    if org.address:
        data["address"]["streetAddress"] = org.address.street
        data["address"]["postalCode"] = org.address.postcode
    return data


def event_jsonld(
    event: Event, lang: str, url: str, organiser: Organisation | None, city: str | None = None
) -> dict[str, Any]:
    """``city`` is the city's name in ``lang`` (taxonomy ``city_names``): it names a place
    without a venue. The postal address keeps the official name, which postal services and
    geocoders use, so both language versions describe the same address."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "name": event.title.get(lang),
        "description": markdown_to_plain(event.description.get(lang)),
        "startDate": event.start.isoformat(),
        "endDate": (event.end or event.start).isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": event.venue or city or event.city,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": event.city,
                "addressCountry": "DE",
            },
        },
        "organizer": {
            "@type": "Organization",
            "name": display_name(organiser, lang) if organiser else event.organiser_name,
            "url": (organiser.website if organiser else None) or event.url or url,
        },
        "url": event.url or url,
    }
    return data
