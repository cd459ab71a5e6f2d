"""One object per language build: the hub's settings, data, page index and collectors.

`HubBuild` replaces the module-level `current` variables the hooks used to share. It is made by
hooks/site_data.py in `on_config` for every build: static-i18n runs the whole build again for
each further language (and `mkdocs serve` for every change), and each run starts with a new
object, so nothing leaks from one language into the next.

Where it lives: in the MkDocs config of the build, under the key ``CONFIG_KEY``. The config is
the one object MkDocs hands to every event, and a new one is made for each `mkdocs serve`
rebuild; static-i18n reuses it for its language builds, which is why `on_config` replaces the
entry each time. So this package keeps no state of its own, and no hook module needs another
one's globals. Hooks call :func:`hub` and pass the object (or parts of it) to pure functions.

`load_build` is also the one check path: `make validate` (scripts/validate.py) calls it and
reports every problem; the build raises each group of problems at the event that needs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .acts import CitationIndex, index_citations
from .decision_tools import DecisionTool, load_tools, marker_problems
from .frame import FrameParts
from .news import NewsItem
from .page_meta import PageReferences
from .pages import PageIndex
from .problems import Problem, ProblemList
from .review import ReviewEntry
from .settings import HubSettings, read_settings
from .site import DataError, SiteData, load_site_data
from .strict_yaml import Marks
from .translation import PageStatus

if TYPE_CHECKING:
    import markdown
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig

CONFIG_KEY = "saxonyhub_build"


@dataclass
class Checks:
    """Problems found while loading a build, grouped by the build step that reports them."""

    data: list[Problem] = field(default_factory=list)  # data/ files (errors and notices)
    settings: list[Problem] = field(default_factory=list)  # extra.saxonyhub in mkdocs.yml
    pages: list[Problem] = field(default_factory=list)  # front matter and placeholders
    citations: list[Problem] = field(default_factory=list)  # [[ACT LOCATOR]] in pages
    tools: list[Problem] = field(default_factory=list)  # data/tools/ and their page markers

    def all(self) -> ProblemList:
        return ProblemList([*self.data, *self.settings, *self.pages, *self.citations, *self.tools])


@dataclass
class HubBuild:
    """The state of one language build.

    Loaded once (settings, data, pages, citations); the rest are collectors that hooks fill
    during the build, each noted with the hook that writes it.
    """

    settings: HubSettings
    data: SiteData
    pages: PageIndex
    citations: CitationIndex
    checks: Checks  # what load_build found; the hooks raise each group at its step
    tools: dict[str, DecisionTool] = field(default_factory=dict)  # valid data/tools/*.yml
    # Collectors of this language build.
    news: list[NewsItem] = field(default_factory=list)  # hooks/news.py, newest first
    reviews: list[ReviewEntry] = field(default_factory=list)  # hooks/review.py
    translations: dict[str, PageStatus] = field(default_factory=dict)  # translation_status.py
    service_pages: set[str] = field(default_factory=set)  # hooks/guides.py (on_nav)
    # Generated page (File.src_uri) -> the data file it shows (hooks/data_pages.py).
    data_sources: dict[str, str] = field(default_factory=dict)
    # Generated page (File.src_uri) -> raw HTML blocks kept out of its Markdown (data_pages.py).
    raw_html: dict[str, dict[str, str]] = field(default_factory=dict)
    page_globals: dict[str, Any] = field(default_factory=dict)  # hooks/data_pages.py
    nav_owners: dict[str, Any] = field(default_factory=dict)  # hooks/nav_sections.py
    marked_pages: list[Any] = field(default_factory=list)  # hooks/nav_sections.py
    # Caches: the theme environment per language, shared Markdown converters (templating.py,
    # profile_page.py), frame parts shared by many pages (frame.py, overrides/partials/).
    envs: dict[str, Environment] = field(default_factory=dict)
    converters: dict[str, markdown.Markdown] = field(default_factory=dict)
    frame: FrameParts = field(default_factory=FrameParts)

    @property
    def default_language(self) -> str:
        return self.settings.default_language


def _load_data(project_dir: Path, checks: Checks) -> SiteData | None:
    try:
        data = load_site_data(project_dir)
    except DataError as error:
        checks.data.extend(error.problems.items)
        return None
    checks.data.extend(data.notices)
    return data


def folder_stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file below ``folder`` with its modification time and size: equal stamps, same
    files (as far as a cache needs to know; an edit changes the time)."""
    stamps = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            stat = path.stat()
            stamps.append((path.relative_to(folder).as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(stamps)


@dataclass
class LoadCache:
    """The loaded and checked data/ folder of the last load, by its folder_stamp.

    `make serve` (scripts/serve.py) keeps one across rebuilds: most saves change a page, not
    data/, and even a data edit is loaded once for both languages. Each load still makes a new
    HubBuild; only the frozen data, the decision tools and their problems are shared.
    """

    stamp: tuple[tuple[str, int, int], ...] | None = None
    data: SiteData | None = None
    data_problems: list[Problem] = field(default_factory=list)
    # The decision tools read data/tools/, the legal acts and the contact ids only: an
    # organisation's edit keeps them.
    tools_stamp: tuple[tuple[str, int, int], ...] | None = None
    tools: dict[str, DecisionTool] = field(default_factory=dict)
    tool_problems: list[Problem] = field(default_factory=list)


TOOL_INPUTS = ("tools/", "legal_acts.yml", "contacts/")  # below data/, for LoadCache


def _tools_stamp(stamp: tuple[tuple[str, int, int], ...]) -> tuple[tuple[str, int, int], ...]:
    return tuple(entry for entry in stamp if entry[0].startswith(TOOL_INPUTS))


def load_build(
    project_dir: Path,
    extra: dict[str, Any] | None,
    languages: list[tuple[str, bool]],
    marks: Marks,
    cache: LoadCache | None = None,
) -> tuple[HubBuild | None, Checks]:
    """Load and check everything a build needs; the one check path of build and validate.

    Arguments:
        project_dir: the folder of mkdocs.yml (with data/ and docs/).
        extra: `extra.saxonyhub` of mkdocs.yml; languages: (locale, default) of the i18n
            plugin; marks: where the settings are in mkdocs.yml (settings.settings_marks);
            cache: reuse data/ as loaded last time when no file in it changed.

    Returns:
        The build state (None when data or settings have errors) and every problem found.
    """
    checks = Checks()
    stamp = folder_stamp(project_dir / "data") if cache is not None else None
    if cache is not None and cache.stamp == stamp:
        data = cache.data
        checks.data = list(cache.data_problems)
    else:
        data = _load_data(project_dir, checks)
    contacts = set(data.contacts) if data else None
    settings, checks.settings = read_settings(extra, languages, marks, contacts)
    references = (
        PageReferences(frozenset(data.contacts), frozenset(data.services)) if data else None
    )
    pages = PageIndex.scan(project_dir / "docs", references)
    checks.pages = pages.problems
    if data is None:
        return None, checks
    titled = [(page.path, page.text, page.meta.title if page.meta else None) for page in pages]
    citations, checks.citations = index_citations(titled, data.legal_acts.by_id())
    tools_stamp = _tools_stamp(stamp) if stamp is not None else None
    if cache is not None and cache.tools_stamp == tools_stamp:
        tools, checks.tools = cache.tools, list(cache.tool_problems)
    else:
        tools, checks.tools = load_tools(
            project_dir / "data", data.legal_acts.by_id(), set(data.contacts)
        )
    if cache is not None:
        cache.stamp, cache.data, cache.data_problems = stamp, data, list(checks.data)
        cache.tools_stamp, cache.tools, cache.tool_problems = tools_stamp, tools, list(checks.tools)
    checks.tools += marker_problems(((page.path, page.text) for page in pages), tools)
    if settings is None or any(p.severity == "error" for p in checks.data):
        return None, checks
    return HubBuild(settings, data, pages, citations, checks, tools), checks


def attach(config: MkDocsConfig, build: HubBuild) -> None:
    """Make ``build`` the state of the build that ``config`` configures."""
    config[CONFIG_KEY] = build


def hub(config: MkDocsConfig) -> HubBuild:
    """The state of the build in progress (made by hooks/site_data.py in on_config)."""
    build = config.get(CONFIG_KEY)
    if not isinstance(build, HubBuild):
        raise RuntimeError("no HubBuild: hooks/site_data.py must be listed before other hooks")
    return build
