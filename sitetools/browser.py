"""Debian's Chromium through Playwright, as the tests and `make bench` drive it.

`playwright install` cannot download browsers here: the system Chromium is
used, with flags for a closed network."""
from __future__ import annotations

import os
import shutil

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
DESKTOP = {"width": 1280, "height": 800}
# Records CSP violations from the first byte on (init scripts run before the page's).
RECORD_VIOLATIONS = """
window.__cpcViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cpcViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
});
"""


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


def first_view(browser, url: str, **context_options) -> dict:
    """Load `url` in a fresh context, cold cache, until its load event;
    every request with its compressed size, counted by the browser (CDP)."""
    context = new_context(browser, **context_options)
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
        count = page.locator("#cpc-search-results a").count()
        requests = list(log)
    finally:
        context.close()
    return {"requests": requests, "bytes": sum(size for _, size in requests), "ms": elapsed, "results": count}


