"""The web editor's six staff tasks, clicked through as a first-time user would; prints seconds.

On a temporary copy of data/ and docs/, with the editor's local backend (as `make cms`), Debian's
Chromium adds an organisation, a news item (both languages), an event, edits a guide, translates
it and records a review. Each task starts at the sidebar and ends when the file is on disk. The
figures are lower bounds for a person, who reads and types. `--screenshots DIR` writes the
contributor guide's pictures (tools/cms/screenshots/).

    .venv/bin/python bench/cms_walkthrough.py [--screenshots tools/cms/screenshots]
"""

from __future__ import annotations

import argparse
import re
import shutil
import socket
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from browser_support import CHROMIUM  # noqa: E402
from saxonyhub.cms_admin import install_admin, start_local_backend  # noqa: E402
from serve_static import start  # noqa: E402

GUIDE_TITLE = re.compile("Die IVDR")


class Walk:
    """One browser page on the editor, with the steps a member of staff takes."""

    def __init__(self, page: Page, project: Path, shots: Path | None) -> None:
        self.page, self.project, self.shots = page, project, shots

    def field(self, name: str, nth: int = 0):
        return self.page.locator(f'[id^="{name}-field-"]').nth(nth)

    def choose(self, name: str, text: str) -> None:
        box = self.field(name)
        box.click()
        box.press_sequentially(text)
        self.page.get_by_role("option", name=text, exact=False).first.click()

    def add_item(self, label: str, value: str) -> None:
        self.page.get_by_role("button", name=f"{label} hinzufügen").first.click()
        self.page.locator('[id^="item-field-"]').last.fill(value)

    def open(self, label: str, new: str | None = None, entry: re.Pattern | None = None) -> None:
        """Back to the lists if in an entry, the collection in the sidebar, then new or an entry."""
        back = self.page.get_by_text("Zurück zu allen")
        if back.count():
            back.click()
        self.page.get_by_role("link", name=label, exact=True).click()
        if new:
            self.page.locator(f'a[href="#/collections/{new}/new"]').click()
        else:
            self.page.get_by_role("link", name=entry).click()

    def body(self, nth: int):
        return self.page.get_by_label("Text", exact=True).nth(nth)

    def publish(self, path: Path, before: str | None = None) -> None:
        self.page.get_by_role("button", name="Veröffentlichen").click()
        self.page.get_by_text("Jetzt veröffentlichen").click()
        for _ in range(150):
            if path.exists() and path.read_text(encoding="utf-8") != before:
                return
            self.page.wait_for_timeout(200)
        raise SystemExit(f"the editor did not write {path}")

    def shot(self, name: str) -> None:
        """The form from its top, 1300 px high, without notifications."""
        if self.shots is None:
            return
        self.page.add_style_tag(content=".Toastify { display: none !important; }")
        self.page.evaluate(
            "document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0 })"
        )
        self.page.set_viewport_size({"width": 1280, "height": 1300})
        self.page.screenshot(path=str(self.shots / name))
        self.page.set_viewport_size({"width": 1280, "height": 900})


def add_organisation(walk: Walk) -> None:
    walk.open("Organisationen", new="organisations")
    walk.field("id").fill("testlabor-dresden")
    walk.field("name").fill("Testlabor Dresden")
    walk.choose("type", "Unternehmen")
    for nth, (de, en) in enumerate([("Ein Labor.", "A laboratory."), ("Profil.", "Profile.")]):
        walk.field("de", nth).fill(de)
        walk.field("en", nth).fill(en)
    walk.choose("technologies", "Biotechnologie")
    walk.add_item("deutsch", "Prüfung")
    walk.add_item("english", "Testing")
    walk.choose("region", "Dresden")
    walk.field("city").fill("Dresden")
    walk.field("lat").fill("51.05")
    walk.field("lon").fill("13.74")
    walk.choose("precision", "Stadtmitte")
    walk.add_item("Quellen", "https://www.example.org/")
    walk.field("verified").fill("2026-12-01")
    walk.shot("1-organisation.png")
    walk.publish(walk.project / "data/organisations/testlabor-dresden.yml")


def add_news(walk: Walk) -> None:
    walk.open("Meldungen", new="news")
    texts = [
        ("Neue Testmeldung", "Eine kurze Meldung aus dem Test des Editors."),
        ("New test item", "A short news item from the editor test."),
    ]
    for nth, (title, text) in enumerate(texts):
        walk.field("title", nth).fill(title)
        walk.field("description", nth).fill(text)
        walk.body(nth).fill(text)
    walk.field("date").fill("2026-12-01")  # once: the English page shares it
    walk.shot("2-news.png")
    walk.publish(walk.project / "docs/de/news/2026-12-01-neue-testmeldung.md")


def add_event(walk: Walk) -> None:
    walk.open("Veranstaltungen", new="events")
    walk.field("id").fill("test-workshop-2027")
    for nth, (de, en) in enumerate([("Test-Workshop", "Test workshop"), ("Ein Test.", "A test.")]):
        walk.field("de", nth).fill(de)
        walk.field("en", nth).fill(en)
    walk.choose("kind", "Workshop")
    walk.field("start").fill("2027-03-04")
    walk.field("city").fill("Leipzig")
    walk.field("organiser_name").fill("Testverein e. V.")
    walk.add_item("Quellen", "https://www.example.org/workshop")
    walk.shot("3-event.png")
    walk.publish(walk.project / "data/events/test-workshop-2027.yml")


def change_body(walk: Walk, nth: int, lang: str, find: str, insert: str, shot: str) -> None:
    walk.open("Leitfäden", entry=GUIDE_TITLE)
    body = walk.body(nth)
    expect(body).to_have_value(re.compile(re.escape(find)))
    path = walk.project / "docs" / lang / "guides/ivdr.md"
    before = path.read_text(encoding="utf-8")
    body.fill(body.input_value().replace(find, find + insert, 1))
    walk.shot(shot)
    walk.publish(path, before)


def edit_guide(walk: Walk) -> None:
    change_body(walk, 0, "de", "Dieser Leitfaden", " (ergänzt)", "4-guide.png")


def translate(walk: Walk) -> None:
    change_body(walk, 1, "en", "This guide", " (extended)", "5-translate.png")


def review(walk: Walk) -> None:
    walk.open("Leitfäden", entry=GUIDE_TITLE)
    path = walk.project / "docs/de/guides/ivdr.md"
    expect(walk.body(0)).to_have_value(re.compile("ergänzt"))
    before = path.read_text(encoding="utf-8")
    walk.field("last_reviewed", 0).fill("2026-12-03")
    walk.shot("6-review.png")
    walk.publish(path, before)


TASKS: list[tuple[str, Callable[[Walk], None]]] = [
    ("add an organisation", add_organisation),
    ("add a news item (de + en)", add_news),
    ("add an event", add_event),
    ("edit a guide", edit_guide),
    ("translate", translate),
    ("review", review),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenshots", type=Path, help="write the guide's PNGs here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        for part in ("data", "docs"):
            shutil.copytree(ROOT / part, project / part)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        port = free_port()
        install_admin(Path(tmp) / "site", project, local_port=port)
        backend = start_local_backend(project, port)
        server, url = start(Path(tmp) / "site")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
                )
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.set_default_timeout(20_000)
                page.goto(f"{url}admin/")
                page.get_by_role("button", name="Login").click()
                page.wait_for_url(re.compile("#/collections/"))
                expect(page.get_by_role("link", name="Leitfäden", exact=True)).to_be_visible()
                walk = Walk(page, project, args.screenshots)
                walk.shot("0-collections.png")
                for name, task in TASKS:
                    started = time.perf_counter()
                    task(walk)
                    print(f"{name:<28} {time.perf_counter() - started:5.1f} s")
                browser.close()
        finally:
            server.shutdown()
            backend.terminate()
            backend.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
