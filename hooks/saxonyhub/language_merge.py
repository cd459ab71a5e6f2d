"""Merge the folders of a parallel build (one MkDocs process per language) into one site.

The default language's folder becomes the site and every other language adds its ``<lang>/``
folder. Two files hold all languages and are joined the way the one-process build writes them:
sitemap.xml and its gzipped copy. (The search index is written afterwards from the merged
site, by saxonyhub.search_index, as hooks/search.py does at the end of a one-process build.) Any
other file outside ``<lang>/`` must be byte-identical in every folder: a difference means some
hook writes language-specific output outside its language folder, which the merge would silently
drop, so it is an error.
"""

from __future__ import annotations

import gzip
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path

SITEMAP = "sitemap.xml"
# Written by every language build; joined here (or, for 404.html, moved by hooks/i18n_404.py).
JOINED = frozenset({SITEMAP, f"{SITEMAP}.gz", "404.html"})


class MergeError(Exception):
    """The language folders cannot be merged without losing output."""


def merge_language_sites(folders: dict[str, Path], default: str) -> Path:
    """Merge every language's build folder into the default language's folder and return it.

    Arguments:
        folders: build folder per language, in the site's language order.
        default: the language served at the site root.
    """
    site = folders[default]
    others = {lang: folder for lang, folder in folders.items() if lang != default}
    problems = [
        f"{lang} build: {path} differs from the {default} build's"
        for lang, folder in others.items()
        for path in _differing_shared_files(site, folder, lang)
    ]
    if problems:
        raise MergeError("\n".join(problems))
    for lang, folder in others.items():
        if (site / lang).exists():
            raise MergeError(f"the {default} build wrote into {lang}/, the {lang} build's folder")
        shutil.move(folder / lang, site / lang)
    _join_sitemaps(site, list(folders.values()))
    return site


def join_sitemaps(documents: list[str]) -> str:
    """One sitemap with the <url> entries of all ``documents``, in their order."""
    head, closing, tail = documents[0].rpartition("</urlset>")
    if not closing:
        raise MergeError("sitemap.xml has no </urlset>")
    bodies = []
    for document in documents[1:]:
        _, opening, rest = document.partition("<urlset")
        body, closing, _ = rest.partition(">")[2].rpartition("</urlset>")
        if not opening or not closing:
            raise MergeError("sitemap.xml has no <urlset> element")
        bodies.append(body.removeprefix("\n"))
    return head + "".join(bodies) + closing + tail


def _join_sitemaps(site: Path, folders: list[Path]) -> None:
    joined = join_sitemaps([(f / SITEMAP).read_text(encoding="utf-8") for f in folders])
    (site / SITEMAP).write_text(joined, encoding="utf-8")
    # Same header as MkDocs writes: the newest of the builds' timestamps (bytes 4-8).
    mtime = max(_gzip_mtime(f / f"{SITEMAP}.gz") for f in folders)
    gz_path = site / f"{SITEMAP}.gz"
    with (
        open(gz_path, "wb") as raw,
        gzip.GzipFile(fileobj=raw, filename=str(gz_path), mode="wb", mtime=mtime) as compressed,
    ):
        compressed.write(joined.encode("utf-8"))


def _gzip_mtime(path: Path) -> int:
    with open(path, "rb") as file:
        (mtime,) = struct.unpack("<I", file.read(8)[4:8])
    return int(mtime)


def _differing_shared_files(site: Path, folder: Path, lang: str) -> Iterator[str]:
    """Files outside ``<lang>/`` that the ``lang`` build wrote differently from the default."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if not path.is_file() or relative.startswith(f"{lang}/") or relative in JOINED:
            continue
        counterpart = site / relative
        if not counterpart.is_file() or counterpart.read_bytes() != path.read_bytes():
            yield relative
