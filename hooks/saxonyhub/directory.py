"""The competence directory's list: its order and what its keyword filter searches.

The page (overrides/fragments/pages/directory.md) lists every organisation; the filter
(docs/assets/javascripts/directory.js) matches word starts over every profile field a visitor
sees. What the list item shows (name, type, roles, city, summary) the script reads from the item
itself, and the technology labels from the filter form; what it does not show is prepared here
and written into two attributes: ``data-names`` (the organisation's other names, which rank like
the displayed one) and ``data-words`` (competences, offers and product areas, each word once and
only if the item does not show it already: the page stays small at thousands of entries).

Pure functions, no MkDocs; tests/unit/test_directory.py covers them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from . import catalogue, names
from .catalogue import TechnologyEntry

# A word as the filter script splits text (hyphenated words stay whole here: the script also
# indexes their parts, so "PET-Diagnostik" must not be dropped because "PET" is shown).
WORD = re.compile(r"\w+(?:[-‐‑]\w+)*")


def collation_key(text: str) -> tuple[Any, ...]:
    """Sort key for German collation as browsers' ``Intl.Collator("de")`` does it (ICU).

    Letters compare without accents and case first ("Ärzte" between "Apotheke" and "Biotech",
    not after "Z"), ß as "ss"; spaces and punctuation come before digits, digits before letters.
    Ties are broken by accents (unaccented first), then by case (lower case first).
    """
    folded = unicodedata.normalize("NFD", text.casefold())
    base = "".join(c for c in folded if not unicodedata.combining(c))
    primary = tuple(_char_class(c) for c in base)
    return primary, folded, text.swapcase()


def _char_class(char: str) -> tuple[int, str]:
    if char.isalpha():
        return 3, char
    if char.isdigit():
        return 2, char
    return (0 if char.isspace() else 1), char


def words(text: str) -> list[str]:
    """The words of ``text`` in order, each once (compared in lower case)."""
    seen: set[str] = set()
    found = []
    for word in WORD.findall(text):
        if word.lower() not in seen:
            seen.add(word.lower())
            found.append(word)
    return found


def unseen_words(texts: Iterable[str], shown: Iterable[str]) -> str:
    """The words of ``texts`` that none of ``shown`` contains, each once, space-separated."""
    known = {word.lower() for text in shown for word in WORD.findall(text)}
    return " ".join(w for w in words(" ".join(texts)) if w.lower() not in known)


@dataclass(frozen=True)
class DirectoryEntry:
    """One list item of the directory in one language."""

    org: Any
    name: str  # the displayed name
    technologies: list[str]  # key technologies and sub-fields, in taxonomy order
    names: str  # words of the other names (other language, short name) not in ``name``
    words: str  # words of competences, offers, product areas the item does not show


def directory_entry(
    org: Any, lang: str, entries: dict[str, TechnologyEntry], shown: Iterable[str] = ()
) -> DirectoryEntry:
    """What the directory's list item of ``org`` needs on a page in ``lang``.

    Arguments:
        shown: further texts the item shows (its type and roles), whose words need no repeat.
    """
    name = names.display_name(org, lang)
    summary = org.summary.get(lang)
    others = [n for n in (org.name, org.name_en, org.short_name) if n and n != name]
    phrases = [
        phrase
        for field in (org.competences, org.offers, org.product_areas)
        if field is not None
        for phrase in field.get(lang)
    ]
    return DirectoryEntry(
        org=org,
        name=name,
        technologies=filter_technologies(org.technologies, entries),
        names=unseen_words(others, [name]),
        words=unseen_words(phrases, [name, summary, org.city, *others, *shown]),
    )


def by_display_name(organisations: Iterable[Any], lang: str) -> list[Any]:
    """Organisations in the order a reader of ``lang`` looks them up: by the name the page
    shows, German collation (technology and region pages list them like the directory)."""
    return sorted(organisations, key=lambda org: collation_key(names.display_name(org, lang)))


def filter_technologies(ids: list[str], entries: dict[str, TechnologyEntry]) -> list[str]:
    """An organisation's technology filter values: the key technologies behind its ids (so the
    key technology finds everyone tagged with one of its sub-fields) and the sub-fields."""
    wanted = set(ids) | set(catalogue.top_technologies(ids, entries))
    return [i for i in entries if i in wanted]


def directory_entries(
    organisations: list[Any], lang: str, entries: dict[str, TechnologyEntry], taxonomy: Any
) -> list[DirectoryEntry]:
    """The directory's list in ``lang``: sorted by the displayed name, German collation.

    Arguments:
        taxonomy: the store's taxonomy, for the type and role labels and the city names
            (Prag, Prague) the items show.
    """
    terms = {t.id: t.label.get(lang) for t in taxonomy.organisation_types}
    roles = {t.id: t.label.get(lang) for t in taxonomy.company_roles}
    listing = [
        directory_entry(
            o,
            lang,
            entries,
            [terms[o.type], *(roles[r] for r in o.roles), taxonomy.city(o.city, lang)],
        )
        for o in organisations
    ]
    return sorted(listing, key=lambda entry: collation_key(entry.name))
