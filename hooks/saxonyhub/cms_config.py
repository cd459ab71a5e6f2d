"""The web editor's configuration (Decap CMS config.yml), generated from the data models.

Every collection is derived from the JSON Schema of its pydantic model (saxonyhub.schema_export),
so labels, hints, required fields, patterns and choices follow the same declaration that validates
the build. References become select widgets (taxonomy ids, with the German label) or relation
widgets (organisations, contacts, regions, services, guides). Texts with German and English
(`{de, en}`) are objects with a German and an English field; a Markdown page opens with its
counterpart side by side (docs/de/guides/x.md + docs/en/guides/x.md; see page_pair_collection).
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Any

from .datastore import ENTITY_KINDS, MARKDOWN_FIELDS, REFERENCES
from .entities import Taxonomy
from .fields import SLUG_PATTERN
from .glossary import Glossary
from .page_meta import PageMeta

# Select options per taxonomy section (taxonomy_options).
Options = dict[str, list[dict[str, str]]]

# decap-server's port for `make cms` (Decap's default).
LOCAL_PORT = 8081
# Placeholder until the build knows the repository (REPO_URL).
REPO_PLACEHOLDER = "ORG/REPO"

# German field labels; the hint below each field is the model's German field doc.
LABELS = {
    "id": "ID (Dateiname)",
    "name": "Name",
    "name_en": "Englischer Name",
    "short_name": "Kurzname",
    "type": "Typ",
    "roles": "Unternehmensrollen",
    "summary": "Kurzbeschreibung",
    "profile": "Profil",
    "technologies": "Technologien",
    "competences": "Kompetenzen",
    "offers": "Angebote",
    "product_areas": "Produktbereiche",
    "target_groups": "Zielgruppen",
    "region": "Region",
    "city": "Ort",
    "address": "Adresse",
    "street": "Straße",
    "postcode": "PLZ",
    "coordinates": "Koordinaten",
    "lat": "Breite",
    "lon": "Länge",
    "precision": "Genauigkeit",
    "website": "Website",
    "founded": "Gründungsjahr",
    "size": "Größe",
    "languages": "Sprachen",
    "certifications": "Zertifizierungen",
    "contact": "Kontakt",
    "sources": "Quellen",
    "verified": "Geprüft am",
    "draft": "Entwurf",
    "translation": "Übersetzung",
    "title": "Titel",
    "description": "Beschreibung",
    "category": "Kategorie",
    "format": "Format",
    "cost": "Kosten",
    "related_services": "Verwandte Angebote",
    "guides": "Leitfäden",
    "kind": "Art",
    "key_facts": "Kennzahlen",
    "label": "Bezeichnung",
    "value": "Wert",
    "year": "Jahr",
    "source": "Quelle",
    "settling_contacts": "Ansiedlungskontakte",
    "bbox": "Kartenausschnitt",
    "min_lat": "Südrand",
    "min_lon": "Westrand",
    "max_lat": "Nordrand",
    "max_lon": "Ostrand",
    "start": "Beginn",
    "end": "Ende",
    "venue": "Veranstaltungsort",
    "organiser": "Veranstalter",
    "organiser_name": "Veranstalter (ohne Profil)",
    "co_hosts": "Mitveranstalter",
    "co_host_names": "Mitveranstalter (ohne Profil)",
    "provider": "Anbieter",
    "url": "Website",
    "role": "Funktion",
    "email": "E-Mail",
    "phone": "Telefon",
    "organisation": "Organisation",
    "terms": "Begriffe",
    "abbr": "Abkürzung",
    "term": "Begriff",
    "definition": "Definition",
    "see_also": "Siehe auch",
    "date": "Datum",
    "review": "Prüfung",
    "owner": "Verantwortlich",
    "last_reviewed": "Zuletzt geprüft",
    "interval_months": "Prüfintervall (Monate)",
    "services": "Angebote",
    "body": "Text",
    "de": "Deutsch",
    "en": "English",
}

COLLECTION_LABELS = {
    "organisations": ("Organisationen", "Organisation"),
    "services": ("Angebote", "Angebot"),
    "events": ("Veranstaltungen", "Veranstaltung"),
    "contacts": ("Kontakte", "Kontakt"),
    "regions": ("Regionen", "Region"),
}
# What the list says above the entries (the models' docstrings are English).
COLLECTION_DESCRIPTIONS = {
    "organisations": "Forschungseinrichtungen, Kliniken, Hochschulen, Unternehmen, Parks und "
    "Agenturen der Region, eine Datei je Organisation.",
    "services": "Was der Cluster anbietet: für wen, in welchem Format, zu welchen Kosten, "
    "wer ansprechbar ist.",
    "events": "Veranstaltungen mit Datum, etwa die bionection.",
    "contacts": "Ansprechstellen (ein Büro oder eine Funktion, nie eine Privatperson).",
    "regions": "Die Regionen des Clusters: Dresden, Leipzig und Chemnitz.",
}
# What the entry list shows per entry.
SUMMARIES = {
    "organisations": "{{name}} ({{id}})",
    "services": "{{title.de}} ({{id}})",
    "events": "{{start}} – {{title.de}}",
    "contacts": "{{role.de}} ({{id}})",
    "regions": "{{name.de}}",
}
# Entity kinds staff may create in the editor (regions are few and set up by the web team).
CREATABLE = frozenset({"organisations", "services", "events", "contacts"})
# Relation widgets: the collection's id field and the field shown in the choice list.
RELATION_DISPLAY = {
    "organisations": "name",
    "contacts": "role.de",
    "regions": "name.de",
    "services": "title.de",
}
# Front-matter keys the editor leaves alone (layout, search and translation bookkeeping).
PAGE_SKIPPED = frozenset({"template", "hide", "search", "robots", "translation"})
# German hints for front-matter keys (PageMeta documents them in English only).
PAGE_HINTS = {
    "title": "Seitentitel in der Sprache der Seite (3–120 Zeichen).",
    "description": "Ein bis zwei Sätze für Suchmaschinen und Vorschauen (20–200 Zeichen).",
    "date": "Erscheinungsdatum der Meldung.",
    "review": "Wann die Seite zuletzt fachlich geprüft wurde, von wem, wie oft.",
    "owner": "Kontakt-ID der verantwortlichen Stelle (data/contacts/).",
    "last_reviewed": "Datum der letzten vollständigen Prüfung.",
    "interval_months": "Monate bis zur nächsten Prüfung.",
    "services": "IDs passender Angebote des Clusters.",
    "draft": "Entwürfe werden geprüft, aber nicht veröffentlicht.",
}
PAGE_REFERENCES = {"owner": "contacts", "services": "services"}
# Front-matter keys a page and its counterpart share (Decap's i18n "duplicate").
SHARED_PAGE_FIELDS = frozenset({"date"})
# What the editor says when a pattern does not match: words, not the regular expression
# (first-time walkthrough, tools/cms/README.md). Other patterns name themselves.
PATTERN_MESSAGES = {
    SLUG_PATTERN: "Nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche, z. B. "
    "fraunhofer-iws (ä als ae, ö als oe, ü als ue, ß als ss).",
    r"^\+[0-9 ]{6,20}$": "Internationale Schreibweise mit Leerzeichen, z. B. +49 351 4632000.",
    r"^\d{5}$": "Fünfstellige Postleitzahl, z. B. 01069.",
}
# Rules across fields (model validators) that a single field's hint must name, or staff meet
# them only in the pull request's checks (walkthrough, tools/cms/README.md).
RULE_HINTS = {
    ("events", "organiser"): "Genau eines ausfüllen: Veranstalter mit Profil hier oder "
    "„Veranstalter (ohne Profil)“.",
    ("events", "organiser_name"): "Genau eines ausfüllen: dieses Feld oder „Veranstalter“ "
    "(Organisation mit Profil hier).",
}
# German names of the closed sets in the models (field -> value -> label), for select widgets.
ENUM_LABELS = {
    "kind": {
        "conference": "Konferenz",
        "partnering": "Partnering",
        "workshop": "Workshop",
        "fair": "Messe",
        "webinar": "Webinar",
        "city": "Kreisfreie Stadt",
        "district": "Landkreis",
        "state": "Land",
    },
    "precision": {"city": "Stadtmitte", "site": "Gebäude"},
    "translation": {"pending": "Englisch fehlt noch"},
    "languages": {
        "de": "Deutsch",
        "en": "Englisch",
        "fr": "Französisch",
        "pl": "Polnisch",
        "cs": "Tschechisch",
        "es": "Spanisch",
        "it": "Italienisch",
        "ru": "Russisch",
        "zh": "Chinesisch",
    },
}
MARKDOWN_HINT = "Markdown-Teilmenge: Absätze, **fett**, *kursiv*, Listen, https-Links."
EN_OPTIONAL_HINT = "Leer lassen nur, solange „Übersetzung“ auf „Englisch fehlt noch“ steht."
DATE_MESSAGE = "Datum als JJJJ-MM-TT, z. B. 2026-11-23."
# The id of a new entry: what to type (the model's doc only says it equals the file name).
ID_HINT = (
    "Kurzname, der Dateiname und Adresse wird, z. B. fraunhofer-iws; "
    "nach dem Anlegen nicht mehr ändern."
)
# Markdown sections edited in the editor: (collection, label, singular, folder in docs/<lang>/).
PAGE_COLLECTIONS = (
    ("news", "Meldungen", "Meldung", "news"),  # "Zurück zu allen Meldungen"
    ("guides", "Leitfäden", "Leitfaden", "guides"),
)
PAGE_DESCRIPTIONS = {
    "news": "Meldungen auf Deutsch und Englisch: Wählen Sie eine Meldung, beide Sprachen öffnen "
    "sich nebeneinander.",
    "guides": "Leitfäden auf Deutsch und Englisch: Wählen Sie einen Leitfaden, beide Sprachen "
    "öffnen sich nebeneinander.",
}
# File names: news items start with their date (docs/de/news/2026-11-23-short-title.md).
PAGE_SLUGS = {"news": "{{fields.date}}-{{slug}}", "guides": "{{slug}}"}
# The site's languages, the default first (docs/de/ at /, docs/en/ under /en/).
LOCALES = ("de", "en")
DEFAULT_LOCALE = LOCALES[0]


def choices(name: str, values: list[Any]) -> list[Any]:
    """Select options of a closed set: German label (value), as taxonomy choices read."""
    labels = ENUM_LABELS.get(name, {})
    if not all(value in labels for value in values):
        return values
    return [{"value": value, "label": f"{labels[value]} ({value})"} for value in values]


def taxonomy_options(taxonomy: Taxonomy) -> dict[str, list[dict[str, str]]]:
    """Select options per taxonomy section: value = id, label = German label (id)."""

    def option(term: Any, prefix: str = "") -> dict[str, str]:
        return {"value": term.id, "label": f"{prefix}{term.label.de} ({term.id})"}

    options: dict[str, list[dict[str, str]]] = {"technologies": []}
    for tech in taxonomy.technologies:
        options["technologies"].append(option(tech))
        options["technologies"] += [option(sub, f"{tech.label.de} › ") for sub in tech.fields]
    for section in (
        "organisation_types",
        "target_groups",
        "service_categories",
        "service_formats",
        "company_roles",
    ):
        options[section] = [option(term) for term in getattr(taxonomy, section)]
    return options


class _Walker:
    """Turns one JSON Schema (with its $defs) into Decap fields."""

    def __init__(
        self, schema: dict[str, Any], references: dict[str, str], options: Options
    ) -> None:
        self.defs = schema.get("$defs", {})
        self.references = references
        self.options = options

    def resolve(self, node: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        """The node without $ref and without the `| None` alternative; whether None is allowed."""
        nullable = False
        if "anyOf" in node:
            kinds = [n for n in node["anyOf"] if n.get("type") != "null"]
            nullable = len(kinds) < len(node["anyOf"])
            node = {**{k: v for k, v in node.items() if k != "anyOf"}, **kinds[0]}
        if "$ref" in node:
            target = self.defs[node["$ref"].rsplit("/", 1)[1]]
            node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return node, nullable

    def fields(
        self, node: dict[str, Any], markdown: AbstractSet[str] = frozenset()
    ) -> list[dict[str, Any]]:
        required = set(node.get("required", []))
        return [
            self.field(name, prop, name in required, name in markdown)
            for name, prop in node.get("properties", {}).items()
        ]

    def field(
        self, name: str, prop: dict[str, Any], required: bool, markdown: bool
    ) -> dict[str, Any]:
        node, nullable = self.resolve(prop)
        out: dict[str, Any] = {"name": name, "label": LABELS.get(name, name)}
        hint = prop.get("description_de") or node.get("description_de") or PAGE_HINTS.get(name)
        if hint:
            out["hint"] = hint
        if not required or nullable:
            out["required"] = False
        out.update(self.widget(name, node, markdown))
        if out.get("pattern", [None, None])[1] == DATE_MESSAGE:
            out["hint"] = f"{hint or ''} {DATE_MESSAGE}".strip()
        if out.get("required") is False and out.get("widget") == "object":
            # Decap checks an empty optional object's parts too; the validation still does. A
            # default would write the object half-filled (review: {interval_months: 12}).
            for child in out["fields"]:
                child["required"] = False
                child.pop("default", None)
        if "default" in prop and prop["default"] not in (None, [], {}):
            out["default"] = prop["default"]
        return out

    def widget(self, name: str, node: dict[str, Any], markdown: bool) -> dict[str, Any]:
        target = self.references.get(name)
        if target is not None:
            return self.reference(target, multiple=node.get("type") == "array", node=node)
        kind = node.get("type")
        props = node.get("properties", {})
        if kind == "object" and set(props) == {"de", "en"}:
            return self.localized(node, markdown)
        if kind == "object":
            return {"widget": "object", "collapsed": False, "fields": self.fields(node)}
        if kind == "array":
            items, _ = self.resolve(node.get("items", {}))
            if items.get("type") == "object":
                return {"widget": "list", "fields": self.fields(items)}
            if "enum" in items:
                options = choices(name, items["enum"])
                return {"widget": "select", "multiple": True, "options": options}
            return {
                "widget": "list",
                "field": {"name": "item", "label": "Eintrag", **self.scalar(items, name)},
            }
        return self.scalar(node, name)

    def localized(self, node: dict[str, Any], markdown: bool) -> dict[str, Any]:
        """A German and an English field, one above the other (Decap's object widget)."""
        fields = []
        required = set(node.get("required", []))
        for lang in ("de", "en"):
            sub, nullable = self.resolve(node["properties"][lang])
            field: dict[str, Any] = {"name": lang, "label": LABELS[lang]}
            if lang not in required or nullable:
                field["required"] = False
                if lang == "en":  # the rule is the entry's (saxonyhub.validation), not the field's
                    field["hint"] = EN_OPTIONAL_HINT
            if sub.get("type") == "array":
                field.update(
                    {
                        "widget": "list",
                        "field": {"name": "item", "label": "Eintrag", "widget": "string"},
                    }
                )
            else:
                # Plain text areas, also for Markdown: Decap's rich editor rewrites Markdown it
                # does not know (footnotes, [[citations]]), a text area keeps it as typed.
                field["widget"] = "text"
                if markdown:
                    field["hint"] = " ".join([MARKDOWN_HINT, field.get("hint", "")]).strip()
            fields.append(field)
        return {
            "widget": "object",
            "collapsed": False,
            "fields": fields,
        }

    def scalar(self, node: dict[str, Any], name: str = "") -> dict[str, Any]:
        kind = node.get("type")
        if "enum" in node or "const" in node:
            values = node["enum"] if "enum" in node else [node["const"]]
            return {"widget": "select", "options": choices(name, values)}
        if kind == "boolean":
            return {"widget": "boolean"}
        if kind in ("integer", "number"):
            out: dict[str, Any] = {
                "widget": "number",
                "value_type": "int" if kind == "integer" else "float",
            }
            for key, decap in (("minimum", "min"), ("maximum", "max")):
                if key in node:
                    out[decap] = node[key]
            return out
        if node.get("format") == "date":
            # A checked text field, not Decap's date picker: it writes the date back exactly as
            # read (tests/browser/test_cms.py checks the guide's front matter is unchanged).
            return {"widget": "string", "pattern": [r"^\d{4}-\d{2}-\d{2}$", DATE_MESSAGE]}
        out = {"widget": "string"}
        if "pattern" in node:
            message = PATTERN_MESSAGES.get(node["pattern"], f"Schreibweise: {node['pattern']}")
            out["pattern"] = [node["pattern"], message]
        elif "minLength" in node or "maxLength" in node:
            low, high = node.get("minLength", 0), node.get("maxLength", "")
            out["pattern"] = [f"^[\\s\\S]{{{low},{high}}}$", f"{low} bis {high or '…'} Zeichen."]
        return out

    def reference(self, target: str, multiple: bool, node: dict[str, Any]) -> dict[str, Any]:
        if target in self.options:
            out: dict[str, Any] = {"widget": "select", "options": self.options[target]}
        elif target == "guides":
            out = {
                "widget": "relation",
                "collection": "guides",
                "value_field": "{{slug}}",
                "search_fields": ["title"],
                "display_fields": ["title"],
            }
        else:
            shown = RELATION_DISPLAY[target]
            out = {
                "widget": "relation",
                "collection": target,
                "value_field": "id",
                "search_fields": ["id", shown],
                "display_fields": [shown, "id"],
            }
        if multiple:
            out["multiple"] = True
            if node.get("minItems"):
                out["min"] = node["minItems"]
        return out


def entity_collection(kind: str, options: Options) -> dict[str, Any]:
    model = ENTITY_KINDS[kind]
    references = {field: target for (k, field), target in REFERENCES.items() if k == kind}
    schema = model.model_json_schema()
    fields = _Walker(schema, references, options).fields(schema, MARKDOWN_FIELDS)
    for field in fields:
        if field["name"] == "draft":  # new entries start as drafts, like `make new`
            field["default"] = True
        if field["name"] == "id" and kind in CREATABLE:
            field["hint"] = ID_HINT
        if (kind, field["name"]) in RULE_HINTS:
            field["hint"] = RULE_HINTS[kind, field["name"]]
    label, singular = COLLECTION_LABELS[kind]
    return {
        "name": kind,
        "label": label,
        "label_singular": singular,
        "description": COLLECTION_DESCRIPTIONS[kind],
        "folder": f"data/{kind}",
        "extension": "yml",
        "format": "yml",
        "create": kind in CREATABLE,
        "identifier_field": "id",
        "slug": "{{id}}",
        "summary": SUMMARIES[kind],
        "fields": fields,
    }


def glossary_collection() -> dict[str, Any]:
    schema = Glossary.model_json_schema()
    walker = _Walker(schema, {}, {})
    return {
        "name": "glossary",
        "label": "Glossar",
        "files": [
            {
                "name": "glossary",
                "label": "Glossar (data/glossary.yml)",
                "file": "data/glossary.yml",
                "format": "yml",
                "fields": walker.fields(schema),
            }
        ],
    }


def page_fields(name: str) -> list[dict[str, Any]]:
    """Front matter and body of a page in section ``name`` (the keys staff edit)."""
    schema = PageMeta.model_json_schema()
    schema["properties"] = {k: v for k, v in schema["properties"].items() if k not in PAGE_SKIPPED}
    if name != "news":
        schema["properties"].pop("date")
    fields = _Walker(schema, PAGE_REFERENCES, {}).fields(schema)
    for field in fields:
        if field["name"] == "draft":
            field["default"] = True
        if field["name"] == "date":  # a news item needs it (saxonyhub.news); it starts the name
            field.pop("required", None)
            field["hint"] = f"Erscheinungsdatum, auch Anfang des Dateinamens. {DATE_MESSAGE}"
    fields.append(
        {
            "name": "body",
            "label": LABELS["body"],
            "hint": "Markdown: Überschriften mit ##, Belege als [^fussnote] und [[IVDR Art. 2]].",
            "widget": "text",
        }
    )
    return fields


def page_list_collection(name: str, label: str, singular: str, section: str) -> dict[str, Any]:
    """The list of a section's pages: the German folder, one entry per page (docs/de/<section>/).

    Staff pick a page here; tools/cms/index.html opens it in the two-language editor
    (page_pair_collection), which Decap cannot list itself. Relation widgets choose from here.
    """
    return {
        "name": name,
        "label": label,
        "label_singular": singular,
        "description": PAGE_DESCRIPTIONS[name],
        "folder": f"docs/{DEFAULT_LOCALE}/{section}",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "slug": PAGE_SLUGS[name],
        "fields": page_fields(name),
    }


def page_pair_collection(name: str, label: str, singular: str, section: str) -> dict[str, Any]:
    """A page and its counterpart side by side: docs/de/<section>/<slug>.md + docs/en/....

    Decap's i18n "multiple_folders" inserts the language before the entry's slug; with the
    folder docs/ and the path <section>/{{slug}} the slug is "<section>/<name>", so it writes
    docs/<lang>/<section>/<name>.md (decap-cms-core src/lib/i18n.ts getFilePath). Listing such a
    collection fails, because Decap reads the language from the file's parent folder
    (getLocaleFromPath), hence the hidden collection and page_list_collection.
    """
    fields = [translatable(field) for field in page_fields(name)]
    return {
        "name": pair_name(name),
        "label": label,  # "Zurück zu allen Leitfäden" leads to the list (tools/cms/pages.js)
        "label_singular": singular,
        "folder": "docs",
        "path": f"{section}/{{{{slug}}}}",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "hide": True,
        "slug": PAGE_SLUGS[name],
        "i18n": True,
        "fields": fields,
    }


def translatable(field: dict[str, Any]) -> dict[str, Any]:
    """``field`` and its parts edited per language (Decap hides parts without `i18n`).

    A news item's date is the same in both: typed once in German, shown greyed out in English.
    """
    out = {**field, "i18n": "duplicate" if field["name"] in SHARED_PAGE_FIELDS else True}
    if "fields" in field:
        out["fields"] = [translatable(child) for child in field["fields"]]
    return out


def pair_name(name: str) -> str:
    """The two-language editor collection of the page section ``name``."""
    return f"{name}_{'_'.join(LOCALES)}"


def cms_config(
    taxonomy: Taxonomy, repo: str, local_port: int = LOCAL_PORT, login: str = ""
) -> dict[str, Any]:
    """The whole config.yml: GitHub backend with pull requests, local backend for `make cms`.

    ``login`` is the OAuth client GitHub logins go through (Decap's `base_url`); without it Decap
    uses Netlify's, which only serves sites hosted on Netlify.
    """
    backend = {"name": "github", "repo": repo, "branch": "main"}
    if login:
        backend["base_url"] = login
    options = taxonomy_options(taxonomy)
    collections = [entity_collection(kind, options) for kind in COLLECTION_LABELS]
    collections.append(glossary_collection())
    for spec in PAGE_COLLECTIONS:
        collections += [page_list_collection(*spec), page_pair_collection(*spec)]
    return {
        "backend": backend,
        # Used only when /admin/ is opened on 127.0.0.1 (`make cms`): decap-server writes the
        # working tree directly, without GitHub.
        "local_backend": {
            "url": f"http://127.0.0.1:{local_port}/api/v1",
            "allowed_hosts": ["127.0.0.1"],
        },
        "publish_mode": "editorial_workflow",
        "locale": "de",
        # File names of new pages in ASCII (ids allow a-z, 0-9, '-'): "Übersicht" -> "ubersicht".
        "slug": {"encoding": "ascii", "clean_accents": True},
        # Only the page collections opt in (`i18n: true`); data files keep {de, en} fields.
        "i18n": {
            "structure": "multiple_folders",
            "locales": list(LOCALES),
            "default_locale": DEFAULT_LOCALE,
        },
        "media_folder": "docs/assets/images",
        "public_folder": "/assets/images",
        "collections": collections,
    }
