"""The data models of data/: one declaration per entity kind, used for validation, the JSON
Schemas in schemas/ and the staff field reference. Cross-file rules (references, ids, English
text) are checked by saxonyhub.datastore, which knows every file."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import EmailStr, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .fields import HttpsUrl, Slug, Strict, Text, TextList, doc
from .i18n import LocalizedText

TranslationState = Literal["pending"]


class Coordinates(Strict):
    lat: float = doc("Latitude (WGS84).", "Geografische Breite (WGS84).", 51.0504, ge=-90, le=90)
    lon: float = doc("Longitude (WGS84).", "Geografische Länge (WGS84).", 13.7373, ge=-180, le=180)
    precision: Literal["city", "site"] = doc(
        "'site' for the building, 'city' for the city centre when no source gives the site.",
        "'site' für das Gebäude, 'city' für die Stadtmitte, wenn keine Quelle den Standort nennt.",
        "city",
    )


class Address(Strict):
    street: str = doc("Street and number.", "Straße und Hausnummer.", "Musterstraße 1")
    postcode: str = doc("German postcode.", "Postleitzahl.", "01069", pattern=r"^\d{5}$")


class Organisation(Strict):
    """A research institute, hospital, university, company, park or agency in the region."""

    id: Slug = doc(
        "Equals the file name without .yml.", "Gleich dem Dateinamen ohne .yml.", "ifw-dresden"
    )
    name: str = doc(
        "Official name.",
        "Offizieller Name.",
        "Technische Universität Dresden",
        min_length=2,
        max_length=160,
    )
    name_en: str | None = doc(
        "Official English name, only where the organisation uses one; English pages show it.",
        "Offizieller englischer Name, nur wenn die Organisation einen führt; englische Seiten "
        "zeigen ihn.",
        "Max Planck Institute of Molecular Cell Biology and Genetics",
        default=None,
        min_length=2,
        max_length=160,
    )
    short_name: str | None = doc(
        "Common short name.", "Gebräuchliche Kurzform.", "TUD", default=None
    )
    type: Slug = doc(
        "Organisation type id from taxonomy.yml.", "Typ-ID aus taxonomy.yml.", "university"
    )
    roles: list[Slug] = doc(
        "Company role ids from taxonomy.yml (company_roles); only for type 'company'.",
        "Unternehmensrollen-IDs aus taxonomy.yml (company_roles); nur für Typ 'company'.",
        ["manufacturer", "supplier"],
        default_factory=list,
    )
    summary: Text = doc(
        "One or two sentences (max. 300 characters per language).",
        "Ein bis zwei Sätze (höchstens 300 Zeichen je Sprache).",
    )
    profile: Text = doc(
        "Longer profile; paragraphs, **bold**, *italic*, lists and https links.",
        "Ausführliches Profil; Absätze, **fett**, *kursiv*, Listen und https-Links.",
    )
    technologies: list[Slug] = doc(
        "Technology or sub-field ids from taxonomy.yml.",
        "Technologie- oder Teilgebiets-IDs aus taxonomy.yml.",
        ["materials-science"],
        min_length=1,
    )
    competences: TextList = doc(
        "Key competences as short phrases.", "Kernkompetenzen als Stichpunkte."
    )
    offers: TextList | None = doc(
        "What partners can get (only if a source says so).",
        "Angebote für Partner (nur mit Quelle).",
        default=None,
    )
    product_areas: TextList | None = doc(
        "Product areas or device classes (only if a source states them).",
        "Produktbereiche oder Geräteklassen (nur mit Quelle).",
        default=None,
    )
    target_groups: list[Slug] = doc(
        "Target group ids from taxonomy.yml.",
        "Zielgruppen-IDs aus taxonomy.yml.",
        ["research", "smes"],
        default_factory=list,
    )
    region: Slug = doc("Region id (data/regions/).", "Regions-ID (data/regions/).", "dresden")
    city: str = doc("City.", "Ort.", "Dresden", min_length=2)
    address: Address | None = doc(
        "Postal address, only if a source states it.",
        "Postanschrift, nur mit Quelle.",
        default=None,
    )
    coordinates: Coordinates = doc("Position on the map.", "Position auf der Karte.")
    website: HttpsUrl | None = doc(
        "Website (https).", "Website (https).", "https://tu-dresden.de", default=None
    )
    founded: int | None = doc(
        "Year founded (only if sourced).",
        "Gründungsjahr (nur mit Quelle).",
        1991,
        default=None,
        ge=1400,
        le=2100,
    )
    size: Text | None = doc(
        "Size with year, e.g. 'about 600 staff (2023)'.",
        "Größe mit Jahr, z. B. „rund 600 Beschäftigte (2023)“.",
        default=None,
    )
    languages: list[Literal["de", "en", "fr", "pl", "cs", "es", "it", "ru", "zh"]] = doc(
        "Languages spoken with partners (ISO codes).",
        "Arbeitssprachen (ISO-Codes).",
        ["de", "en"],
        default_factory=list,
    )
    certifications: list[str] = doc(
        "Certifications, e.g. ISO 13485 (only if sourced).",
        "Zertifizierungen, z. B. ISO 13485 (nur mit Quelle).",
        ["ISO 13485"],
        default_factory=list,
    )
    contact: Slug | None = doc(
        "Contact id (data/contacts/).",
        "Kontakt-ID (data/contacts/).",
        "cluster-office",
        default=None,
    )
    sources: list[HttpsUrl] = doc(
        "Web pages the entry is based on.",
        "Quellen, auf denen der Eintrag beruht.",
        ["https://www.example.org/about"],
        min_length=1,
    )
    verified: dt.date = doc(
        "Date the entry was last checked against its sources.",
        "Datum der letzten Prüfung gegen die Quellen.",
        "2026-11-23",
    )
    draft: bool = doc(
        "Drafts are validated but not published.",
        "Entwürfe werden geprüft, aber nicht veröffentlicht.",
        False,
        default=False,
    )
    translation: TranslationState | None = doc(
        "'pending' while English texts are missing; English pages then show the German text.",
        "'pending', solange englische Texte fehlen; englische Seiten zeigen dann den "
        "deutschen Text.",
        "pending",
        default=None,
    )


class Service(Strict):
    """Something the cluster offers: for whom, in what format, at what cost, and whom to ask."""

    id: Slug = doc(
        "Equals the file name without .yml.",
        "Gleich dem Dateinamen ohne .yml.",
        "regulatory-market-access",
    )
    title: Text = doc("Name of the service.", "Name des Angebots.")
    summary: Text = doc("One or two sentences.", "Ein bis zwei Sätze.")
    description: Text = doc(
        "What it is and how it works (Markdown subset).", "Beschreibung (Markdown-Teilmenge)."
    )
    category: Slug = doc(
        "Service category id from taxonomy.yml.", "Kategorie-ID aus taxonomy.yml.", "regulatory"
    )
    target_groups: list[Slug] = doc("Target group ids.", "Zielgruppen-IDs.", ["smes"], min_length=1)
    format: Slug = doc(
        "Format id from taxonomy.yml (consulting, matchmaking, …).",
        "Format-ID aus taxonomy.yml (Beratung, Matchmaking, …).",
        "consulting",
    )
    cost: Text = doc(
        "Cost in words; never a price nobody published.",
        "Kosten in Worten; keine erfundenen Preise.",
    )
    contact: Slug = doc("Contact id.", "Kontakt-ID.", "cluster-office")
    provider: Slug | None = doc(
        "Organisation id of whoever delivers the service, if not the cluster office; its "
        "profile is linked and its contact shown, the cluster office remains the fallback.",
        "Organisations-ID des Anbieters, wenn nicht die Geschäftsstelle; sein Profil wird "
        "verlinkt und sein Kontakt gezeigt, die Geschäftsstelle bleibt Rückfallkontakt.",
        "wirtschaftsfoerderung-sachsen",
        default=None,
    )
    related_services: list[Slug] = doc(
        "Ids of related services.", "IDs verwandter Angebote.", [], default_factory=list
    )
    guides: list[Slug] = doc(
        "Guide page ids (file names in docs/*/guides/).",
        "Leitfaden-IDs.",
        ["mdr-overview"],
        default_factory=list,
    )
    technologies: list[Slug] = doc("Technology ids.", "Technologie-IDs.", [], default_factory=list)
    sources: list[HttpsUrl] = doc("Sources.", "Quellen.", default_factory=list)
    draft: bool = doc(
        "Not published while true.", "Wird nicht veröffentlicht, solange true.", default=False
    )
    translation: TranslationState | None = doc(
        "'pending' while English is missing.", "'pending', solange Englisch fehlt.", default=None
    )


class KeyFact(Strict):
    label: Text = doc("What the figure is.", "Was die Zahl beschreibt.")
    value: Text = doc("The figure in words.", "Die Zahl in Worten.")
    year: int = doc("Year the figure refers to.", "Bezugsjahr.", 2022, ge=1900, le=2100)
    source: HttpsUrl = doc("Source of the figure.", "Quelle der Zahl.")


class BoundingBox(Strict):
    min_lat: float = doc("Southern edge.", "Südrand.", 50.9)
    min_lon: float = doc("Western edge.", "Westrand.", 13.5)
    max_lat: float = doc("Northern edge.", "Nordrand.", 51.2)
    max_lon: float = doc("Eastern edge.", "Ostrand.", 14.0)

    @model_validator(mode="after")
    def _ordered(self) -> BoundingBox:
        if self.min_lat >= self.max_lat or self.min_lon >= self.max_lon:
            raise ValueError("min_lat/min_lon must be smaller than max_lat/max_lon")
        return self

    def contains(self, lat: float, lon: float) -> bool:
        return self.min_lat <= lat <= self.max_lat and self.min_lon <= lon <= self.max_lon


class Region(Strict):
    """A city region of the cluster: Dresden, Leipzig or Chemnitz."""

    id: Slug = doc("Equals the file name.", "Gleich dem Dateinamen.", "leipzig")
    name: Text = doc("Name.", "Name.")
    kind: Literal["city", "district", "state"] = doc("Kind of region.", "Art der Region.", "city")
    summary: Text = doc("One or two sentences.", "Ein bis zwei Sätze.")
    description: Text = doc(
        "For foreign firms first (Markdown subset).", "Zuerst für ausländische Firmen."
    )
    key_facts: list[KeyFact] = doc(
        "Sourced key figures.", "Belegte Kennzahlen.", default_factory=list
    )
    settling_contacts: list[Slug] = doc(
        "Contact ids for firms settling here.",
        "Kontakte für Ansiedlung.",
        ["cluster-office"],
        default_factory=list,
    )
    bbox: BoundingBox = doc(
        "Map area; organisations of the region must lie inside.",
        "Kartenausschnitt; Organisationen der Region müssen darin liegen.",
    )
    translation: TranslationState | None = doc(
        "'pending' while English is missing.", "'pending', solange Englisch fehlt.", default=None
    )


class Event(Strict):
    """A dated event such as the bionection conference."""

    id: Slug = doc("Equals the file name.", "Gleich dem Dateinamen.", "bionection-2018")
    title: Text = doc("Title.", "Titel.")
    kind: Literal["conference", "partnering", "workshop", "fair", "webinar"] = doc(
        "Kind of event.", "Art der Veranstaltung.", "conference"
    )
    start: dt.date = doc("First day.", "Erster Tag.", "2018-10-24")
    end: dt.date | None = doc(
        "Last day (not before start).",
        "Letzter Tag (nicht vor dem Start).",
        "2018-10-25",
        default=None,
    )
    venue: str | None = doc(
        "Venue, only if sourced.", "Veranstaltungsort, nur mit Quelle.", default=None
    )
    city: str = doc("City.", "Ort.", "Dresden")
    region: Slug | None = doc("Region id.", "Regions-ID.", "dresden", default=None)
    description: Text = doc("What happens there (Markdown subset).", "Was dort geschieht.")
    organiser: Slug | None = doc(
        "Organisation id of the organiser, when it has a profile in data/organisations/.",
        "Organisations-ID des Veranstalters, wenn er ein Profil in data/organisations/ hat.",
        "biosaxony",
        default=None,
    )
    organiser_name: str | None = doc(
        "Name of an organiser without a profile here (instead of 'organiser').",
        "Name eines Veranstalters ohne Profil hier (statt 'organiser').",
        "EBD Group",
        default=None,
        min_length=2,
        max_length=160,
    )
    co_hosts: list[Slug] = doc(
        "Organisation ids of co-hosts with a profile here.",
        "Organisations-IDs von Mitveranstaltern mit Profil hier.",
        ["biosaxony"],
        default_factory=list,
    )
    co_host_names: list[str] = doc(
        "Names of co-hosts without a profile here.",
        "Namen von Mitveranstaltern ohne Profil hier.",
        ["Stadt Leipzig"],
        default_factory=list,
    )
    url: HttpsUrl | None = doc("Event website.", "Website der Veranstaltung.", default=None)
    sources: list[HttpsUrl] = doc("Sources for dates and facts.", "Quellen.", min_length=1)
    draft: bool = doc(
        "Not published while true.", "Wird nicht veröffentlicht, solange true.", default=False
    )
    translation: TranslationState | None = doc(
        "'pending' while English is missing.", "'pending', solange Englisch fehlt.", default=None
    )

    @field_validator("end")
    @classmethod
    def _end_not_before_start(cls, end: dt.date | None, info: ValidationInfo) -> dt.date | None:
        # A field validator (not a model validator), so the message points at the 'end:' line.
        start = info.data.get("start")
        if end is not None and start is not None and end < start:
            raise PydanticCustomError(
                "end_before_start",
                "end {end} is before start {start}",
                {
                    "end": str(end),
                    "start": str(start),
                    "hint": "a one-day event has the same date in both, or no 'end:'",
                },
            )
        return end

    @model_validator(mode="after")
    def _one_organiser(self) -> Event:
        if (self.organiser is None) == (self.organiser_name is None):
            raise PydanticCustomError(
                "one_organiser",
                "give exactly one of 'organiser' and 'organiser_name'",
                {"hint": "'organiser: <id>' for an organisation with a profile, else its name"},
            )
        return self


class Contact(Strict):
    """A role-based contact (a desk or office, never a private person)."""

    id: Slug = doc("Equals the file name.", "Gleich dem Dateinamen.", "cluster-office")
    role: LocalizedText = doc("Role in both languages.", "Funktion in beiden Sprachen.")
    email: EmailStr = doc(
        "Published role address.", "Veröffentlichte Funktionsadresse.", "marketing@biosaxony.com"
    )
    phone: str | None = doc(
        "International format.",
        "Internationales Format.",
        "+49 351 7965106",
        default=None,
        pattern=r"^\+[0-9 ]{6,20}$",
    )
    organisation: Slug = doc("Organisation id.", "Organisations-ID.", "biosaxony")
    sources: list[HttpsUrl] = doc(
        "Where the contact was published.",
        "Wo der Kontakt veröffentlicht ist.",
        default_factory=list,
    )


class Term(Strict):
    id: Slug = doc("Unique id.", "Eindeutige ID.", "smes")
    label: LocalizedText = doc("Label in both languages.", "Bezeichnung in beiden Sprachen.")


class TechnologyField(Term):
    pass


class Technology(Term):
    description: LocalizedText = doc("One sentence per language.", "Ein Satz je Sprache.")
    fields: list[TechnologyField] = doc("Sub-fields.", "Teilgebiete.", default_factory=list)


class CityName(Strict):
    """The English name of a city whose German name English readers would not expect."""

    de: str = doc(
        "Official German name, exactly as written in 'city:' fields.",
        "Amtlicher deutscher Name, genau wie in 'city:'-Feldern geschrieben.",
        "München",
        min_length=2,
    )
    en: str = doc(
        "Name shown on English pages (the English exonym).",
        "Name auf englischen Seiten (die englische Namensform).",
        "Munich",
        min_length=2,
    )


class Taxonomy(Strict):
    """Shared vocabularies that organisations, services and events refer to."""

    technologies: list[Technology] = Field(min_length=1)
    organisation_types: list[Term] = Field(min_length=1)
    target_groups: list[Term] = Field(min_length=1)
    service_categories: list[Term] = Field(min_length=1)
    service_formats: list[Term] = Field(min_length=1)
    company_roles: list[Term] = Field(default_factory=list)
    city_names: list[CityName] = doc(
        "English names of cities, only where English differs (München → Munich); every other "
        "city is shown as written. Addresses in JSON-LD keep the official German name.",
        "Englische Städtenamen, nur wo das Englische abweicht (München → Munich); alle anderen "
        "Orte erscheinen wie geschrieben. Adressen im JSON-LD behalten den amtlichen Namen.",
        default_factory=list,
    )

    def city(self, name: str, lang: str) -> str:
        """A city's name in a page language: its English name where one is listed."""
        if lang == "en":
            return next((c.en for c in self.city_names if c.de == name), name)
        return name
