"""The page index: every Markdown page below docs/, read and its front matter checked once.

Hooks and `make validate` ask the index instead of reading files: drafts, news, guide titles,
citations, review dates, translation states and the sitemap filter all come from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .page_meta import PageMeta, PageReferences, check_page
from .problems import Problem


@dataclass(frozen=True)
class PageSource:
    """One Markdown page as written: ``path`` is below docs/ ("de/guides/ivdr.md"), which is
    MkDocs' ``File.src_uri`` for a page on disk."""

    path: str
    text: str
    meta: PageMeta | None  # None when the front matter is invalid (see ``problems``)
    problems: tuple[Problem, ...] = ()

    @property
    def language(self) -> str:
        return self.path.partition("/")[0]

    @property
    def inner(self) -> str:
        """The path inside its language folder: "guides/ivdr.md"."""
        return self.path.partition("/")[2]

    @property
    def title(self) -> str:
        return self.meta.title if self.meta else self.inner


@dataclass(frozen=True)
class PageIndex:
    """All pages by path below docs/, sorted by path."""

    pages: dict[str, PageSource] = field(default_factory=dict)

    @classmethod
    def scan(cls, docs_dir: Path, references: PageReferences | None = None) -> PageIndex:
        """Read and check every ``*.md`` below ``docs_dir``.

        Arguments:
            references: known contact and service ids; without them, ids are not checked.
        """
        pages = {}
        for file in sorted(docs_dir.rglob("*.md")):
            path = file.relative_to(docs_dir).as_posix()
            text = file.read_text(encoding="utf-8")
            meta, problems = check_page(path, text, references)
            pages[path] = PageSource(path, text, meta, tuple(problems))
        return cls(pages)

    def __iter__(self) -> Iterator[PageSource]:
        return iter(self.pages.values())

    def get(self, path: str) -> PageSource | None:
        return self.pages.get(path)

    def meta(self, path: str) -> PageMeta | None:
        page = self.pages.get(path)
        return page.meta if page else None

    @property
    def metas(self) -> dict[str, PageMeta]:
        """Valid front matter by path below docs/."""
        return {path: page.meta for path, page in self.pages.items() if page.meta is not None}

    @property
    def problems(self) -> list[Problem]:
        return [problem for page in self for problem in page.problems]

    def texts(self) -> dict[str, str]:
        return {path: page.text for path, page in self.pages.items()}
