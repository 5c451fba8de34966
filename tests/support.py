"""Everything the tests share, in one module: building the site, serving it
like GitHub Pages, the recording form endpoint, the browser and the page
list every gate is parametrized by.

Fixtures live in conftest.py and use these helpers.
"""
from __future__ import annotations

import gzip
import json
import mimetypes
import os
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))



# --- Building the site --------------------------------------------------


ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")
# Flags for a closed network: no background calls home, no sandbox as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data")


def copy_project(dest: Path) -> Path:
    """Copy what a build reads into `dest`, so a test can break it safely."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part)
        else:
            shutil.copy2(source, dest / part)
    return dest


def build_project(project: Path, dest: Path, **env: str) -> subprocess.CompletedProcess:
    """Build a copied project; return the result whether it failed or not."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=project, env=full_env, capture_output=True, text=True,
    )


def build_site(dest: Path, **env: str) -> subprocess.CompletedProcess:
    """Build this project strictly into `dest`; raise with mkdocs' output on failure."""
    result = build_project(ROOT, dest, **env)
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return result


def find_chromium() -> str:
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return explicit
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError(
        "No system Chromium found (looked for: " + ", ".join(CHROMIUM_CANDIDATES) + "). "
        "Install it with `apt-get install chromium` or set CHROMIUM_PATH. "
        "`playwright install` cannot download browsers on this network."
    )


def write_fixture_posts(project: Path, today) -> dict:
    """Four posts, dated around `today` (Norwegian time), in a project copy:
    a Norwegian-only post, a bilingual post, an upcoming event with sign-up
    open and a past event. Returns their facts for the tests."""
    import datetime

    day = lambda n: (today + datetime.timedelta(days=n)).isoformat()
    posts = {
        "kun-norsk": {"nb": ("Bare på norsk", "Et innlegg som bare finnes på norsk.", day(-3), None)},
        "to-sprak": {"nb": ("Nytt fra klyngen", "Et innlegg på to språk.", day(-10), None),
                     "en": ("News from the cluster", "A post in two languages.", day(-10), None)},
        "workshop": {"nb": ("Workshop om fiberemballasje", "Invitasjon til workshop.", day(-5),
                            {"start": day(30) + " 10:00", "end": day(30) + " 15:30", "location": "Pakkhuset, Oslo",
                             "signup_until": day(20)}),
                     "en": ("Workshop on fibre packaging", "Invitation to a workshop.", day(-5),
                            {"start": day(30) + " 10:00", "end": day(30) + " 15:30", "location": "Pakkhuset, Oslo",
                             "signup_until": day(20)})},
        "frokostmote": {"nb": ("Frokostmøte om resirkulering", "Et møte som har vært.", day(-60),
                               {"start": day(-40) + " 08:00", "end": day(-40) + " 09:30", "location": "Bergen"}),
                        "en": ("Breakfast meeting on recycling", "A meeting that has taken place.", day(-60),
                               {"start": day(-40) + " 08:00", "end": day(-40) + " 09:30", "location": "Bergen"})},
    }
    folder = project / "docs" / "nyheter"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(project / "docs" / "assets" / "images" / "logo.svg", folder / "to-sprak.svg")
    # An attachment beside the event, linked from both languages' text.
    (folder / "workshop-program.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    for slug, versions in posts.items():
        for lang, (title, description, date, event) in versions.items():
            lines = ["---", f"title: {title}", f"description: {description}", f"date: {date}"]
            if slug == "to-sprak":
                lines += ["image: to-sprak.svg", "image_alt: " + ("Klyngens logo" if lang == "nb" else "The cluster's logo")]
            if event:
                lines.append("event:")
                lines += [f"  {key}: {value}" for key, value in event.items()]
            body = "Tekst.\n\n## Program\n\nMer tekst.\n" if lang == "nb" else "Text.\n\n## Programme\n\nMore text.\n"
            if slug == "workshop":
                body += "\n[Program (PDF)](workshop-program.pdf)\n"
            (folder / (f"{slug}.md" if lang == "nb" else f"{slug}.{lang}.md")).write_text(
                "\n".join(lines) + "\n---\n\n" + body, encoding="utf-8")
    return posts


# --- Serving a built site like GitHub Pages ------------------------------


# Serve a built site the way GitHub Pages does, on 127.0.0.1.
#
# - The site can live under a sub-path (https://user.github.io/repo/).
# - A directory URL serves its index.html; a directory without the trailing
#   slash redirects to it.
# - Any missing path gets the root 404.html with status 404.
# - Text responses are gzip-compressed when the client accepts it, so
#   transfer sizes measured in a browser are realistic.


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
            ctype = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            if file.suffix == ".js":
                ctype = "application/javascript"
            self.send_response(status)
            self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
            if ctype.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, 6)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            if log is not None:  # what crossed the wire, as the server sent it
                log.append((self.path, len(body)))
            if not head:
                self.wfile.write(body)

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


# --- The recording form endpoint ----------------------------------------


# A Formspree-like form endpoint on 127.0.0.1 that records every request.
#
# Tests switch its answer with `set_mode`:
#
# - "ok": 200 {"ok": true} to script posts; a native post is redirected (303)
#   to its `_next`, as a hosted service does;
# - "rejected": 400 with a Formspree-style `errors` list (one error tied to
#   the email field, one not tied to a field);
# - "rejected_plain": 400 with only {"error": ...};
# - "rate_limited": 429;
# - "server_error": 500 with an HTML body;
# - "bad_json": 400 whose body is not JSON;
# - "slow": answers only when released (mode change or `release()`), so a
#   client's timeout fires first.
#
# `closed()` shuts the listening socket for a while: a real closed port, then
# reopens the same port. Every answer, preflight included, carries CORS
# headers the way a hosted service sends them.


MODES = ("ok", "rejected", "rejected_plain", "rate_limited", "server_error", "bad_json", "slow")
PATH = "/f/test"
# Field errors as Formspree sends them; the texts are the service's, not ours.
REJECTED_ERRORS = [
    {"code": "TYPE_EMAIL", "field": "email", "message": "should be an email"},
    {"code": "BLOCKED", "message": "Submission <b>blocked</b> by spam filter"},
]
SLOW_LIMIT = 60  # seconds a "slow" answer waits at most


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes = b""
    fields: dict[str, str] = field(default_factory=dict)


class FormEndpoint:
    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.mode = "ok"
        self.port = 0
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self._release = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- control ---------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{PATH}"

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown endpoint mode {mode!r}; use one of {MODES}")
        self.release()
        self.mode = mode

    def release(self) -> None:
        """Let every waiting "slow" answer go."""
        with self._lock:
            self._release.set()
            self._release = threading.Event()

    def reset(self) -> None:
        self.set_mode("ok")
        with self._lock:
            self.requests.clear()

    def posts(self) -> list[Recorded]:
        with self._lock:
            return self._posted()

    def start(self) -> None:
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), make_endpoint_handler(self))
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.release()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @contextmanager
    def closed(self):
        """Nothing listens on the endpoint's port inside this block."""
        self.stop()
        try:
            yield
        finally:
            self.start()

    # --- used by the handler -------------------------------------------------

    def record(self, entry: Recorded) -> None:
        with self._lock:
            self.requests.append(entry)
            self._arrived.notify_all()

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Recorded]:
        """Wait until `count` posts have arrived (woken by each arrival); return them."""
        with self._arrived:
            if not self._arrived.wait_for(lambda: len(self._posted()) >= count, timeout):
                raise AssertionError(f"the endpoint got {len(self._posted())} posts, expected {count}")
            return self._posted()

    def _posted(self) -> list[Recorded]:
        """The posts so far; the caller holds the lock."""
        return [r for r in self.requests if r.method == "POST"]

    def release_event(self) -> threading.Event:
        with self._lock:
            return self._release


def make_endpoint_handler(endpoint: FormEndpoint):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep test output quiet
            pass

        def cors(self) -> None:
            origin = self.headers.get("Origin")
            self.send_header("Access-Control-Allow-Origin", origin or "*")
            self.send_header("Vary", "Origin")

        def answer(self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
            try:
                self.send_response(status)
                self.cors()
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (extra or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (its timeout), as the test wants

        def json(self, status: int, data) -> None:
            self.answer(status, json.dumps(data).encode(), "application/json")

        def do_OPTIONS(self):
            endpoint.record(Recorded("OPTIONS", self.path, dict(self.headers)))
            self.send_response(204)
            self.cors()
            self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Accept, Content-Type, X-Requested-With")
            self.send_header("Access-Control-Max-Age", "600")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self):
            self.answer(405, b"POST only", "text/plain; charset=utf-8", {"Allow": "POST, OPTIONS"})

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            fields = {}
            if self.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
                parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
                fields = {name: values[-1] for name, values in parsed.items()}
            endpoint.record(Recorded("POST", self.path, dict(self.headers), body, fields))
            wants_json = "application/json" in self.headers.get("Accept", "")
            mode = endpoint.mode
            if urlsplit(self.path).path != PATH:
                return self.json(404, {"error": "Form not found"})
            if mode == "slow":
                endpoint.release_event().wait(SLOW_LIMIT)
                return self.json(200, {"ok": True})
            if mode == "ok":
                if not wants_json and fields.get("_next"):
                    return self.answer(303, b"", "text/plain", {"Location": fields["_next"]})
                return self.json(200, {"ok": True})
            if mode == "rejected":
                return self.json(400, {"error": "Validation errors", "errors": REJECTED_ERRORS})
            if mode == "rejected_plain":
                return self.json(400, {"error": "This form is <i>disabled</i>"})
            if mode == "rate_limited":
                return self.json(429, {"error": "Too many requests"})
            if mode == "server_error":
                return self.answer(500, b"<html><body>Internal Server Error</body></html>", "text/html")
            if mode == "bad_json":
                return self.answer(400, b"<html>not json", "application/json")
            raise AssertionError(mode)

    return Handler


@contextmanager
def serve_form_endpoint():
    """Yield a running FormEndpoint on a port fixed for its whole life."""
    endpoint = FormEndpoint()
    endpoint.start()
    try:
        yield endpoint
    finally:
        endpoint.stop()


# --- The Nu HTML Checker ----------------------------------------------

# A current vnu.jar from the npm registry (tests/tools/package.json): older
# copies reject valid CSP keywords such as 'wasm-unsafe-eval'.
VNU_JAR = ROOT / "tests" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_check(*paths: Path) -> tuple[int, list[dict]]:
    """Run the Nu HTML Checker over files or folders; (exit code, error messages)."""
    if shutil.which("java") is None:
        raise AssertionError("Java is needed for the Nu HTML Checker: apt-get install default-jre-headless")
    if not VNU_JAR.is_file():
        raise AssertionError(f"{VNU_JAR} is missing: run `make test` (it runs npm ci in tests/tools).")
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", "--errors-only",
                             *map(str, paths)], capture_output=True, text=True)
    output = result.stderr or result.stdout
    messages = json.loads(output).get("messages", []) if output.strip().startswith("{") else []
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    if result.returncode != 0 and not errors:
        raise AssertionError(f"the Nu HTML Checker failed:\n{result.stdout}\n{result.stderr}")
    return result.returncode, errors


# --- Pages and the browser ---------------------------------------------


# Missing paths that get 404.html, one per language folder.
MISSING_PAGES = ("cpc-missing-page/", "en/cpc-missing-page/")
DESKTOP = {"width": 1280, "height": 800}
# Records CSP violations from the first byte on (init scripts run before the page's).
RECORD_VIOLATIONS = """
window.__cpcViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cpcViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
});
"""


def source_url(rel: str, languages) -> str:
    """The site path a docs file builds to: 'om-klyngen.en.md' -> 'en/om-klyngen/'."""
    stem, locale = languages.split(rel)
    path = "" if stem == "index" else stem[: -len("index")] if stem.endswith("/index") else stem + "/"
    return languages.root(locale) + path


def page_paths() -> list[str]:
    """Every page the site builds, read from docs/ (no build needed, so tests
    can be parametrized by page), then the 404 page's visits."""
    from cpc.bilingual import Languages

    languages = Languages.from_mkdocs_yml(ROOT / "mkdocs.yml")
    paths = sorted(source_url(p.relative_to(ROOT / "docs").as_posix(), languages) for p in (ROOT / "docs").rglob("*.md"))
    return paths + list(MISSING_PAGES)


def page_id(path: str) -> str:
    return path.rstrip("/") or "home"


PAGES = page_paths()


def built_pages(site_dir: Path) -> list[str]:
    """Site paths of every built HTML page, then the 404 page's visits."""
    pages = []
    for file in sorted(Path(site_dir).rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        if rel != "404.html":
            pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return pages + list(MISSING_PAGES)


def is_missing_page(path: str) -> bool:
    return path in MISSING_PAGES


def language_of(path: str) -> str:
    return "en" if path.startswith("en/") else "nb"


def new_context(browser, **options):
    """A browser context (desktop unless told otherwise) that records CSP violations."""
    context = browser.new_context(**{"viewport": DESKTOP, **options})
    context.add_init_script(RECORD_VIOLATIONS)
    return context


def open_page(page, url: str):
    """Load `url` and wait until the network is quiet (search index included)."""
    response = page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return response


def palette_toggle(page):
    """The header's visible theme toggle (the label of the next scheme)."""
    return page.locator('form[data-md-component="palette"] label:visible')


def color_scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def switch_scheme(page, wanted: str) -> None:
    """Switch to `wanted` ("default" or "slate") with the site's own toggle."""
    if color_scheme(page) != wanted:
        palette_toggle(page).click()
        page.wait_for_function("wanted => document.body.getAttribute('data-md-color-scheme') === wanted", arg=wanted)
    # The switch fades colours; checks must see the final ones.
    page.wait_for_function("() => document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState === 'finished')")


def first_view(browser, url: str) -> dict:
    """Load `url` in a fresh context, cold cache, until the network is idle;
    every request with its compressed size, counted by the browser (CDP)."""
    context = new_context(browser)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        urls, sizes = {}, {}
        cdp.on("Network.requestWillBeSent", lambda event: urls.setdefault(event["requestId"], event["request"]["url"]))
        cdp.on("Network.loadingFinished", lambda event: sizes.__setitem__(event["requestId"], event["encodedDataLength"]))
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        open_page(page, url)
        requests = [(urls[rid], sizes.get(rid, 0)) for rid in urls if not urls[rid].startswith("data:")]
    finally:
        context.close()
    return {"eager": requests, "bytes": sum(size for _, size in requests)}


def one_search(browser, url: str, query: str, log: list) -> dict:
    """Open `url`, then search for `query` as a reader would. Counted by the
    server (`log` from serve_site), since the engine fetches from a worker:
    the requests and bytes from intent to results, the milliseconds, and the
    number of results."""
    context = new_context(browser)
    try:
        page = context.new_page()
        open_page(page, url)
        log.clear()
        started = page.evaluate("performance.now()")
        page.locator("input.md-search__input").fill(query)
        page.wait_for_function("() => /treff|result/i.test(document.querySelector('#cpc-search-status').textContent)")
        elapsed = page.evaluate("performance.now()") - started
        page.wait_for_load_state("networkidle")
        count = page.locator("#cpc-search-results a").count()
        requests = list(log)
    finally:
        context.close()
    return {"requests": requests, "bytes": sum(size for _, size in requests), "ms": elapsed, "results": count}


# --- The link checker --------------------------------------------------

# Attributes that point somewhere; og:image/og:url are absolute site URLs.
LINK_ATTRIBUTES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
                   ("iframe", "src"), ("form", "action"), ("use", "href"))


class Fetcher:
    """GETs each URL once; remembers status and, for HTML, the ids it has."""

    def __init__(self):
        self.cache: dict[str, tuple[int, set[str] | None]] = {}

    def get(self, url: str) -> tuple[int, set[str] | None]:
        if url not in self.cache:
            try:
                with urllib.request.urlopen(url) as response:
                    status, body, ctype = response.status, response.read(), response.headers.get("Content-Type", "")
            except urllib.error.HTTPError as error:
                status, body, ctype = error.code, error.read(), error.headers.get("Content-Type", "")
            ids = None
            if ctype.startswith("text/html"):
                soup = BeautifulSoup(body, "html.parser")
                ids = {tag["id"] for tag in soup.find_all(id=True)} | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
            self.cache[url] = (status, ids)
        return self.cache[url]


def references(html: str):
    soup = BeautifulSoup(html, "html.parser")
    for tag, attribute in LINK_ATTRIBUTES:
        for element in soup.find_all(tag):
            if element.get(attribute) is not None:
                yield f"<{tag} {attribute}>", element[attribute]
    for element in soup.find_all(srcset=True):
        for candidate in element["srcset"].split(","):
            yield "srcset", candidate.split()[0]
    for prop in ("og:image", "og:url"):
        for element in soup.find_all("meta", property=prop):
            yield prop, element["content"]


def check_site(site_dir, base_url: str) -> tuple[list[str], set[str], int]:
    """Return (broken links, external links, number of links checked)."""
    fetcher, broken, external, checked = Fetcher(), [], set(), 0
    own = urlsplit(base_url)
    for path in built_pages(site_dir):
        page_url = base_url + path
        status, _ = fetcher.get(page_url)
        expected = 404 if path.endswith("cpc-missing-page/") else 200
        if status != expected:
            broken.append(f"{path}: the page itself answers {status}")
            continue
        with urllib.request.urlopen(page_url) if expected == 200 else _error_body(page_url) as response:
            html = response.read().decode("utf-8")
        soup = BeautifulSoup(html, "html.parser")
        own_ids = {tag["id"] for tag in soup.find_all(id=True)}
        for what, value in references(html):
            target = urljoin(page_url, value.strip())
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https") or parts.netloc != own.netloc:
                if not target.startswith("data:"):
                    external.add(target)
                continue
            checked += 1
            if not parts.path.startswith(own.path):
                broken.append(f"{path}: {what} {value} leaves the site's folder {own.path}")
                continue
            # A link within the page (the 404 page answers 404 to a fetch).
            status, ids = (200, own_ids) if target.split("#")[0] == page_url else fetcher.get(target.split("#")[0])
            if status != 200:
                broken.append(f"{path}: {what} {value} -> {status}")
            elif parts.fragment and (ids is None or unquote(parts.fragment) not in ids):
                broken.append(f"{path}: {what} {value}: no element with id '{parts.fragment}'")
    return broken, external, checked


def _error_body(url: str):
    try:
        urllib.request.urlopen(url)
    except urllib.error.HTTPError as error:
        return error
    raise AssertionError(f"{url} should answer 404")
