"""Generate or verify the web editor's configuration (tools/cms/config.yml) from the data models.

`python scripts/cms_config.py generate` writes it; `verify` (run by `make lint`) fails when the
committed file no longer matches the models or data/taxonomy.yml. The build writes its own copy
into site/admin/ with the repository of REPO_URL (saxonyhub.cms_admin).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from saxonyhub.cms_admin import CONFIG, render_config  # noqa: E402


def main(command: str) -> int:
    text = render_config(ROOT)
    if command == "generate":
        CONFIG.write_text(text, encoding="utf-8")
        print(f"Wrote {CONFIG.relative_to(ROOT)}.")
        return 0
    if not CONFIG.exists() or CONFIG.read_text(encoding="utf-8") != text:
        print(
            f"Stale editor configuration: {CONFIG.relative_to(ROOT)} — run "
            "'python scripts/cms_config.py generate' (or 'make cms-config') and commit it.",
            file=sys.stderr,
        )
        return 1
    print("Editor configuration is up to date.")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in {"generate", "verify"}:
        sys.exit("usage: cms_config.py generate|verify")
    sys.exit(main(sys.argv[1]))
