"""Serve a built site on 127.0.0.1 the way common static hosts do.

Like Netlify or Cloudflare Pages, a missing address gets the nearest 404.html above it with status
404, so /en/missing shows the English 404 page. Used by the tests and `make linkcheck`. With
``--gzip`` text files are sent gzip-compressed when the browser asks for it, as every static host
does, so that page-weight and speed measurements (`make lighthouse`) see what visitors get.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import threading
from pathlib import Path

# What hosts compress: text formats. Images other than SVG and fonts are compressed already.
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ics", ".csv", ".map"}


class StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # LinkChecker waits 0.1-0.6 s between requests to a host unless the host opts in to full
        # speed with this header (linkcheck/checker/httpurl.py); this server only runs locally.
        self.send_header("LinkChecker", "max-rate")
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        page = self._nearest_404()
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _nearest_404(self) -> Path | None:
        root = Path(self.directory)
        parts = self.path.split("?")[0].strip("/").split("/")
        for depth in range(len(parts), -1, -1):
            candidate = root.joinpath(*parts[:depth], "404.html")
            if candidate.is_file() and candidate.resolve().is_relative_to(root.resolve()):
                return candidate
        return None

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


class GzipHostHandler(StaticHostHandler):
    """Like StaticHostHandler, but sends text files gzip-compressed to clients that accept it."""

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        target = self._existing_file()
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if target is None or not accepts or target.suffix not in COMPRESSIBLE:
            super().do_GET()
            return
        body = gzip.compress(target.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _existing_file(self) -> Path | None:
        """The file a GET for this path serves with status 200, or None (redirects, 404s)."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return None
            path = path / "index.html"
        return path if path.is_file() else None


def start(
    directory: Path, port: int = 0, *, compress: bool = False
) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start serving ``directory`` in a background thread; return the server and its base URL.

    Arguments:
        directory: the built site.
        port: 0 for a free port.
        compress: send text files gzip-compressed, as static hosts do.
    """
    handler_class = GzipHostHandler if compress else StaticHostHandler
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", nargs="?", default="site")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--gzip", action="store_true", help="compress text files, as hosts do")
    args = parser.parse_args()
    server, url = start(Path(args.directory), args.port, compress=args.gzip)
    print(f"Serving {args.directory}/ on {url} (Ctrl+C to stop)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()
