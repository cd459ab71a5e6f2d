"""Markdown-subset text to plain text, and plain text into an iCal property (RFC 5545)."""

from __future__ import annotations

import icalendar
import pytest

from saxonyhub.data_pages import fold_ics_line
from saxonyhub.plaintext import markdown_to_plain
from saxonyhub.templating import ics_text


def test_plaintext_drops_emphasis_and_keeps_paragraphs():
    text = "Die **fünfte** Ausgabe, *kursiv*.\n\nZweiter Absatz."
    assert markdown_to_plain(text) == "Die fünfte Ausgabe, kursiv.\n\nZweiter Absatz."


def test_plaintext_lists_and_links():
    text = "Intro:\n\n- eins\n- [zwei](https://example.org/a?b=1&c=2)"
    assert markdown_to_plain(text) == "Intro:\n\n- eins\n- zwei (https://example.org/a?b=1&c=2)"


def test_plaintext_profile_links_keep_only_the_name():
    assert markdown_to_plain("bei [leap:up](org:leap-up) in Leipzig") == "bei leap:up in Leipzig"


def test_plaintext_keeps_html_and_special_characters_as_typed():
    text = 'A & B <b>bold</b> "quoted" 🎉, a; b'
    assert markdown_to_plain(text) == text


@pytest.mark.parametrize(
    ("plain", "escaped"),
    [
        ("a, b", "a\\, b"),
        ("a; b", "a\\; b"),
        ("back\\slash", "back\\\\slash"),
        ("line\nbreak", "line\\nbreak"),
        ('A & B <x> "q" 🎉', 'A & B <x> "q" 🎉'),
    ],
)
def test_ics_text_escapes_per_rfc5545(plain: str, escaped: str):
    assert ics_text(plain) == escaped


HOSTILE = 'Für **A & B** <script>x</script>, "quoted"; emoji 🎉🧬 \\ end.\n\n- one, two; three'


def test_markdown_description_round_trips_through_icalendar():
    description = markdown_to_plain(HOSTILE)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//test//test//EN",
        "BEGIN:VEVENT",
        "UID:x@test",
        "DTSTAMP:20260101T000000Z",
        "DTSTART;VALUE=DATE:20270413",
        f"SUMMARY:{ics_text('Title, with; specials & 🎉')}",
        f"DESCRIPTION:{ics_text(description)}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    raw = "\r\n".join(fold_ics_line(line) for line in lines) + "\r\n"
    assert all(len(line.encode()) <= 75 for line in raw.split("\r\n"))
    event = icalendar.Calendar.from_ical(raw).walk("VEVENT")[0]
    assert str(event["DESCRIPTION"]) == description
    assert "**" not in description and "<script>x</script>" in description
    assert str(event["SUMMARY"]) == "Title, with; specials & 🎉"
