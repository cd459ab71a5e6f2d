"""Author-facing validation problems: collected, sorted and formatted in one place."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an author has to fix, located as precisely as the loader allows."""

    file: str
    line: int = 0
    column: int = 0
    field: str = ""
    message: str = ""
    hint: str = ""
    severity: str = "error"

    def format(self) -> str:
        """Render as ``file:line:col: field: message (hint: ...)``, the form editors link to."""
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        text = f"{where}: "
        if self.field:
            text += f"{self.field}: "
        text += self.message
        if self.hint:
            text += f" — hint: {self.hint}"
        return text

    def format_github(self) -> str:
        """Render as a GitHub Actions workflow command, which shows up as an annotation on the
        pull request: ``::error file=…,line=…,col=…,title=<field>::<message> — hint: <hint>``."""
        command = "notice" if self.severity == "notice" else "error"
        properties = [f"file={_escape_property(self.file)}"]
        if self.line:
            properties += [f"line={self.line}", f"col={self.column or 1}"]
        if self.field:
            properties.append(f"title={_escape_property(self.field)}")
        text = self.message + (f" — hint: {self.hint}" if self.hint else "")
        return f"::{command} {','.join(properties)}::{_escape_data(text)}"


def _escape_data(text: str) -> str:
    # GitHub's workflow-command syntax: '%' first, so that the escapes themselves stay intact.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    # Properties are separated by ',' and end at '::', so those characters are escaped as well.
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass
class ProblemList:
    """Collects problems so that a run reports all of them at once."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def extend(self, problems: list[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.items if p.severity == "error")

    @property
    def notices(self) -> list[Problem]:
        return sorted(p for p in self.items if p.severity == "notice")

    def report(self) -> str:
        """All errors, one per line, followed by a count."""
        errors = self.errors
        lines = [p.format() for p in errors]
        lines.append(f"{len(errors)} error{'s' if len(errors) != 1 else ''} found.")
        return "\n".join(lines)
