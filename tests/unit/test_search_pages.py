"""What the search indexer makes of a page (saxonyhub.search_index): its visible text, title and
headings, and the document Pagefind reads."""

from __future__ import annotations

from collections import Counter

import pytest

from saxonyhub.search_index import (
    CLOSING,
    COMMENT,
    EMPTY,
    OPENING,
    TERMS_ID,
    UNFILTERED_KIND,
    ExtraTerms,
    SearchPage,
    TagAction,
    indexed_article,
    indexed_document,
    tag_action,
    visible_text,
)
from saxonyhub.search_text import Memo

ARTICLE = (
    '<h1 id="t">Konformität &amp; CE<a class="headerlink" href="#t">¶</a></h1>'
    '<p>Text<sup id="fnref2:x"><a class="footnote-ref" href="#fn:x">1</a></sup> hier.</p>'
    '<h2 id="a">Eine Benannte Stelle finden</h2><p>Mehr.</p>'
    '<aside class="admonition info hub-disclaimer"><p>Keine Rechtsberatung</p></aside>'
    '<section class="hub-help"><h2 id="h">So hilft das Cluster</h2></section>'
)


def test_visible_text_leaves_out_links_footnote_numbers_and_boilerplate():
    visible = visible_text(ARTICLE)
    assert visible.title == "Konformität & CE"
    assert visible.headings == "Eine Benannte Stelle finden"
    assert "Text hier." in visible.text
    assert "¶" not in visible.text and "Rechtsberatung" not in visible.text
    assert "Cluster" not in visible.text


def test_indexed_article_has_no_ids_and_ignores_what_is_skipped():
    article = indexed_article(ARTICLE)
    assert " id=" not in article and "href=" in article
    assert 'class="footnote-ref" data-pagefind-ignore' in article
    assert 'class="hub-help" data-pagefind-ignore' in article


@pytest.mark.parametrize(
    ("tag", "action"),
    [
        ("<!-- <p> -->", TagAction(COMMENT)),
        ("<BR>", TagAction(EMPTY, "br")),
        ("<span/>", TagAction(EMPTY, "span")),
        ('<a href="x/">', TagAction(OPENING, "a")),  # a "/" inside the value: not empty
        ("</P>", TagAction(CLOSING, "p")),
        ('<div class="x">', TagAction(OPENING, "div", spaced=True)),
        ('<ul class="l" data-search-exclude>', TagAction(OPENING, "ul", skipping=True)),
        ("<script>", TagAction(OPENING, "script", skipping=True)),
    ],
)
def test_tag_action(tag: str, action: TagAction):
    assert tag_action(tag) == action


def test_visible_text_is_the_same_with_tag_actions_shared_by_pages():
    actions = Memo(tag_action)
    other = "<p>Zweite<br/>Seite<!-- x --></p><ul data-search-exclude><li>Liste</li></ul>"
    shared = [visible_text(fragment, actions) for fragment in (ARTICLE, other, ARTICLE)]
    assert shared == [visible_text(ARTICLE), visible_text(other), visible_text(ARTICLE)]
    assert shared[1].text == "Zweite Seite"
    assert "<br/>" in actions


def test_indexed_article_marks_an_attribute_with_a_value_after_its_value():
    # Python-Markdown's md_in_html writes boolean attributes with their name as the value.
    article = indexed_article('<ul data-search-exclude="data-search-exclude"><li>A</li></ul>')
    assert (
        article
        == '<ul data-search-exclude="data-search-exclude" data-pagefind-ignore><li>A </li></ul>'
    )
    assert (
        indexed_article("<ul data-search-exclude>")
        == "<ul data-search-exclude data-pagefind-ignore>"
    )


def test_a_page_counts_the_words_of_its_text():
    page = SearchPage("x/index.html", "de", "page", "", "Die CE-Kennzeichnung, die CE", "", "")
    assert page.word_counts == Counter({"Die": 1, "CE-Kennzeichnung": 1, "die": 1, "CE": 1})


def page(kind: str) -> SearchPage:
    return SearchPage("x/index.html", "de", kind, "<p>Text</p>", "Text", "", "")


def test_only_kinds_other_than_the_default_carry_a_filter():
    terms = ExtraTerms([], [], [], [])
    assert "data-pagefind-filter" not in indexed_document(page(UNFILTERED_KIND), terms)
    assert 'data-pagefind-filter="kind:guide"' in indexed_document(page("guide"), terms)


def test_extra_terms_sit_under_a_heading_of_their_own_with_their_weights():
    terms = ExtraTerms(["titel"], ["teil"], ["notified body"], ["CE marking & <b>"])
    document = indexed_document(page("guide"), terms)
    assert f'<h6 id="{TERMS_ID}">·</h6>' in document  # with text: Pagefind makes it a sub-result
    assert '<p data-pagefind-weight="2.5">CE marking &amp; &lt;b&gt;</p>' in document
    assert '<p data-pagefind-weight="0.5">notified body</p>' in document
