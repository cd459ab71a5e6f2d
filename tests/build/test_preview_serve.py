"""`make serve` (scripts/serve.py): fast rebuilds give the same site as a full build, and the
running server shows an edit. Timings are bench/preview.py's job, not a test's."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from markupsafe import escape

from site_build import ROOT, build_env

IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "*cache*", "__pycache__", ".site-*")
TEXT = "Vorschau & <Test> 'zitiert' 🧪"  # escaped differently in HTML, YAML and Markdown
# (file, text to append the marker to) for each step; each step is one save and one rebuild.
STEPS = [
    ("docs/de/guides/mdr-overview.md", "Dieser Leitfaden verschafft Ihnen den Überblick"),
    ("data/organisations/abx.yml", "Radeberger Radiopharmazie-Unternehmen"),
    ("data/organisations/abx.yml", "Radeberg radiopharmaceutical company"),
    ("docs/en/guides/mdr-overview.md", "This guide gives you the big picture"),
]
# Runs PreviewBuilder in its own process (hooks keep per-process state): a first full build,
# then for each step the edit and a rebuild; prints each rebuild's plan and pages as JSON.
RUNNER = """
import json, logging, os, sys, time
from pathlib import Path
os.environ.setdefault("HUB_PREVIEW", "true")  # as scripts/serve.py: drafts shown
sys.path.insert(0, "scripts")
import serve
logging.basicConfig(level=logging.WARNING)
logging.getLogger("mkdocs.commands.build").addFilter(serve.DirtyNotice())
site, steps = sys.argv[1], json.loads(sys.argv[2])
builder = serve.PreviewBuilder(Path("mkdocs.yml").resolve(), site, "127.0.0.1:8000", True)
config = builder.first_config()
config.plugins.on_startup(command="serve", dirty=False)
builder(config)
report = []
for path, old, new in steps:
    file = Path(path)
    time.sleep(0.02)  # a later modification time, even on a coarse clock
    file.write_text(file.read_text(encoding="utf-8").replace(old, new, 1), "utf-8")
    try:
        builder()
    except Exception as error:  # as the server does: report, serve nothing new
        report.append({"failed": str(error)})
        continue
    plan = builder.state.plan
    rendered = {lang: sorted(pages) for lang, pages in builder.state.rendered.items()}
    report.append({"full": plan.full, "reason": plan.reason, "rendered": rendered})
if builder.search_timer is not None:
    builder.search_timer.cancel()
print(json.dumps(report))
"""


def run_preview(
    project: Path, site: Path, steps: list[tuple[str, str, str]]
) -> tuple[list[dict], str]:
    """Each step (file, old, new) replaces old by new in file, then rebuilds; returns each
    rebuild's report and the log."""
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, str(site), json.dumps(steps)],
        cwd=project,
        env=build_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1]), result.stderr


def site_files(site: Path) -> dict[str, bytes]:
    # The search index is written in the background after a fast build (see scripts/serve.py).
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in site.rglob("*")
        if p.is_file() and "pagefind" not in p.relative_to(site).parts
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("preview") / "project"
    shutil.copytree(ROOT, target, ignore=IGNORE)
    return target


def test_fast_rebuilds_give_the_site_a_full_build_gives(project: Path, tmp_path: Path):
    steps = [(path, anchor, f"{anchor} {TEXT} {n}") for n, (path, anchor) in enumerate(STEPS)]
    report, _ = run_preview(project, tmp_path / "fast", steps)
    assert [step["full"] for step in report] == [False] * len(STEPS), report
    german_guide, german_org, english_org, english_guide = (s["rendered"] for s in report)
    # The German guide: its page first, then its translation (now outdated) and the status page.
    assert list(german_guide) == ["de", "en"]
    assert "de/guides/mdr-overview.md" in german_guide["de"]
    assert "en/guides/mdr-overview.md" in german_guide["en"]
    assert list(english_guide) == ["en"] and "en/guides/mdr-overview.md" in english_guide["en"]
    for rendered in (german_org, english_org):
        assert (
            "organisations/abx.md" in rendered["de"] and "en/organisations/abx.md" in rendered["en"]
        )
    assert "organisations/index.md" in german_org["de"]  # the directory lists the summary
    assert "en/organisations/index.md" in english_org["en"]
    # A fast build renders a small part of the site.
    pages = len(list((tmp_path / "fast").rglob("index.html")))
    assert all(len(p) < pages / 4 for s in report for p in s["rendered"].values())

    # The reference: a full build of the edited files, in a fresh process.
    run_preview(project, tmp_path / "full", [])
    fast, full = site_files(tmp_path / "fast"), site_files(tmp_path / "full")
    assert fast.keys() == full.keys()
    assert [path for path in full if fast[path] != full[path]] == []
    escaped = str(escape(f"{TEXT} 1")).encode()  # as Jinja escapes it
    assert escaped in full["organisations/abx/index.html"]
    assert escaped in full["organisations/index.html"]


def test_after_a_failed_rebuild_the_next_one_catches_up(project: Path, tmp_path: Path):
    org, guide = "data/organisations/abx.yml", "docs/de/guides/mdr-overview.md"
    steps = [
        (guide, "Dieser Leitfaden", "Dieser geänderte Leitfaden"),
        (org, "region: dresden", "region: atlantis"),  # no such region: the build stops
        (org, "region: atlantis", "region: dresden"),
        (org, "Radiopharmazie-Unternehmen", "Radiopharmazie-Unternehmen Fehlerfrei &"),
    ]
    report, log = run_preview(project, tmp_path / "fast", steps)
    assert "failed" in report[1] and "atlantis" in log and "abx.yml" in log
    assert not report[2]["full"] and "organisations/abx.md" in report[2]["rendered"]["de"]
    run_preview(project, tmp_path / "full", [])
    fast, full = site_files(tmp_path / "fast"), site_files(tmp_path / "full")
    assert [path for path in full if fast.get(path) != full[path]] == []
    assert b"Fehlerfrei &amp;" in full["organisations/abx/index.html"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_until(condition, seconds: float = 240) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_the_running_preview_shows_an_edit_and_reloads(project: Path):
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "scripts/serve.py", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=build_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert wait_until(lambda: "</html>" in fetch(base)), "serve did not answer"
        page = fetch(base + "organisations/abx/")
        epoch = int(re.search(r"livereload\((\d+), \d+\)", page).group(1))
        org = project / "data/organisations/abx.yml"
        anchor = "Radeberger Radiopharmazie-Unternehmen"
        time.sleep(1)  # the watcher has started
        org.write_text(org.read_text("utf-8").replace(anchor, f"{anchor} Live 🧪 & Co", 1), "utf-8")
        expected = "Live 🧪 &amp; Co"
        assert wait_until(lambda: expected in fetch(base + "organisations/abx/"))
        assert expected in fetch(base + "organisations/")
        assert expected not in fetch(base + "en/organisations/abx/")
        # What an open page's live-reload poll gets: a newer epoch, so the browser reloads.
        assert int(fetch(f"{base}livereload/{epoch}/1")) > epoch
        # The search index follows in the background.
        assert wait_until(lambda: '"languages"' in fetch(base + "pagefind/pagefind-entry.json"))
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=60)
    assert "fast build" in errors, errors[-3000:]
