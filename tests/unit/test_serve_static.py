"""scripts/serve_static.py with compression: what static hosts send."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

from serve_static import start


def _get(url: str, encoding: str | None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url)
    if encoding:
        request.add_header("Accept-Encoding", encoding)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_gzip_server_compresses_text_for_clients_that_accept_it(tmp_path: Path) -> None:
    page = "<!doctype html><p>Prüfung & Co – 🧪</p>" * 50
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG not really")
    server, base = start(tmp_path, compress=True)
    try:
        status, headers, body = _get(base, "gzip, deflate")
        assert status == 200 and headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body).decode("utf-8") == page
        assert len(body) < len(page.encode("utf-8")) / 5
        _, plain_headers, plain = _get(base, None)
        assert "Content-Encoding" not in plain_headers and plain.decode("utf-8") == page
        _, png_headers, _ = _get(base + "logo.png", "gzip")
        assert "Content-Encoding" not in png_headers
    finally:
        server.shutdown()


def test_gzip_server_keeps_the_nearest_404_page(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "404.html").write_text("de", encoding="utf-8")
    (tmp_path / "en" / "404.html").write_text("en", encoding="utf-8")
    server, base = start(tmp_path, compress=True)
    try:
        status, _, body = _get(base + "en/missing/", "gzip")
        assert status == 404 and body == b"en"
    finally:
        server.shutdown()
