"""Strict build that never leaves a half-written site, one process per language.

Each language is built by its own `mkdocs build --strict` process at the same time
(hooks/language_build.py), into its own folder; saxonyhub.language_merge joins them into the site
the one-process build would write. The result goes into a fresh folder next to site/ and is swapped
in only when every language built and merged, so invalid data or a warning leaves the previously
published site/ exactly as it was.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from mkdocs.exceptions import ConfigurationError  # noqa: E402
from mkdocs.utils.yaml import yaml_load  # noqa: E402

from saxonyhub.cms_admin import EditorMissing, editor_wanted, install_admin  # noqa: E402
from saxonyhub.language_merge import MergeError, merge_language_sites  # noqa: E402
from saxonyhub.search_index import SearchIndexError, index_site  # noqa: E402
from saxonyhub.settings import i18n_languages  # noqa: E402


@dataclass
class LanguageBuild:
    lang: str
    returncode: int
    log: str
    peak_mib: float
    cpu_seconds: float


def without_info(log: str) -> str:
    """MkDocs' log without its INFO entries (an entry continues on lines indented by spaces)."""
    kept, keep = [], True
    for line in log.splitlines(keepends=True):
        if not line.startswith(" "):
            keep = not line.startswith("INFO")
        if keep:
            kept.append(line)
    return "".join(kept)


class ProjectError(Exception):
    """mkdocs.yml cannot be read, or does not say which languages the site has."""


def site_languages(project: Path) -> tuple[list[str], str]:
    """The languages in mkdocs.yml, default first (the order of the one-process build)."""
    try:
        with open(project / "mkdocs.yml", encoding="utf-8") as file:
            config = yaml_load(file)
    except (OSError, ConfigurationError) as error:
        raise ProjectError(str(error)) from None
    declared = i18n_languages(config.get("plugins") if isinstance(config, dict) else None)
    defaults = [lang for lang, default in declared if default]
    if len(defaults) != 1:
        raise ProjectError(
            "mkdocs.yml: the i18n plugin must list the languages, exactly one with `default: true`"
        )
    return [defaults[0], *(lang for lang, default in declared if not default)], defaults[0]


def wait_measured(process: subprocess.Popen) -> tuple[int, float, float]:
    """Wait for ``process``; return its exit code, peak memory (MiB) and CPU seconds."""
    _, status, usage = os.wait4(process.pid, 0)  # wait4: the resource usage as well
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def build_languages(project: Path, folders: dict[str, Path]) -> list[LanguageBuild]:
    """Run one strict MkDocs build per language at the same time; wait for all of them."""
    running = []
    for lang, folder in folders.items():
        log = open(folder.with_suffix(".log"), "w+", encoding="utf-8")  # noqa: SIM115
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HUB_BUILD_LANGUAGE": lang}
        # Not --quiet: it hides warnings before --strict counts them, so a broken link would pass.
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder)]
        process = subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=log)
        running.append((lang, process, log))
    results = []
    for lang, process, log in running:
        returncode, peak_mib, cpu_seconds = wait_measured(process)
        log.seek(0)
        results.append(LanguageBuild(lang, returncode, log.read(), peak_mib, cpu_seconds))
        log.close()
    return results


def add_editor(site_dir: Path, project: Path) -> bool:
    """The web editor (issue 16) under /admin/, outside MkDocs: no nav, sitemap or search entry.

    HUB_EDITOR (saxonyhub.cms_admin.EDITOR_MODES) decides; False when it cannot be added.
    """
    try:
        mode = os.environ.get("HUB_EDITOR", "")
        if not editor_wanted(mode):
            if mode != "skip":
                print(
                    "Note: no web editor under /admin/: tools/cms/node_modules is not installed. "
                    "`make cms` installs it; `HUB_EDITOR=require make build` adds it.",
                    file=sys.stderr,
                )
            return True
        install_admin(
            site_dir,
            project,
            os.environ.get("REPO_URL", ""),
            login=os.environ.get("CMS_AUTH_URL", ""),
        )
    except EditorMissing as error:
        print(f"Cannot add the web editor under /admin/: {error}", file=sys.stderr)
        return False
    return True


def build_site(project: Path, site_dir: Path) -> tuple[bool, list[LanguageBuild]]:
    """Build ``project`` into the new folder ``site_dir``; print problems; True on success."""
    languages, default = site_languages(project)
    work = Path(tempfile.mkdtemp(prefix=".site-languages-", dir=site_dir.parent))
    try:
        builds = build_languages(project, {lang: work / lang for lang in languages})
        # With broken data every language fails the same way: say it once.
        logs = dict.fromkeys(without_info(b.log) for b in builds if b.log)
        print("".join(logs), end="", file=sys.stderr)
        if any(b.returncode != 0 for b in builds):
            return False, builds
        try:
            merged = merge_language_sites({lang: work / lang for lang in languages}, default)
        except MergeError as error:
            print(f"Cannot merge the language builds:\n{error}", file=sys.stderr)
            return False, builds
        try:  # what hooks/search.py does at the end of a one-process build
            index_site(merged, project, languages)
        except SearchIndexError as error:
            print(f"Cannot write the search index:\n{error}", file=sys.stderr)
            return False, builds
        if not add_editor(merged, project):
            return False, builds
        merged.rename(site_dir)
        return True, builds
    finally:
        shutil.rmtree(work, ignore_errors=True)


def build(project: Path = ROOT, target: Path | None = None) -> int:
    """Build the site into ``target`` (default: site/ of the project); return the exit code."""
    target = (target or project / "site").resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=target.parent))
    started = time.perf_counter()
    staging.rmdir()  # build_site creates it by renaming the merged folder
    try:
        editor_wanted(os.environ.get("HUB_EDITOR", ""))  # a bad setting fails before building
        ok, _ = build_site(project, staging)
    except EditorMissing as error:
        print(f"Error: {error}", file=sys.stderr)
        ok = False
    except ProjectError as error:
        print(f"Error: {error}", file=sys.stderr)
        ok = False
    if not ok:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Build failed: {target.name}/ was left unchanged.", file=sys.stderr)
        return 1
    previous = target.with_name(f"{staging.name}-old")
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"Built {target.name}/ in {time.perf_counter() - started:.1f} s.")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="project folder (mkdocs.yml)")
    parser.add_argument("--site-dir", type=Path, help="output folder (default: <project>/site)")
    args = parser.parse_args()
    return build(args.project.resolve(), args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
