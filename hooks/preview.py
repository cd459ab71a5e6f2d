"""Fast rebuilds in `make serve`: build only the pages an edit can change.

Acts only when scripts/serve.py hands the build a PreviewState (saxonyhub.preview) in its config;
`mkdocs build`, scripts/build.py and plain `mkdocs serve` are untouched. Events:
- on_config at priority -200 (after static-i18n's -100 has set up the language): a fast build
  leaves out the theme's static templates (sitemap.xml, 404.html: they change only with the
  file list or the navigation, i.e. with a full build) and reuses the list of the theme's files;
  on_config and on_env give both Jinja
  environments the state's compiled templates (saxonyhub.preview.TemplateCache).
- on_files at priority -150 (after static-i18n's -100 sorted the files and every hook generated
  its pages): records this language's generated pages and translation states as the state's
  pending memo, and in a fast build marks every page outside saxonyhub.preview.pages_to_render
  as unmodified, which MkDocs' dirty build then skips (keeping its previous HTML).
- on_nav at priority -150: reads the front matter of skipped pages, so that the navigation of
  the pages that are built shows their titles as a full build does (hooks/page_titles.py).
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from page_titles import html_title

from saxonyhub.build_state import hub
from saxonyhub.preview import (
    CONFIG_KEY,
    LanguageMemo,
    PreviewState,
    entity_kind,
    generated_digest,
    page_markers,
    pages_to_render,
)
from saxonyhub.templating import page_language, theme_env

SKIPPED = "saxonyhub_preview_skipped"  # File attribute: left out of this fast build


def _state(config: MkDocsConfig) -> PreviewState | None:
    state = config.get(CONFIG_KEY)
    return state if isinstance(state, PreviewState) else None


@event_priority(-200)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state = _state(config)
    if state is None:
        return config
    if state.plan.full:
        state.theme_files = None  # a full build lists the theme's files afresh
    else:
        state.static_templates = frozenset(config.theme.static_templates)
        config.theme.static_templates.clear()
        _list_theme_once(config, state)
    theme_env(config).bytecode_cache = state.templates["fragments"]
    return config


def _list_theme_once(config: MkDocsConfig, state: PreviewState) -> None:
    """Give this build's theme environments the file list of the theme folders, walked once
    per full build: MkDocs walks them (Material's 14,000 files) for every build to find the
    theme's static files. Names in dot folders are left out, as MkDocs' own filter leaves them
    out (mkdocs.structure.files.Files.add_files_from_theme)."""
    make_env = config.theme.get_env

    def get_env() -> Environment:
        env = make_env()
        loader = env.loader
        assert loader is not None  # MkDocs' theme environments have a FileSystemLoader
        if state.theme_files is None:
            names = loader.list_templates()
            state.theme_files = [n for n in names if not n.startswith(".") and "/." not in n]
        listing = state.theme_files
        loader.list_templates = lambda: list(listing)  # type: ignore[method-assign]
        return env

    config.theme.get_env = get_env  # type: ignore[method-assign]


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    state = _state(config)
    if state is not None:
        env.bytecode_cache = state.templates["pages"]
    return env


def _unmodified() -> bool:
    return False


def _modified() -> bool:
    return True


@event_priority(-150)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    state = _state(config)
    if state is None:
        return files
    build, lang = hub(config), page_language(config)
    written = build.pages.pages
    pages = [file for file in files.documentation_pages() if file.src_uri not in written]
    generated = {
        file.src_uri: generated_digest(file.content_string, build.raw_html.get(file.src_uri))
        for file in pages
    }
    root = f"{lang}/"
    translations = {root + path: status for path, status in build.translations.items()}
    state.pending[lang] = LanguageMemo(generated, translations)
    if state.plan.full:
        return files
    # Left out of the theme's templates in on_config, so MkDocs lists them as plain files.
    for file in [f for f in files if f.src_uri in state.static_templates]:
        files.remove(file)
    render = pages_to_render(
        state.plan,
        lang,
        generated,
        state.memos.get(lang),
        translations,
        {p.path: m for p in build.pages if p.language == lang if (m := page_markers(p.text))},
        build.data_sources,
        {f.src_uri: kind for f in pages if (kind := entity_kind(f.content_string))},
    )
    if render is None:  # nothing to compare with: build every page of this language
        render = frozenset(file.src_uri for file in files.documentation_pages())
    state.rendered[lang] = render
    for file in files.documentation_pages():
        _mark(file, file.src_uri in render)
    return files


def _mark(file: File, render: bool) -> None:
    # MkDocs' dirty build asks each file; an instance attribute answers for this build only.
    file.is_modified = _modified if render else _unmodified  # type: ignore[method-assign]
    setattr(file, SKIPPED, not render)


@event_priority(-150)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    state = _state(config)
    if state is None or state.plan.full:
        return nav
    for file in files.documentation_pages():
        if getattr(file, SKIPPED, False) and file.page is not None:
            file.page.read_source(config)
            if "title" in file.page.meta:
                file.page.meta["title"] = html_title(file.page.meta["title"])
    return nav
