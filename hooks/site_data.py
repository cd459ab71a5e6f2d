"""Load and validate data/ once per build and give templates the filters they need.

Events: on_config (load data into saxonyhub.site.current; fail with every problem at once),
on_files (drop template fragments from the output),
on_env (register the `loc` and `day` filters on the theme environment). Runs before the
other project hooks, which read saxonyhub.site.current.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

import saxonyhub.site as site
from saxonyhub.templating import register_filters


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project_dir = Path(config.config_file_path).parent
    try:
        site.current = site.load_site_data(project_dir)
    except site.DataError as error:
        raise PluginError(f"Invalid data:\n{error}") from None
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # Fragments in overrides/ are rendered into pages, never published as files of their own.
    for file in [
        f for f in files if f.src_uri.startswith("fragments/") and not f.is_documentation_page()
    ]:
        files.remove(file)
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    register_filters(env, config)
    # MkDocs creates the environment with auto_reload, so Jinja stats every template file on
    # every include; one build never sees a template change (serve makes a new environment).
    env.auto_reload = False
    return env
