"""Review dates of all pages: reviews.json for reminders and the staff page's schedule.

Events: on_pre_build at priority -10, after page_meta.py has failed the build on invalid front
matter, turns every page's `review` block into HubBuild.reviews (read by the review-schedule
marker). on_files at priority -110, after static-i18n (-100) has picked this language's files:
adds reviews.json (page, language, url, owner, due date of every page in every language) at the
site root as a generated file, so links to it are checked. Each language build writes the same
content, so the last write changes nothing.
"""

from __future__ import annotations

import json

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import saxonyhub.review as review
from saxonyhub.build_state import hub


@event_priority(-10)
def on_pre_build(config: MkDocsConfig) -> None:
    build = hub(config)
    build.reviews = review.review_entries(build.pages.metas, build.settings.default_language)


@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    entries = [entry.as_json() for entry in hub(config).reviews]
    content = json.dumps({"pages": entries}, ensure_ascii=False, indent=2) + "\n"
    files.append(File.generated(config, "reviews.json", content=content))
    return files
