"""Debian's Chromium through Playwright, as the tests and `make bench` drive it.

`playwright install` cannot download browsers here: the system Chromium is
used, with flags for a closed network."""
from __future__ import annotations

import os
import shutil

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")
# Debian's package of Chromium's headless shell: the same engine without
# the browser around it, lighter to drive (tests/conftest.py).
HEADLESS_SHELL = "chromium-headless-shell"
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
DESKTOP = {"width": 1280, "height": 800}
# Records CSP violations from the first byte on (init scripts run before the page's).
RECORD_VIOLATIONS = """
window.__cpcViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cpcViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
});
"""


def find_chromium(headless_shell: bool = False) -> str:
    """CHROMIUM_PATH, or the first Chromium on the PATH; with `headless_shell`,
    Debian's chromium-headless-shell first where it is installed."""
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return explicit
    for name in ((HEADLESS_SHELL,) if headless_shell else ()) + CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError(
        "No system Chromium found (looked for: " + ", ".join(CHROMIUM_CANDIDATES) + "). "
        "Install it with `apt-get install chromium` or set CHROMIUM_PATH. "
        "`playwright install` cannot download browsers on this network."
    )


def new_context(browser, **options):
    """A browser context (desktop unless told otherwise) that records CSP violations."""
    context = browser.new_context(**{"viewport": DESKTOP, **options})
    context.add_init_script(RECORD_VIOLATIONS)
    return context


# Set by assets/javascripts/cpc-site.js, which runs after Material's script.
READY = "html[data-cpc-ready]"


def open_page(page, url: str):
    """Load `url` and wait until the site's scripts have run (they load after the first paint)."""
    response = page.goto(url, wait_until="load")
    page.wait_for_selector(READY, state="attached")
    return response


def watch_requests(page) -> list:
    """Every request `page` makes from now on (Playwright Request objects)."""
    requests = []
    page.on("request", lambda request: requests.append(request))
    return requests


def wire_sizes(requests: list) -> list[tuple[str, int]]:
    """(URL, bytes on the wire: headers and compressed body) of each request
    but data: URLs, once its answer has fully arrived (0 if it failed)."""
    sizes = []
    for request in requests:
        if request.url.startswith("data:"):
            continue
        response = request.response()  # waits for the answer
        if response is None or response.finished() is not None:
            sizes.append((request.url, 0))
            continue
        counted = request.sizes()
        sizes.append((request.url, counted["responseHeadersSize"] + counted["responseBodySize"]))
    return sizes


def first_view(browser, url: str, **context_options) -> dict:
    """Load `url` in a fresh context (a cold cache) until the site's scripts
    have run; every request with its size on the wire."""
    context = new_context(browser, **context_options)
    try:
        page = context.new_page()
        requests = watch_requests(page)
        open_page(page, url)
        eager = wire_sizes(requests)
    finally:
        context.close()
    return {"eager": eager, "bytes": sum(size for _, size in eager)}


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
        page.wait_for_function("q => document.querySelector('#cpc-search-results').dataset.cpcQuery === q", arg=query)
        elapsed = page.evaluate("performance.now()") - started
        count = page.locator("#cpc-search-results a").count()
        requests = list(log)
    finally:
        context.close()
    return {"requests": requests, "bytes": sum(size for _, size in requests), "ms": elapsed, "results": count}


