"""Whatever staff type into a data file, the loader answers with problems, never a traceback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saxonyhub.datastore import load_store
from saxonyhub.strict_yaml import YamlProblem, loads

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures/data-minimal"
ORG = "data/organisations/example-university.yml"
YAML_ALPHABET = st.sampled_from(list("abc:-[]{}&*!|>'\"#%@` \t\n,?0123456789.ü\\"))


@settings(max_examples=300, deadline=None)
@given(st.text(YAML_ALPHABET, max_size=200))
def test_loads_only_ever_raises_yaml_problems(text: str):
    try:
        loads(text, "data/x.yml")
    except YamlProblem as error:
        assert error.problem.file == "data/x.yml"


@st.composite
def mutated_organisation(draw: st.DrawFn) -> str:
    lines = (FIXTURE / ORG).read_text(encoding="utf-8").splitlines()
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "indent", "garble", "retype"]))
        line = lines[index]
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "indent":
            lines[index] = draw(st.sampled_from([" ", "\t", "    "])) + line
        elif action == "garble":
            lines[index] = line + draw(st.text(YAML_ALPHABET, max_size=8))
        else:
            key = line.split(":", 1)[0]
            lines[index] = f"{key}: {draw(st.sampled_from(['[]', '{}', '42', 'null', '- x']))}"
        if not lines:
            break
    return "\n".join(lines) + "\n"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_organisation())
def test_mutated_files_give_located_problems_not_tracebacks(text: str):
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "p"
        shutil.copytree(FIXTURE, project)
        (project / ORG).write_text(text, encoding="utf-8")
        store, problems = load_store(project)
    assert store is not None
    for problem in problems:
        assert problem.file.startswith("data/") and problem.message
