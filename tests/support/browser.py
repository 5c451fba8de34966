"""What the tests do in the browser, on top of sitetools.browser."""
from __future__ import annotations

from urllib.parse import urlsplit

from sitetools.browser import (CHROMIUM_ARGS, DESKTOP, RECORD_VIOLATIONS, find_chromium, first_view,  # noqa: F401
                               new_context, one_search, open_page, watch_requests, wire_sizes)

# Waits until no CSS transition is running: checks must see final colours.
TRANSITIONS_DONE = "() => document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState === 'finished')"
# Waits until no animation at all is running (sliding drawers, fades).
ANIMATIONS_DONE = "() => document.getAnimations().every(a => a.playState !== 'running')"


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
    page.wait_for_function(TRANSITIONS_DONE)


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def foreign(urls: list[str], site_url: str) -> list[str]:
    """The URLs that leave the site's own origin (data: and blob: stay in the page)."""
    own = origin(site_url)
    return [url for url in urls if origin(url) != own and not url.startswith(("data:", "blob:"))]
