"""Merging the per-language build folders of a parallel build."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from saxonyhub.language_merge import MergeError, join_sitemaps, merge_language_sites

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="s">\n'


def sitemap(*locations: str) -> str:
    entries = "".join(f"    <url>\n        <loc>{loc}</loc>\n    </url>\n" for loc in locations)
    return f"{HEAD}{entries}</urlset>"


def write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)


def language_build(folder: Path, lang: str, default: str, locations: list[str], mtime: int) -> Path:
    inner = "" if lang == default else f"{lang}/"
    write(folder / inner / "index.html", f"<html lang={lang}>")
    write(folder / "assets/site.css", "body{}")
    write(folder / "404.html", f"404 {lang}")
    text = sitemap(*locations)
    write(folder / "sitemap.xml", text)
    write(folder / "sitemap.xml.gz", gzip.compress(text.encode(), mtime=mtime))
    return folder


def test_join_sitemaps_keeps_every_entry_in_language_order():
    joined = join_sitemaps([sitemap("/", "/x/"), sitemap("/en/", "/en/x/")])
    assert joined == sitemap("/", "/x/", "/en/", "/en/x/")


def test_join_sitemaps_rejects_a_document_without_urlset():
    with pytest.raises(MergeError, match="urlset"):
        join_sitemaps([sitemap("/"), "<html></html>"])


def test_merge_moves_languages_and_joins_shared_files(tmp_path: Path):
    folders = {
        "de": language_build(tmp_path / "de", "de", "de", ["/"], mtime=100),
        "en": language_build(tmp_path / "en", "en", "de", ["/en/"], mtime=200),
    }
    site = merge_language_sites(folders, "de")
    assert site == tmp_path / "de"
    assert (site / "en/index.html").read_text() == "<html lang=en>"
    assert (site / "404.html").read_text() == "404 de"
    assert (site / "sitemap.xml").read_text() == sitemap("/", "/en/")
    compressed = (site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(compressed).decode() == sitemap("/", "/en/")
    assert int.from_bytes(compressed[4:8], "little") == 200


def test_merge_refuses_language_output_outside_the_language_folder(tmp_path: Path):
    folders = {
        "de": language_build(tmp_path / "de", "de", "de", ["/"], mtime=1),
        "en": language_build(tmp_path / "en", "en", "de", ["/en/"], mtime=1),
    }
    write(folders["en"] / "assets/site.css", "body{color:red}")
    write(folders["en"] / "feed.xml", "<feed/>")
    with pytest.raises(MergeError) as error:
        merge_language_sites(folders, "de")
    assert str(error.value).splitlines() == [
        "en build: assets/site.css differs from the de build's",
        "en build: feed.xml differs from the de build's",
    ]
    assert not (folders["de"] / "en").exists()  # nothing merged when a check fails


def test_merge_refuses_a_default_build_that_wrote_into_another_language(tmp_path: Path):
    folders = {
        "de": language_build(tmp_path / "de", "de", "de", ["/"], mtime=1),
        "en": language_build(tmp_path / "en", "en", "de", ["/en/"], mtime=1),
    }
    write(folders["de"] / "en/stray.html", "x")
    with pytest.raises(MergeError, match="the de build wrote into en/"):
        merge_language_sites(folders, "de")
