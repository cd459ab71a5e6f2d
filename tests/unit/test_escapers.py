"""Escaping for each output format: page titles for HTML, front-matter strings (YAML via tojson),
iCalendar text. The built-site test is tests/build/test_escaping.py."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from jinja2 import Environment
from markupsafe import Markup
from page_titles import html_title

from saxonyhub.templating import ics_text, register_filters

HOSTILE = 'Forschung & Entwicklung: "Smart" <Devices> & Co 🧬'


def test_front_matter_title_becomes_html_once():
    title = html_title(HOSTILE)
    assert title == "Forschung &amp; Entwicklung: &#34;Smart&#34; &lt;Devices&gt; &amp; Co 🧬"
    assert isinstance(title, Markup) and html_title(title) is title
    assert html_title(None) is None and html_title(2026) == 2026


def test_tojson_writes_yaml_front_matter_that_reads_back_as_typed(hub_config, tmp_path: Path):
    env = Environment()
    register_filters(env, hub_config(tmp_path, theme={"language": "de"}))
    line = env.from_string("title: {{ value | tojson }}").render(value=HOSTILE)
    assert "<" not in line and "🧬" in line
    assert yaml.safe_load(line) == {"title": HOSTILE}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Teil 1, 2; mehr", "Teil 1\\, 2\\; mehr"),
        ("C:\\path", "C:\\\\path"),
        ("a\r\nb\nc\rd\u2028e", "a\\nb\\nc\\nd\\ne"),
        ('"Smart" <Devices> & 🧬', '"Smart" <Devices> & 🧬'),
    ],
)
def test_ics_text_escapes_separators_and_every_line_break(text: str, expected: str):
    assert ics_text(text) == expected
