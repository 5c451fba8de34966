"""`make screenshots`: every page kind of the populated sample site
(tests/sample/), 390 and 1366 px wide, both languages and both colour
schemes, written to test-output/screenshots/ (not committed) for people to
look at. It also asserts that each fits the screen; in `make test` the page
gates check that on every page (support/gates.py), so this file runs on
request only (the `screenshots` marker, deselected in pytest.ini)."""
from __future__ import annotations

import os

import pytest

from support import ROOT, new_context, open_page, switch_scheme
from support.browser import ANIMATIONS_DONE
from support.site import LOCALES, address, in_languages, news_address, root

pytestmark = pytest.mark.screenshots

OUTPUT = ROOT / "test-output" / "screenshots"
# Set by `make screenshots`.
WRITE_SCREENSHOTS = os.environ.get("CPC_SCREENSHOTS") == "1"


def each_language(path_in) -> dict[str, str]:
    """{locale: the page's path in that language}, from a function of the locale."""
    return {lang: path_in(lang) for lang in LOCALES}


KINDS = {  # page kind -> its path in each language
    "home": each_language(root),
    "page": each_language(lambda lang: f"{root(lang)}om-klyngen/"),
    "focus-area": each_language(lambda lang: f"{address('focus_areas', lang)}resirkulering/"),
    "contact": each_language(lambda lang: address("contact", lang)),
    "goals": each_language(lambda lang: address("goals", lang)),
    "news": each_language(news_address),
    "post": each_language(lambda lang: news_address(lang, "besok")),
    "event": each_language(lambda lang: news_address(lang, "workshop")),
    # A missing page, by a name readers of each language might try.
    "404": {lang: root(lang) + name for lang, name in in_languages("finnes-ikke/", "does-not-exist/").items()},
}
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 768}}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", KINDS)
def test_each_page_kind_fits_the_screen(browser, sample_site, kind, width):
    _, url, _ = sample_site
    context = new_context(browser, viewport=WIDTHS[width], is_mobile=width == "phone")
    try:
        page = context.new_page()
        for lang, path in KINDS[kind].items():
            open_page(page, url + path)
            overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
            assert overflow <= 0, f"{path} at {width}: {overflow} px wider than the screen"
            if WRITE_SCREENSHOTS:
                OUTPUT.mkdir(parents=True, exist_ok=True)
                # A full-page capture does not scroll: load the lazy pictures
                # below the first screen as a reader's scrolling would.
                page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
                page.wait_for_function("() => [...document.images].every(i => i.complete)")
                for scheme in ("default", "slate"):
                    switch_scheme(page, scheme)
                    # The header fades its colours on a switch; capture the settled page.
                    page.wait_for_function(ANIMATIONS_DONE)
                    page.screenshot(path=OUTPUT / f"{kind}-{lang}-{width}-{scheme}.png", full_page=True)
    finally:
        context.close()
