"""The narrowed selector of Material's alternate integration (hooks/material_alternate.py), on the
pinned Material's own bundle."""

from __future__ import annotations

from pathlib import Path

import material
import pytest
from material_alternate import NARROWED, SELECTOR, BundleError, narrow_alternate_selector

BUNDLES = sorted(
    (Path(material.__file__).parent / "templates/assets/javascripts").glob("bundle.*.min.js")
)


def test_the_pinned_bundle_gets_the_narrowed_selector():
    [bundle] = BUNDLES
    narrowed = narrow_alternate_selector(bundle.read_text(encoding="utf-8"))
    assert SELECTOR not in narrowed and narrowed.count(NARROWED) == 1


def test_a_narrowed_bundle_stays_as_it_is():
    text = f"x({NARROWED})"
    assert narrow_alternate_selector(text) == text


@pytest.mark.parametrize("text", ["no selector here", f"a({SELECTOR}) b({SELECTOR})"])
def test_another_bundle_is_an_error(text: str):
    with pytest.raises(BundleError, match="expected once"):
        narrow_alternate_selector(text)
