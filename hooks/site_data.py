"""Load and check settings, data/ and docs/ into this build's HubBuild; register the filters.

Events: on_config at priority 100, before every other project hook (hooks/language_build.py at
200 only picks the language): makes the build state (saxonyhub.build_state.HubBuild) for each
language build and `mkdocs serve` rebuild, failing with every data or settings problem at once;
the other hooks read it with saxonyhub.build_state.hub(config). on_files drops template fragments
from the output. on_env registers the `loc` and `day` filters on the theme environment, the
loader of Material's own templates and the cache of compiled templates (prepare_theme_env).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from saxonyhub.build_state import attach, load_build
from saxonyhub.preview import CONFIG_KEY as PREVIEW_KEY
from saxonyhub.preview import PreviewState
from saxonyhub.problems import ProblemList
from saxonyhub.settings import settings_marks
from saxonyhub.templating import prepare_theme_env


def _languages(config: MkDocsConfig) -> list[tuple[str, bool]]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [(str(config.theme["language"]), True)]
    return [(lang.locale, lang.default) for lang in i18n.config.languages]


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config_file = Path(config.config_file_path)
    marks = settings_marks(config_file.read_text(encoding="utf-8"))
    extra = config.extra.get("saxonyhub")
    preview = config.get(PREVIEW_KEY)  # `make serve` keeps data/ loaded across rebuilds
    cache = preview.loads if isinstance(preview, PreviewState) else None
    build, checks = load_build(config_file.parent, extra, _languages(config), marks, cache)
    for title, problems in (("Invalid data", checks.data), ("Invalid settings", checks.settings)):
        if ProblemList(problems).errors:
            raise PluginError(f"{title}:\n{ProblemList(problems).report()}")
    assert build is not None  # no errors, so load_build made it
    attach(config, build)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # Fragments in overrides/ are rendered into pages, never published as files of their own.
    for file in [
        f for f in files if f.src_uri.startswith("fragments/") and not f.is_documentation_page()
    ]:
        files.remove(file)
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    prepare_theme_env(env, config)
    return env
