"""Serve a built site the way GitHub Pages does, on 127.0.0.1.

- The site can live under a sub-path (https://user.github.io/repo/).
- A directory URL serves its index.html; a directory without the trailing
  slash redirects to it.
- Any missing path gets the root 404.html with status 404.
- Text responses are gzip-compressed when the client accepts it, so
  transfer sizes measured in a browser are realistic.
- Responses may be cached for ten minutes and are then revalidated by
  ETag, as GitHub Pages sends them.
"""
from __future__ import annotations

import gzip
import hashlib
import mimetypes
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

CACHE_CONTROL = "max-age=600"
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


def make_site_handler(root: Path, prefix: str, log: list | None = None):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep test output quiet
            pass

        def do_HEAD(self):
            self.do_GET(head=True)

        def do_GET(self, head: bool = False):
            path = unquote(urlsplit(self.path).path)
            if not path.startswith(prefix):
                return self.send_file(root / "404.html", 404, head)
            rel = path[len(prefix):]
            target = (root / rel).resolve()
            if root.resolve() not in target.parents and target != root.resolve():
                return self.send_file(root / "404.html", 404, head)
            if target.is_dir():
                if not path.endswith("/"):
                    self.send_response(301)
                    self.send_header("Location", path + "/")
                    self.end_headers()
                    return
                target = target / "index.html"
            if not target.is_file():
                return self.send_file(root / "404.html", 404, head)
            return self.send_file(target, 200, head)

        def send_file(self, file: Path, status: int, head: bool):
            body = file.read_bytes()
            # Caching as GitHub Pages does it: ten minutes, then revalidation by ETag.
            etag = f'"{hashlib.sha1(body).hexdigest()}"'
            if status == 200 and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Cache-Control", CACHE_CONTROL)
                self.end_headers()
                if log is not None:
                    log.append((self.path, 0))
                return
            ctype = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            if file.suffix == ".js":
                ctype = "application/javascript"
            self.send_response(status)
            self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
            if ctype.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, 6)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", CACHE_CONTROL)
            if status == 200:
                self.send_header("ETag", etag)
            self.end_headers()
            if log is not None:  # what crossed the wire, as the server sent it
                log.append((self.path, len(body)))
            if not head:
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the browser moved on before the answer arrived

    return Handler


@contextmanager
def serve_site(root: Path, prefix: str = "/", log: list | None = None):
    """Yield the base URL of `root` served at `prefix` on a free port; with
    `log`, append (path, bytes sent) for every response."""
    if not (prefix.startswith("/") and prefix.endswith("/")):
        raise ValueError(f"prefix must start and end with '/': {prefix!r}")
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_site_handler(Path(root), prefix, log))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


