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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain
from typing import Generic, TypeVar

WORD = re.compile(r"\w+(?:[-‑]\w+)*")
HYPHEN = re.compile(r"[-‑]")
VARIANT_WORD = re.compile(r"[^\W\d_]+(?:[-‑][^\W\d_]+){0,3}")  # letters, at most four parts
RUN = re.compile(r"\w+")  # a run of word characters, as \b in a regex sees words
_FOLD = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"))
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
    # str.replace, not str.translate: a translation to two letters takes translate's slow path
    # (ten times the time on a page's text); the replacements add only ASCII, so none feeds the
    # next one.
    folded = word.lower()
    for letter, spelled in _FOLD:
        folded = folded.replace(letter, spelled)
    return folded


K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V], Generic[K, V]):
    """A dict that computes a missing value once: ``map(memo.__getitem__, keys)`` looks up every
    key without a Python-level loop, and computes only the new ones."""

    def __init__(self, compute: Callable[[K], V]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, key: K) -> V:
        value = self[key] = self.compute(key)
        return value


def words(text: str) -> list[str]:
    """The words of ``text``; hyphenated words stay whole ("CE-Kennzeichnung")."""
    return WORD.findall(text)


def _word_forms(word: str) -> tuple[str, ...]:
    """A word lower case, and its parts if it is hyphenated: what vocabulary counts of it."""
    lower = word.lower()
    return (lower, *HYPHEN.split(lower))


def vocabulary(texts: Iterable[str]) -> Counter[str]:
    """Lower-case words (hyphenated ones also as parts) and how many texts contain each."""
    counts: Counter[str] = Counter()
    forms = Memo(_word_forms)  # the same words in every text: lower and split each once
    for text in texts:
        counts.update(set(chain.from_iterable(map(forms.__getitem__, set(words(text))))))
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
        self.variants = Memo(self._variants)  # word_variants with this splitter, per word

    def terms(self, word: str) -> list[str]:
        if word not in self._terms:
            self._terms[word] = compound_terms(word, self.known)
        return self._terms[word]

    def _variants(self, word: str) -> tuple[str, ...]:
        return word_variants(word, self)


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
    literal: str  # the member's first word, folded
    regex: re.Pattern[str]  # member_regex
    scan: re.Pattern[str]  # scan_regex: the same matches, found faster


def member_regex(member: str) -> re.Pattern[str] | None:
    """A regex over folded text for one wording; words may carry inflection ("Benannten
    Stellen" for "Benannte Stelle"), abbreviations may not."""
    parts = [re.escape(fold(w)) for w in words(member)]
    if not parts:
        return None
    ending = r"\w{0,3}" if len(member) > 3 else ""
    return re.compile(r"\b" + (ending + r"\W+").join(parts) + ending + r"\b")


def scan_regex(member: str) -> re.Pattern[str] | None:
    """member_regex with the same matches, its first word a literal prefix.

    A regex that starts with ``\\b`` is tried at every position of a text; one that starts
    with a literal jumps from one occurrence of it to the next (a tenth of the time on a page).
    The word boundary before the first word becomes a lookbehind after it: no word character
    before the word (where the word starts with one, as every wording's words do).
    """
    found = words(member)
    if not found:
        return None
    first = fold(found[0])
    if not RUN.match(first):
        return member_regex(member)  # \b before a non-word character: no such lookbehind
    parts = [re.escape(fold(w)) for w in found]
    ending = r"\w{0,3}" if len(member) > 3 else ""
    boundary = rf"(?<!\w[\s\S]{{{len(first)}}})"
    return re.compile(
        parts[0] + boundary + (ending + r"\W+").join(["", *parts[1:]]) + ending + r"\b"
    )


def member_key(word: str) -> str:
    """The run of word characters that the match of a wording's folded word starts with in a
    text (member_regex: each word begins a run of the text): the word's first run, "" if it
    does not start with one."""
    run = RUN.match(word)
    return run.group(0) if run else ""


# A run of the text where a word of a wording's match starts is that word's key (member_key)
# followed by at most this many word characters: member_regex allows up to three letters of
# inflection, then a word boundary or a hyphen of the word itself.
KEY_SLACK = 3


def run_keys(run: str, keys: frozenset[str]) -> tuple[str, ...]:
    """The keys (member_key) of ``keys`` that a word of a match may have where it starts at the
    run ``run`` of a text: ``run`` without up to KEY_SLACK of its last characters."""
    stems = (run[: len(run) - cut] for cut in range(min(KEY_SLACK, len(run) - 1) + 1))
    return tuple(stem for stem in dict.fromkeys(stems) if stem in keys)


class SynonymMatcher:
    """What synonym_terms looks for: one pattern per wording of every group, and which patterns
    can match a text at all.

    Testing each of the glossary's 150-odd patterns against a page cost a regex scan wherever
    its first word occurs as a mere substring ("in", "ce", "fuer"): nine in ten found nothing.
    Each word of a match starts a run of word characters in the text that is the word's key
    plus at most KEY_SLACK letters, so the text's runs tell which patterns can match: those
    whose every key they hold. The keys of each run are remembered (one matcher per language
    part: the same words on every page).
    """

    def __init__(self, groups: list[SynonymGroup]) -> None:
        patterns = []
        by_first: dict[str, list[tuple[MemberPattern, frozenset[str]]]] = {}
        for index, group in enumerate(groups):
            for member in group.members:
                regex, scan = member_regex(member), scan_regex(member)
                if regex is None or scan is None:
                    continue
                pattern = MemberPattern(index, fold(words(member)[0]), regex, scan)
                patterns.append(pattern)
                keys = [member_key(fold(w)) for w in words(member)]
                # A word without a key (one that folds to a non-word character): always tried.
                first = keys[0] if "" not in keys else ""
                by_first.setdefault(first, []).append((pattern, frozenset(keys)))
        self.patterns = tuple(patterns)
        self._always = tuple(pattern for pattern, _ in by_first.pop("", ()))
        # By the key of the first word, each with the keys of all words.
        self._by_first = {first: tuple(found) for first, found in by_first.items()}
        all_keys = (keys for found in by_first.values() for _, keys in found)
        self._all_keys: frozenset[str] = frozenset().union(*all_keys)
        self._run_keys = Memo(self._keys_of_run)
        self.folded = Memo(fold)  # the groups' members, folded

    def _keys_of_run(self, run: str) -> tuple[str, ...]:
        return run_keys(run, self._all_keys)

    def candidates(self, folded_text: str) -> list[MemberPattern]:
        """The patterns that may match ``folded_text``: all that do, in no particular order."""
        runs = set(RUN.findall(folded_text))
        found = frozenset(chain.from_iterable(map(self._run_keys.__getitem__, runs)))
        firsts = found.intersection(self._by_first)
        keyed = chain.from_iterable(map(self._by_first.__getitem__, firsts))
        return [*self._always, *(pattern for pattern, keys in keyed if keys <= found)]


def synonym_matcher(groups: list[SynonymGroup]) -> SynonymMatcher:
    """What synonym_terms looks for: one pattern per wording of every group."""
    return SynonymMatcher(groups)


def synonym_terms(text: str, groups: list[SynonymGroup], matcher: SynonymMatcher) -> list[str]:
    """The other members of every group that ``text`` mentions, repeated as often as mentioned
    (at most SYNONYM_REPEAT times), so that a synonym weighs about what the word in the text
    does."""
    folded_text = fold(text)
    hits: Counter[int] = Counter()
    for pattern in matcher.candidates(folded_text):
        hits[pattern.group] += len(pattern.scan.findall(folded_text))
    terms = []
    for index, count in sorted(hits.items()):
        if not count:
            continue
        for member in groups[index].members:
            if matcher.folded[member] not in folded_text:
                terms.extend([member] * min(count, SYNONYM_REPEAT))
    return terms


def word_variants(word: str, splitter: Splitter | None) -> tuple[str, ...]:
    """The terms variant_terms adds for one word of a text: its other spellings, then (with a
    splitter) its compound parts, each once; none for numbers, web addresses, codes."""
    if not VARIANT_WORD.fullmatch(word):
        return ()  # numbers, web addresses, codes: searched as written
    extra = list(_spellings(word, splitter is None))
    if splitter is not None and len(word) >= MIN_PART + MIN_HEAD:
        for piece in HYPHEN.split(word):
            extra += splitter.terms(piece)
    return tuple(dict.fromkeys(extra))


@functools.lru_cache(maxsize=2**16)
def _unsplit_variants(word: str) -> tuple[str, ...]:
    """word_variants without a splitter, remembered like _spellings."""
    return word_variants(word, None)


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
    return counted_variant_terms(Counter(words(text)), splitter)


def counted_variant_terms(counts: Counter[str], splitter: Splitter | None) -> list[str]:
    """variant_terms of a text whose words (words()) ``counts`` counts, in their order."""
    terms: list[str] = []
    present = set(map(str.lower, counts))
    variants = _unsplit_variants if splitter is None else splitter.variants.__getitem__
    for count, extra in zip(counts.values(), map(variants, counts), strict=True):
        for term in extra:
            if term not in present:
                terms.extend([term] * min(count, MAX_REPEAT))
                present.add(term)
    return terms
