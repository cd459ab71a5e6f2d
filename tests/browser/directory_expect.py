"""What the directory's keyword filter should find, computed from data/ on its own terms.

An independent statement of the rule (not the site's code): a typed word matches the start of a
word of any profile field a visitor sees, folded (lower case, ä = ae, ö = oe, ü = ue, ß = ss,
accents dropped; a hyphenated word also as its parts and joined); words of one or two letters
match whole words only; several words must all match. Name matches rank first, then the
displayed name in German order (as the page lists them).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from playwright.sync_api import Page

from saxonyhub.catalogue import technology_entries, top_technologies
from saxonyhub.datastore import load_store

STORE, _ = load_store(Path(__file__).resolve().parents[2])
ORGS = STORE.all("organisations")
TOTAL = len(ORGS)
ENTRIES = technology_entries(STORE)
LANGS = {"de": "", "en": "en/"}
_WORD = re.compile(r"[^\W_]+(?:[-‐‑][^\W_]+)*")
_HYPHEN = re.compile(r"[-‐‑]")


def fold(text: str) -> str:
    text = text.lower()
    for umlaut, spelled in {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}.items():
        text = text.replace(umlaut, spelled)
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def tokens(text: str) -> set[str]:
    found = set()
    for word in _WORD.findall(unicodedata.normalize("NFC", text)):
        parts = _HYPHEN.split(fold(word))
        found.update(parts)
        found.add("".join(parts))
    return found


def query_words(query: str) -> list[str]:
    return [_HYPHEN.sub("", fold(w)) for w in _WORD.findall(query)]


def shown_name(org, lang: str) -> str:
    return (org.name_en if lang == "en" else None) or org.name


def name_text(org) -> str:
    return " ".join(n for n in (org.name, org.name_en, org.short_name) if n)


def term(kind: str, term_id: str, lang: str) -> str:
    terms = getattr(STORE.taxonomy, kind)
    return next(t.label.get(lang) for t in terms if t.id == term_id)


def profile_text(org, lang: str) -> str:
    """Every field of a profile the filter covers, in ``lang``."""
    techs = set(org.technologies) | set(top_technologies(org.technologies, ENTRIES))
    phrases = [
        p for f in (org.competences, org.offers, org.product_areas) if f for p in f.get(lang)
    ]
    return " ".join(
        [
            name_text(org),
            term("organisation_types", org.type, lang),
            *(term("company_roles", r, lang) for r in org.roles),
            STORE.taxonomy.city(org.city, lang),
            org.summary.get(lang),
            *phrases,
            *(ENTRIES[t].label.get(lang) for t in techs),
        ]
    )


def has(words: set[str], word: str) -> bool:
    return word in words if len(word) < 3 else any(w.startswith(word) for w in words)


def found(query: str, lang: str) -> set[str]:
    """Ids of the organisations the query finds."""
    words = query_words(query)
    return {o.id for o in ORGS if all(has(tokens(profile_text(o, lang)), w) for w in words)}


def ranked(query: str, lang: str, page_order: list[str]) -> list[str]:
    """Ids the query finds in the order the page should list them: more words matching a name
    first, then the page's own order (the displayed name, German collation)."""
    words = query_words(query)
    names = {o.id: tokens(name_text(o)) for o in ORGS}
    hits = [i for i in page_order if i in found(query, lang)]
    return sorted(hits, key=lambda i: -sum(has(names[i], w) for w in words))


def listed_ids(page: Page) -> list[str]:
    """Ids of the list items in page order."""
    return page.eval_on_selector_all("[data-hub-items] > li", "lis => lis.map(li => li.dataset.id)")


def visible_ids(page: Page) -> list[str]:
    """Ids of the visible list items in page order."""
    return page.eval_on_selector_all(
        "[data-hub-items] > li:not([hidden])", "lis => lis.map(li => li.dataset.id)"
    )


def type_keyword(page: Page, text: str) -> None:
    """Type into the keyword field and wait until the filter has applied it."""
    page.locator("#hub-keyword").fill(text)
    page.wait_for_function(
        "q => (new URLSearchParams(location.search).get('keyword') || '') === q", arg=text.strip()
    )
