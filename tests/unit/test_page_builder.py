"""Unit tests of the data page builder: links, paths and the page list validate.py relies on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import markdown
from jinja2 import DictLoader, Environment, FileSystemLoader

from saxonyhub.data_pages import (
    PageBuilder,
    generated_paths,
    href,
    md_link,
    profile_links,
    put_raw_html,
    raw_html_block,
)
from saxonyhub.datastore import load_store
from saxonyhub.geomap import SaxonyMap

ROOT = Path(__file__).resolve().parents[2]


def test_href_between_generated_pages():
    assert href("organisations/index.md", "organisations/tu-dresden.md") == "tu-dresden/"
    assert (
        href("organisations/tu-dresden.md", "technologies/imaging.md")
        == "../../technologies/imaging/"
    )
    assert href("locations/leipzig.md", "locations/index.md") == "../"


def test_md_link_is_relative_to_the_page_folder():
    assert (
        md_link("organisations/tu-dresden.md", "technologies/imaging.md")
        == "../technologies/imaging.md"
    )


def test_generated_paths_match_what_the_builder_renders():
    store, _ = load_store(ROOT)
    env = Environment(loader=DictLoader({}))
    env.get_template = lambda name: Environment().from_string("")  # content is not the point
    saxony = SaxonyMap.from_file(ROOT / "data/geo/saxony.geojson")
    builder = PageBuilder(store, env, "de", "", saxony, dt.date(2026, 1, 1), {})
    assert set(builder.build().pages) == generated_paths(store)


def test_profile_links_point_at_published_profiles_and_drafts_stay_text():
    text = "[IZI](org:fraunhofer-izi) und [IPF](org:ipf-dresden)"
    linked = profile_links(text, "locations/dresden.md", {"fraunhofer-izi"})
    assert linked == "[IZI](../organisations/fraunhofer-izi.md) und IPF"


def test_profile_markdown_is_front_matter_and_heading_only():
    # The visible profile comes from overrides/profile.html; a body would be rendered for nothing.
    store, _ = load_store(ROOT)
    env = Environment(loader=FileSystemLoader(ROOT / "overrides"))
    env.filters["text"] = str
    env.globals.update(org_title=lambda org: org.name, pick=lambda value: (value.get("de"), False))
    org = store.all("organisations")[0]
    text = env.get_template("fragments/pages/profile.md").render(org=org)
    empty, front_matter, body = text.split("---\n", 2)
    assert empty == "" and "template: profile.html" in front_matter
    assert body.strip() == f"# {org.name}"


def test_technology_and_region_pages_list_organisations_by_displayed_name():
    # Like the directory: a reader scans the list by the name the page shows (German collation).
    from saxonyhub.directory import collation_key
    from saxonyhub.names import display_name

    store, _ = load_store(ROOT)
    rendered: list[tuple[str, dict]] = []

    class Recorder:
        def __init__(self, name: str) -> None:
            self.name = name

        def render(self, **context) -> str:
            rendered.append((self.name, context))
            return ""

    env = Environment(loader=DictLoader({}))
    env.get_template = Recorder  # records what each page template receives
    saxony = SaxonyMap.from_file(ROOT / "data/geo/saxony.geojson")
    for lang in ("de", "en"):
        rendered.clear()
        PageBuilder(store, env, lang, "", saxony, dt.date(2026, 1, 1), {}).build()
        lists = [
            ctx["organisations"]
            for name, ctx in rendered
            if name.endswith(("technology.md", "region.md")) and len(ctx["organisations"]) > 1
        ]
        assert lists, "no technology or region page lists several organisations"
        for orgs in lists:
            shown = [display_name(o, lang) for o in orgs]
            assert shown == sorted(shown, key=collation_key)


def test_raw_html_blocks_come_back_as_markdown_would_pass_them():
    blocks: dict[str, str] = {}
    lists = [
        '<ul class="hub-org-list" data-search-exclude>\n<li><a href="../x/">A &amp; B</a> – '
        '<span lang="de">&lt;Prüfung&gt; "ok" 🧪</span></li>\n</ul>',
        '<ul class="hub-org-list" data-search-exclude>\n<li>*not emphasis* [no](link)</li>\n</ul>',
    ]
    text = "## Heading\n\n{}\n\n### Other\n\n{}\n".format(
        *(raw_html_block(blocks, html) for html in lists)
    )
    assert len(blocks) == 2 and "<ul" not in text
    # What Markdown makes of the page with the lists in it, and with them handed past it:
    converter = markdown.Markdown(extensions=["md_in_html", "abbr", "toc", "attr_list"])
    direct = converter.convert(put_raw_html(text, blocks))
    converter.reset()
    assert put_raw_html(converter.convert(text), blocks) == direct
    assert lists[0] in direct and lists[1] in direct
