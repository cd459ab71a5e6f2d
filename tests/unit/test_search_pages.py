"""What the search indexer makes of a page (saxonyhub.search_index): its visible text, title and
headings, and the document Pagefind reads."""

from __future__ import annotations

from saxonyhub.search_index import (
    TERMS_ID,
    UNFILTERED_KIND,
    ExtraTerms,
    SearchPage,
    indexed_article,
    indexed_document,
    visible_text,
)

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
