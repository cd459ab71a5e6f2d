"""Load every entity file below data/, validate it, and check the rules that span files.

Each problem names file, line, column and field. Rules beyond a single model live here because
they need every file: ids equal file names, references resolve, English text is present unless the
entity says `translation: pending`, coordinates lie in the organisation's region, and long texts
keep to the Markdown subset.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .entities import Contact, Event, Organisation, Region, Service, Taxonomy
from .fields import Text, TextList
from .problems import Problem
from .strict_yaml import KEY, Marks, YamlProblem, load_file, path_text
from .validation import data_files, problems_from_error

ENTITY_KINDS: dict[str, type[BaseModel]] = {
    "organisations": Organisation,
    "services": Service,
    "regions": Region,
    "events": Event,
    "contacts": Contact,
}
# Long texts rendered as Markdown: the subset staff may use there.
MARKDOWN_FIELDS = frozenset({"profile", "description"})
_RAW_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
_LINK_TARGET = re.compile(r"\]\(\s*([^)\s]*)")


@dataclass
class Loaded:
    """One validated entity with where it came from (for error messages)."""

    model: Any
    file: str
    marks: Marks


class RawEntity:
    """The raw values of a file that failed validation, so its references still get checked."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def __getattr__(self, name: str) -> Any:
        value = self._data.get(name)
        if isinstance(value, str) or (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
        ):
            return value
        return None


@dataclass
class DataStore:
    """All validated entities of one build, by kind and id."""

    taxonomy: Taxonomy
    entities: dict[str, dict[str, Loaded]] = field(default_factory=dict)
    guide_ids: set[str] = field(default_factory=set)
    # Files that exist but failed validation, by kind and id: references *to* them are not
    # reported as unknown (no echo of one broken file), references *in* them are still checked.
    broken: dict[str, dict[str, Loaded]] = field(default_factory=dict)

    def all(self, kind: str, *, published: bool = True) -> list[Any]:
        """Entities of a kind sorted by id; drafts only when ``published`` is false."""
        items = [loaded.model for _, loaded in sorted(self.entities.get(kind, {}).items())]
        return [m for m in items if not (published and getattr(m, "draft", False))]

    def get(self, kind: str, entity_id: str) -> Any:
        return self.entities[kind][entity_id].model


def _validate(
    path: Path, display: str, model: type[BaseModel]
) -> tuple[Loaded | None, list[Problem]]:
    """The validated entity; for a file that parses but breaks its model, a :class:`RawEntity`
    (so its references can still be checked) together with the problems."""
    try:
        data, marks = load_file(path, display)
    except YamlProblem as error:
        return None, [error.problem]
    if not isinstance(data, dict):
        hint = "each line should look like 'key: value'"
        return None, [Problem(display, 1, 1, "", "expected a mapping of keys to values", hint)]
    try:
        return Loaded(model.model_validate(data), display, marks), []
    except ValidationError as error:
        raw = Loaded(RawEntity(data), display, marks)
        return raw, problems_from_error(error, model, display, marks)


def _id_problem(entity: Loaded, stem: str) -> list[Problem]:
    if entity.model.id in (stem, None):
        return []
    line, col = entity.marks.get(("id",), (1, 1))
    message = f"id '{entity.model.id}' does not match the file name"
    hint = f"use 'id: {stem}' or rename the file"
    return [Problem(entity.file, line, col, "id", message, hint)]


def _load_kind(data_dir: Path, kind: str) -> tuple[dict[str, Loaded], list[Problem]]:
    """Every parsable file of one kind by file stem, valid or not, with all problems found."""
    loaded: dict[str, Loaded] = {}
    files, problems = data_files(data_dir, kind)
    for path, display in files:
        entity, found = _validate(path, display, ENTITY_KINDS[kind])
        problems += found
        # A file that does not even parse still exists: its id is known, it has no values.
        entity = entity or Loaded(RawEntity({}), display, {})
        problems += _id_problem(entity, path.stem)
        loaded[path.stem] = entity
    return loaded, problems


def load_store(root: Path) -> tuple[DataStore | None, list[Problem]]:
    """Load and check all entity data below ``root / 'data'``; return the store and problems."""
    data_dir = root / "data"
    taxonomy, problems = _validate(data_dir / "taxonomy.yml", "data/taxonomy.yml", Taxonomy)
    entities: dict[str, dict[str, Loaded]] = {}
    broken: dict[str, dict[str, Loaded]] = {}
    for kind in ENTITY_KINDS:
        loaded, found = _load_kind(data_dir, kind)
        problems += found
        entities[kind] = {i: e for i, e in loaded.items() if not isinstance(e.model, RawEntity)}
        broken[kind] = {i: e for i, e in loaded.items() if isinstance(e.model, RawEntity)}
    if taxonomy is None or isinstance(taxonomy.model, RawEntity):
        return None, problems
    guides = {p.stem for p in (root / "docs/de/guides").glob("*.md") if p.stem != "index"}
    store = DataStore(taxonomy.model, entities, guides, broken)
    problems += _taxonomy_problems(taxonomy)
    problems += check_store(store)
    return store, problems


def _taxonomy_problems(taxonomy: Loaded) -> list[Problem]:
    seen: dict[str, tuple[Any, ...]] = {}
    problems = []
    for terms in _taxonomy_sections(taxonomy.model).values():
        for path, term_id in terms:
            if term_id in seen:
                line, col = taxonomy.marks.get((*path, "id"), (0, 0))
                problems.append(
                    Problem(
                        taxonomy.file,
                        line,
                        col,
                        path_text((*path, "id")),
                        f"id '{term_id}' is used twice in taxonomy.yml",
                        f"first used at {path_text(seen[term_id])}",
                    )
                )
            seen.setdefault(term_id, path)
    return problems + _city_name_problems(taxonomy)


def _city_name_problems(taxonomy: Loaded) -> list[Problem]:
    """Each German city name once, and only where the English name differs."""
    problems: list[Problem] = []
    first: dict[str, int] = {}
    for i, entry in enumerate(taxonomy.model.city_names):
        line, col = taxonomy.marks.get(("city_names", i, "de"), (0, 0))
        field_path = path_text(("city_names", i, "de"))
        if entry.de in first:
            message = f"city '{entry.de}' is listed twice"
            hint = f"first listed at {path_text(('city_names', first[entry.de], 'de'))}"
            problems.append(Problem(taxonomy.file, line, col, field_path, message, hint))
        elif entry.en == entry.de:
            message = f"the English name of '{entry.de}' is the same as the German one"
            hint = "remove the entry: cities without one are shown as written"
            problems.append(Problem(taxonomy.file, line, col, field_path, message, hint))
        first.setdefault(entry.de, i)
    return problems


def _taxonomy_sections(taxonomy: Taxonomy) -> dict[str, list[tuple[tuple[Any, ...], str]]]:
    """Every taxonomy id with its path; technologies and sub-fields share one namespace."""
    technologies: list[tuple[tuple[Any, ...], str]] = []
    for i, tech in enumerate(taxonomy.technologies):
        technologies.append((("technologies", i), tech.id))
        technologies += [
            (("technologies", i, "fields", j), f.id) for j, f in enumerate(tech.fields)
        ]
    sections = {"technologies": technologies}
    for name in (
        "organisation_types",
        "target_groups",
        "service_categories",
        "service_formats",
        "company_roles",
    ):
        sections[name] = [((name, i), term.id) for i, term in enumerate(getattr(taxonomy, name))]
    return sections


def valid_ids(store: DataStore) -> dict[str, set[str]]:
    """Every set of ids a reference may point into."""
    sections = _taxonomy_sections(store.taxonomy)
    ids = {name: {term_id for _, term_id in terms} for name, terms in sections.items()}
    ids.update(
        {
            kind: set(loaded) | set(store.broken.get(kind, {}))
            for kind, loaded in store.entities.items()
        }
    )
    ids["guides"] = store.guide_ids
    return ids


# (entity kind, field) -> which id set the field refers to.
REFERENCES: dict[tuple[str, str], str] = {
    ("organisations", "type"): "organisation_types",
    ("organisations", "technologies"): "technologies",
    ("organisations", "target_groups"): "target_groups",
    ("organisations", "roles"): "company_roles",
    ("organisations", "region"): "regions",
    ("organisations", "contact"): "contacts",
    ("services", "category"): "service_categories",
    ("services", "target_groups"): "target_groups",
    ("services", "format"): "service_formats",
    ("services", "contact"): "contacts",
    ("services", "related_services"): "services",
    ("services", "guides"): "guides",
    ("services", "technologies"): "technologies",
    ("services", "provider"): "organisations",
    ("regions", "settling_contacts"): "contacts",
    ("events", "region"): "regions",
    ("events", "organiser"): "organisations",
    ("events", "co_hosts"): "organisations",
    ("contacts", "organisation"): "organisations",
}


# What one id of each id set is called in messages.
ID_NAMES = {
    "technologies": "technology",
    "organisation_types": "organisation type",
    "target_groups": "target group",
    "service_categories": "service category",
    "service_formats": "service format",
    "company_roles": "company role",
    "regions": "region",
    "contacts": "contact",
    "services": "service",
    "organisations": "organisation",
    "events": "event",
    "guides": "guide",
}


def check_store(store: DataStore) -> list[Problem]:
    """Rules across files, for every loaded entity."""
    ids = valid_ids(store)
    problems: list[Problem] = []
    for kind, loaded in store.entities.items():
        for entity in loaded.values():
            problems += _reference_problems(kind, entity, ids)
            problems += _english_problems(entity)
            problems += _markdown_problems(entity, ids["organisations"])
            if kind == "organisations":
                problems += _position_problems(entity, store)
                problems += _role_problems(entity)
        for entity in store.broken.get(kind, {}).values():
            problems += _reference_problems(kind, entity, ids)
    problems += _placeholder_problems(store)
    return problems


# Scaffolds (`make new`) fill required fields with text containing this marker.
PLACEHOLDER = "TODO"


def _published_contacts(store: DataStore) -> set[str]:
    """Contacts have no draft flag: one is published where a published entry names it."""
    named: set[str] = set()
    for kind in ("organisations", "services", "regions"):
        for item in store.all(kind):
            contact = getattr(item, "contact", None)
            named.update([contact] if contact else getattr(item, "settling_contacts", None) or [])
    return named


def _placeholder_problems(store: DataStore) -> list[Problem]:
    """A published entry must not keep the scaffold's TODO placeholders."""
    contacts = _published_contacts(store)
    problems = []
    for kind, loaded in store.entities.items():
        for entity_id, entity in loaded.items():
            if kind == "contacts":
                if entity_id not in contacts:
                    continue
                hint = "replace it before a published entry names this contact"
            elif getattr(entity.model, "draft", False):
                continue
            else:
                hint = "replace it with the real text, or keep 'draft: true' until it is ready"
            for path, value in _strings(entity.model.model_dump()):
                if PLACEHOLDER in value:
                    line, col = entity.marks.get(path, (0, 0))
                    message = f"placeholder '{PLACEHOLDER}' left in a published entry"
                    problems.append(Problem(entity.file, line, col, path_text(path), message, hint))
    return problems


def _strings(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], str]]:
    """Every text value inside plain dumped data, with its path."""
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in _strings(item, (*path, key))]
    if isinstance(value, list):
        return [found for i, item in enumerate(value) for found in _strings(item, (*path, i))]
    return []


def _reference_problems(kind: str, entity: Loaded, ids: dict[str, set[str]]) -> list[Problem]:
    problems = []
    for (ref_kind, name), target in REFERENCES.items():
        if ref_kind != kind:
            continue
        value = getattr(entity.model, name)
        values = value if isinstance(value, list) else [value]
        for index, ref in enumerate(values):
            if ref is None or ref in ids[target]:
                continue
            path = (name, index) if isinstance(value, list) else (name,)
            problems.append(_unknown_reference(entity, path, ref, target, ids[target]))
    return problems


def _unknown_reference(
    entity: Loaded, path: tuple[Any, ...], ref: str, target: str, known: set[str]
) -> Problem:
    line, col = entity.marks.get(path, (0, 0))
    close = difflib.get_close_matches(ref, sorted(known), n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    listed = ", ".join(sorted(known)) if len(known) <= 40 else f"{len(known)} ids in data/{target}/"
    message = f"unknown {ID_NAMES[target]} id '{ref}'"
    return Problem(entity.file, line, col, path_text(path), message, f"{hint}valid ids: {listed}")


def _texts(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    """Every Text/TextList inside a model, with its path."""
    if isinstance(value, (Text, TextList)):
        return [(path, value)]
    found = []
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            found += _texts(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _texts(item, (*path, index))
    return found


def _english_problems(entity: Loaded) -> list[Problem]:
    if getattr(entity.model, "translation", None) == "pending":
        return []
    problems = []
    for path, text in _texts(entity.model):
        if text.en is None:
            line, col = entity.marks.get((*path, "de", KEY), entity.marks.get(path, (0, 0)))
            problems.append(
                Problem(
                    entity.file,
                    line,
                    col,
                    path_text(path),
                    "the English text (en) is missing",
                    "add an 'en:' line, or set 'translation: pending' on the entry "
                    "while the translation is on its way",
                )
            )
    return problems


def _markdown_problems(entity: Loaded, organisations: set[str]) -> list[Problem]:
    problems = []
    for path, text in _texts(entity.model):
        if path[-1] not in MARKDOWN_FIELDS:
            continue
        for lang in ("de", "en"):
            body = getattr(text, lang) or ""
            line, col = entity.marks.get((*path, lang), (0, 0))
            problems += [
                Problem(entity.file, line, col, path_text((*path, lang)), message, hint)
                for message, hint in _markdown_findings(body, organisations)
            ]
    return problems


# A link to an organisation's profile in data text: [IZI](org:fraunhofer-izi).
ORG_LINK = "org:"


def _markdown_findings(
    body: str, organisations: AbstractSet[str] = frozenset()
) -> list[tuple[str, str]]:
    """What breaks the Markdown subset in one text: raw HTML, links that are not https,
    profile links (org:<id>) to organisations that do not exist."""
    findings = []
    if _RAW_HTML.search(body):
        findings.append(
            (
                "HTML is not allowed here",
                "use Markdown: **bold**, *italic*, lists, [text](https://…)",
            )
        )
    for target in _LINK_TARGET.findall(body):
        if target.startswith(ORG_LINK):
            org_id = target.removeprefix(ORG_LINK)
            if org_id not in organisations:
                close = difflib.get_close_matches(org_id, sorted(organisations), n=1)
                hint = f"did you mean 'org:{close[0]}'?" if close else "see data/organisations/"
                findings.append((f"unknown organisation id '{org_id}' in link", hint))
        elif not target.startswith("https://"):
            findings.append(
                (
                    f"link target '{target}' is not an https:// address",
                    "links in data texts start with https://, or org:<id> for a profile",
                )
            )
    return findings


def _position_problems(entity: Loaded, store: DataStore) -> list[Problem]:
    organisation = entity.model
    region = store.entities["regions"].get(organisation.region)
    point = organisation.coordinates
    if region is None or region.model.bbox.contains(point.lat, point.lon):
        return []
    line, col = entity.marks.get(("coordinates",), (0, 0))
    box = region.model.bbox
    return [
        Problem(
            entity.file,
            line,
            col,
            "coordinates",
            f"{point.lat}, {point.lon} lies outside region '{organisation.region}'",
            f"expected latitude {box.min_lat}–{box.max_lat} and longitude "
            f"{box.min_lon}–{box.max_lon}; check for swapped lat/lon",
        )
    ]


# The organisation type whose entries may carry company roles.
COMPANY_TYPE = "company"


def _role_problems(entity: Loaded) -> list[Problem]:
    """Company roles (manufacturer, supplier, …) describe companies only."""
    organisation = entity.model
    if not organisation.roles or organisation.type == COMPANY_TYPE:
        return []
    line, col = entity.marks.get(("roles",), (0, 0))
    return [
        Problem(
            entity.file,
            line,
            col,
            "roles",
            f"roles are for companies, but this entry has type '{organisation.type}'",
            f"remove 'roles:', or set 'type: {COMPANY_TYPE}' if it is a company",
        )
    ]
