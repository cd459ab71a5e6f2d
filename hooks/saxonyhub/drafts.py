"""Drafts: pages and data entries that are checked like everything else but not published.

A Markdown page is a draft when its front matter says `draft: true`; organisations, services and
events carry the same flag in their data file. Contacts have none: a contact is only shown where
a published entry names it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mkdocs.structure.files import File

from .datastore import DataStore
from .page_meta import PageMeta, read_page_meta
from .pages import PageIndex
from .problems import Problem

PAGE_HINT = "delete the line 'draft: true' when the page is ready to be published"
ENTRY_HINT = "delete the line 'draft: true' when the entry is ready to be published"


def draft_files(files: Iterable[File], pages: PageIndex) -> list[File]:
    """The files of ``files`` whose page is a draft (generated files have no page on disk).

    A page whose front matter is broken is not treated as a draft: validation reports it and
    the build fails, which is safer than silently leaving it out.
    """
    drafts = []
    for file in files:
        meta = pages.meta(file.src_uri) if file.abs_src_path is not None else None
        if meta is not None and meta.draft:
            drafts.append(file)
    return drafts


def is_draft_page(path: Path, display_name: str) -> bool:
    """True when the page's front matter is valid and says ``draft: true``.

    A page whose front matter is broken is not treated as a draft: validation reports it and
    the build fails, which is safer than silently leaving it out.
    """
    meta, _ = read_page_meta(path, display_name)
    return meta is not None and meta.draft


def draft_notices(pages: dict[str, PageMeta], store: DataStore | None) -> list[Problem]:
    """One notice per draft page (``pages`` keyed by path below docs/) and draft data entry."""
    notices = [
        Problem(
            f"docs/{path}",
            0,
            0,
            "draft",
            "this page is a draft and is not published",
            PAGE_HINT,
            severity="notice",
        )
        for path, meta in sorted(pages.items())
        if meta.draft
    ]
    for loaded in store.entities.values() if store else []:
        for entry in loaded.values():
            if getattr(entry.model, "draft", False):
                line, col = entry.marks.get(("draft",), (0, 0))
                notices.append(
                    Problem(
                        entry.file,
                        line,
                        col,
                        "draft",
                        "this entry is a draft and is not published",
                        ENTRY_HINT,
                        severity="notice",
                    )
                )
    return notices
