"""Index-time word processing for site search: spellings, German compounds, glossary synonyms.

The browser's search engine (Pagefind) matches words and word starts, stemmed per language. What
it cannot know is added at index time as extra terms of each page (saxonyhub.search_index puts
them into a hidden section of the indexed copy, never into the published page):

- spellings: ä/ae, ö/oe, ü/ue, ß/ss, and hyphenated words joined ("Medizinprodukte-Verordnung"
  is also "Medizinprodukteverordnung");
- German compounds split into the words they are made of, using the site's own vocabulary: a part
  counts only if it occurs as a word of its own somewhere on the site, so "Verordnung" finds
  "Medizinprodukteverordnung" and "Bewertungsverfahren" finds "Konformitätsbewertungsverfahren";
- synonyms and abbreviations from data/glossary.yml: a page that says "Benannte Stelle" is also
  found with "notified body", one that says "KMU" with "SME".

All functions are pure; tests/unit/test_search_text.py covers them.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

WORD = re.compile(r"\w+(?:[-‑]\w+)*")
HYPHEN = re.compile(r"[-‑]")
VARIANT_WORD = re.compile(r"[^\W\d_]+(?:[-‑][^\W\d_]+){0,3}")  # letters, at most four parts
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# Linking elements (Fugenelemente) a German compound puts after a modifier: Konformität-s-bewertung.
LINKS = ("s", "es", "n", "en", "e", "er")
STEM_ENDINGS = ("en", "ung")  # herstell -> herstellen, herstellung
MIN_PART = 4  # shorter parts are too often mere syllables ("bio", "ver")
MIN_HEAD = 5  # the last part of a compound: a real word, not a suffix ("heit", "ung")
# Prefix-like words that a splitter would mistake for modifiers ("Unter|nehmen", "Über|gang").
NOT_MODIFIERS = frozenset(
    "unter über ueber durch gegen hinter nach neben wider zwischen vorder ober innen aussen außen "
    "herum voran voraus zurück zurueck zusammen einzel selbst".split()
)
# An extra term counts at most this often, however often its source occurs: each repetition
# costs bytes in the fragment a browser loads per result, and adds little to Pagefind's score.
MAX_REPEAT = 1
# Synonyms are the exception: repeated as often as the page mentions the concept (up to three
# times), a page about "Klassifizierung" is found first with "Klassifikation" too.
SYNONYM_REPEAT = 3


def fold(word: str) -> str:
    """Lower case with umlauts and ß spelled out: "Prüfung" -> "pruefung"."""
    return word.lower().translate(_FOLD)


def words(text: str) -> list[str]:
    """The words of ``text``; hyphenated words stay whole ("CE-Kennzeichnung")."""
    return WORD.findall(text)


def vocabulary(texts: Iterable[str]) -> Counter[str]:
    """Lower-case words (hyphenated ones also as parts) and how many texts contain each."""
    counts: Counter[str] = Counter()
    for text in texts:
        seen = set()
        for word in words(text):
            lower = word.lower()
            seen.add(lower)
            seen.update(HYPHEN.split(lower))
        counts.update(seen)
    return counts


def _known_modifier(modifier: str, known: set[str] | Counter[str]) -> str | None:
    """The word a compound's modifier stands for, e.g. "konformitäts" -> "konformität"."""
    if modifier in NOT_MODIFIERS:
        return None
    if modifier in known:
        return modifier
    for link in LINKS:
        base = modifier[: -len(link)]
        if modifier.endswith(link) and len(base) >= MIN_PART and base in known:
            return base
    for ending in STEM_ENDINGS:  # a verb stem: "Herstell|verfahren", "Mess|technik"
        if modifier + ending in known:
            return modifier
    return None


def split_compound(word: str, known: set[str] | Counter[str]) -> list[str]:
    """The parts of a German compound, lower case, as written in the word (links kept).

    Arguments:
        word: one word without hyphens.
        known: lower-case words of the site (a part must be one of them, after removing a
            linking element from a modifier).

    Returns:
        ``[word.lower()]`` when the word is not a compound of known words, else its parts in
        order, e.g. ``["konformitäts", "bewertungs", "verfahren"]``.
    """
    lower = word.lower()
    for cut in range(MIN_PART, len(lower) - MIN_HEAD + 1):  # the longest known head first
        modifier, head = lower[:cut], lower[cut:]
        if head not in known:
            continue
        if _known_modifier(modifier, known):
            return [modifier, *split_compound(head, known)]
        inner = split_compound(modifier, known)
        if len(inner) > 1:
            return [*inner, *split_compound(head, known)]
    return [lower]


def compound_terms(word: str, known: set[str] | Counter[str]) -> list[str]:
    """Every shorter word a compound contains: each run of its parts, modifiers without links.

    "Konformitätsbewertungsverfahren" -> konformität, konformitätsbewertung, bewertung,
    bewertungsverfahren, verfahren.
    """
    parts = split_compound(word, known)
    terms = []
    for start in range(len(parts)):
        for end in range(start + 1, len(parts) + 1):
            if (start, end) == (0, len(parts)):
                continue
            term = "".join(parts[start:end])
            if end < len(parts):
                term = _known_modifier(term, known) or term
            terms.append(term)
    return terms


class Splitter:
    """compound_terms for one language's vocabulary, remembered per word (a build meets the same
    words on thousands of pages)."""

    def __init__(self, known: set[str] | Counter[str]) -> None:
        self.known = known
        self._terms: dict[str, list[str]] = {}

    def terms(self, word: str) -> list[str]:
        if word not in self._terms:
            self._terms[word] = compound_terms(word, self.known)
        return self._terms[word]


def spelling_terms(word: str, umlauts: bool = True) -> list[str]:
    """Other spellings of ``word``: hyphens removed, umlauts and ß spelled out (unless
    ``umlauts`` is false: Pagefind's German stemmer treats "ae" and "ä" alike by itself)."""
    lower = word.lower()
    variants = []
    joined = HYPHEN.sub("", lower)
    if joined != lower:
        variants.append(joined)
    for variant in [lower, joined] if umlauts else []:
        folded = fold(variant)
        if folded != variant and folded not in variants:
            variants.append(folded)
    return variants


@functools.lru_cache(maxsize=2**16)
def _spellings(word: str, umlauts: bool) -> tuple[str, ...]:
    """spelling_terms, remembered: variant_terms meets the same words on thousands of pages."""
    return tuple(spelling_terms(word, umlauts))


@dataclass(frozen=True)
class SynonymGroup:
    """Words for one concept, in any language: glossary terms, abbreviations, synonyms."""

    members: tuple[str, ...]


@dataclass(frozen=True)
class MemberPattern:
    group: int
    literal: str  # the member's first word, folded: a cheap test before the regex
    regex: re.Pattern[str]


def member_regex(member: str) -> re.Pattern[str] | None:
    """A regex over folded text for one wording; words may carry inflection ("Benannten
    Stellen" for "Benannte Stelle"), abbreviations may not."""
    parts = [re.escape(fold(w)) for w in words(member)]
    if not parts:
        return None
    ending = r"\w{0,3}" if len(member) > 3 else ""
    return re.compile(r"\b" + (ending + r"\W+").join(parts) + ending + r"\b")


def synonym_matcher(groups: list[SynonymGroup]) -> list[MemberPattern]:
    """What synonym_terms looks for: one pattern per wording of every group."""
    patterns = []
    for index, group in enumerate(groups):
        for member in group.members:
            regex = member_regex(member)
            if regex is not None:
                patterns.append(MemberPattern(index, fold(words(member)[0]), regex))
    return patterns


def synonym_terms(text: str, groups: list[SynonymGroup], matcher: list[MemberPattern]) -> list[str]:
    """The other members of every group that ``text`` mentions, repeated as often as mentioned
    (at most SYNONYM_REPEAT times), so that a synonym weighs about what the word in the text
    does."""
    folded_text = fold(text)
    hits: Counter[int] = Counter()
    for pattern in matcher:
        if pattern.literal in folded_text:
            hits[pattern.group] += len(pattern.regex.findall(folded_text))
    terms = []
    for index, count in sorted(hits.items()):
        if not count:
            continue
        for member in groups[index].members:
            if fold(member) not in folded_text:
                terms.extend([member] * min(count, SYNONYM_REPEAT))
    return terms


def variant_terms(text: str, splitter: Splitter | None) -> list[str]:
    """The words to index in addition to ``text``: other spellings and compound parts.

    Arguments:
        text: the words of a page (or of its title).
        splitter: the compound splitter of a German page; None on other pages, where
            compounds stay whole and umlauts are spelled out (the English stemmer does not
            know that "Pruefung" is "Prüfung").

    Returns:
        Each term as often as its source word occurs (at most MAX_REPEAT times), a term that
        several words contain ("medizin" in every "Medizinprodukt…") counted once.
    """
    counts = Counter(words(text))
    terms: list[str] = []
    present = {w.lower() for w in counts}
    for word, count in counts.items():
        if not VARIANT_WORD.fullmatch(word):
            continue  # numbers, web addresses, codes: searched as written
        extra = list(_spellings(word, splitter is None))
        if splitter is not None and len(word) >= MIN_PART + MIN_HEAD:
            for piece in HYPHEN.split(word):
                extra += splitter.terms(piece)
        for term in dict.fromkeys(extra):
            if term not in present:
                terms.extend([term] * min(count, MAX_REPEAT))
                present.add(term)
    return terms
