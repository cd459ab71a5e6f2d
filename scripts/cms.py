"""`make cms`: try the web editor without GitHub.

Builds the site, serves it on http://127.0.0.1:8000/ and starts the editor's local backend
(decap-server, tools/cms) on 127.0.0.1:8081, which saves straight into data/ and docs/ of this
working copy. Open http://127.0.0.1:8000/admin/ and choose "Login"; `git diff` then shows what
the editor wrote, `make validate` checks it. Ctrl-C stops both servers.

    .venv/bin/python scripts/cms.py [--port 8000] [--backend-port 8081] [--no-build]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from build import build  # noqa: E402

from saxonyhub.cms_admin import (  # noqa: E402
    LOCAL_PORT,
    EditorMissing,
    install_admin,
    start_local_backend,
)
from serve_static import start  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000, help="site preview port")
    parser.add_argument("--backend-port", type=int, default=LOCAL_PORT, help="decap-server port")
    parser.add_argument("--no-build", action="store_true", help="serve the existing site/")
    args = parser.parse_args()
    if not args.no_build and build(ROOT) != 0:
        return 1
    site = ROOT / "site"
    try:
        install_admin(site, ROOT, local_port=args.backend_port)  # config for this port
        backend = start_local_backend(ROOT, args.backend_port)
    except EditorMissing as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    server, url = start(site, args.port)
    print(f"Site: {url}  Editor: {url}admin/  (saves into {ROOT}; Ctrl-C stops)")
    try:
        while backend.poll() is None:
            time.sleep(0.5)
        print("The editor's local backend stopped.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        backend.terminate()
        backend.wait(timeout=10)
        server.shutdown()


if __name__ == "__main__":
    sys.exit(main())
