"""Generate or verify the JSON Schemas in schemas/ from the data models.

`python scripts/schemas.py generate` writes them; `verify` (run by `make test`) fails when a
committed schema no longer matches its model.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from saxonyhub.schema_export import all_schemas  # noqa: E402

SCHEMA_DIR = ROOT / "schemas"


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main(command: str) -> int:
    stale = []
    for name, schema in all_schemas().items():
        path = SCHEMA_DIR / f"{name}.schema.json"
        text = render(schema)
        if command == "generate":
            SCHEMA_DIR.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path.relative_to(ROOT).as_posix())
    if stale:
        print(
            "Stale JSON schemas: " + ", ".join(stale) + " — run 'make schemas' and commit them.",
            file=sys.stderr,
        )
        return 1
    print("Schemas generated." if command == "generate" else "Schemas are up to date.")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in {"generate", "verify"}:
        sys.exit("usage: schemas.py generate|verify")
    sys.exit(main(sys.argv[1]))
