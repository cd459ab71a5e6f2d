"""Views of the data that pages need: facets, groupings, lookups, upcoming and past events.

Pure functions over a DataStore; no MkDocs and no markup here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .datastore import COMPANY_TYPE, DataStore
from .entities import Event, Organisation, Service, Technology


@dataclass(frozen=True)
class TechnologyEntry:
    """A key technology or one of its sub-fields, with its parent where it has one."""

    id: str
    label: Any
    description: Any | None
    parent: Technology | None
    fields: tuple[Any, ...] = ()


def technology_entries(store: DataStore) -> dict[str, TechnologyEntry]:
    entries = {}
    for tech in store.taxonomy.technologies:
        entries[tech.id] = TechnologyEntry(
            tech.id, tech.label, tech.description, None, tuple(tech.fields)
        )
        for sub in tech.fields:
            entries[sub.id] = TechnologyEntry(sub.id, sub.label, None, tech)
    return entries


def top_technologies(ids: list[str], entries: dict[str, TechnologyEntry]) -> list[str]:
    """The key technologies behind a list of technology and sub-field ids, in taxonomy order."""
    tops = {parent.id if (parent := entries[i].parent) else i for i in ids}
    return [i for i in entries if i in tops]


def tagged(items: list[Any], tech_id: str, entries: dict[str, TechnologyEntry]) -> list[Any]:
    """Items tagged with a technology, or with one of its sub-fields when it is a key technology."""
    wanted = {tech_id, *(f.id for f in entries[tech_id].fields)}
    return [item for item in items if wanted & set(item.technologies)]


@dataclass(frozen=True)
class FacetValue:
    id: str
    label: Any
    count: int


def facets(organisations: list[Organisation], store: DataStore) -> dict[str, list[FacetValue]]:
    """Directory facets with the number of organisations for each value."""
    entries = technology_entries(store)
    counts = {
        "technology": Counter(
            t for o in organisations for t in top_technologies(o.technologies, entries)
        ),
        "type": Counter(o.type for o in organisations),
        "role": Counter(r for o in organisations for r in o.roles),
        "region": Counter(o.region for o in organisations),
        "group": Counter(g for o in organisations for g in o.target_groups),
    }
    vocabularies = {
        "technology": [(t.id, t.label) for t in store.taxonomy.technologies],
        "type": [(t.id, t.label) for t in store.taxonomy.organisation_types],
        "role": [(t.id, t.label) for t in store.taxonomy.company_roles],
        "region": [(r.id, r.name) for r in store.all("regions")],
        "group": [(t.id, t.label) for t in store.taxonomy.target_groups],
    }
    return {
        name: [FacetValue(i, label, counts[name][i]) for i, label in vocabulary if counts[name][i]]
        for name, vocabulary in vocabularies.items()
    }


def companies_first(organisations: list[Organisation]) -> tuple[list[Any], list[Any]]:
    """Companies (what a partner search looks for first) and every other organisation."""
    companies = [o for o in organisations if o.type == COMPANY_TYPE]
    return companies, [o for o in organisations if o.type != COMPANY_TYPE]


def company_types_first(types: list[Any]) -> list[Any]:
    """Organisation types in taxonomy order, with companies moved to the front."""
    return sorted(types, key=lambda term: term.id != COMPANY_TYPE)


def grouped(items: list[Any], key: str, order: list[Any]) -> list[tuple[Any, list[Any]]]:
    """Items grouped by a list-valued or single attribute, in the order of ``order`` (terms)."""
    groups = []
    for term in order:
        members = [i for i in items if term.id in _as_list(getattr(i, key))]
        if members:
            groups.append((term, members))
    return groups


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def split_events(events: list[Event], today: dt.date) -> tuple[list[Event], list[Event]]:
    """Upcoming (soonest first) and past (latest first) events as of ``today``."""
    upcoming = sorted((e for e in events if (e.end or e.start) >= today), key=lambda e: e.start)
    past = sorted(
        (e for e in events if (e.end or e.start) < today), key=lambda e: e.start, reverse=True
    )
    return upcoming, past


def services_for(services: list[Service], group: str) -> list[Service]:
    return [s for s in services if group in s.target_groups]
