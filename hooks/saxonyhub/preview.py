"""The fast preview of `make serve`: what changed since the last build, and what to build again.

scripts/serve.py compares two snapshots of the project's files after every save
(:func:`plan_rebuild`). A change it understands (the body of a Markdown page, an organisation's
data file) gets a fast build: only the languages it can affect, the edited language first, and in
each only the pages whose output can differ (:func:`pages_to_render`, applied by hooks/preview.py).
Any other change (templates, hooks, mkdocs.yml, other data, front matter or a first heading, files
added or removed) gets the full build, as plain `mkdocs serve` does. A page left out of a fast
build keeps its previous HTML, so every rule here errs on the side of building a page again;
tests/build/test_preview_serve.py compares a fast build with a full one, page by page.

Pure: file reads and hashes only; no MkDocs events.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from .build_state import LoadCache

# What `make serve` watches (mkdocs.yml's watch: plus docs_dir and the config file).
WATCHED = ("docs", "data", "hooks", "overrides", "mkdocs.yml")
# Data files whose edits get a fast build: every page that shows them is found by the rules of
# pages_to_render. Any other data file (labels, taxonomy, contacts, ...) is read by most pages.
FAST_DATA = ("data/organisations/",)
# Markers (<!-- kind:name -->) of hand-written pages, and the change that alters their output.
# A marker missing here is rendered after every change.
MARKER = re.compile(r"<!--\s*([a-z-]+):([a-z0-9-]+)\s*-->")
MARKER_INPUTS = {
    "data:translation-status": "translations",  # the status of every English page
    "data:news-list": "news",  # the news pages
    "data:review-schedule": "front matter",  # review dates: a full build
    "data:glossary": "data",  # data/glossary.yml: a full build
    "data:operator": "data",  # data/operator.yml: a full build
    "decision-tool": "data",  # data/tools/, legal acts: a full build
    "decision-tool-table": "data",
}
FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n(?:---|\.\.\.)\s*\n", re.S)
HEADING = re.compile(r"^#\s+.*$", re.M)
ENTITY = re.compile(r"^entity:\s*['\"]?([a-z]+)/", re.M)


def page_head(text: str) -> str:
    """Hash of what other pages show of a Markdown page: its front matter and first heading
    (the title in every page's navigation, the review schedule, the news list)."""
    front = FRONT_MATTER.match(text)
    heading = HEADING.search(text)
    head = (front.group(0) if front else "") + "\n" + (heading.group(0) if heading else "")
    return hashlib.sha1(head.encode("utf-8")).hexdigest()


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def generated_digest(markdown: str, raw_html: Mapping[str, str] | None) -> str:
    """What a generated page shows: its Markdown and the raw HTML blocks (organisation lists)
    that replace placeholders after conversion, so an edited summary changes the digest too."""
    return content_hash(markdown + "".join((raw_html or {}).values()))


@dataclass(frozen=True)
class Snapshot:
    """The watched files of a project: path (POSIX, relative) -> (mtime_ns, size), and the
    :func:`page_head` of every Markdown page below docs/."""

    files: dict[str, tuple[int, int]] = field(default_factory=dict)
    heads: dict[str, str] = field(default_factory=dict)


def take_snapshot(project: Path, roots: Iterable[str] = WATCHED) -> Snapshot:
    """Stat every watched file (dot files and folders left out, as MkDocs leaves them out)."""
    files: dict[str, tuple[int, int]] = {}
    heads: dict[str, str] = {}
    for root in roots:
        top = project / root
        paths = [top] if top.is_file() else sorted(top.rglob("*")) if top.is_dir() else []
        for path in paths:
            relative = path.relative_to(project).as_posix()
            if not path.is_file() or any(part.startswith(".") for part in relative.split("/")):
                continue
            stat = path.stat()
            files[relative] = (stat.st_mtime_ns, stat.st_size)
            if relative.startswith("docs/") and relative.endswith(".md"):
                heads[relative] = page_head(path.read_text(encoding="utf-8", errors="replace"))
    return Snapshot(files, heads)


@dataclass(frozen=True)
class Plan:
    """What one rebuild does: everything (``full``) or fast builds of ``languages`` in order.

    ``pages``: edited Markdown pages (MkDocs' src_uri, "de/guides/ivdr.md"); ``data``: edited data
    files ("data/organisations/abx.yml"). ``reason`` says why a build is full (for the log).
    """

    full: bool
    reason: str = ""
    languages: tuple[str, ...] = ()
    pages: frozenset[str] = frozenset()
    data: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not self.full and not self.languages


FULL_START = Plan(True, "first build")


def changed_paths(before: Snapshot, after: Snapshot) -> tuple[set[str], set[str], set[str]]:
    """Modified, added and removed paths between two snapshots."""
    old, new = before.files, after.files
    modified = {path for path in old.keys() & new.keys() if old[path] != new[path]}
    return modified, new.keys() - old.keys(), old.keys() - new.keys()


def plan_rebuild(before: Snapshot, after: Snapshot, languages: list[str], default: str) -> Plan:
    """The rebuild for the changes from ``before`` to ``after``.

    Arguments:
        languages: the site's languages in order; default: the one other languages translate.
    """
    modified, added, removed = changed_paths(before, after)
    if added or removed:
        return Plan(True, f"files added or removed: {', '.join(sorted(added | removed)[:3])}")
    pages, data = set(), set()
    for path in sorted(modified):
        lang = path.split("/")[1] if path.startswith("docs/") else ""
        if path.endswith(".md") and lang in languages:
            if before.heads.get(path) != after.heads.get(path):
                return Plan(True, f"{path}: front matter or first heading changed")
            pages.add(path.removeprefix("docs/"))
        elif path.endswith(".yml") and path.startswith(FAST_DATA):
            data.add(path)
        else:
            return Plan(True, f"{path} changed")
    edited = {page.split("/")[0] for page in pages}
    # An edit of a default-language page can make its translations outdated (their notice).
    affected = set(languages) if data or default in edited else edited
    order = [lang for lang in languages if lang in edited] + [
        lang for lang in languages if lang in affected - edited
    ]
    return Plan(False, "", tuple(order), frozenset(pages), frozenset(data))


@dataclass
class LanguageMemo:
    """What the previous build of one language produced, to compare the next one with:
    generated pages (src_uri -> content hash) and translation states (src_uri -> status)."""

    generated: dict[str, str] = field(default_factory=dict)
    translations: dict[str, Any] = field(default_factory=dict)


class TemplateCache(BytecodeCache):
    """Compiled Jinja templates kept across rebuilds (MkDocs makes new environments for each
    build, which compiled every template again: 40 % of a fast build). Jinja checks each entry
    against its template's source, so an edited template is compiled afresh."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


@dataclass
class PreviewState:
    """The preview's memory across rebuilds, owned by scripts/serve.py and handed to each build
    in its config (``CONFIG_KEY``); hooks/preview.py reads the plan and records the memo."""

    plan: Plan = FULL_START
    memos: dict[str, LanguageMemo] = field(default_factory=dict)
    # Filled by the build in progress; becomes ``memos`` only when the build succeeds, so a failed
    # build leaves the comparison with the last served output.
    pending: dict[str, LanguageMemo] = field(default_factory=dict)
    rendered: dict[str, frozenset[str]] = field(default_factory=dict)  # lang -> fast-built pages
    loads: LoadCache = field(default_factory=LoadCache)  # data/ as loaded (site_data.py)
    theme_files: list[str] | None = None  # the theme folders' files, listed once per full build
    static_templates: frozenset[str] = frozenset()  # the theme's, left out of fast builds
    # One per kind of environment: MkDocs' page environment (static-i18n adds an extension to
    # it) and the project's fragment environment (saxonyhub.templating.theme_env).
    templates: dict[str, TemplateCache] = field(
        default_factory=lambda: {"pages": TemplateCache(), "fragments": TemplateCache()}
    )

    def commit(self) -> None:
        self.memos.update(self.pending)
        self.pending = {}


CONFIG_KEY = "saxonyhub_preview"


def page_markers(text: str) -> set[str]:
    """The markers of a Markdown page, as MARKER_INPUTS names them ("data:news-list")."""
    found = set()
    for kind, name in MARKER.findall(text):
        found.add(f"{kind}:{name}" if kind == "data" else kind)
    return found


def pages_to_render(
    plan: Plan,
    lang: str,
    generated: Mapping[str, str],
    previous: LanguageMemo | None,
    translations: Mapping[str, Any],
    markers: Mapping[str, set[str]],
    data_sources: Mapping[str, str],
    entities: Mapping[str, str],
) -> frozenset[str] | None:
    """The pages of a fast build of ``lang`` (src_uris), or None when all must be built.

    Arguments:
        generated: this build's generated pages, src_uri -> content hash.
        previous: the memo of the last build of this language (None: there was none).
        translations: this build's translation states by src_uri.
        markers: hand-written pages of this language with markers -> their markers.
        data_sources: generated page -> the data file it shows.
        entities: pages rendered by a template from data (front matter ``entity:``) -> the kind.
    """
    if previous is None or previous.generated.keys() != generated.keys():
        return None
    render = {page for page in plan.pages if page.split("/")[0] == lang}
    render |= {uri for uri, digest in generated.items() if previous.generated[uri] != digest}
    render |= {uri for uri, source in data_sources.items() if source in plan.data}
    if plan.data:
        # An entity page's template may look up other entries (an event's organiser); a
        # profile shows only its own entry, which data_sources covers.
        render |= {uri for uri, kind in entities.items() if kind != "organisations"}
    changed_status = {
        uri
        for uri in translations.keys() | previous.translations.keys()
        if translations.get(uri) != previous.translations.get(uri)
    }
    render |= changed_status
    news = any(page.split("/", 1)[1].startswith("news/") for page in plan.pages)
    for uri, names in markers.items():
        for name in names:
            needs = MARKER_INPUTS.get(name)
            if (
                needs is None
                or (needs == "translations" and changed_status)
                or (needs == "news" and news)
            ):
                render.add(uri)
    return frozenset(render)


def entity_kind(content: str) -> str | None:
    """The ``entity:`` kind in a generated page's front matter ("events"), if any."""
    front = FRONT_MATTER.match(content)
    match = ENTITY.search(front.group(0)) if front else None
    return match.group(1) if match else None
