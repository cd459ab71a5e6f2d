"""Benchmark the preview (`make serve`): first start and edit-to-reload, on the shipped content.

Works in a temporary copy of the project (never in docs/ or data/). Starts the command behind
`make serve` (SERVE_COMMAND) on a free port and times until the home page answers; then edits a
guide paragraph and an organisation's summary, each several times (German and English in turn),
and times from the file write until (a) the live-reload poll that every open page keeps
(`/livereload/<epoch>/<id>`) answers with a newer epoch, i.e. the browser reloads, and (b) the
served HTML of the edited page contains the new text. After each edit it also checks the pages
that derive from the file (the directory lists the summary; the other language's page must not
show the text), so a fast but stale preview does not count as a pass.
Goal: edit-to-reload at most 1.5 s on a 2-core machine. Prints a table, the medians and the
server's CPU time per edit (steadier than wall time on a shared machine); `--compare` also runs
plain `mkdocs serve` in a second copy, side by side, makes every edit in both copies one after the
other (so both meet the same load) and prints the ratios (`make bench` does).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "*cache*", "__pycache__", ".site-*")
# The command `make serve` runs (Makefile), with the port left open; and for comparison, plain
# `mkdocs serve` (what `make serve` was: a full build of both languages after every save).
SERVE_COMMAND = [sys.executable, "scripts/serve.py", "--dev-addr"]
STOCK_COMMAND = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr"]
GOAL_SECONDS = 1.5
LIVERELOAD = re.compile(rb"livereload\((\d+), (\d+)\)")


@dataclass(frozen=True)
class Edit:
    """One kind of edit: the file, the text to change in it, and the pages that must show it."""

    label: str
    path: str  # in the project
    anchor: str  # the edit appends the marker right after this text
    page: str  # served URL of the edited page
    derived: tuple[str, ...] = ()  # other pages that must show the marker too
    unaffected: tuple[str, ...] = ()  # pages that must not (the other language)


GUIDE_DE = Edit(
    "guide (de)",
    "docs/de/guides/mdr-overview.md",
    "Dieser Leitfaden verschafft Ihnen den Überblick",
    "guides/mdr-overview/",
    unaffected=("en/guides/mdr-overview/",),
)
GUIDE_EN = Edit(
    "guide (en)",
    "docs/en/guides/mdr-overview.md",
    "This guide gives you the big picture",
    "en/guides/mdr-overview/",
    unaffected=("guides/mdr-overview/",),
)
ORG_DE = Edit(
    "organisation (de)",
    "data/organisations/abx.yml",
    "Radeberger Radiopharmazie-Unternehmen",
    "organisations/abx/",
    derived=("organisations/",),
    unaffected=("en/organisations/abx/",),
)
ORG_EN = Edit(
    "organisation (en)",
    "data/organisations/abx.yml",
    "Radeberg radiopharmaceutical company",
    "en/organisations/abx/",
    derived=("en/organisations/",),
    unaffected=("organisations/abx/",),
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, timeout: float = 30) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, needle: bytes, deadline: float, poll: float = 0.05) -> float | None:
    """Seconds (perf_counter) when ``url`` first contains ``needle``, or None at the deadline."""
    while time.perf_counter() < deadline:
        body = get(url)
        if body is not None and needle in body:
            return time.perf_counter()
        time.sleep(poll)
    return None


class ReloadWatch(threading.Thread):
    """What an open browser tab does: long-poll /livereload/ until the epoch grows."""

    def __init__(self, base: str, page: str) -> None:
        super().__init__(daemon=True)
        body = get(base + page) or b""
        match = LIVERELOAD.search(body)
        if match is None:
            sys.exit(f"no live-reload script on {page}: is this `mkdocs serve`?")
        self.url = f"{base}livereload/{match[1].decode()}/{match[2].decode()}"
        self.epoch = int(match[1])
        self.fired: float | None = None
        self.start()

    def run(self) -> None:
        while self.fired is None:
            body = get(self.url, timeout=70)
            if body is not None and int(body) > self.epoch:
                self.fired = time.perf_counter()
            elif body is None:
                time.sleep(0.05)


@dataclass
class Result:
    label: str
    reload_s: float | None
    html_s: float | None
    cpu_s: float | None  # the server's CPU time from the write until the reload
    correct: bool
    note: str = ""


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux /proc), or None where there is none."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def edit_once(
    project: Path, base: str, edit: Edit, marker: str, timeout: float, pid: int
) -> Result:
    path = project / edit.path
    text = path.read_text(encoding="utf-8")
    if edit.anchor not in text:
        sys.exit(f"{edit.path}: the anchor text {edit.anchor!r} is gone; update bench/preview.py")
    watch = ReloadWatch(base, edit.page)
    time.sleep(0.3)  # let the poll reach the server, as an open tab's would
    cpu_before = cpu_seconds(pid)
    started = time.perf_counter()
    path.write_text(text.replace(edit.anchor, f"{edit.anchor} {marker}", 1), encoding="utf-8")
    needle = marker.encode()
    html_at = wait_for(base + edit.page, needle, started + timeout)
    watch.join(timeout=max(0.0, started + timeout - time.perf_counter()))
    cpu_after = cpu_seconds(pid)
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    notes = []
    for page in edit.derived:
        if needle not in (get(base + page) or b""):
            notes.append(f"{page} stale")
    for page in edit.unaffected:
        if needle in (get(base + page) or b""):
            notes.append(f"{page} shows it")
    if watch.fired is not None and html_at is not None and watch.fired < started:
        notes.append("reloaded before the write")
    return Result(
        edit.label,
        None if watch.fired is None else watch.fired - started,
        None if html_at is None else html_at - started,
        cpu,
        not notes and html_at is not None,
        ", ".join(notes),
    )


def start_server(
    project: Path, port: int, timeout: float, command: list[str]
) -> tuple[subprocess.Popen, float]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HUB_PREVIEW": "true"}  # as make serve
    env.pop("HUB_BUILD_LANGUAGE", None)
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    first = wait_for(f"http://127.0.0.1:{port}/", b"</html>", started + timeout, poll=0.1)
    if first is None:
        process.terminate()
        sys.exit(f"serve did not answer within {timeout:.0f} s:\n{process.stderr.read()[-3000:]}")
    return process, first - started


def fmt(seconds: float | None) -> str:
    return "  —  " if seconds is None else f"{seconds:5.2f}"


def measure(
    commands: list[list[str]], runs: int, timeout: float
) -> list[tuple[float, list[Result]]]:
    """First start and ``runs`` edits of each kind, for each command in a fresh copy of its own.

    With several commands, their servers run side by side and each edit is made in one copy
    after the other, so that both meet the same load on a shared machine (an idle server only
    polls the files).
    """
    with tempfile.TemporaryDirectory() as folder:
        servers = []
        try:
            for number, command in enumerate(commands):
                project = Path(folder) / f"project{number}"
                shutil.copytree(ROOT, project, ignore=IGNORE)
                port = free_port()
                process, first_start = start_server(project, port, timeout, command)
                base = f"http://127.0.0.1:{port}/"
                ReloadWatch(base, "")  # the watcher runs once a page carries the reload script
                servers.append((project, base, process, first_start, []))
                time.sleep(5.0)  # let its start settle (make serve indexes search after it)
            for run in range(runs):
                # German and English in turn: the edited language must not matter.
                for edit in (GUIDE_DE, ORG_DE) if run % 2 == 0 else (GUIDE_EN, ORG_EN):
                    for project, base, process, _, results in servers:
                        marker = f"PREVIEWMARK{run}"
                        results.append(edit_once(project, base, edit, marker, timeout, process.pid))
        finally:
            for _, _, process, _, _ in servers:
                process.terminate()
                process.wait(timeout=30)
    return [(first_start, results) for _, _, _, first_start, results in servers]


def median_of(results: list[Result], kind: str, field: str) -> float | None:
    values = [getattr(r, field) for r in results if r.label.startswith(kind)]
    return statistics.median(values) if values and None not in values else None


def report(title: str, first_start: float, results: list[Result]) -> None:
    print(f"{title}: first start (until the home page answers) {first_start:.2f} s")
    print(f"  {'edit':<20} {'reload s':>8} {'HTML s':>7} {'CPU s':>6}  correct")
    for r in results:
        ok = "yes" if r.correct else f"NO ({r.note})"
        print(f"  {r.label:<20} {fmt(r.reload_s):>8} {fmt(r.html_s):>7} {fmt(r.cpu_s):>6}  {ok}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="edits per file kind (default 3)")
    parser.add_argument("--timeout", type=float, default=90.0)
    parser.add_argument(
        "--compare", action="store_true", help="also measure plain `mkdocs serve` (slow)"
    )
    args = parser.parse_args()
    commands = [SERVE_COMMAND, STOCK_COMMAND] if args.compare else [SERVE_COMMAND]
    measured = measure(commands, args.runs, args.timeout)
    first, results = measured[0]
    report("make serve", first, results)
    stock = measured[1] if args.compare else None
    if stock is not None:
        report("plain mkdocs serve", *stock)
        print(f"first start: {stock[0] / first:.1f}x faster than plain mkdocs serve")
    for kind in ("guide", "organisation"):
        median = median_of(results, kind, "reload_s")
        if median is None:
            print(f"median edit-to-reload, {kind}: no reload in some runs")
            continue
        verdict = "ok" if median <= GOAL_SECONDS else f"above the {GOAL_SECONDS} s goal"
        line = f"median edit-to-reload, {kind}: {median:.2f} s ({verdict})"
        cpu = median_of(results, kind, "cpu_s")
        if cpu is not None:
            line += f", server CPU {cpu:.2f} s"
        if stock is not None and (slow := median_of(stock[1], kind, "reload_s")):
            line += f"; plain mkdocs serve {slow:.2f} s, {slow / median:.1f}x faster"
            slow_cpu = median_of(stock[1], kind, "cpu_s")
            if cpu and slow_cpu:
                line += f" ({slow_cpu / cpu:.1f}x less CPU)"
        print(line)
    if not all(r.correct for r in results + (stock[1] if stock else [])):
        sys.exit("some previews were stale or never updated")


if __name__ == "__main__":
    main()
