"""Everything generated from data for one language: pages (Markdown) and files (JSON, CSV, iCal,
SVG). Pure: takes the store and a Jinja environment, returns paths and contents; the hook
hooks/data_pages.py hands them to MkDocs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment

from . import catalogue, directory, names
from .datastore import DataStore
from .geomap import SaxonyMap


@dataclass
class Generated:
    pages: dict[str, str] = field(default_factory=dict)  # docs path -> Markdown
    files: dict[str, str] = field(default_factory=dict)  # site path -> text
    sources: dict[str, str] = field(default_factory=dict)  # docs path -> data file it shows
    # Profile pages: their template renders the content, their Markdown is only the heading.
    profile_pages: set[str] = field(default_factory=set)
    # docs path -> placeholder -> HTML block that passes Markdown unchanged (raw_html_block).
    raw_html: dict[str, dict[str, str]] = field(default_factory=dict)


def generated_paths(store: DataStore) -> frozenset[str]:
    """Docs paths of every page the build generates from data, in each language."""
    paths = {
        "organisations/index.md",
        "technologies/index.md",
        "services/index.md",
        "events/index.md",
    }
    paths |= {f"organisations/{o.id}.md" for o in store.all("organisations")}
    paths |= {f"technologies/{t}.md" for t in catalogue.technology_entries(store)}
    paths |= {f"services/{s.id}.md" for s in store.all("services")}
    paths |= {f"locations/{r.id}.md" for r in store.all("regions")}
    paths |= {f"events/{e.id}.md" for e in store.all("events")}
    return frozenset(paths)


def href(from_page: str, to_page: str) -> str:
    """Relative URL between two generated pages given as docs paths ('a/b.md', 'a/index.md')."""

    def url(path: str) -> str:
        stem = path.removesuffix(".md")
        return "" if stem == "index" else stem.removesuffix("index").removesuffix("/") + "/"

    source, target = url(from_page), url(to_page)
    relative = posixpath.relpath(target or ".", source or ".")
    return "./" if relative == "." else relative + "/"


def _asset(root: str, page: str, target: str) -> str:
    """Relative URL from a generated page to a file at the site root (e.g. the base map)."""
    stem = page.removesuffix(".md")
    url = root + ("" if stem == "index" else stem.removesuffix("index").removesuffix("/") + "/")
    return "../" * url.count("/") + target


def md_link(from_page: str, to_page: str) -> str:
    """Relative link between two docs paths, for Markdown (MkDocs checks and rewrites it)."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


class PageBuilder:
    """Renders every data page of one language."""

    def __init__(
        self,
        store: DataStore,
        env: Environment,
        lang: str,
        root: str,
        saxony: SaxonyMap,
        today: dt.date,
        guide_titles: dict[str, str],
    ) -> None:
        self.store, self.env, self.lang, self.root, self.map = store, env, lang, root, saxony
        self.today = today
        self.guide_titles = guide_titles  # guide id -> title, for guides in this language
        self.entries = catalogue.technology_entries(store)
        self.published_ids = {o.id for o in store.all("organisations")}
        self.out = Generated()

    def build(self) -> Generated:
        self._organisations()
        self._technologies()
        self._services()
        self._regions()
        self._events()
        return self.out

    def _render(self, path: str, template: str, source: str | None = None, **context: Any) -> None:
        store_get = self.store.get
        common = {
            "store": self.store,
            "lang": self.lang,
            "entries": self.entries,
            "link": lambda target: md_link(path, target),
            "profile_links": lambda text: profile_links(text, path, self.published_ids),
            "asset": lambda target: _asset(self.root, path, target),
            "org_href": lambda org: href(path, f"organisations/{org.id}.md"),
            "org_label": lambda org: names.display_name(org, self.lang),
            "tops": lambda ids: catalogue.top_technologies(ids, self.entries),
            "services_by_id": lambda ids: [store_get("services", i) for i in ids],
            "guide_titles": self.guide_titles,
            "saxony": self.map,
            "raw_html": lambda html: raw_html_block(self.out.raw_html.setdefault(path, {}), html),
        }
        content = self.env.get_template(f"fragments/pages/{template}").render(**common, **context)
        self.out.pages[path] = content
        if source:
            self.out.sources[path] = source

    def _organisations(self) -> None:
        organisations = self.store.all("organisations")
        for org in organisations:
            path = f"organisations/{org.id}.md"
            self._render(path, "profile.md", f"data/organisations/{org.id}.yml", org=org)
            self.out.profile_pages.add(path)
        listing = directory.directory_entries(
            organisations, self.lang, self.entries, self.store.taxonomy
        )
        self._render(
            "organisations/index.md",
            "directory.md",
            listing=listing,
            organisations=[entry.org for entry in listing],
            facets=catalogue.facets(organisations, self.store),
            open_data_fields=OPEN_DATA_FIELDS,
        )
        self.out.files["organisations/organisations.json"] = self._open_data_json(organisations)
        self.out.files["organisations/organisations.csv"] = self._open_data_csv(organisations)

    def _technologies(self) -> None:
        organisations = self.store.all("organisations")
        services = self.store.all("services")
        for entry in self.entries.values():
            tagged = directory.by_display_name(
                catalogue.tagged(organisations, entry.id, self.entries), self.lang
            )
            companies, others = catalogue.companies_first(tagged)
            self._render(
                f"technologies/{entry.id}.md",
                "technology.md",
                entry=entry,
                organisations=tagged,
                companies=companies,
                others=others,
                services=catalogue.tagged(services, entry.id, self.entries),
            )
        self._render(
            "technologies/index.md",
            "technologies.md",
            technologies=self.store.taxonomy.technologies,
        )

    def _services(self) -> None:
        services = self.store.all("services")
        for service in services:
            self._render(
                f"services/{service.id}.md",
                "service.md",
                f"data/services/{service.id}.yml",
                service=service,
            )
        self._render(
            "services/index.md",
            "services.md",
            services=services,
            by_group=catalogue.grouped(
                services, "target_groups", self.store.taxonomy.target_groups
            ),
            by_category=catalogue.grouped(
                services, "category", self.store.taxonomy.service_categories
            ),
        )

    def _regions(self) -> None:
        organisations = self.store.all("organisations")
        foreign = catalogue.services_for(self.store.all("services"), "foreign-firms")
        for region in self.store.all("regions"):
            members = directory.by_display_name(
                (o for o in organisations if o.region == region.id), self.lang
            )
            self._render(
                f"locations/{region.id}.md",
                "region.md",
                f"data/regions/{region.id}.yml",
                region=region,
                organisations=members,
                foreign_services=foreign,
                by_type=catalogue.grouped(
                    members,
                    "type",
                    catalogue.company_types_first(self.store.taxonomy.organisation_types),
                ),
            )

    def _events(self) -> None:
        events = self.store.all("events")
        upcoming, past = catalogue.split_events(events, self.today)
        for event in events:
            self._render(
                f"events/{event.id}.md",
                "event.md",
                f"data/events/{event.id}.yml",
                event=event,
                upcoming=event in upcoming,
            )
            self.out.files[f"events/{event.id}.ics"] = self._calendar([event])
        self._render("events/index.md", "events.md", upcoming=upcoming, past=past)
        self.out.files["events/calendar.ics"] = self._calendar(events)

    def _calendar(self, events: list[Any]) -> str:
        text = self.env.get_template("fragments/events/calendar.ics").render(
            events=events, lang=self.lang, store=self.store, one_day=dt.timedelta(days=1)
        )
        lines = [fold_ics_line(line) for line in text.splitlines() if line.strip()]
        return "\r\n".join(lines) + "\r\n"  # RFC 5545: CRLF line ends

    def _open_data_rows(self, organisations: list[Any]) -> list[dict[str, Any]]:
        return [open_data_row(o, self.lang) for o in organisations]

    def _open_data_json(self, organisations: list[Any]) -> str:
        rows = self._open_data_rows(organisations)
        return (
            json.dumps(
                {"language": self.lang, "count": len(rows), "organisations": rows},
                ensure_ascii=False,
                indent=1,
            )
            + "\n"
        )

    def _open_data_csv(self, organisations: list[Any]) -> str:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=OPEN_DATA_FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in self._open_data_rows(organisations):
            writer.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()})
        return buffer.getvalue()


def raw_html_block(blocks: dict[str, str], html: str) -> str:
    """A placeholder for ``html``, a block of raw HTML (organisation lists) that Markdown would
    pass through unchanged; kept in ``blocks`` until it replaces the placeholder in the page's
    HTML (put_raw_html). Python-Markdown and MkDocs each parse every raw HTML block of a page
    with Python's HTML parser: for lists of 1,000 organisations, time that changes nothing."""
    placeholder = f'<div data-hub-raw="{len(blocks)}"></div>'
    blocks[placeholder] = html
    return placeholder


def put_raw_html(content: str, blocks: dict[str, str]) -> str:
    """The page's HTML with each raw_html_block placeholder replaced by its block."""
    for placeholder, html in blocks.items():
        content = content.replace(placeholder, html, 1)
    return content


_ORG_LINK_WITH_NAME = re.compile(r"\[([^\]]*)\]\(org:([a-z0-9-]+)\)")


def profile_links(text: str, page: str, published: set[str]) -> str:
    """Data text with its [name](org:<id>) links pointing at the profile pages (relative .md
    links, which MkDocs checks and rewrites). A draft organisation has no page yet: its name
    stays as plain text, so drafting an organisation never breaks the texts that name it."""

    def replace(match: re.Match[str]) -> str:
        name, org_id = match[1], match[2]
        if org_id not in published:
            return name
        return f"[{name}]({md_link(page, f'organisations/{org_id}.md')})"

    return _ORG_LINK_WITH_NAME.sub(replace, text)


def fold_ics_line(line: str, limit: int = 75) -> str:
    """Fold a content line at 75 octets (RFC 5545, 3.1), never inside a UTF-8 character."""
    parts, current = [], ""
    for char in line:
        if len((current + char).encode("utf-8")) > limit:
            parts.append(current)
            current = " "
        current += char
    return "\r\n".join([*parts, current])


# Fields of organisations.json / .csv, in this order (documented on the directory page).
OPEN_DATA_FIELDS = (
    "id",
    "name",
    "name_en",
    "short_name",
    "type",
    "roles",
    "summary",
    "technologies",
    "region",
    "city",
    "lat",
    "lon",
    "coordinate_precision",
    "website",
    "founded",
    "product_areas",
    "certifications",
    "sources",
    "verified",
)


def open_data_row(org: Any, lang: str) -> dict[str, Any]:
    return {
        "id": org.id,
        "name": org.name,
        "name_en": org.name_en or "",
        "short_name": org.short_name or "",
        "type": org.type,
        "roles": list(org.roles),
        "summary": org.summary.get(lang),
        "technologies": list(org.technologies),
        "region": org.region,
        "city": org.city,
        "lat": org.coordinates.lat,
        "lon": org.coordinates.lon,
        "coordinate_precision": org.coordinates.precision,
        "website": org.website or "",
        "founded": org.founded or "",
        "product_areas": org.product_areas.get(lang) if org.product_areas else [],
        "certifications": list(org.certifications),
        "sources": list(org.sources),
        "verified": org.verified.isoformat(),
    }
