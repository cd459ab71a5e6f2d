"""Benchmark the competence directory page with the real data, 1,000 and 3,000 organisations.

Each count is built in a temporary copy of the project (bench/validate.py's generate(): copies of
the real entries), the German directory is opened in Chromium (Playwright, Debian's chromium),
and the script prints:
- bytes: the page's HTML and directory.js, raw and gzipped (level 9, as a server would send);
- load: script time until the page has loaded, and the layout shift (CLS, goal 0);
- typing: for each keyword typed letter by letter, Chromium's own counters per keystroke (each
  applied after the field's pause): script, style and layout time. Style time is where hiding
  a long run of list items showed (Chromium's cost grows with the square of the run, which is
  why directory.js takes items out of the document instead).
bench/build.py prints the same line for each size it builds (`make bench`).
Goals: at most ~10 KB more gzipped bytes than before the word filter at the real data's count
(compare with `--root /path/to/an/older/checkout`); no keystroke over 50 ms of script at 1,000.
Usage: .venv/bin/python bench/directory.py [counts …] [--root PATH]
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sys
import tempfile
from pathlib import Path

from validate import IGNORE, ROOT, generate

sys.path += [str(ROOT / "scripts"), str(ROOT / "tests/browser")]

from browser_support import CHROMIUM  # noqa: E402
from serve_static import start  # noqa: E402

KEYWORDS = ["software", "dresden", "zellen"]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
CLS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => list.getEntries().forEach(e => total += e.value))
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 500);
})"""


def build(root: Path, count: int, folder: Path) -> Path:
    from build import load_build_script  # bench/build.py, which imports this module

    project = folder / "project"
    shutil.copytree(root, project, ignore=IGNORE)
    generate(project, count)  # fewer than the real entries: the real data alone
    site = folder / "site"
    ok, _ = load_build_script().build_site(project, site)  # the copy's hooks and templates
    if not ok:
        sys.exit("build failed")
    return site


def sizes(site: Path) -> dict[str, tuple[int, int]]:
    files = {
        "html": site / "organisations/index.html",
        "js": site / "assets/javascripts/directory.js",
    }
    return {
        k: (len(p.read_bytes()), len(gzip.compress(p.read_bytes(), 9))) for k, p in files.items()
    }


def metrics(cdp) -> dict[str, float]:
    return {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}


def browse(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    server, url = start(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            cdp = page.context.new_cdp_session(page)
            cdp.send("Performance.enable")
            page.goto(url + "organisations/")
            load = metrics(cdp)
            shift = page.evaluate(CLS)
            # An older checkout (--root) had the keyword field #hub-q and ?q=.
            name = "keyword" if page.locator("#hub-keyword").count() else "q"
            keys = []
            for keyword in KEYWORDS:
                for end in range(1, len(keyword) + 1):
                    before = metrics(cdp)
                    page.fill(f"input[name={name}]", keyword[:end])
                    # Applied after the field's 150 ms pause (idle time is not script time).
                    page.wait_for_function(
                        "([n, q]) => new URLSearchParams(location.search).get(n) === q",
                        arg=[name, keyword[:end]],
                    )
                    page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
                    after = metrics(cdp)
                    keys.append({k: after[k] - before[k] for k in after} | {"typed": keyword[:end]})
            browser.close()
    finally:
        server.shutdown()
    return {"load_script_ms": load["ScriptDuration"] * 1000, "cls": shift, "keys": keys}


HEADER = (
    f"{'directory':>13} {'HTML KB raw/gz':>15} {'JS KB raw/gz':>13} {'load script ms':>15}"
    f" {'CLS':>5} {'per key: script ms med/max':>27} {'style ms max':>13} {'layout ms max':>14}"
)


def figures(site: Path, keys: bool = False) -> str:
    """One line of figures (under HEADER) for the directory of a built site; with ``keys``,
    one more line per keystroke."""
    size = sizes(site)
    run = browse(site)
    listed = (site / "organisations/index.html").read_text().count("hub-directory__item")
    script = sorted(k["ScriptDuration"] * 1000 for k in run["keys"])
    lines = [
        f"{listed:>13} {size['html'][0] / 1024:>7.1f}/{size['html'][1] / 1024:<7.1f}"
        f" {size['js'][0] / 1024:>6.1f}/{size['js'][1] / 1024:<6.1f}"
        f" {run['load_script_ms']:>15.0f} {run['cls']:>5.2f}"
        f" {script[len(script) // 2]:>13.1f}/{script[-1]:<13.1f}"
        f" {max(k['RecalcStyleDuration'] for k in run['keys']) * 1000:>13.1f}"
        f" {max(k['LayoutDuration'] for k in run['keys']) * 1000:>14.1f}"
    ]
    for key in run["keys"] if keys else []:
        lines.append(
            f"    {key['typed']!r:>12}: script {key['ScriptDuration'] * 1000:.1f} ms,"
            f" style {key['RecalcStyleDuration'] * 1000:.1f} ms,"
            f" {key['LayoutCount']:.0f} layouts {key['LayoutDuration'] * 1000:.1f} ms"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("counts", nargs="*", type=int, default=[0, 1000, 3000])  # 0: real data
    parser.add_argument("--root", type=Path, default=ROOT, help="project to measure")
    parser.add_argument("--keys", action="store_true", help="print every keystroke's figures")
    args = parser.parse_args()
    print(HEADER)
    for count in args.counts:
        with tempfile.TemporaryDirectory() as folder:
            print(figures(build(args.root, count, Path(folder)), args.keys), flush=True)


if __name__ == "__main__":
    main()
