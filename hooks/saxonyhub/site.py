"""Everything the build reads from ``data/``, loaded and validated into one object."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .acts import LegalActs, load_legal_acts
from .datastore import DataStore, load_store
from .entities import Contact, Service
from .glossary import Glossary, load_glossary
from .i18n import Labels, load_labels
from .operator import Operator, load_operator
from .problems import Problem, ProblemList


@dataclass
class SiteData:
    """Validated site data for one build. A new object is made for every build."""

    labels: Labels
    operator: Operator
    legal_acts: LegalActs
    glossary: Glossary
    store: DataStore
    notices: list[Problem] = field(default_factory=list)

    @property
    def contacts(self) -> dict[str, Contact]:
        return {contact.id: contact for contact in self.store.all("contacts")}

    @property
    def services(self) -> dict[str, Service]:
        """Published services only: a guide cannot point readers at a draft."""
        return {service.id: service for service in self.store.all("services")}


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
    data = project_dir / "data"
    problems = ProblemList()
    labels, found = load_labels(data / "labels.yml", "data/labels.yml")
    problems.extend(found)
    operator, found = load_operator(data / "operator.yml", "data/operator.yml")
    problems.extend(found)
    legal_acts, found = load_legal_acts(data / "legal_acts.yml", "data/legal_acts.yml")
    problems.extend(found)
    glossary, found = load_glossary(data / "glossary.yml", "data/glossary.yml")
    problems.extend(found)
    store, found = load_store(project_dir)
    problems.extend(found)
    if (
        problems.errors
        or labels is None
        or operator is None
        or legal_acts is None
        or glossary is None
        or store is None
    ):
        raise DataError(problems)
    return SiteData(labels, operator, legal_acts, glossary, store, notices=problems.notices)
