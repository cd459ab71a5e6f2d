"""Unit-test fixtures: the real data files, loaded once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from saxonyhub.site import SiteData, load_site_data

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def site_data() -> SiteData:
    return load_site_data(ROOT)


@pytest.fixture(scope="session")
def patterns(site_data: SiteData) -> Callable[[str], Callable[[str], str]]:
    """``patterns("de")`` -> the label lookup for German citation patterns."""
    return lambda lang: lambda key: site_data.labels.t(key, lang)
