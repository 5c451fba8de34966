"""The browser gates of one page, in one visit (tests/browser/test_quality_pages.py
runs them on every page of the real site and of the sample site; the staff
change test on the pages a change touched).

A reader opens the page in a fresh browser (a cold cache), then:

1. weight: what crosses the wire (compressed, headers included) until the
   site's scripts have run stays within the page's budget: 80 KiB in 8
   requests, or the photo budget (240 KiB) on a page that shows a photo;
   members' logos are not counted, so the budget holds however many join;
   nothing of search loads before the reader asks for it;
2. privacy: no request leaves the site's own origin;
3. keyboard: Tab reaches every visible interactive element, each with a
   visible focus indicator;
4. axe, on the page loaded again (from the cache): no violation in the light
   scheme or the dark one (switched with the site's own toggle), each at a
   desktop's and a phone's width, at both of which the page must not be
   wider than the screen;
5. keyboard, on the page loaded once more: the first Tab stop is the visible
   skip link, and Enter moves focus to the content (on a home page, its hero);
6. CSP: no violation and no console error, from the first byte to the end.
"""
from __future__ import annotations

from pathlib import Path

from support.axe import axe_problems
from support.browser import DESKTOP, foreign, new_context, open_page, switch_scheme, watch_requests, wire_sizes
from support.keyboard import focus_problems, skip_link_problems
from support.pages import is_missing_page, language_of
from support.site import HOMES, ui

KIB = 1024
# A page's first view; a page with a photo gets the photo budget of `make bench`.
BUDGET = {"page": (80 * KIB, 8), "photo": (240 * KIB, 10)}
PHONE = {"width": 390, "height": 800}
LOGO_URLS = "[...document.querySelectorAll('.cpc-members__logos img')].map(i => i.currentSrc || i.src)"


def budget_of(site_dir: Path, path: str) -> str:
    """'photo' when the built page shows a raster picture (the image step's
    <picture>), else 'page'. Read from the page itself, not from a list."""
    file = site_dir / "404.html" if is_missing_page(path) else site_dir / path / "index.html"
    return "photo" if "<picture" in file.read_text(encoding="utf-8") else "page"


def weight_problems(sizes: list[tuple[str, int]], site_url: str, budget: str = "page") -> list[str]:
    total = sum(size for _, size in sizes)
    max_bytes, max_requests = BUDGET[budget]
    problems = []
    if not sizes or total < 1000:
        problems.append(f"nothing measured: {sizes}")
    if total > max_bytes or len(sizes) > max_requests:
        listing = ", ".join(f"{url.removeprefix(site_url)} {size}" for url, size in sizes)
        problems.append(f"{total} bytes in {len(sizes)} requests ({budget} budget {max_bytes // KIB} KiB, "
                        f"{max_requests}): {listing}")
    if any("/pagefind/" in url for url, _ in sizes):
        problems.append("search loaded before the reader asked for it")
    return problems


def console_problems(messages: list, path: str, url: str) -> list[str]:
    problems = []
    for message in messages:
        text = getattr(message, "text", None) or str(message)
        location = getattr(message, "location", None) or {}
        # GitHub Pages answers a missing path with 404.html and status 404;
        # Chromium logs that status for the document itself.
        if is_missing_page(path) and location.get("url") == url and "status of 404" in text:
            continue
        problems.append(f"{text} ({location.get('url', '')})")
    return problems


def page_problems(browser, site_url: str, path: str, budget: str = "page") -> list[str]:
    """Every gate's problems on one page, each named by its gate."""
    context = new_context(browser, color_scheme="light")
    seen: list[str] = []
    # Context-wide, so requests from workers are seen too.
    context.on("request", lambda request: seen.append(request.url))
    try:
        page, messages = context.new_page(), []
        page.on("console", lambda message: messages.append(message) if message.type == "error" else None)
        page.on("pageerror", lambda error: messages.append(error))
        requests = watch_requests(page)
        open_page(page, site_url + path)
        # Members' logos are content the cluster adds, one small lazy request
        # each: the budget holds the page itself, however many members join.
        logos = set(page.evaluate(LOGO_URLS))
        frame = [(url, size) for url, size in wire_sizes(requests) if url not in logos]
        gates = {"weight": weight_problems(frame, site_url, budget)}

        gates["keyboard"] = focus_problems(page)
        violations = page.evaluate("window.__cpcViolations")

        # Loaded again (from the cache) for each part: Tab opened search on its
        # way, and the skip link scrolls. axe judges final colours and sizes:
        # with reduced motion nothing has to settle after each switch.
        page.emulate_media(reduced_motion="reduce")
        open_page(page, site_url + path)
        gates["axe"] = axe_problems(page, "[light]")
        page.set_viewport_size(PHONE)
        gates["axe"] += axe_problems(page, "[phone, light]")
        overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
        if overflow > 0:
            gates["axe"].append(f"[phone] the page is {overflow} px wider than the screen")
        switch_scheme(page, "slate")
        gates["axe"] += axe_problems(page, "[phone, dark]")
        page.set_viewport_size(DESKTOP)
        overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
        if overflow > 0:
            gates["axe"].append(f"[desktop] the page is {overflow} px wider than the screen")
        gates["axe"] += axe_problems(page, "[dark]")
        violations += page.evaluate("window.__cpcViolations")

        page.emulate_media(reduced_motion="no-preference")
        open_page(page, site_url + path)
        # The 404 page's script puts its skip link in the reader's language too.
        target = "#cpc-hero" if path in HOMES else "#main"
        gates["keyboard"] += skip_link_problems(page, ui("skip_link", language_of(path)), target)

        gates["privacy"] = [f"foreign request: {url}" for url in foreign(seen, site_url)]
        gates["CSP"] = [f"violation: {v}" for v in violations + page.evaluate("window.__cpcViolations")]
        gates["CSP"] += [f"console error: {m}" for m in console_problems(messages, path, site_url + path)]
    finally:
        context.close()
    return [f"{gate}: {problem}" for gate, found in gates.items() for problem in found]
