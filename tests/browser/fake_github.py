"""A small stand-in for GitHub's REST API on 127.0.0.1, backed by a real git repository.

It answers only the calls Decap CMS's github backend (decap-cms-backend-github, REST, not
GraphQL) makes for login, listing, reading, and the editorial workflow's branch + pull request
(`API.ts`: `hasWriteAccess`, `listFiles`, `readFile`, `uploadBlob`, `createTree`, `createCommit`,
`createRef`/`patchRef`, `createPR`, `getPullRequests`, `updatePullRequestLabels`,
`getDifferences`, `getStatuses`, `mergePR`, the notes search). Shapes follow GitHub's documented
responses (https://docs.github.com/en/rest), reduced to the fields Decap reads. Git objects are
made with git's own plumbing, so a branch the editor pushes can be checked out and validated
like the pull request CI sees. Calls it does not know are answered 404 and kept in `unknown`.
"""

from __future__ import annotations

import base64
import http.server
import json
import os
import re
import subprocess
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

USER = {"login": "redaktion", "id": 1, "name": "Redaktion Test", "email": "redaktion@example.org"}


class NotFound(Exception):
    pass


class Unhandled(NotFound):
    """A call this fake does not implement (kept in FakeGitHub.unknown)."""


class Unprocessable(Exception):
    """GitHub's 422 with its message (e.g. 'Reference already exists')."""


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Pull:
    number: int
    title: str
    body: str
    head: str  # branch name
    base: str
    state: str = "open"
    labels: list[str] = field(default_factory=list)
    created_at: str = field(default_factory=now)
    updated_at: str = field(default_factory=now)
    merged_at: str | None = None


class FakeGitHub:
    def __init__(self, repo_dir: Path, full_name: str, branch: str = "main") -> None:
        self.dir = repo_dir
        self.full_name = full_name
        self.owner = full_name.split("/")[0]
        self.branch = branch
        self.pulls: list[Pull] = []
        self.calls: list[str] = []
        self.unknown: list[str] = []
        self.lock = threading.Lock()
        self.server: http.server.ThreadingHTTPServer | None = None
        self.url = ""

    # --- git -------------------------------------------------------------------------------
    def git(self, *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> str:
        result = subprocess.run(
            ["git", *args],
            cwd=self.dir,
            input=stdin,
            capture_output=True,
            env={**os.environ, **(env or {})},
        )
        if result.returncode != 0:
            raise NotFound(result.stderr.decode(errors="replace").strip())
        return result.stdout.decode()

    def rev(self, name: str) -> str:
        return self.git("rev-parse", "--verify", "--quiet", f"{name}^{{commit}}").strip()

    def ref_sha(self, ref: str) -> str | None:
        try:
            return self.git("rev-parse", "--verify", "--quiet", ref).strip()
        except NotFound:
            return None

    def commit_json(self, sha: str) -> dict[str, Any]:
        fmt = "%H%x00%T%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B"
        parts = self.git("show", "-s", f"--format={fmt}", sha).split("\0")
        sha, tree, parents = parts[0], parts[1], parts[2].split()
        author = {"name": parts[3], "email": parts[4], "date": parts[5]}
        committer = {"name": parts[6], "email": parts[7], "date": parts[8]}
        return {
            "sha": sha,
            "url": f"{self.url}/repos/{self.full_name}/commits/{sha}",
            "commit": {
                "message": parts[9].rstrip("\n"),
                "author": author,
                "committer": committer,
                "tree": {"sha": tree},
            },
            "parents": [{"sha": p} for p in parents],
            # git/commits (POST) answers with these at the top level
            "tree": {"sha": tree},
            "message": parts[9].rstrip("\n"),
            "author": author,
            "committer": committer,
        }

    # --- endpoints -------------------------------------------------------------------------
    def repo_json(self) -> dict[str, Any]:
        return {
            "id": 1,
            "name": self.full_name.split("/")[1],
            "full_name": self.full_name,
            "owner": {"login": self.owner},
            "private": False,
            "fork": False,
            "default_branch": self.branch,
            "permissions": {"admin": False, "push": True, "pull": True},
        }

    def tree(self, spec: str, recursive: bool) -> dict[str, Any]:
        """GET git/trees/{tree_sha}; Decap passes '<branch>:<folder>' (extended SHA-1)."""
        sha = self.git("rev-parse", "--verify", "--quiet", spec).strip()
        if self.git("cat-file", "-t", sha).strip() == "commit":
            sha = self.git("rev-parse", f"{sha}^{{tree}}").strip()
        args = ["ls-tree", "-l", "-z"] + (["-r", "-t"] if recursive else []) + [sha]
        entries = []
        for line in filter(None, self.git(*args).split("\0")):
            meta, path = line.split("\t", 1)
            mode, kind, obj, size = meta.split()
            entry = {"path": path, "mode": mode, "type": kind, "sha": obj}
            if kind == "blob":
                entry["size"] = int(size)
            entries.append(entry)
        return {"sha": sha, "tree": entries, "truncated": False}

    def blob(self, sha: str) -> dict[str, Any]:
        data = subprocess.run(["git", "cat-file", "blob", sha], cwd=self.dir, capture_output=True)
        if data.returncode != 0:
            raise NotFound(sha)
        return {
            "sha": sha,
            "size": len(data.stdout),
            "content": base64.b64encode(data.stdout).decode(),
            "encoding": "base64",
        }

    def create_tree(self, body: dict[str, Any]) -> dict[str, Any]:
        """POST git/trees: base_tree plus entries; sha null deletes (GitHub's documented rule)."""
        index = self.dir / ".git" / f"fake-index-{threading.get_ident()}"
        env = {"GIT_INDEX_FILE": str(index)}
        try:
            if body.get("base_tree"):
                self.git("read-tree", body["base_tree"], env=env)
            else:
                self.git("read-tree", "--empty", env=env)
            for entry in body["tree"]:
                if entry.get("sha") is None:
                    self.git("update-index", "--force-remove", entry["path"], env=env)
                else:
                    info = f"{entry['mode']},{entry['sha']},{entry['path']}"
                    self.git("update-index", "--add", "--cacheinfo", info, env=env)
            sha = self.git("write-tree", env=env).strip()
        finally:
            index.unlink(missing_ok=True)
        return self.tree(sha, recursive=False) | {"url": f"{self.url}/git/trees/{sha}"}

    def create_commit(self, body: dict[str, Any]) -> dict[str, Any]:
        author = body.get("author") or {"name": USER["name"], "email": USER["email"]}
        committer = body.get("committer") or author
        env = {
            "GIT_AUTHOR_NAME": author["name"],
            "GIT_AUTHOR_EMAIL": author["email"],
            "GIT_COMMITTER_NAME": committer["name"],
            "GIT_COMMITTER_EMAIL": committer["email"],
        }
        if author.get("date"):
            env["GIT_AUTHOR_DATE"] = author["date"]
        parents = [arg for p in body.get("parents", []) for arg in ("-p", p)]
        sha = self.git(
            "commit-tree", body["tree"], *parents, stdin=body["message"].encode(), env=env
        ).strip()
        return self.commit_json(sha)

    def ref_json(self, ref: str) -> dict[str, Any]:
        sha = self.ref_sha(ref)
        if sha is None:
            raise NotFound(ref)
        return {"ref": ref, "object": {"sha": sha, "type": "commit"}}

    def compare(self, base: str, head: str) -> dict[str, Any]:
        """GET compare/{base}...{head}: commits and files since the merge base (three dots)."""
        base_sha, head_sha = (self.rev(self.branch_of(x)) for x in (base, head))
        merge_base = self.git("merge-base", base_sha, head_sha).strip()
        commits = self.git("rev-list", "--reverse", f"{merge_base}..{head_sha}").split()
        files = []
        raw = self.git(
            "diff", "--raw", "-z", "--no-abbrev", "--no-renames", merge_base, head_sha
        ).split("\0")
        for meta, path in zip(raw[0::2], raw[1::2], strict=False):
            if not meta:
                continue
            _, _, _, new_sha, letter = meta.lstrip(":").split()
            status = {"A": "added", "D": "removed"}.get(letter, "modified")
            patch = self.git("diff", merge_base, head_sha, "--", path)
            files.append(
                {
                    "sha": new_sha if status != "removed" else None,
                    "filename": path,
                    "status": status,
                    "patch": patch[patch.find("@@") :] if "@@" in patch else "",  # none: binary
                }
            )
        ahead = len(commits)
        behind = len(self.git("rev-list", f"{merge_base}..{base_sha}").split())
        return {
            "status": "ahead" if not behind else ("behind" if not ahead else "diverged"),
            "ahead_by": ahead,
            "behind_by": behind,
            "total_commits": ahead,
            "base_commit": self.commit_json(base_sha),
            "merge_base_commit": self.commit_json(merge_base),
            "commits": [self.commit_json(c) for c in commits],
            "files": files,
        }

    def branch_of(self, name: str) -> str:
        """'owner:branch' (a head reference) or a branch name or a sha, as git understands it."""
        if ":" in name:
            owner, name = name.split(":", 1)
            if owner != self.owner:
                raise NotFound(owner)
        if self.ref_sha(f"refs/heads/{name}"):
            return f"refs/heads/{name}"
        return name

    def pull_json(self, pull: Pull) -> dict[str, Any]:
        head_sha = self.ref_sha(f"refs/heads/{pull.head}") or ""
        repo = self.repo_json()
        return {
            "number": pull.number,
            "id": pull.number,
            "state": pull.state,
            "title": pull.title,
            "body": pull.body,
            "html_url": f"{self.url}/{self.full_name}/pull/{pull.number}",
            "user": {"login": USER["login"]},
            "labels": [{"name": name} for name in pull.labels],
            "head": {
                "ref": pull.head,
                "sha": head_sha,
                "label": f"{self.owner}:{pull.head}",
                "repo": repo,
            },
            "base": {"ref": pull.base, "sha": self.rev(self.branch), "repo": repo},
            "created_at": pull.created_at,
            "updated_at": pull.updated_at,
            "merged_at": pull.merged_at,
        }

    def pull(self, number: int) -> Pull:
        for pull in self.pulls:
            if pull.number == number:
                return pull
        raise NotFound(str(number))

    def merge(self, pull: Pull, body: dict[str, Any]) -> dict[str, Any]:
        """PUT pulls/{n}/merge with merge_method 'merge': a merge commit on the base branch."""
        base = self.rev(pull.base)
        head = self.rev(f"refs/heads/{pull.head}")
        tree = self.git("merge-tree", "--write-tree", base, head).split()[0]
        message = body.get("commit_message") or f"Merge pull request #{pull.number}"
        env = {"GIT_AUTHOR_NAME": USER["name"], "GIT_AUTHOR_EMAIL": USER["email"]}
        env |= {"GIT_COMMITTER_NAME": USER["name"], "GIT_COMMITTER_EMAIL": USER["email"]}
        sha = self.git(
            "commit-tree", tree, "-p", base, "-p", head, stdin=message.encode(), env=env
        ).strip()
        self.git("update-ref", f"refs/heads/{pull.base}", sha, base)
        pull.state, pull.merged_at = "closed", now()
        return {"sha": sha, "merged": True, "message": "Pull Request successfully merged"}

    def handle(self, method: str, path: str, query: dict[str, str], body: Any) -> tuple[int, Any]:
        if path == "/user":
            return 200, USER
        if path.startswith("/users/"):
            return 200, USER
        if path == "/search/issues":  # Decap's notes: no notes issue exists
            return 200, {"total_count": 0, "incomplete_results": False, "items": []}
        prefix = f"/repos/{self.full_name}"
        if path != prefix and not path.startswith(prefix + "/"):
            raise Unhandled(path)
        rest = path[len(prefix) :]
        if rest == "":
            return 200, self.repo_json()
        if method == "GET" and rest.startswith("/branches/"):
            name = unquote(rest[len("/branches/") :])
            sha = self.ref_sha(f"refs/heads/{name}")
            if sha is None:
                return 404, {"message": "Branch not found"}
            return 200, {"name": name, "commit": self.commit_json(sha), "protected": False}
        if method == "GET" and rest.startswith("/git/trees/"):
            spec = unquote(rest[len("/git/trees/") :])
            return 200, self.tree(spec, recursive=bool(query.get("recursive")))
        if method == "POST" and rest == "/git/trees":
            return 201, self.create_tree(body)
        if method == "GET" and rest.startswith("/git/blobs/"):
            return 200, self.blob(rest[len("/git/blobs/") :])
        if method == "POST" and rest == "/git/blobs":
            data = (
                base64.b64decode(body["content"])
                if body.get("encoding") == "base64"
                else (body["content"].encode())
            )
            sha = self.git("hash-object", "-w", "--stdin", stdin=data).strip()
            return 201, {"sha": sha, "url": f"{self.url}{prefix}/git/blobs/{sha}"}
        if method == "POST" and rest == "/git/commits":
            return 201, self.create_commit(body)
        if method == "POST" and rest == "/git/refs":
            if self.ref_sha(body["ref"]):
                raise Unprocessable("Reference already exists")
            self.git("update-ref", body["ref"], body["sha"], "")
            return 201, self.ref_json(body["ref"])
        if rest.startswith("/git/refs/"):
            ref = "refs/" + unquote(rest[len("/git/refs/") :])
            if method == "GET":
                return 200, self.ref_json(ref)
            old = self.ref_sha(ref)
            if old is None:
                raise Unprocessable("Reference does not exist")
            if method == "DELETE":
                self.git("update-ref", "-d", ref, old)
                return 204, None
            if method == "PATCH":
                is_ancestor = subprocess.run(
                    ["git", "merge-base", "--is-ancestor", old, body["sha"]], cwd=self.dir
                ).returncode
                if is_ancestor != 0 and not body.get("force"):
                    raise Unprocessable("Update is not a fast forward")
                self.git("update-ref", ref, body["sha"], old)
                return 200, self.ref_json(ref)
        if method == "GET" and rest == "/commits":  # newest commit touching a path
            log = self.git(
                "log",
                "-1",
                "--format=%H",
                query.get("sha", self.branch),
                "--",
                query.get("path", "."),
            )
            return 200, [self.commit_json(sha) for sha in log.split()]
        match = re.fullmatch(r"/commits/([0-9a-f]{40})/status", rest)
        if method == "GET" and match:
            return 200, {
                "state": "pending",
                "sha": match.group(1),
                "total_count": 0,
                "statuses": [],
            }
        if method == "GET" and rest.startswith("/compare/"):
            base, head = unquote(rest[len("/compare/") :]).split("...", 1)
            return 200, self.compare(base, head)
        if rest == "/pulls":
            if method == "POST":
                owner, _, head = body["head"].rpartition(":")
                if owner not in ("", self.owner) or not self.ref_sha(f"refs/heads/{head}"):
                    raise Unprocessable("Validation Failed: head")
                pull = Pull(
                    len(self.pulls) + 1, body["title"], body.get("body", ""), head, body["base"]
                )
                self.pulls.append(pull)
                return 201, self.pull_json(pull)
            state = query.get("state", "open")
            head = query.get("head", "")
            found = [
                p
                for p in self.pulls
                if state in ("all", p.state)
                and (not head or f"{self.owner}:{p.head}" == head)
                and (not query.get("base") or query["base"] == p.base)
            ]
            return 200, [self.pull_json(p) for p in found]
        match = re.fullmatch(r"/pulls/(\d+)(/merge|/commits)?", rest)
        if match:
            pull = self.pull(int(match.group(1)))
            if match.group(2) == "/merge" and method == "PUT":
                return 200, self.merge(pull, body)
            if match.group(2) == "/commits":
                return 200, self.compare(pull.base, pull.head)["commits"]
            if method == "PATCH":
                pull.state = body.get("state", pull.state)
                pull.title = body.get("title", pull.title)
                pull.updated_at = now()
            return 200, self.pull_json(pull)
        match = re.fullmatch(r"/issues/(\d+)/labels", rest)
        if match and method in ("PUT", "POST"):  # a pull request is an issue for its labels
            pull = self.pull(int(match.group(1)))
            labels = [str(name) for name in body["labels"]]
            pull.labels = labels if method == "PUT" else pull.labels + labels
            pull.updated_at = now()
            return 200, [{"name": name} for name in pull.labels]
        raise Unhandled(path)

    # --- server ----------------------------------------------------------------------------
    def start(self) -> str:
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def cors(self) -> None:
                # GitHub's API allows any origin (https://docs.github.com/en/rest/using-the-rest-api/using-cors-and-jsonp-to-make-cross-origin-requests)
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Expose-Headers", "ETag, Link")

            def do_OPTIONS(self) -> None:  # noqa: N802 - http.server naming
                self.send_response(204)
                self.cors()
                self.send_header("Access-Control-Allow-Methods", "GET, POST, PATCH, PUT, DELETE")
                self.send_header(
                    "Access-Control-Allow-Headers", "Authorization, Content-Type, If-None-Match"
                )
                self.send_header("Access-Control-Max-Age", "600")
                self.end_headers()

            def answer(self) -> None:
                url = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = json.loads(raw) if raw else {}
                fake.calls.append(f"{self.command} {url.path}")
                try:
                    if self.headers.get("Authorization") != "token fake-token":
                        status, data = 401, {"message": "Bad credentials"}
                    else:
                        with fake.lock:
                            status, data = fake.handle(self.command, url.path, query, body)
                except NotFound as error:
                    if isinstance(error, Unhandled):
                        fake.unknown.append(f"{self.command} {self.path}")
                    status, data = 404, {"message": "Not Found"}
                except Unprocessable as error:
                    status, data = 422, {"message": str(error)}
                payload = b"" if data is None else json.dumps(data).encode()
                self.send_response(status)
                self.cors()
                if data is not None:
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = answer  # noqa: N815

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self.url

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()


def make_repository(target: Path, sources: list[Path]) -> Path:
    """A git repository whose `main` holds copies of ``sources`` (folders or files)."""
    import shutil

    target.mkdir(parents=True)
    for source in sources:
        if source.is_dir():
            shutil.copytree(source, target / source.name)
        else:
            shutil.copy(source, target / source.name)
    env = {"GIT_AUTHOR_NAME": "Hub", "GIT_AUTHOR_EMAIL": "hub@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Hub", "GIT_COMMITTER_EMAIL": "hub@example.org"}
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["commit", "-q", "-m", "Project content"],
    ):
        subprocess.run(["git", *args], cwd=target, check=True, env={**os.environ, **env})
    return target
