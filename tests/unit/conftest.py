"""Unit-test fixtures: the real data files, loaded once, and hook configs carrying a HubBuild."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from saxonyhub.acts import CitationIndex
from saxonyhub.build_state import Checks, HubBuild, attach
from saxonyhub.pages import PageIndex
from saxonyhub.settings import HubSettings
from saxonyhub.site import SiteData, load_site_data

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def site_data() -> SiteData:
    return load_site_data(ROOT)


@pytest.fixture(scope="session")
def patterns(site_data: SiteData) -> Callable[[str], Callable[[str], str]]:
    """``patterns("de")`` -> the label lookup for German citation patterns."""
    return lambda lang: lambda key: site_data.labels.t(key, lang)


class FakeConfig(dict):
    """Stands in for MkDocsConfig in hook tests: keys readable as attributes, as MkDocs allows."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


@pytest.fixture
def hub_config(site_data: SiteData) -> Callable[..., FakeConfig]:
    """``hub_config(docs_dir, preview=False, **keys)`` -> a config carrying a HubBuild of the real
    data and the pages below ``docs_dir``, as hooks/site_data.py attaches it in on_config."""

    def make(docs_dir: Path, preview: bool = False, **keys: Any) -> FakeConfig:
        settings = HubSettings(
            languages=("de", "en"), cluster_contact="cluster-office", preview=preview
        )
        pages = PageIndex.scan(docs_dir)
        config = FakeConfig(docs_dir=str(docs_dir), **keys)
        attach(config, HubBuild(settings, site_data, pages, CitationIndex(), Checks()))
        return config

    return make
