"""Split the combined search index that mkdocs-static-i18n writes into one index per language.

static-i18n stacks every language's entries into a single ``search/search_index.json``
(its issues #31 and #129), so a German query finds English pages. We give each language its own
index under its own root, with lunr configured for that language's stemmer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def split_index(
    index: dict[str, Any], languages: list[str], default: str
) -> dict[str, dict[str, Any]]:
    """Return one search index per language.

    Arguments:
        index: the combined index (``config``, ``docs`` entries with site-relative ``location``).
        languages: all built languages.
        default: the language served at the site root.

    Returns:
        Index per language; non-default languages' locations are made relative to their root.
    """
    prefixes = {lang: f"{lang}/" for lang in languages if lang != default}
    result: dict[str, dict[str, Any]] = {}
    for lang in languages:
        docs = []
        for entry in index.get("docs", []):
            owner = next(
                (code for code, prefix in prefixes.items() if entry["location"].startswith(prefix)),
                default,
            )
            if owner != lang:
                continue
            location = entry["location"]
            if lang in prefixes:
                location = location[len(prefixes[lang]) :]
            docs.append({**entry, "location": location})
        config = {**index.get("config", {}), "lang": [lang]}
        result[lang] = {"config": config, "docs": docs}
    return result


def write_language_indexes(
    site_dir: Path, combined: dict[str, Any], languages: list[str], default: str
) -> None:
    """Write search/search_index.json for the default language and <lang>/search/… for others."""
    for lang, index in split_index(combined, languages, default).items():
        target = site_dir / ("" if lang == default else lang) / "search/search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
