"""Everything the build reads from ``data/``, loaded and validated into one object."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .datastore import DataStore, load_store
from .i18n import Labels, load_labels
from .operator import Operator, load_operator
from .problems import Problem, ProblemList


@dataclass
class SiteData:
    """Validated site data for one build. A new object is made for every build."""

    labels: Labels
    operator: Operator
    store: DataStore
    notices: list[Problem] = field(default_factory=list)


class DataError(Exception):
    """Raised with every problem found, so that a run reports all of them at once."""

    def __init__(self, problems: ProblemList) -> None:
        super().__init__(problems.report())
        self.problems = problems


def load_site_data(project_dir: Path) -> SiteData:
    """Load and validate all data files below ``project_dir / 'data'``.

    Raises:
        DataError: with all problems, if any file is invalid.
    """
    problems = ProblemList()
    labels, found = load_labels(project_dir / "data/labels.yml", "data/labels.yml")
    problems.extend(found)
    operator, found = load_operator(project_dir / "data/operator.yml", "data/operator.yml")
    problems.extend(found)
    store, found = load_store(project_dir)
    problems.extend(found)
    if problems.errors or labels is None or operator is None or store is None:
        raise DataError(problems)
    return SiteData(labels=labels, operator=operator, store=store, notices=problems.notices)


# The build's current data. Hook modules are imported once per process (and `mkdocs serve` does not
# reload them), so the data hook replaces this object at the start of every build.
current: SiteData | None = None
