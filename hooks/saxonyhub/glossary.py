"""The German–English glossary: model, loading, the glossary page and abbreviation tooltips."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from .i18n import LocalizedText
from .problems import Problem
from .validation import Locator, duplicate_id_problems, load_validated

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Synonym = Annotated[
    str, Field(min_length=2, max_length=80, pattern=r"^\w[\w ./'’-]*\w$", examples=["KMU"])
]
_FENCE = re.compile(r"^\s*(```|~~~)", re.MULTILINE)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TermText(_Strict):
    """A term and its definition in one language."""

    term: str = Field(
        min_length=1, max_length=120, description="The term as written in running text."
    )
    definition: str = Field(
        min_length=20, max_length=400, description="Plain-text definition, at most 400 characters."
    )


class GlossaryEntry(_Strict):
    """One term pair. ``abbr`` is shown as a tooltip wherever the abbreviation occurs."""

    id: Slug = Field(description="Stable id, used as the anchor on the glossary page.")
    abbr: str | LocalizedText | None = Field(
        None,
        description="Abbreviation: one for both languages, or {de, en} where they differ.",
        examples=["MDR", {"de": "KMU", "en": "SME"}],
    )
    de: TermText
    en: TermText
    see_also: list[Slug] = Field(default_factory=list, description="Ids of related entries.")
    synonyms: list[Synonym] = Field(
        default_factory=list,
        description=(
            "Other words for the term, in either language, that site search treats as the term:"
            " a page using any of them is found with every other (and with the terms and"
            " abbreviations above)."
        ),
        examples=[["Klassifikation", "classification"]],
    )
    source: HttpUrl | None = Field(None, description="Source of the definition.")

    def search_words(self) -> tuple[str, ...]:
        """Every wording of the entry: terms (split at " / "), abbreviations, synonyms."""
        wordings = [*self.de.term.split(" / "), *self.en.term.split(" / ")]
        wordings += [a for a in (self.abbreviation("de"), self.abbreviation("en")) if a]
        return tuple(dict.fromkeys(w.strip() for w in [*wordings, *self.synonyms]))

    def text(self, lang: str) -> TermText:
        return self.de if lang == "de" else self.en

    def abbreviation(self, lang: str) -> str | None:
        if isinstance(self.abbr, LocalizedText):
            return self.abbr.get(lang)
        return self.abbr


class Glossary(_Strict):
    """The file ``data/glossary.yml``."""

    terms: list[GlossaryEntry] = Field(min_length=1)

    def by_id(self) -> dict[str, GlossaryEntry]:
        return {entry.id: entry for entry in self.terms}


def load_glossary(path: Path, display_name: str) -> tuple[Glossary | None, list[Problem]]:
    """Load and check the glossary: model, unique ids, see_also links, unique abbreviations."""
    glossary, marks, problems = load_validated(path, display_name, Glossary)
    if glossary is None:
        return None, problems
    at = Locator(display_name, marks)
    problems = duplicate_id_problems("terms", [t.id for t in glossary.terms], marks, display_name)
    problems += _see_also_problems(glossary, at)
    problems += _abbreviation_problems(glossary, at)
    problems += _synonym_problems(glossary, at)
    return (None if problems else glossary), problems


def _see_also_problems(glossary: Glossary, at: Locator) -> list[Problem]:
    ids = set(glossary.by_id())
    return [
        at.problem(
            ("terms", index, "see_also", position),
            f"'{target}' is not another glossary entry (in entry '{entry.id}')",
            "use the id of another entry in this file",
        )
        for index, entry in enumerate(glossary.terms)
        for position, target in enumerate(entry.see_also)
        if target not in ids or target == entry.id
    ]


def _abbreviation_problems(glossary: Glossary, at: Locator) -> list[Problem]:
    problems = []
    for lang in ("de", "en"):
        seen: dict[str, str] = {}
        for index, entry in enumerate(glossary.terms):
            abbr = entry.abbreviation(lang)
            if abbr is None:
                continue
            if abbr in seen:
                message = f"abbreviation '{abbr}' ({lang}) is already used by '{seen[abbr]}'"
                hint = "an abbreviation can explain only one term"
                problems.append(at.problem(("terms", index, "abbr"), message, hint))
            seen[abbr] = entry.id
    return problems


def _synonym_problems(glossary: Glossary, at: Locator) -> list[Problem]:
    """A synonym repeats a wording of its entry, or belongs to two entries (search would merge
    two concepts)."""
    owner: dict[str, str] = {}
    for entry in glossary.terms:  # terms and abbreviations first: they own their words
        for wording in entry.search_words():
            if wording not in entry.synonyms:
                owner.setdefault(wording.casefold(), entry.id)
    for entry in glossary.terms:
        for synonym in entry.synonyms:
            owner.setdefault(synonym.casefold(), entry.id)
    problems = []
    for index, entry in enumerate(glossary.terms):
        own = {w.casefold() for w in [*entry.de.term.split(" / "), *entry.en.term.split(" / ")]}
        for position, synonym in enumerate(entry.synonyms):
            key = synonym.casefold()
            if key in own:
                why, hint = "repeats the entry's own term", "remove it: terms are searched anyway"
            elif owner[key] != entry.id:
                why = f"is already a wording of entry '{owner[key]}'"
                hint = "a word can stand for one glossary entry only"
            else:
                continue
            message = f"synonym '{synonym}' {why} (in entry '{entry.id}')"
            problems.append(at.problem(("terms", index, "synonyms", position), message, hint))
    return problems


def abbreviation_titles(glossary: Glossary, lang: str) -> dict[str, str]:
    """Abbreviation -> tooltip text (the full term) in ``lang``."""
    titles = {}
    for entry in glossary.terms:
        abbr = entry.abbreviation(lang)
        if abbr:
            titles[abbr] = entry.text(lang).term
    return titles


def abbreviation_block(markdown: str, titles: dict[str, str]) -> str:
    """Python-Markdown ``*[ABBR]: title`` lines for the abbreviations ``markdown`` uses.

    Returns an empty string where appending would corrupt the page: when the text ends inside an
    unclosed code fence, the definitions would be shown as code instead of being applied.
    """
    if len(_FENCE.findall(markdown)) % 2:
        return ""
    # The substring test first: it is much cheaper than a regex per term on every page.
    used = [
        abbr
        for abbr in titles
        if abbr in markdown and re.search(rf"\b{re.escape(abbr)}\b", markdown)
    ]
    lines = [f"*[{abbr}]: {titles[abbr]}" for abbr in sorted(used)]
    return "\n".join(lines)


@dataclass(frozen=True)
class GlossarySection:
    """Entries under one initial letter, sorted by the term in the page's language."""

    letter: str
    entries: list[GlossaryEntry]


def sort_key(text: str) -> str:
    """Alphabetical order as readers expect it: case and accents ignored (Ä with A)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def glossary_sections(glossary: Glossary, lang: str) -> list[GlossarySection]:
    """The glossary page's sections, A to Z, in ``lang``."""
    entries = sorted(glossary.terms, key=lambda e: sort_key(e.text(lang).term))
    sections: list[GlossarySection] = []
    for entry in entries:
        letter = sort_key(entry.text(lang).term)[:1].upper()
        if not sections or sections[-1].letter != letter:
            sections.append(GlossarySection(letter, []))
        sections[-1].entries.append(entry)
    return sections
