"""Legal acts and the structured citations that point into them.

Authors write ``[[ACT LOCATOR]]`` in Markdown, always in English notation: ``[[MDR Art. 52(7)]]``,
``[[MDR Annex VIII Rule 11]]``, ``[[SGB-V § 139e(4)]]`` or ``[[REG-2023-607]]`` for a whole act.
This module parses such references, checks them against ``data/legal_acts.yml`` and words them
the way readers of each language cite law (patterns from ``data/labels.yml``, keys ``cite.*``).

Links point as deep as the official text allows. EUR-Lex's HTML of an act has an anchor per
article (``#art_52``, ``#art_10a``) and per annex (``#anx_VIII``), none per paragraph, so
"Art. 52(7)" links to ``#art_52`` and the "(7)" stays in the text. EU acts with a ``consolidated``
date link that consolidated version (CELEX ``02017R0745-20260719``), the others the act as
published. gesetze-im-internet.de has one page per section (``sgb_5/__139e.html``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

from .i18n import LocalizedText
from .page_meta import split_front_matter
from .problems import Problem
from .strict_yaml import YamlProblem, loads
from .validation import duplicate_id_problems, load_validated

EUR_LEX = "https://eur-lex.europa.eu/legal-content/{lang}/TXT/HTML/?uri=CELEX:{celex}"
ELI = "http://data.europa.eu/eli/reg/{year}/{number}/oj"
# The documented shapes of what a citation's link may end in (tests check every generated link).
EUR_LEX_ANCHOR = re.compile(r"^(art_\d+[a-z]?|anx_[IVXLC]+)$")
SECTION_PAGE = re.compile(r"^__\d+[a-z]?\.html$")
_EU_NUMBER = re.compile(r"^\(EU\) (?P<year>\d{4})/(?P<number>\d+)$")
CITATION = re.compile(r"\[\[([^\[\]\n]*)\]\]")
_REFERENCE = re.compile(r"^(?P<act>[A-Z][A-Z0-9-]*)(?: (?P<locator>.+))?$")
_ARTICLE = re.compile(r"^Art\. (?P<number>\d+[a-z]?)(?:\((?P<paragraph>\d+[a-z]?)\))?$")
_ANNEX = re.compile(r"^Annex (?P<number>[IVXLC]+)(?: Rule (?P<rule>\d+))?$")
_SECTION = re.compile(r"^§ (?P<number>\d+[a-z]?)(?:\((?P<paragraph>\d+[a-z]?)\))?$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+).+?\1")
LOCATOR_HINT = (
    "write the locator in English notation: Art. 52, Art. 52(7), Annex VIII, "
    "Annex VIII Rule 11, § 139e or § 139e(4), or nothing to cite the whole act"
)

ActId = Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9-]*$", examples=["MDR", "REG-2023-607"])]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ActUrls(_Strict):
    """Addresses of an act's official text per language; null where none exists."""

    de: HttpUrl | None = Field(None, description="Official German text.")
    en: HttpUrl | None = Field(None, description="Official English text (rarely exists).")


class LegalAct(_Strict):
    """One legal act that guides may cite."""

    id: ActId = Field(description="Id used in citations: [[MDR Art. 52]].")
    kind: Literal["eu-regulation", "german-act", "german-ordinance"] = Field(
        description="EU acts are cited by article and annex, German ones by section (§)."
    )
    number: str | None = Field(None, description="Official number.", examples=["(EU) 2017/745"])
    celex: str | None = Field(
        None,
        pattern=r"^3\d{4}[A-Z]\d{4}$",
        description="CELEX number; EUR-Lex addresses are derived from it.",
        examples=["32017R0745"],
    )
    short: LocalizedText = Field(description="Short name used in citations, per language.")
    title: LocalizedText = Field(description="Full title per language.")
    date: dt.date | None = Field(None, description="Date of adoption, where a source states it.")
    consolidated: dt.date | None = Field(
        None,
        description=(
            "Date of the EUR-Lex consolidated version that citations link to (the YYYYMMDD in "
            "CELEX 02017R0745-20260719); null for acts never amended, which link the text as "
            "published. Check the act's EUR-Lex page for the current version when reviewing."
        ),
        examples=["2026-07-19"],
    )
    url: ActUrls | None = Field(None, description="Official text of national acts.")
    definitions_article: int | None = Field(
        None,
        ge=1,
        description="Article made of numbered definitions; German cites its points as 'Nr.'.",
        examples=[2],
    )
    source: HttpUrl = Field(description="Where the details above were checked.")

    @property
    def is_eu(self) -> bool:
        return self.kind == "eu-regulation"

    @model_validator(mode="after")
    def _has_address(self) -> LegalAct:
        if self.is_eu and self.celex is None:
            raise ValueError(f"{self.id}: an EU regulation needs its celex number")
        if not self.is_eu and (self.url is None or self.url.de is None):
            raise ValueError(f"{self.id}: a German act needs url.de (gesetze-im-internet.de)")
        if not self.is_eu and self.consolidated is not None:
            raise ValueError(f"{self.id}: only EU acts have a EUR-Lex consolidated version")
        return self

    @property
    def eli(self) -> str | None:
        """The European Legislation Identifier of an EU regulation, e.g. for '(EU) 2017/745'."""
        match = _EU_NUMBER.match(self.number or "") if self.is_eu else None
        return ELI.format(year=match["year"], number=match["number"]) if match else None

    @property
    def eur_lex_celex(self) -> str | None:
        """CELEX of the text links open: the pinned consolidated version, else the act itself."""
        if not self.celex or self.consolidated is None:
            return self.celex
        return f"0{self.celex[1:]}-{self.consolidated:%Y%m%d}"


class LegalActs(_Strict):
    """The file ``data/legal_acts.yml``."""

    acts: list[LegalAct] = Field(min_length=1, description="All citable acts.")

    def by_id(self) -> dict[str, LegalAct]:
        return {act.id: act for act in self.acts}


INDEX_PAGE = "legal/index.md"


def act_page_path(act: LegalAct) -> str:
    """Docs path of an act's generated page, e.g. 'legal/mdr.md'."""
    return f"legal/{act.id.lower()}.md"


def page_paths(acts: LegalActs) -> frozenset[str]:
    """Docs paths of every generated legal page (the index and one per act)."""
    return frozenset({INDEX_PAGE, *(act_page_path(act) for act in acts.acts)})


def load_legal_acts(path: Path, display_name: str) -> tuple[LegalActs | None, list[Problem]]:
    acts, marks, problems = load_validated(path, display_name, LegalActs)
    if acts is None:
        return None, problems
    problems = duplicate_id_problems("acts", [a.id for a in acts.acts], marks, display_name)
    return (None if problems else acts), problems


@dataclass(frozen=True)
class Reference:
    """A parsed ``[[ACT LOCATOR]]``; ``kind`` says which part of the act it points to."""

    act: str
    kind: Literal["act", "article", "annex", "section"]
    number: str = ""
    paragraph: str = ""
    rule: str = ""

    @property
    def order(self) -> tuple[int, int, str, int]:
        """Sort key in reading order: whole act, articles, annexes, sections, then numerically."""
        kinds = ("act", "article", "annex", "section")
        digits = _leading_digits(self.number)
        main = _roman(self.number) if self.kind == "annex" else int(digits or 0)
        minor = int(_leading_digits(self.paragraph or self.rule) or 0)
        suffix = "" if self.kind == "annex" else self.number[len(digits) :]  # the "a" of 10a
        return (kinds.index(self.kind), main, suffix, minor)


def _leading_digits(text: str) -> str:
    return text[: len(text) - len(text.lstrip("0123456789"))]


def _roman(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for current, following in zip(numeral, numeral[1:] + " ", strict=True):
        value = values[current]
        total += -value if values.get(following, 0) > value else value
    return total


class CitationError(ValueError):
    """A citation that cannot be resolved, with a hint for the author."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def parse_reference(text: str, acts: dict[str, LegalAct]) -> Reference:
    """Read the inside of ``[[…]]``.

    Raises:
        CitationError: unknown act, unreadable locator, or a locator the act does not have.
    """
    match = _REFERENCE.match(text.strip())
    if not match:
        raise CitationError(f"cannot read the citation [[{text}]]", _act_hint(acts))
    act_id, locator = match.group("act"), match.group("locator")
    if act_id not in acts:
        raise CitationError(f"unknown legal act '{act_id}' in [[{text}]]", _act_hint(acts))
    if locator is None:
        return Reference(act_id, "act")
    reference = _parse_locator(act_id, locator)
    if reference is None:
        raise CitationError(f"cannot read the locator '{locator}' in [[{text}]]", LOCATOR_HINT)
    if (reference.kind == "section") == acts[act_id].is_eu:
        raise CitationError(_kind_mismatch(act_id, acts[act_id]), LOCATOR_HINT)
    return reference


def _act_hint(acts: dict[str, LegalAct]) -> str:
    return "valid act ids are " + ", ".join(sorted(acts)) + " (see data/legal_acts.yml)"


def _kind_mismatch(act_id: str, act: LegalAct) -> str:
    if act.is_eu:
        return f"{act_id} is an EU act: cite an article or annex, not a section (§)"
    return f"{act_id} is a German act: cite a section (§), not an article or annex"


def _parse_locator(act_id: str, locator: str) -> Reference | None:
    if match := _ARTICLE.match(locator):
        return Reference(act_id, "article", match["number"], match["paragraph"] or "")
    if match := _ANNEX.match(locator):
        return Reference(act_id, "annex", match["number"], rule=match["rule"] or "")
    if match := _SECTION.match(locator):
        return Reference(act_id, "section", match["number"], match["paragraph"] or "")
    return None


@dataclass(frozen=True)
class Citation:
    """A reference worded and linked for one language."""

    reference: Reference
    text: str
    url: str
    title: str
    hreflang: str


Pattern = Callable[[str], str]  # label key -> pattern with {short}, {n}, {p}, {rule}, {title}


def pattern_key(reference: Reference, act: LegalAct) -> str:
    """The ``cite.*`` label that words this kind of reference."""
    if reference.kind == "article" and reference.paragraph:
        points = act.definitions_article is not None and reference.number == str(
            act.definitions_article
        )
        return "cite.article_point" if points else "cite.article_paragraph"
    if reference.kind in ("annex", "section") and (reference.rule or reference.paragraph):
        return f"cite.{reference.kind}_{'rule' if reference.rule else 'paragraph'}"
    return f"cite.{reference.kind}"


def act_url(act: LegalAct, lang: str) -> str:
    """EUR-Lex in the page's language for EU acts; the German text for German acts."""
    if act.is_eu:
        return EUR_LEX.format(lang=lang.upper(), celex=act.eur_lex_celex)
    return str(act.url.de) if act.url and act.url.de else ""  # LegalAct requires url.de


def anchor(reference: Reference) -> str:
    """EUR-Lex's fragment for an article or annex ('art_52', 'anx_VIII'); '' for the whole act."""
    if reference.kind == "article":
        return f"art_{reference.number}"
    if reference.kind == "annex":
        return f"anx_{reference.number}"
    return ""


def reference_url(reference: Reference, act: LegalAct, lang: str) -> str:
    """The official text at the cited article, annex or section, as deep as it has addresses.

    Returns:
        For EU acts EUR-Lex in ``lang`` with ``#art_N``/``#anx_N``; for German acts the section's
        own page on gesetze-im-internet.de (``__139e.html``); the whole act for ``[[ACT]]``.
    """
    url = act_url(act, lang)
    if reference.kind == "section":
        return f"{url.rstrip('/')}/__{reference.number.lower()}.html"
    fragment = anchor(reference)
    return f"{url}#{fragment}" if fragment else url


def cite(reference: Reference, act: LegalAct, lang: str, pattern: Pattern) -> Citation:
    """Word and link ``reference`` for a page in ``lang``."""
    values = {
        "short": act.short.get(lang),
        "n": reference.number,
        "p": reference.paragraph,
        "rule": reference.rule,
        "title": act.title.get(lang),
    }
    text = pattern(pattern_key(reference, act)).format(**values)
    title_key = "cite.title_eu" if act.is_eu else "cite.title_national"
    hreflang = lang if act.is_eu else "de"
    url = reference_url(reference, act, lang)
    return Citation(reference, text, url, pattern(title_key).format(**values), hreflang)


def locator_text(reference: Reference, act: LegalAct, lang: str, pattern: Pattern) -> str:
    """The reference without the act's name ("Art. 52 Abs. 7"), for lists on the act's page."""
    if reference.kind == "act":
        return pattern("cite.whole_act")
    values = {"short": "", "n": reference.number, "p": reference.paragraph, "rule": reference.rule}
    text = pattern(pattern_key(reference, act)).format(**values)
    return re.sub(" {2,}", " ", text).strip(" ,")  # the gap where the act's name was


@dataclass(frozen=True)
class Occurrence:
    """Where a citation stands in a file: 1-based line and column of the opening ``[[``."""

    line: int
    column: int
    start: int  # offsets within the line
    end: int
    text: str  # the inside of the brackets


def find_citations(markdown: str) -> Iterator[Occurrence]:
    """Every ``[[…]]`` outside fenced code blocks and inline code spans."""
    in_fence = False
    for number, line in enumerate(markdown.split("\n"), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or "[[" not in line:
            continue
        # Blank out code spans so their brackets are not mistaken for citations; keeps offsets.
        visible = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        for match in CITATION.finditer(visible):
            yield Occurrence(number, match.start() + 1, match.start(), match.end(), match.group(1))


def replace_citations(markdown: str, render: Callable[[str], str]) -> str:
    """Replace each citation by ``render(inside)``, leaving code untouched."""
    lines = markdown.split("\n")
    for occurrence in sorted(find_citations(markdown), key=lambda o: (o.line, -o.start)):
        line = lines[occurrence.line - 1]
        lines[occurrence.line - 1] = (
            line[: occurrence.start] + render(occurrence.text) + line[occurrence.end :]
        )
    return "\n".join(lines)


@dataclass
class CitingPage:
    """A page that cites an act, with the references in the order they first appear."""

    src_uri: str  # inside the language folder, e.g. "guides/mdr-overview.md"
    title: str
    references: list[Reference] = field(default_factory=list)


@dataclass
class CitationIndex:
    """Who cites what, per language: ``pages[lang][act_id]`` lists the citing pages."""

    pages: dict[str, dict[str, list[CitingPage]]] = field(default_factory=dict)
    count: int = 0

    def add(self, lang: str, src_uri: str, title: str, reference: Reference) -> None:
        citing = self.pages.setdefault(lang, {}).setdefault(reference.act, [])
        page = next((p for p in citing if p.src_uri == src_uri), None)
        if page is None:
            page = CitingPage(src_uri, title)
            citing.append(page)
        if reference not in page.references:
            page.references.append(reference)
        self.count += 1

    def citing(self, lang: str, act_id: str) -> list[CitingPage]:
        return sorted(self.pages.get(lang, {}).get(act_id, []), key=lambda p: p.title.casefold())


def scan_page(
    text: str, display_name: str, acts: dict[str, LegalAct]
) -> tuple[list[Reference], list[Problem]]:
    """All references in one Markdown file (front matter included, so lines match the file)."""
    references, problems = [], []
    for occurrence in find_citations(text):
        try:
            references.append(parse_reference(occurrence.text, acts))
        except CitationError as error:
            problems.append(
                Problem(
                    display_name,
                    occurrence.line,
                    occurrence.column,
                    "citation",
                    error.message,
                    error.hint,
                )
            )
    return references, problems


def _title(text: str, fallback: str) -> str:
    yaml_text, _ = split_front_matter(text)
    try:
        data, _ = loads(yaml_text or "{}", "front matter")
    except YamlProblem:
        return fallback  # the front-matter check reports the broken YAML itself
    return str(data.get("title", fallback)) if isinstance(data, dict) else fallback


def scan_docs(docs_dir: Path, acts: dict[str, LegalAct]) -> tuple[CitationIndex, list[Problem]]:
    """Index every citation in the Markdown files below ``docs_dir`` (:func:`index_citations`)."""
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        pages.append((path.relative_to(docs_dir).as_posix(), text, None))
    return index_citations(pages, acts)


def index_citations(
    pages: Iterable[tuple[str, str, str | None]], acts: dict[str, LegalAct]
) -> tuple[CitationIndex, list[Problem]]:
    """Index every citation in the given pages (all languages, so one build reports every mistake).

    Arguments:
        pages: (path below docs/, text, title or None to read it from the front matter).

    Returns:
        Who cites what per language, and a problem for each citation that cannot be resolved.
    """
    index, problems = CitationIndex(), []
    for relative, text, title in pages:
        references, found = scan_page(text, f"docs/{relative}", acts)
        problems += found
        lang, _, inner = relative.partition("/")
        for reference in references:
            index.add(lang, inner, title or _title(text, inner), reference)
    return index, problems
