"""The project's real data and pages pass every check; schemas are fresh; languages mirror."""

from __future__ import annotations

from pathlib import Path

import pytest

from saxonyhub.datastore import ENTITY_KINDS, load_store
from saxonyhub.page_meta import validate_docs
from saxonyhub.schema_export import all_schemas
from schemas import SCHEMA_DIR, render

ROOT = Path(__file__).resolve().parents[2]
DATA_FILES = sorted(
    p.relative_to(ROOT).as_posix()
    for kind in ENTITY_KINDS
    for p in (ROOT / "data" / kind).glob("*")
)
# Pages that exist in one language only, on purpose (none so far).
UNTRANSLATED: set[str] = set()


@pytest.fixture(scope="module")
def real_problems() -> list[str]:
    _, problems = load_store(ROOT)
    return [p.format() for p in problems]


def test_every_kind_of_data_has_files():
    # An empty parameter list would only skip the test below.
    assert {path.split("/")[1] for path in DATA_FILES} == set(ENTITY_KINDS)


@pytest.mark.parametrize("data_file", DATA_FILES)
def test_data_file_is_valid(data_file: str, real_problems: list[str]):
    assert [p for p in real_problems if p.startswith(data_file + ":")] == []


def test_real_data_has_no_problems_at_all(real_problems: list[str]):
    assert real_problems == []


def test_sample_data_is_large_enough():
    store, _ = load_store(ROOT)
    assert len(store.all("organisations")) >= 20
    assert len(store.all("services")) >= 8
    assert {r.id for r in store.all("regions")} >= {"dresden", "leipzig", "chemnitz"}
    assert any(e.id.startswith("bionection") for e in store.all("events"))


def test_every_organisation_names_its_sources():
    store, _ = load_store(ROOT)
    assert all(o.sources and o.verified for o in store.all("organisations", published=False))


def test_page_front_matter_is_valid():
    _, problems = validate_docs(ROOT / "docs")
    assert [p.format() for p in problems] == []


def test_committed_schemas_match_the_models():
    for name, schema in all_schemas().items():
        path = SCHEMA_DIR / f"{name}.schema.json"
        assert path.read_text(encoding="utf-8") == render(schema), f"run 'make schemas' ({name})"


def test_german_and_english_pages_mirror_each_other():
    docs = ROOT / "docs"
    german = {p.relative_to(docs / "de").as_posix() for p in (docs / "de").rglob("*.md")}
    english = {p.relative_to(docs / "en").as_posix() for p in (docs / "en").rglob("*.md")}
    assert (german ^ english) - UNTRANSLATED == set()
