"""Structured legal citations: `[[MDR Art. 52(7)]]` becomes a localised link to the act's text.

Events: on_files at priority -110, i.e. after static-i18n (-100) has picked this language's files:
fails with `docs/<lang>/<file>:line:col` for unknown acts and malformed locators. The citations of
every Markdown page below docs/ (both languages, so that one build reports every mistake) are
indexed when the build state is loaded (HubBuild.citations, saxonyhub.build_state.load_build);
hooks/acts.py (on_files at -120) reads who cites what from there, so act pages know their
citing guides before any page renders. on_page_markdown: replaces each citation with
fragments/citations/cite.html, worded and linked for the page's language. Order: markers.py
(default priority, listed before this hook in mkdocs.yml) runs first, so citations in marker
output are replaced too; glossary.py (-50) runs after both.
"""

from __future__ import annotations

from functools import partial

from jinja2 import Template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from saxonyhub.acts import CitationError, cite, parse_reference, replace_citations
from saxonyhub.build_state import hub
from saxonyhub.problems import ProblemList
from saxonyhub.site import SiteData
from saxonyhub.templating import page_language, theme_env

log = get_plugin_logger(__name__)


@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build = hub(config)
    problems = ProblemList(build.checks.citations)
    if problems.errors:
        raise PluginError(f"Invalid legal citations:\n{problems.report()}")
    log.info(f"{build.citations.count} legal citations checked")
    return files


def render_citations(markdown: str, data: SiteData, template: Template, lang: str, src: str) -> str:
    """``markdown`` with every citation rendered by ``template`` (``src``: the page's file)."""
    acts = data.legal_acts.by_id()
    pattern = partial(data.labels.t, lang=lang)

    def render(text: str) -> str:
        try:
            reference = parse_reference(text, acts)
        except CitationError as error:  # only in generated pages, which on_files skips
            raise PluginError(f"docs/{src}: {error.message}") from None
        return template.render(citation=cite(reference, acts[reference.act], lang, pattern))

    return replace_citations(markdown, render)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "[[" not in markdown:
        return markdown
    template = theme_env(config).get_template("fragments/citations/cite.html")
    data, lang = hub(config).data, page_language(config)
    return render_citations(markdown, data, template, lang, page.file.src_uri)
