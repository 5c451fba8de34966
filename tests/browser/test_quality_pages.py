"""The browser gates, on every page, in one visit per page.

A reader opens the page in a fresh browser (a cold cache), then:

1. weight: at most 80 KiB cross the wire (compressed, headers included) in
   at most 8 requests until the site's scripts have run; nothing of search
   loads before the reader asks for it;
2. privacy: no request leaves the site's own origin;
3. keyboard: Tab reaches every visible interactive element, each with a
   visible focus indicator;
4. axe, on the page loaded again (from the cache): no violation in the light
   scheme or the dark one (switched with the site's own toggle), each at a
   desktop's and a phone's width, where the page must not be wider than the
   screen;
5. keyboard, on the page loaded once more: the first Tab stop is the visible
   skip link, and Enter moves focus to the content (on a home page, its hero);
6. CSP: no violation and no console error, from the first byte to the end.

Each gate reports on its own; the test lists every problem found.
"""
from __future__ import annotations

import pytest

from support import PAGES, is_missing_page, language_of, new_context, open_page, page_id, switch_scheme
from support.axe import axe_problems
from support.browser import DESKTOP, foreign, watch_requests, wire_sizes
from support.keyboard import focus_problems, skip_link_problems
from support.site import HOMES, ui

MAX_BYTES = 80 * 1024
MAX_REQUESTS = 8
PHONE = {"width": 390, "height": 800}


def weight_problems(sizes: list[tuple[str, int]], site_url: str) -> list[str]:
    total = sum(size for _, size in sizes)
    problems = []
    if not sizes or total < 1000:
        problems.append(f"nothing measured: {sizes}")
    if total > MAX_BYTES or len(sizes) > MAX_REQUESTS:
        listing = ", ".join(f"{url.removeprefix(site_url)} {size}" for url, size in sizes)
        problems.append(f"{total} bytes in {len(sizes)} requests (budget 80 KiB, 8): {listing}")
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


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_page_passes_the_browser_gates(browser, site_url, path):
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
        gates = {"weight": weight_problems(wire_sizes(requests), site_url)}

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
    problems = [f"{gate}: {problem}" for gate, found in gates.items() for problem in found]
    assert not problems, f"{path or 'home'}:\n" + "\n".join(problems)
