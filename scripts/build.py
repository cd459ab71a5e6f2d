"""Strict build that never leaves a half-written site.

Builds into a fresh folder next to site/ and swaps it in only when the build succeeded, so invalid
data or a warning leaves the previously published site/ exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def without_info(log: str) -> str:
    """MkDocs' log without its INFO entries (an entry continues on lines indented by spaces)."""
    kept, keep = [], True
    for line in log.splitlines(keepends=True):
        if not line.startswith(" "):
            keep = not line.startswith("INFO")
        if keep:
            kept.append(line)
    return "".join(kept)


def build(target: Path = ROOT / "site") -> int:
    """Build the site into ``target``; return the process exit code."""
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=target.parent))
    started = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # Not --quiet: it silences warnings before --strict counts them, so a broken link would pass.
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    print(without_info(result.stdout), end="", file=sys.stderr)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Build failed: {target.name}/ was left unchanged.", file=sys.stderr)
        return result.returncode
    previous = target.with_name(f"{staging.name}-old")
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"Built {target.relative_to(ROOT)}/ in {time.perf_counter() - started:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(build())
