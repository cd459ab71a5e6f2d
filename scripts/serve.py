"""`make serve`: the live preview for staff, rebuilding only what an edit changes.

Serves the site as `mkdocs serve` does (MkDocs' own live-reload server: drafts shown, every open
page reloads after a rebuild, and a request that arrives during a rebuild waits for it, so no
half-built or stale page is served). The difference is the rebuild: after each save this
compares the watched files with the last successful build (saxonyhub.preview.plan_rebuild). The
body of a Markdown page or an organisation's data file gets a fast build of the languages it can
affect, the edited language first, and in each only the pages whose output can change
(hooks/preview.py); any other change gets the full build of every language. The search index is
not part of any rebuild (hooks/search.py): it is brought up to date in the background once no
rebuild has followed for SEARCH_DELAY seconds (the log says when), so the first page and every
reload come sooner.

    python scripts/serve.py [--dev-addr 127.0.0.1:8000] [--full]

`--full` rebuilds everything after every change, as plain `mkdocs serve` does.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.livereload import LiveReloadServer, _serve_url  # noqa: E402

from saxonyhub.preview import (  # noqa: E402
    CONFIG_KEY,
    FULL_START,
    Plan,
    PreviewState,
    Snapshot,
    plan_rebuild,
    take_snapshot,
)

log = logging.getLogger("mkdocs.saxonyhub.preview")
BUILD_LANGUAGE = "HUB_BUILD_LANGUAGE"  # hooks/language_build.py
# How often the watcher looks at the files (MkDocs: 0.5 s); one look at the ~700 watched files
# takes a few milliseconds.
POLL_SECONDS = 0.2
SEARCH_DELAY = 2.0  # seconds without a rebuild before the search index is updated
# The index as hooks/search.py writes it at the end of `make build`, for the site in argv[1].
SEARCH_RUNNER = """
import sys
from pathlib import Path
sys.path.insert(0, "hooks")
from saxonyhub.search_index import index_site
index_site(Path(sys.argv[1]), Path("."), sys.argv[2:])
"""


class DirtyNotice(logging.Filter):
    """Drops MkDocs' warning that a dirty build may show stale navigation: the fast build reads
    every page's front matter (hooks/preview.py), and with `strict: true` the warning would fail
    the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


@contextlib.contextmanager
def build_language(lang: str | None) -> Iterator[None]:
    """Set (or, for None, unset) the one language a build makes (hooks/language_build.py)."""
    old = os.environ.pop(BUILD_LANGUAGE, None)
    if lang:
        os.environ[BUILD_LANGUAGE] = lang
    try:
        yield
    finally:
        os.environ.pop(BUILD_LANGUAGE, None)
        if old is not None:
            os.environ[BUILD_LANGUAGE] = old


class PreviewBuilder:
    """The server's builder: plans each rebuild from the files that changed, then builds."""

    def __init__(self, config_file: Path, site_dir: str, dev_addr: str, fast: bool) -> None:
        self.config_file, self.site_dir, self.dev_addr, self.fast = (
            config_file,
            site_dir,
            dev_addr,
            fast,
        )
        self.project = config_file.parent
        self.state = PreviewState()
        self.built: Snapshot | None = None  # the files as the last successful build saw them
        self.serve_url = ""
        self.languages: list[str] = []
        self.default = ""
        self.search_lock = threading.Lock()
        self.search_timer: threading.Timer | None = None
        self.search_process: subprocess.Popen[str] | None = None
        self.search_started = 0.0
        self.building = False  # between stop_search and the end of a build

    def config(self) -> MkDocsConfig:
        config = load_config(
            config_file=str(self.config_file), site_dir=self.site_dir, dev_addr=self.dev_addr
        )
        if self.serve_url:
            config.site_url = self.serve_url
        config[CONFIG_KEY] = self.state
        return config

    def first_config(self) -> MkDocsConfig:
        config = self.config()
        host, port = config.dev_addr
        self.serve_url = _serve_url(host, port, "/")
        config.site_url = self.serve_url
        i18n = config.plugins["i18n"].config.languages
        self.languages = [language.locale for language in i18n]
        self.default = next(language.locale for language in i18n if language.default)
        return config

    def plan(self, after: Snapshot) -> Plan:
        if self.built is None or not self.fast:
            return FULL_START if self.built is None else Plan(True, "--full")
        return plan_rebuild(self.built, after, self.languages, self.default)

    def __call__(self, config: MkDocsConfig | None = None) -> None:
        after = take_snapshot(self.project)
        plan = self.plan(after)
        if plan.empty:
            log.info("preview: nothing to rebuild")
            self.built = after
            return
        self.state.plan = plan
        self.state.rendered = {}
        started = time.perf_counter()
        self.stop_search()  # it writes into the site; the next one starts after this build
        if plan.full:
            with build_language(None):
                build(config or self.config(), serve_url=self.serve_url, dirty=False)
        else:
            for lang in plan.languages:
                with build_language(lang):
                    build(self.config(), serve_url=self.serve_url, dirty=True)
        self.state.commit()
        self.built = after
        elapsed = time.perf_counter() - started
        if plan.full:
            log.info(f"preview: full build ({plan.reason}) in {elapsed:.2f} s")
        else:
            counts = ", ".join(
                f"{lang} {len(self.state.rendered.get(lang, ()))}" for lang in plan.languages
            )
            log.info(f"preview: fast build ({counts} pages) in {elapsed:.2f} s")
        # Later, so that indexing does not compete with the reloading pages; the next rebuild
        # replaces a pending update.
        self.building = False
        self.search_timer = threading.Timer(SEARCH_DELAY, self.update_search)
        self.search_timer.daemon = True
        self.search_timer.start()

    def update_search(self) -> None:
        """Index the site again after a build (hooks/search.py leaves it to this), in a process
        of its own: it runs beside the server, and a rebuild stops it (stop_search)."""
        with self.search_lock:
            if self.building:
                return  # a rebuild began after this update was due; it schedules another
            self.search_started = time.perf_counter()
            self.search_process = subprocess.Popen(
                [sys.executable, "-c", SEARCH_RUNNER, self.site_dir, *self.languages],
                cwd=self.project,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                start_new_session=True,  # its own process group: stop_search ends Pagefind too
            )
            process = self.search_process
        _, errors = process.communicate()
        if process.returncode == 0:
            seconds = time.perf_counter() - self.search_started
            log.info(f"preview: search index updated in {seconds:.2f} s")
        elif process.returncode > 0:  # not stopped by a rebuild: say what failed
            log.warning(f"preview: search index not updated:\n{errors[-2000:]}")

    def stop_search(self) -> None:
        """Stop a pending or running search update: the rebuild schedules a new one."""
        if self.search_timer is not None:
            self.search_timer.cancel()
        with self.search_lock:
            self.building = True
            process = self.search_process
            if process is not None and process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)  # the indexer and its Pagefind binary
                process.wait()


def serve(config_file: Path, dev_addr: str, fast: bool) -> None:
    """MkDocs' `serve` command with PreviewBuilder as its builder."""
    site_dir = tempfile.mkdtemp(prefix="mkdocs_")
    builder = PreviewBuilder(config_file, site_dir, dev_addr, fast)
    config = builder.first_config()
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    server = LiveReloadServer(
        builder=builder, host=host, port=port, root=site_dir, polling_interval=POLL_SECONDS
    )

    def error_page(code: int) -> bytes | None:
        page = Path(site_dir) / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_page
    logging.getLogger("mkdocs.commands.build").addFilter(DirtyNotice())
    try:
        builder(config)
        server.watch(config.docs_dir)
        server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            server.watch(item)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT")
    parser.add_argument("--full", action="store_true", help="rebuild everything after every change")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("HUB_PREVIEW", "true")  # drafts shown (hooks/drafts.py), as in make serve
    serve(ROOT / "mkdocs.yml", args.dev_addr, fast=not args.full)


if __name__ == "__main__":
    main()
