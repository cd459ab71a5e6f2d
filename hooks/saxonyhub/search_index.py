"""Write the site's search index: Pagefind, one index per language, over the built pages.

Runs once the whole site is built (hooks/search.py in a one-process build, scripts/build.py after
merging a parallel one), on the HTML files in ``site_dir``. Pagefind reads a copy of each page
prepared here in memory; the published pages stay as they are. The copy holds

- the page's article only (no navigation, no table of contents), without what the page marks
  ``data-search-exclude`` (organisation lists: each organisation is found by its profile), the
  heading permalinks, the guide review box, the footnotes (sources) and the map caption: what
  is indexed of a page is also what a browser loads to show it as a result, so every KB counts;
- the page's kind (guide, organisation, …) as Pagefind metadata, shown with each result;
- a hidden section of extra terms (saxonyhub.search_text: spellings, German compound parts,
  glossary synonyms), weighted like the words they come from, heading words like headings.

Pages excluded from search (front matter ``search: {exclude: true}``, see overrides/main.html)
and pages without an article are left out. Next to Pagefind's files goes the vocabulary that the
browser uses for typo tolerance: ``pagefind/hub-words.<lang>.<length>.json``, words of a length
with how many pages contain them, fetched only for a long query word that the index lacks.
"""

from __future__ import annotations

import functools
import gzip
import html
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import chain
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from .glossary import Glossary, load_glossary
from .search_text import (
    Memo,
    Splitter,
    SynonymGroup,
    SynonymMatcher,
    counted_variant_terms,
    fold,
    synonym_matcher,
    synonym_terms,
    variant_terms,
    vocabulary,
    words,
)

BUNDLE = "pagefind"
GLOSSARY_FILE = "data/glossary.yml"
EXCLUDE_MARKER = '<meta name="hub-search" content="exclude">'
TERMS_ID = "hub-search-terms"  # the hidden section's heading id; the browser skips its excerpt
MIN_TYPO_WORD = 5  # one edit of a 6-letter query may lead to a 5-letter word
# Locations (word occurrences) per chunk of Pagefind's word index: a query term loads the chunks
# that hold its words, and the list of all chunks (in the page list, pf_meta) comes with the
# first query. Pagefind's default, 20,000, makes a chunk about 20-35 KB gzipped. Measured for
# "Benannte Stelle" at 1,000 organisations (chunks + page list, KB): 20,000: 41.1 + 7.6;
# 5,000: 11.2 + 8.7; 3,000: 7.9 + 9.5; 2,000: 5.5 + 10.4. Pagefind 1.5 reads the setting from
# PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE (options.rs; its integration_tests/index_chunking/ use it);
# tests/build/test_search_index.py checks that it applies.
INDEX_CHUNK_LOCATIONS = 3000
# The kind that the browser assumes for a page outside the "kind" filter: the most numerous one,
# so that the filter file, fetched with the first query, lists every page but the profiles
# (at 1,000 organisations 0.3 KB instead of 2.1 KB). search.js knows it as DEFAULT_KIND.
UNFILTERED_KIND = "organisation"
# Page kind by site path (after the language folder); the first match wins.
KINDS = (
    (re.compile(r"^guides/[^/]+/$"), "guide"),
    (re.compile(r"^guides/tools/"), "tool"),
    (re.compile(r"^organisations/[^/]+/$"), "organisation"),
    (re.compile(r"^services/"), "service"),
    (re.compile(r"^glossary/$"), "glossary"),
    (re.compile(r"^legal/[^/]+/$"), "act"),
    (re.compile(r"^news/[^/]+/$"), "news"),
    (re.compile(r"^events/[^/]+/$"), "event"),
    (re.compile(r"^technologies/"), "technology"),
    (re.compile(r"^locations/"), "location"),
)
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)
_LANG = re.compile(r'<html[^>]* lang="([a-z]{2})"')
# A tag (opening, closing or empty; its attributes with a closing "/" of an empty tag) or a
# comment. The attributes are matched greedily: a lazy match tries the tag's end after every
# character (twice the time of the whole scan); tag_action takes the "/" off. _TAG_SPLIT is the
# same, a single group: re.split gives text and tags without a match object per tag.
_TAG = re.compile(r"<(?:(/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>|!--.*?-->)", re.S)
_TAG_SPLIT = re.compile(r"(<(?:/?[a-zA-Z][a-zA-Z0-9]*\b[^>]*>|!--.*?-->))", re.S)
_VOID = frozenset("area br col embed hr img input link meta source track wbr".split())
# Subtrees neither indexed nor used for extra terms: besides the parts named above, footnote
# numbers ("steht1" would be a word) and what every guide repeats (the disclaimer, which names
# "Benannte Stelle" on every guide, and the box of the cluster's offers, found as services).
# data-search-exclude with its value, if any: Python-Markdown's md_in_html writes
# data-search-exclude="data-search-exclude", and the marker must follow the whole attribute
# (inside the value it made data-pagefind-ignore="data-search-exclude data-pagefind-ignore",
# which Pagefind warns about and reads as "all").
_SKIPPED = re.compile(
    r'data-search-exclude(?:="[^"]*")?|class="(?:headerlink|footnote-backref|hub-review'
    r'|hub-map|footnote|footnote-ref|hub-help|[^"]*hub-disclaimer)"'
)
_SKIP_ATTRS = re.compile(_SKIPPED.pattern + "|data-pagefind-ignore")
# An id attribute after a space or quote; the lookbehind follows the literal, so that the scan
# looks for the literal (ten times faster than a lookbehind first).
_ID = re.compile(r'id="(?<=[\s"]id=")[^"]*"')
# Where a table cell or list item ends: "</" before the name (a literal replacement, no call).
_CELL_END = re.compile(r"</(?=(?:td|th|dt|dd|li|figcaption|summary)>)")
_SKIP_TAGS = frozenset({"script", "style", "svg", "template"})
_SPACED = frozenset(("p", "li", "td", "th", "div", "h1", "h2", "h3", "h4", "dt", "dd", "br"))


@dataclass
class SearchPage:
    """One page as the index sees it."""

    source_path: str  # relative to the site, e.g. "en/guides/ivdr/index.html"
    lang: str
    kind: str
    article: str  # the article's inner HTML, skipped parts marked data-pagefind-ignore
    text: str  # its visible text without the skipped parts
    title: str  # the text of its first <h1>
    headings: str  # the text of its <h2> to <h4>

    @functools.cached_property
    def word_counts(self) -> Counter[str]:
        """The words of ``text`` (search_text.words) and how often each occurs: the extra terms
        and the typo words both start from them."""
        return Counter(words(self.text))


def page_kind(path: str, languages: set[str]) -> str:
    """The kind of page at site path ``path`` ("en/guides/ivdr/" -> "guide")."""
    first, _, rest = path.partition("/")
    inner = rest if first in languages else path
    return next((kind for pattern, kind in KINDS if pattern.match(inner)), "page")


@dataclass(frozen=True)
class VisibleText:
    """What a visitor reads of an HTML fragment, without the skipped subtrees."""

    text: str  # all of it
    title: str  # the text of its first <h1>
    headings: str  # the text of its <h2> to <h4>, one after the other


_SUBHEADINGS = ("h2", "h3", "h4")
# What visible_text does at a tag (tag_action).
COMMENT, EMPTY, CLOSING, OPENING = range(4)


class TagAction(NamedTuple):
    """What a tag means to visible_text (a tuple: visible_text unpacks one per tag)."""

    kind: int  # COMMENT, EMPTY, CLOSING or OPENING
    name: str = ""  # lower case
    skipping: bool = False  # an opening tag that starts a skipped subtree
    spaced: bool = False  # an opening tag after which a space separates the text


def tag_action(tag: str) -> TagAction:
    """The TagAction of a tag or comment (a match of _TAG)."""
    match = _TAG.match(tag)
    if match is None:
        raise ValueError(f"not a tag: {tag!r}")
    closing, name, attrs = match.groups()
    if name is None:
        return TagAction(COMMENT)
    name = name.lower()
    if name in _VOID or attrs.endswith("/"):
        return TagAction(EMPTY, name)
    if closing:
        return TagAction(CLOSING, name)
    skipping = name in _SKIP_TAGS or bool(_SKIP_ATTRS.search(attrs))
    return TagAction(OPENING, name, skipping, name in _SPACED)


def visible_text(fragment: str, actions: Memo[str, TagAction] | None = None) -> VisibleText:
    """The text of an HTML fragment without skipped subtrees, its title and its headings.

    A scan over the tags (regex, no parser: thousands of pages per build) that tracks the depth
    of the subtree being skipped and the heading being read. ``actions`` remembers each tag's
    TagAction (the same tags on every page: site_pages keeps one for all its pages).
    """
    if actions is None:
        actions = Memo(tag_action)
    pieces: list[str] = []
    title: list[str] = []
    headings: list[str] = []
    heading: list[str] | None = None  # the pieces of the heading being read
    title_done = False
    skip_depth = 0  # > 0 inside a skipped subtree
    stack: list[tuple[str, bool]] = []  # open elements: name, starts a skipped subtree
    parts = _TAG_SPLIT.split(fragment)  # text, tag, text, …, tag, text
    for chunk, tag in zip(parts[::2], parts[1::2], strict=False):  # the last text: below
        if not skip_depth:
            pieces.append(chunk)
            if heading is not None:
                heading.append(chunk)
        kind, name, skipping, spaced = actions[tag]
        if kind == OPENING:
            stack.append((name, skipping))
            skip_depth += skipping
            if not skip_depth and (name in _SUBHEADINGS or (name == "h1" and not title_done)):
                heading = []
            if spaced:
                pieces.append(" ")
        elif kind == CLOSING:
            while stack:
                opened_name, opened_skipping = stack.pop()
                if opened_skipping:
                    skip_depth -= 1
                if opened_name == name:
                    break
            if heading is not None and (name == "h1" or name in _SUBHEADINGS):
                (title if name == "h1" else headings).extend([*heading, " "])
                title_done = title_done or name == "h1"
                heading = None
            pieces.append(" ")
        elif kind == EMPTY:
            pieces.append(" ")
    if not skip_depth:
        pieces.append(parts[-1])
    return VisibleText(
        *(" ".join(html.unescape("".join(p)).split()) for p in (pieces, title, headings))
    )


def indexed_article(article: str) -> str:
    """The article as Pagefind should read it: skipped subtrees marked, table cells and list
    items ending in a space (Pagefind joins their text: "Art" + "Verordnung" = "ArtVerordnung"),
    ids removed.

    Pagefind stores every element id as an anchor in the fragment that a browser loads per
    result (a guide's headings and footnotes: 8% of its fragment, a decision tool's options: 38%).
    The browser needs one anchor only, the extra terms' heading (indexed_document): the best
    excerpt of the rest is Pagefind's own choice over the whole page.
    """
    marked = _SKIPPED.sub(lambda m: m.group() + " data-pagefind-ignore", article)
    return _CELL_END.sub(" </", _ID.sub("", marked))


def _any(lang: str) -> bool:
    return True


def read_page(
    site_dir: Path,
    path: Path,
    languages: set[str],
    keep: Callable[[str], bool] = _any,
    actions: Memo[str, TagAction] | None = None,
) -> SearchPage | None:
    """The page at ``path`` as the index sees it, or None when it is not to be searched (or
    ``keep`` rejects its language: the language's part of the index is made elsewhere).
    ``actions``: visible_text's, shared by the pages of one pass."""
    document = path.read_text(encoding="utf-8")
    lang = _LANG.search(document)
    # The language first: half the pages belong to another part, no need to look further.
    if lang is None or not keep(lang.group(1)) or EXCLUDE_MARKER in document:
        return None
    article = _ARTICLE.search(document)
    if article is None:
        return None
    source_path = path.relative_to(site_dir).as_posix()
    url_path = source_path.removesuffix("index.html")
    visible = visible_text(article.group(1), actions)
    kind = page_kind(url_path, languages)
    return SearchPage(
        source_path,
        lang.group(1),
        kind,
        indexed_article(article.group(1)),
        visible.text,
        visible.title,
        visible.headings,
    )


@dataclass(frozen=True)
class ExtraTerms:
    """What a page is found by beyond its own words (saxonyhub.search_text)."""

    title: list[str]  # variants and synonyms of its title's words
    body: list[str]  # variants of the other words
    synonyms: list[str]  # synonyms of the other words
    heading_synonyms: list[str]  # synonyms of its <h2>-<h4> words (also among ``synonyms``)

    def all(self) -> list[str]:
        return self.title + self.body + self.synonyms + self.heading_synonyms


@dataclass(frozen=True)
class LanguagePart:
    """One language's share of the index (language_part)."""

    documents: list[tuple[str, str]]  # (site path, the HTML Pagefind indexes)
    typo_words: dict[str, Counter[str]]  # typo_vocabulary of its pages


# Pagefind weighs <h1> words 7, <h2> 6, <h3> 5, <h4> 4 and body words 1 (fossick/parser.rs). A
# synonym counts half the word it stands for, so that a page using the query's own words ranks
# above one that uses a synonym; one in a heading ("Finding a notified body") counts half a
# heading word, so that the guide on the subject ranks first in the other language too.
TERM_WEIGHTS = (("title", "7"), ("body", "1"), ("synonyms", "0.5"), ("heading_synonyms", "2.5"))


def indexed_document(page: SearchPage, extra: ExtraTerms) -> str:
    """The HTML Pagefind indexes for ``page``: the article, its kind, the extra terms.

    The extra terms' section has a heading id of its own, so that the browser can tell an
    excerpt of it from one of the page's text.
    """
    kind_filter = (
        "" if page.kind == UNFILTERED_KIND else f' data-pagefind-filter="kind:{page.kind}"'
    )
    parts = [
        f'<html lang="{page.lang}"><head><meta charset="utf-8"></head><body>',
        f"<main data-pagefind-body>{page.article}",
        f'<span hidden data-pagefind-meta="kind:{page.kind}"{kind_filter}></span>',
    ]
    if extra.all():
        # Pagefind makes a sub-result only of a heading that it indexes and that has text.
        parts.append(f'<section hidden><h6 id="{TERMS_ID}">·</h6>')
        for field, weight in TERM_WEIGHTS:
            terms = getattr(extra, field)
            if terms:
                text = html.escape(" ".join(terms))
                parts.append(f'<p data-pagefind-weight="{weight}">{text}</p>')
        parts.append("</section>")
    parts.append("</main></body></html>")
    return "".join(parts)


def page_terms(
    page: SearchPage,
    splitter: Splitter | None,
    groups: list[SynonymGroup],
    matcher: SynonymMatcher,
) -> ExtraTerms:
    """The extra terms of ``page``."""
    title = variant_terms(page.title, splitter) + synonym_terms(page.title, groups, matcher)
    return ExtraTerms(
        title=title,
        body=counted_variant_terms(page.word_counts, splitter),
        synonyms=synonym_terms(page.text, groups, matcher),
        heading_synonyms=synonym_terms(page.headings, groups, matcher),
    )


def site_pages(
    site_dir: Path, languages: set[str], keep: Callable[[str], bool] = _any
) -> list[SearchPage]:
    """Every searchable page of the built site (in a language ``keep`` accepts), in path order
    (a stable index)."""
    pages = []
    actions = Memo(tag_action)
    for path in sorted(site_dir.rglob("index.html")):
        page = read_page(site_dir, path, languages, keep, actions)
        if page is not None:
            pages.append(page)
    return pages


def typo_vocabulary(
    pages: list[SearchPage], extra: dict[str, list[str]]
) -> dict[str, Counter[str]]:
    """Per language: folded words of MIN_TYPO_WORD+ letters and how many pages contain each."""
    result: dict[str, Counter[str]] = defaultdict(Counter)
    typo_word = Memo(_typo_word)  # the same words on every page: fold each once
    for page in pages:
        # The words of text and terms apart: no word spans the space that joined them.
        found = chain(page.word_counts, words(" ".join(extra[page.source_path])))
        kept = set(map(typo_word.__getitem__, set(found)))
        kept.discard("")
        result[page.lang].update(kept)
    return result


def _typo_word(word: str) -> str:
    """``word`` folded if typo_vocabulary keeps it, else ""."""
    folded = fold(word)
    return folded if len(folded) >= MIN_TYPO_WORD and folded.isalpha() else ""


def write_typo_vocabulary(bundle: Path, counts: dict[str, Counter[str]]) -> None:
    """One JSON file per language and word length: the words, most frequent first."""
    for lang, counter in counts.items():
        by_length: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for word, count in counter.items():
            by_length[len(word)].append((word, count))
        for length, entries in by_length.items():
            entries.sort(key=lambda e: (-e[1], e[0]))
            target = bundle / f"hub-words.{lang}.{length}.json"
            target.write_text(json.dumps([w for w, _ in entries], ensure_ascii=False), "utf-8")


# Pagefind writes these too; the site uses its JavaScript API only.
UNUSED_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
    "wasm.unknown.pagefind",
)


class SearchIndexError(Exception):
    """Pagefind failed; the message holds its output."""


def run_pagefind(documents: list[tuple[str, str]], bundle: Path) -> None:
    """Index ``documents`` (site path, HTML) with the Pagefind binary into ``bundle``.

    The documents go to a temporary folder that the binary reads: its Python API answers one
    file per round trip (about 0.1 s each), the command line indexes thousands per second.
    """
    shutil.rmtree(bundle, ignore_errors=True)  # Pagefind adds to what is there
    with tempfile.TemporaryDirectory(prefix="hub-search-") as folder:
        for source_path, content in documents:
            target = Path(folder) / source_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", folder, "--output-path", str(bundle)]
        env = {**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(INDEX_CHUNK_LOCATIONS)}
        result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise SearchIndexError(result.stdout + result.stderr)
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)


def language_part(
    site_dir: Path, languages: list[str], lang: str, groups: list[SynonymGroup]
) -> LanguagePart:
    """The documents and typo vocabulary of the pages in ``lang``; the first language's part
    also takes pages in a language the site does not declare (as one index over all pages
    would: no compound splitting for them)."""

    def keep(page_lang: str) -> bool:
        return page_lang == lang or (lang == languages[0] and page_lang not in languages)

    pages = site_pages(site_dir, set(languages), keep)
    # Compounds are split in German only; English pages' German words stay whole.
    splitter = None
    if lang == "de":
        splitter = Splitter(vocabulary(p.text for p in pages if p.lang == "de"))
    matcher = synonym_matcher(groups)
    documents, extra = [], {}
    for page in pages:
        terms = page_terms(page, splitter if page.lang == lang else None, groups, matcher)
        extra[page.source_path] = terms.all()
        documents.append((page.source_path, indexed_document(page, terms)))
    return LanguagePart(documents, typo_vocabulary(pages, extra))


def language_parts(
    site_dir: Path, languages: list[str], groups: list[SynonymGroup]
) -> list[LanguagePart]:
    """language_part of every language, one after the other (the reference that
    language_indexes must equal; tests/site_build.py's stock build indexes this way)."""
    return [language_part(site_dir, languages, lang, groups) for lang in languages]


def sorted_documents(documents: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """In the order one walk over the site gives: Pagefind's output depends on the order in
    which run_pagefind writes the files."""
    return sorted(documents, key=lambda document: PurePosixPath(document[0]).parts)


def language_index(
    site_dir: Path, languages: list[str], lang: str, groups: list[SynonymGroup], bundle: Path
) -> LanguagePart:
    """language_part of ``lang``, indexed by Pagefind into ``bundle`` (when it has pages)."""
    part = language_part(site_dir, languages, lang, groups)
    if part.documents:
        run_pagefind(sorted_documents(part.documents), bundle)
    return part


def language_indexes(
    site_dir: Path, languages: list[str], groups: list[SynonymGroup], work: Path
) -> list[tuple[LanguagePart, Path]]:
    """language_index of every language into ``work/<lang>``, one process each where the system
    can fork. Pagefind keeps one index per language anyway (its files are named by language), so
    a run per language gives the same files as one run over all pages (merge_bundles joins
    them); and one Pagefind run keeps only about 1.5 of 2 cores busy, so two at a time finish
    sooner than one over everything."""
    jobs = [(site_dir, languages, lang, groups, work / lang) for lang in languages]
    if len(jobs) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        parts = [language_index(*job) for job in jobs]
    else:
        # fork: the worker needs no import (MkDocs puts hooks/ on sys.path only while it loads one).
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=len(jobs), mp_context=context) as pool:
            parts = list(pool.map(language_index, *zip(*jobs, strict=True)))
    return [(part, job[-1]) for part, job in zip(parts, jobs, strict=True) if part.documents]


ENTRY = "pagefind-entry.json"


def merge_bundles(bundles: list[Path], target: Path) -> None:
    """Join Pagefind bundles of disjoint languages into ``target``: every file (the shared
    scripts are the same in each) and one entry file listing every bundle's languages."""
    entry: dict[str, Any] = {}
    for bundle in bundles:
        own = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
        languages = {**entry.get("languages", {}), **own["languages"]}
        entry = {**own, "languages": languages}
        shutil.copytree(bundle, target, dirs_exist_ok=True)
    # Pagefind's own spelling: compact, not ASCII-escaped.
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    (target / ENTRY).write_text(text, encoding="utf-8")


def write_search_index(site_dir: Path, languages: list[str], groups: list[SynonymGroup]) -> int:
    """Index every searchable page of ``site_dir`` into ``site_dir/pagefind``; return the count.

    Arguments:
        site_dir: the complete built site (all languages).
        languages: the site's languages (folder names of all but the default).
        groups: synonym groups from the glossary.
    """
    site_dir = site_dir.resolve()  # the binary runs in another folder
    bundle = site_dir / BUNDLE
    with tempfile.TemporaryDirectory(prefix="hub-bundles-") as work:
        indexes = language_indexes(site_dir, languages, groups, Path(work))
        shutil.rmtree(bundle, ignore_errors=True)
        if indexes:
            merge_bundles([folder for _, folder in indexes], bundle)
        else:  # no page at all: as one run over the site would
            run_pagefind([], bundle)
    write_typo_vocabulary(bundle, typo_counts([part for part, _ in indexes]))
    return sum(len(part.documents) for part, _ in indexes)


def write_joint_index(site_dir: Path, languages: list[str], groups: list[SynonymGroup]) -> int:
    """write_search_index as one Pagefind run over every page (the reference for
    tests/build/test_language_build.py, which compares the two sites)."""
    site_dir = site_dir.resolve()
    parts = language_parts(site_dir, languages, groups)
    bundle = site_dir / BUNDLE
    run_pagefind(sorted_documents([d for part in parts for d in part.documents]), bundle)
    write_typo_vocabulary(bundle, typo_counts(parts))
    return sum(len(part.documents) for part in parts)


def typo_counts(parts: list[LanguagePart]) -> dict[str, Counter[str]]:
    """The typo vocabularies of ``parts``, joined by language."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for part in parts:
        for lang, counter in part.typo_words.items():
            counts[lang].update(counter)
    return counts


def glossary_groups(glossary: Glossary | None) -> list[SynonymGroup]:
    """Synonym groups of the glossary: each entry's wordings."""
    if glossary is None:
        return []
    return [SynonymGroup(entry.search_words()) for entry in glossary.terms]


def index_site(site_dir: Path, project: Path, languages: list[str]) -> int:
    """write_search_index with the synonyms of ``project``'s glossary; the page count.

    The glossary was validated before the build (hooks/glossary.py); a broken one stops the
    build there, so here it only supplies the synonyms.
    """
    glossary, _ = load_glossary(project / GLOSSARY_FILE, GLOSSARY_FILE)
    return write_search_index(site_dir, languages, glossary_groups(glossary))


@dataclass(frozen=True)
class IndexedPage:
    """A page as stored in the index (a Pagefind fragment): what a result shows of it."""

    lang: str
    url: str  # site path without the leading slash, e.g. "en/guides/ivdr/"
    kind: str
    title: str
    content: str  # the indexed text, extra terms included


def indexed_pages(site_dir: Path) -> list[IndexedPage]:
    """Every page in ``site_dir``'s search index, read back from its fragments (for the tests,
    the benchmark and staff: what is searchable, in which language)."""
    pages = []
    for path in sorted((site_dir / BUNDLE / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        record = json.loads(raw.removeprefix(b"pagefind_dcd"))
        lang = path.name.split("_", 1)[0]
        meta = record.get("meta", {})
        pages.append(
            IndexedPage(
                lang=lang,
                url=record["url"].lstrip("/"),
                kind=meta.get("kind", ""),
                title=meta.get("title", ""),
                content=record["content"],
            )
        )
    return pages
