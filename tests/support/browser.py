"""What the tests do in the browser, on top of sitetools.browser."""
from __future__ import annotations

from sitetools.browser import (CHROMIUM_ARGS, DESKTOP, RECORD_VIOLATIONS, find_chromium, first_view,  # noqa: F401
                               new_context, one_search, open_page)

# Waits until no CSS transition is running: checks must see final colours.
TRANSITIONS_DONE = "() => document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState === 'finished')"
# Waits until no animation at all is running (sliding drawers, fades).
ANIMATIONS_DONE = "() => document.getAnimations().every(a => a.playState !== 'running')"
# The accessibility checks every gate runs (axe-core tags).
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}


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
