"""The dependency lock: uv.lock and the requirements files generated from it.

    python scripts/lock.py write   # after editing pyproject.toml: re-lock, regenerate requirements/
    python scripts/lock.py check   # fail if uv.lock or requirements/*.txt lag behind pyproject.toml

pyproject.toml declares the direct dependencies (runtime) and the PEP 735 groups `test` and
`lint`. uv resolves them once into uv.lock (every package pinned, with hashes, for every
platform), and each install set below is exported from that one lock, so the three files can
never pin different versions. Installing needs only pip (`pip install --require-hashes -r`).

Why uv rather than pip-compile: pip-compile writes one lock per input file, so runtime, test and
lint would be three resolutions that can drift apart and need layered constraints to agree;
`uv lock` resolves all groups together into one file, reads PEP 735 groups natively, and
`uv lock --check` tells offline whether the lock still matches pyproject.toml.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements"
# Install set -> the groups it adds to the runtime dependencies. `test` includes `lint`.
SETS: dict[str, tuple[str, ...]] = {"runtime": (), "lint": ("lint",), "test": ("test",)}


def uv() -> str:
    """The uv of this venv (lint group), else one on PATH."""
    local = Path(sys.executable).with_name("uv")
    found = str(local) if local.is_file() else shutil.which("uv")
    if found is None:
        sys.exit("lock: uv is missing — hint: run `make lint` once, it installs the lint tools")
    return found


def export(name: str, target: Path) -> None:
    """Write the requirements file of one install set, exported from uv.lock as it stands."""
    groups = [arg for group in SETS[name] for arg in ("--group", group)]
    command = ["export", "--frozen", "--no-emit-project", "--no-default-groups", *groups]
    command += ["--format", "requirements-txt", "--quiet", "--output-file"]
    # The path in the generated header stays the same wherever the file is written.
    subprocess.run([uv(), *command, f"requirements/{name}.txt"], cwd=target, check=True, env=_env())


def _env() -> dict[str, str]:
    return {**os.environ, "UV_NO_PROGRESS": "1"}


def write() -> None:
    subprocess.run([uv(), "lock", "--quiet"], cwd=ROOT, check=True, env=_env())
    REQUIREMENTS.mkdir(exist_ok=True)
    for name in SETS:
        export(name, ROOT)


def check() -> list[str]:
    """What is out of date; empty when the lock and every requirements file are current."""
    locked = subprocess.run(
        [uv(), "lock", "--check", "--offline", "--quiet"], cwd=ROOT, capture_output=True, text=True
    )
    if locked.returncode != 0:
        return [f"uv.lock does not match pyproject.toml: {locked.stderr.strip()}"]
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch)
        for part in ("pyproject.toml", "uv.lock"):
            shutil.copy(ROOT / part, copy / part)
        (copy / "requirements").mkdir()
        for name in SETS:
            export(name, copy)
            current = REQUIREMENTS / f"{name}.txt"
            fresh = (copy / "requirements" / f"{name}.txt").read_text(encoding="utf-8")
            if not current.is_file() or current.read_text(encoding="utf-8") != fresh:
                problems.append(f"requirements/{name}.txt is not what uv.lock gives")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["write", "check"])
    if parser.parse_args().command == "write":
        write()
        return
    problems = check()
    for problem in problems:
        print(f"lock: {problem} — hint: run `make lock` and commit the result", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
