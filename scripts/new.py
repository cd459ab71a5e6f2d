"""`make new KIND=<kind> ID=<id>`: start a new entry or page from a template in scaffolds/.

Kinds: organisation, service, event, contact (one YAML file in data/), news and guide (one
Markdown page in docs/de/ and one in docs/en/). Every file it writes passes `make validate` as
written and is a draft (`draft: true`), so nothing half-finished is published; contacts have no
draft flag, because a contact only appears where a published entry names it. Text still to be
written says TODO, which `make validate` refuses once the draft flag is gone.

An invalid id, an unknown kind or an id that already exists is refused with exit code 2, and
nothing is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from saxonyhub.fields import SLUG_PATTERN  # noqa: E402
from saxonyhub.i18n import format_day  # noqa: E402

# kind -> (template in scaffolds/, file it becomes); {id} is replaced by the id.
KINDS: dict[str, list[tuple[str, str]]] = {
    "organisation": [("organisation.yml", "data/organisations/{id}.yml")],
    "service": [("service.yml", "data/services/{id}.yml")],
    "event": [("event.yml", "data/events/{id}.yml")],
    "contact": [("contact.yml", "data/contacts/{id}.yml")],
    "news": [("news.de.md", "docs/de/news/{id}.md"), ("news.en.md", "docs/en/news/{id}.md")],
    "guide": [("guide.de.md", "docs/de/guides/{id}.md"), ("guide.en.md", "docs/en/guides/{id}.md")],
}
# News files are named after their date: 2026-11-23-short-title.
DATED = re.compile(r"^(\d{4}-\d{2}-\d{2})-")
NEXT_STEPS = {
    "news": "When it is ready: delete 'draft: true' in both files and add the line "
    "'- news/{id}.md' under 'Aktuelles' in the nav of mkdocs.yml.",
    "guide": "When it is ready: delete 'draft: true' in both files; the web team adds new "
    "guides to the navigation.",
    "contact": "A contact appears on the site only where a published entry names it "
    "(contact: {id}).",
}


class Refused(Exception):
    """The request cannot be carried out; the message says why and what to do instead."""


def check_id(kind: str, entry_id: str, today: dt.date) -> tuple[str, dt.date]:
    """The final id (news get today's date in front) and the date it stands for."""
    if kind not in KINDS:
        raise Refused(f"unknown kind '{kind}' — hint: use one of {', '.join(KINDS)}")
    day = today
    if kind == "news":
        match = DATED.match(entry_id)
        if not match:
            entry_id = f"{today.isoformat()}-{entry_id}"
        else:
            try:
                day = dt.date.fromisoformat(match.group(1))
            except ValueError:
                raise Refused(f"'{match.group(1)}' in '{entry_id}' is not a real date") from None
    if not re.match(SLUG_PATTERN, entry_id) or not 2 <= len(entry_id) <= 64:
        raise Refused(
            f"'{entry_id}' is not a valid id — hint: use 2 to 64 lower-case letters a-z, digits "
            "and single hyphens, no spaces or umlauts, e.g. 'fraunhofer-iws' "
            "(write 'ae' for 'ä', 'oe' for 'ö', 'ue' for 'ü', 'ss' for 'ß')"
        )
    return entry_id, day


def targets(kind: str, entry_id: str, root: Path) -> list[tuple[Path, Path]]:
    """(template, target) pairs; refused when any target already exists."""
    pairs = [
        (ROOT / "scaffolds" / template, root / target.format(id=entry_id))
        for template, target in KINDS[kind]
    ]
    existing = [target.relative_to(root).as_posix() for _, target in pairs if target.exists()]
    if existing:
        raise Refused(
            f"the id '{entry_id}' is already taken: {', '.join(existing)} exists — hint: edit "
            "that file, or choose another id"
        )
    return pairs


def create(kind: str, entry_id: str, root: Path = ROOT, today: dt.date | None = None) -> list[Path]:
    """Write the scaffold files of one new entry and return their paths.

    Raises:
        Refused: unknown kind, invalid id, or the id exists; nothing has been written then.
    """
    entry_id, day = check_id(kind, entry_id, today or dt.date.today())
    pairs = targets(kind, entry_id, root)
    values = {
        "id": entry_id,
        "today": (today or dt.date.today()).isoformat(),
        "date": day.isoformat(),
        "date_de": format_day(day, "de"),
        "date_en": format_day(day, "en"),
    }
    texts = [Template(t.read_text(encoding="utf-8")).substitute(values) for t, _ in pairs]
    for (_, target), text in zip(pairs, texts, strict=True):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return [target for _, target in pairs]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", help=", ".join(KINDS))
    parser.add_argument("id", help="lower-case letters, digits and hyphens, e.g. fraunhofer-iws")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.kind or not args.id:
        print(f"usage: make new KIND=<{'|'.join(KINDS)}> ID=<id>", file=sys.stderr)
        return 2
    try:
        created = create(args.kind, args.id, args.root, args.today)
    except Refused as refused:
        print(f"make new: {refused}. Nothing was written.", file=sys.stderr)
        return 2
    final_id = created[0].stem
    for path in created:
        print(f"Created {path.relative_to(args.root).as_posix()}")
    if args.kind != "contact":
        print("It is a draft: it is checked, but not published while it says 'draft: true'.")
    print("Next: replace every TODO, then run 'make validate'.")
    if args.kind in NEXT_STEPS:
        print(NEXT_STEPS[args.kind].format(id=final_id))
    return 0


if __name__ == "__main__":
    sys.exit(main())
